/* runtime/slots.c: dunder methods <-> type slots.
 *
 * Models the slotdefs machinery of CPython's Objects/typeobject.c, in two
 * directions:
 *
 *  - a class defined in Python that defines `__add__` gets the *dispatcher*
 *    slot_nb_add in its nb[MPY_NB_ADD] slot, which looks `__add__` up and
 *    calls it; so C code (and the eval loop) always just calls slots;
 *  - a built-in type whose C slot is filled exposes it to Python as a
 *    wrapper descriptor (`int.__add__`), built from this table too.
 *
 * mpy__slots_fixup decides, per slot, between the inherited C function
 * (when the dunder found along the MRO is just the wrapper of that C
 * function) and the generic dispatcher (when Python code defines it).
 */
#include "runtime/slots.h"

#include <stddef.h>
#include <string.h>

#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

/* ------------------------------------------------------------------ */
/* Calling dunders                                                      */

/* Call `f` (found on the type) as a method of `self` with `args`
 * (+ kwnames).  Returns: new reference or NULL. */
static MpyObject *call_found(MpyObject *f, MpyObject *self, MpyObject *const *args, size_t nargs,
                             MpyObject *kwnames)
{
    MpyType *ft = MPY_TYPE(f);
    if (mpy_type_has_flag(ft, MPY_TPFLAGS_METHOD_DESCRIPTOR)) {
        size_t total = nargs + (kwnames ? (size_t)mpy_tuple_size(kwnames) : 0);
        MpyObject *small[8];
        MpyObject **stack = total + 1 <= 8 ? small : mpy_mem_alloc((total + 1) * sizeof(MpyObject *));
        if (stack == NULL)
            return NULL;
        stack[0] = self;
        for (size_t i = 0; i < total; i++)
            stack[i + 1] = args[i];
        MpyObject *r = mpy_object_call(f, stack, nargs + 1, kwnames);
        if (stack != small)
            mpy_mem_free(stack);
        return r;
    }
    if (ft->descr_get != NULL) {
        MpyObject *bound = ft->descr_get(f, self, (MpyObject *)MPY_TYPE(self));
        if (bound == NULL)
            return NULL;
        MpyObject *r = mpy_object_call(bound, args, nargs, kwnames);
        MPY_DECREF(bound);
        return r;
    }
    return mpy_object_call(f, args, nargs, kwnames);
}

/* self.name(*args) looked up on the type.  Missing: AttributeError.
 * Returns: new reference or NULL. */
static MpyObject *call_method(MpyObject *self, MpyObject *name, MpyObject *const *args, size_t nargs)
{
    MpyObject *f = mpy_type_lookup(MPY_TYPE(self), name);
    if (f == NULL) {
        mpy_err_set_object(mpy_exc_AttributeError, name);
        return NULL;
    }
    MPY_INCREF(f);
    MpyObject *r = call_found(f, self, args, nargs, NULL);
    MPY_DECREF(f);
    return r;
}

/* Like call_method, but a missing method gives NotImplemented. */
static MpyObject *call_maybe(MpyObject *self, MpyObject *name, MpyObject *const *args, size_t nargs)
{
    MpyObject *f = mpy_type_lookup(MPY_TYPE(self), name);
    if (f == NULL || f == MPY_NONE)
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    MPY_INCREF(f);
    MpyObject *r = call_found(f, self, args, nargs, NULL);
    MPY_DECREF(f);
    return r;
}

/* ------------------------------------------------------------------ */
/* Dispatchers for the number slots                                     */

/* Names of the binary dunders, indexed by MPY_NB_*. */
static MpyObject *op_name(int op, bool reflected)
{
    switch (op) {
    case MPY_NB_ADD: return reflected ? MPY_ID(__radd__) : MPY_ID(__add__);
    case MPY_NB_AND: return reflected ? MPY_ID(__rand__) : MPY_ID(__and__);
    case MPY_NB_FLOOR_DIVIDE: return reflected ? MPY_ID(__rfloordiv__) : MPY_ID(__floordiv__);
    case MPY_NB_LSHIFT: return reflected ? MPY_ID(__rlshift__) : MPY_ID(__lshift__);
    case MPY_NB_MATRIX_MULTIPLY: return reflected ? MPY_ID(__rmatmul__) : MPY_ID(__matmul__);
    case MPY_NB_MULTIPLY: return reflected ? MPY_ID(__rmul__) : MPY_ID(__mul__);
    case MPY_NB_REMAINDER: return reflected ? MPY_ID(__rmod__) : MPY_ID(__mod__);
    case MPY_NB_OR: return reflected ? MPY_ID(__ror__) : MPY_ID(__or__);
    case MPY_NB_POWER: return reflected ? MPY_ID(__rpow__) : MPY_ID(__pow__);
    case MPY_NB_RSHIFT: return reflected ? MPY_ID(__rrshift__) : MPY_ID(__rshift__);
    case MPY_NB_SUBTRACT: return reflected ? MPY_ID(__rsub__) : MPY_ID(__sub__);
    case MPY_NB_TRUE_DIVIDE: return reflected ? MPY_ID(__rtruediv__) : MPY_ID(__truediv__);
    default: return reflected ? MPY_ID(__rxor__) : MPY_ID(__xor__);
    }
}

static MpyObject *inplace_name(int op)
{
    switch (op) {
    case MPY_NB_ADD: return MPY_ID(__iadd__);
    case MPY_NB_AND: return MPY_ID(__iand__);
    case MPY_NB_FLOOR_DIVIDE: return MPY_ID(__ifloordiv__);
    case MPY_NB_LSHIFT: return MPY_ID(__ilshift__);
    case MPY_NB_MATRIX_MULTIPLY: return MPY_ID(__imatmul__);
    case MPY_NB_MULTIPLY: return MPY_ID(__imul__);
    case MPY_NB_REMAINDER: return MPY_ID(__imod__);
    case MPY_NB_OR: return MPY_ID(__ior__);
    case MPY_NB_POWER: return MPY_ID(__ipow__);
    case MPY_NB_RSHIFT: return MPY_ID(__irshift__);
    case MPY_NB_SUBTRACT: return MPY_ID(__isub__);
    case MPY_NB_TRUE_DIVIDE: return MPY_ID(__itruediv__);
    default: return MPY_ID(__ixor__);
    }
}

/* CPython's SLOT1BINFULL: a.__op__(b), then b.__rop__(a); the right
 * operand goes first when its type is a subclass that overrides __rop__. */
static MpyObject *binary_dispatch(MpyObject *a, MpyObject *b, int op, MpyBinaryFunc self_slot)
{
    MpyType *ta = MPY_TYPE(a), *tb = MPY_TYPE(b);
    MpyObject *rname = op_name(op, true);
    bool do_other = ta != tb && tb->nb[op] == self_slot && mpy_type_lookup(tb, rname) != NULL;
    if (ta->nb[op] == self_slot) {
        if (do_other && mpy_type_is_subtype(tb, ta) &&
            mpy_type_lookup(tb, rname) != mpy_type_lookup(ta, rname)) {
            MpyObject *r = call_maybe(b, rname, &a, 1);
            if (r != MPY_NOT_IMPLEMENTED)
                return r;
            MPY_DECREF(r);
            do_other = false;
        }
        MpyObject *r = call_maybe(a, op_name(op, false), &b, 1);
        if (r != MPY_NOT_IMPLEMENTED || ta == tb)
            return r;
        MPY_DECREF(r);
    }
    if (do_other)
        return call_maybe(b, rname, &a, 1);
    return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
}

#define BINARY_DISPATCHER(fname, OP)                                                       \
    static MpyObject *fname(MpyObject *a, MpyObject *b) { return binary_dispatch(a, b, OP, fname); } \
    static MpyObject *fname##_inplace(MpyObject *a, MpyObject *b)                           \
    {                                                                                      \
        return call_maybe(a, inplace_name(OP), &b, 1);                                     \
    }
BINARY_DISPATCHER(slot_nb_add, MPY_NB_ADD)
BINARY_DISPATCHER(slot_nb_and, MPY_NB_AND)
BINARY_DISPATCHER(slot_nb_floordiv, MPY_NB_FLOOR_DIVIDE)
BINARY_DISPATCHER(slot_nb_lshift, MPY_NB_LSHIFT)
BINARY_DISPATCHER(slot_nb_matmul, MPY_NB_MATRIX_MULTIPLY)
BINARY_DISPATCHER(slot_nb_mul, MPY_NB_MULTIPLY)
BINARY_DISPATCHER(slot_nb_mod, MPY_NB_REMAINDER)
BINARY_DISPATCHER(slot_nb_or, MPY_NB_OR)
BINARY_DISPATCHER(slot_nb_pow, MPY_NB_POWER)
BINARY_DISPATCHER(slot_nb_rshift, MPY_NB_RSHIFT)
BINARY_DISPATCHER(slot_nb_sub, MPY_NB_SUBTRACT)
BINARY_DISPATCHER(slot_nb_truediv, MPY_NB_TRUE_DIVIDE)
BINARY_DISPATCHER(slot_nb_xor, MPY_NB_XOR)
#undef BINARY_DISPATCHER

static MpyObject *slot_nb_divmod(MpyObject *a, MpyObject *b)
{
    MpyType *ta = MPY_TYPE(a), *tb = MPY_TYPE(b);
    if (ta->nb_divmod == slot_nb_divmod) {
        MpyObject *r = call_maybe(a, MPY_ID(__divmod__), &b, 1);
        if (r != MPY_NOT_IMPLEMENTED || ta == tb)
            return r;
        MPY_DECREF(r);
    }
    if (tb->nb_divmod == slot_nb_divmod)
        return call_maybe(b, MPY_ID(__rdivmod__), &a, 1);
    return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
}

static MpyObject *slot_nb_power3(MpyObject *a, MpyObject *b, MpyObject *mod)
{
    if (mod == MPY_NONE)
        return slot_nb_pow(a, b);
    MpyObject *args[2] = {b, mod};
    if (MPY_TYPE(a)->nb_power3 == slot_nb_power3)
        return call_maybe(a, MPY_ID(__pow__), args, 2);
    return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
}

#define UNARY_DISPATCHER(fname, ID)                                                        \
    static MpyObject *fname(MpyObject *self) { return call_method(self, MPY_ID(ID), NULL, 0); }
UNARY_DISPATCHER(slot_nb_negative, __neg__)
UNARY_DISPATCHER(slot_nb_positive, __pos__)
UNARY_DISPATCHER(slot_nb_absolute, __abs__)
UNARY_DISPATCHER(slot_nb_invert, __invert__)
UNARY_DISPATCHER(slot_nb_int, __int__)
UNARY_DISPATCHER(slot_nb_float, __float__)
UNARY_DISPATCHER(slot_nb_index, __index__)
UNARY_DISPATCHER(slot_repr, __repr__)
UNARY_DISPATCHER(slot_str, __str__)
UNARY_DISPATCHER(slot_iter, __iter__)
#undef UNARY_DISPATCHER

/* __len__ result checks shared by len() and bool(). */
static ptrdiff_t len_result(MpyObject *r)
{
    if (r == NULL)
        return -1;
    if (!mpy_int_check(r)) {
        mpy_err_format(mpy_exc_TypeError, "'%T' object cannot be interpreted as an integer", r);
        MPY_DECREF(r);
        return -1;
    }
    ptrdiff_t n = mpy_int_as_ssize(r);
    MPY_DECREF(r);
    if (n == -1 && mpy_err_occurred()) {
        if (mpy_err_matches(mpy_exc_OverflowError)) {
            mpy_err_clear();
            mpy_err_set(mpy_exc_OverflowError, "cannot fit 'int' into an index-sized integer");
        }
        return -1;
    }
    if (n < 0) {
        mpy_err_set(mpy_exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}

static ptrdiff_t slot_len(MpyObject *self)
{
    return len_result(call_method(self, MPY_ID(__len__), NULL, 0));
}

static int slot_nb_bool(MpyObject *self)
{
    MpyObject *f = mpy_type_lookup(MPY_TYPE(self), MPY_ID(__bool__));
    if (f == NULL) {
        if (mpy_type_lookup(MPY_TYPE(self), MPY_ID(__len__)) == NULL)
            return 1;
        ptrdiff_t n = slot_len(self);
        return n < 0 ? -1 : n > 0;
    }
    if (f == MPY_NONE) {
        mpy_err_format(mpy_exc_TypeError, "'%T' object is not callable", f);
        return -1;
    }
    MPY_INCREF(f);
    MpyObject *r = call_found(f, self, NULL, 0, NULL);
    MPY_DECREF(f);
    if (r == NULL)
        return -1;
    if (!mpy_bool_check(r)) {
        mpy_err_format(mpy_exc_TypeError, "__bool__ should return bool, returned %T", r);
        MPY_DECREF(r);
        return -1;
    }
    int b = r == MPY_TRUE;
    MPY_DECREF(r);
    return b;
}

static MpyHash slot_hash(MpyObject *self)
{
    MpyObject *f = mpy_type_lookup(MPY_TYPE(self), MPY_ID(__hash__));
    if (f == NULL || f == MPY_NONE)
        return mpy_hash_unhashable(self);
    MPY_INCREF(f);
    MpyObject *r = call_found(f, self, NULL, 0, NULL);
    MPY_DECREF(f);
    if (r == NULL)
        return -1;
    if (!mpy_int_check(r)) {
        mpy_err_set(mpy_exc_TypeError, "__hash__ method should return an integer");
        MPY_DECREF(r);
        return -1;
    }
    MpyHash h;
    long long v;
    if (mpy_is_small_int(r))
        h = mpy_small_int_value(r);
    else if (mpy_int_to_long_exact(r, &v))
        h = (MpyHash)v; /* fits a hash word: used as is, as CPython */
    else
        h = mpy_int_hash(r);
    MPY_DECREF(r);
    return h == -1 ? -2 : h;
}

static MpyObject *compare_name(int op)
{
    switch (op) {
    case MPY_LT: return MPY_ID(__lt__);
    case MPY_LE: return MPY_ID(__le__);
    case MPY_EQ: return MPY_ID(__eq__);
    case MPY_NE: return MPY_ID(__ne__);
    case MPY_GT: return MPY_ID(__gt__);
    default: return MPY_ID(__ge__);
    }
}

static MpyObject *slot_richcompare(MpyObject *a, MpyObject *b, int op)
{
    return call_maybe(a, compare_name(op), &b, 1);
}

/* __getattribute__ and/or __getattr__ (CPython's slot_tp_getattr_hook). */
static MpyObject *slot_getattr_hook(MpyObject *self, MpyObject *name)
{
    MpyType *type = MPY_TYPE(self);
    MpyObject *getattribute = mpy_type_lookup(type, MPY_ID(__getattribute__));
    MpyObject *getattr = mpy_type_lookup(type, MPY_ID(__getattr__));
    MpyObject *res;
    if (getattribute == NULL ||
        (MPY_TYPE(getattribute) == &mpy_wrapper_descr_type &&
         ((MpyWrapperDescrObject *)getattribute)->wrapped == (void *)mpy_object_generic_getattr)) {
        res = mpy_object_generic_getattr(self, name);
    } else {
        MPY_INCREF(getattribute);
        res = call_found(getattribute, self, &name, 1, NULL);
        MPY_DECREF(getattribute);
    }
    if (res == NULL && getattr != NULL && mpy_err_matches(mpy_exc_AttributeError)) {
        mpy_err_clear();
        MPY_INCREF(getattr);
        res = call_found(getattr, self, &name, 1, NULL);
        MPY_DECREF(getattr);
    }
    return res;
}

static int slot_setattr(MpyObject *self, MpyObject *name, MpyObject *value)
{
    MpyObject *r;
    if (value == NULL) {
        r = call_method(self, MPY_ID(__delattr__), &name, 1);
    } else {
        MpyObject *args[2] = {name, value};
        r = call_method(self, MPY_ID(__setattr__), args, 2);
    }
    if (r == NULL)
        return -1;
    MPY_DECREF(r);
    return 0;
}

static MpyObject *slot_call(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    MpyObject *f = mpy_type_lookup(MPY_TYPE(self), MPY_ID(__call__));
    if (f == NULL)
        return mpy_err_format(mpy_exc_TypeError, "'%T' object is not callable", self);
    MPY_INCREF(f);
    MpyObject *r = call_found(f, self, args, nargs, kwnames);
    MPY_DECREF(f);
    return r;
}

/* The StopIteration __next__ raised stays set: next(it) re-raises it and
 * `yield from` takes its value (every iternext caller accepts it). */
static MpyObject *slot_iternext(MpyObject *self)
{
    return call_method(self, MPY_ID(__next__), NULL, 0);
}

static MpyObject *slot_descr_get(MpyObject *self, MpyObject *obj, MpyObject *owner)
{
    MpyObject *args[2] = {obj != NULL ? obj : MPY_NONE, owner != NULL ? owner : MPY_NONE};
    return call_method(self, MPY_ID(__get__), args, 2);
}

static int slot_descr_set(MpyObject *self, MpyObject *obj, MpyObject *value)
{
    MpyObject *r;
    if (value == NULL) {
        r = call_method(self, MPY_ID(__delete__), &obj, 1);
    } else {
        MpyObject *args[2] = {obj, value};
        r = call_method(self, MPY_ID(__set__), args, 2);
    }
    if (r == NULL)
        return -1;
    MPY_DECREF(r);
    return 0;
}

static int slot_init(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    MpyObject *f = mpy_type_lookup(MPY_TYPE(self), MPY_ID(__init__));
    if (f == NULL)
        return 0;
    MPY_INCREF(f);
    MpyObject *r = call_found(f, self, args, nargs, kwnames);
    MPY_DECREF(f);
    if (r == NULL)
        return -1;
    if (r != MPY_NONE) {
        mpy_err_format(mpy_exc_TypeError, "__init__() should return None, not '%T'", r);
        MPY_DECREF(r);
        return -1;
    }
    MPY_DECREF(r);
    return 0;
}

static MpyObject *slot_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    MpyObject *f = mpy_type_lookup(type, MPY_ID(__new__));
    if (f == NULL)
        return mpy_err_format(mpy_exc_TypeError, "cannot create '%s' instances", type->name);
    /* __new__ is a static method: unwrap it, then call f(cls, *args). */
    MpyObject *func = MPY_TYPE(f) == &mpy_staticmethod_type ? ((MpyStaticMethodObject *)f)->callable : f;
    MPY_INCREF(func);
    MpyObject *r = call_found(func, (MpyObject *)type, args, nargs, kwnames);
    MPY_DECREF(func);
    return r;
}

/* call_found treats plain functions as methods: that is exactly
 * f(cls, *args) for __new__, since functions are method descriptors. */

static MpyObject *slot_getitem(MpyObject *self, MpyObject *key)
{
    return call_method(self, MPY_ID(__getitem__), &key, 1);
}

static int slot_setitem(MpyObject *self, MpyObject *key, MpyObject *value)
{
    MpyObject *r;
    if (value == NULL) {
        r = call_method(self, MPY_ID(__delitem__), &key, 1);
    } else {
        MpyObject *args[2] = {key, value};
        r = call_method(self, MPY_ID(__setitem__), args, 2);
    }
    if (r == NULL)
        return -1;
    MPY_DECREF(r);
    return 0;
}

static int slot_contains(MpyObject *self, MpyObject *item)
{
    MpyObject *f = mpy_type_lookup(MPY_TYPE(self), MPY_ID(__contains__));
    if (f == MPY_NONE) {
        mpy_err_format(mpy_exc_TypeError, "'%T' object is not a container", self);
        return -1;
    }
    MpyObject *r = call_method(self, MPY_ID(__contains__), &item, 1);
    if (r == NULL)
        return -1;
    int b = mpy_object_is_true(r);
    MPY_DECREF(r);
    return b;
}

/* ------------------------------------------------------------------ */
/* Wrappers: calling a C slot from Python                               */

static int expect_args(size_t nargs, size_t n, MpyObject *kwnames)
{
    if (kwnames != NULL && mpy_tuple_size(kwnames) > 0) {
        mpy_err_set(mpy_exc_TypeError, "wrapper takes no keyword arguments");
        return -1;
    }
    if (nargs != n) {
        mpy_err_format(mpy_exc_TypeError, "expected %zu argument%s, got %zu", n, n == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

#define WRAPPER(name) static MpyObject *name(MpyObject *self, MpyObject *const *args, size_t nargs, \
                                             MpyObject *kwnames, void *wrapped, const MpySlotDef *slot)

/* A sequence's __mul__/__rmul__/__imul__ are CPython's sq_repeat wrappers:
 * the count must be an index ("'str' object cannot be interpreted as an
 * integer"), where the operator says "can't multiply sequence by non-int".
 * Returns: `fn` applied in the given order, or NULL + exception. */
static MpyObject *call_binary(void *wrapped, const MpySlotDef *slot, MpyObject *self, MpyObject *other,
                              bool reflected)
{
    MpyBinaryFunc fn = (MpyBinaryFunc)wrapped;
    if (slot->op != MPY_NB_MULTIPLY || slot->offset == offsetof(MpyType, nb_divmod) ||
        MPY_TYPE(self)->len == NULL)
        return reflected ? fn(other, self) : fn(self, other);
    MpyObject *count = mpy_number_index(other);
    if (count == NULL)
        return NULL;
    MpyObject *r = reflected ? fn(count, self) : fn(self, count);
    MPY_DECREF(count);
    return r;
}

WRAPPER(wrap_binary_l)
{
    if (expect_args(nargs, 1, kwnames) < 0)
        return NULL;
    return call_binary(wrapped, slot, self, args[0], false);
}

WRAPPER(wrap_binary_r)
{
    if (expect_args(nargs, 1, kwnames) < 0)
        return NULL;
    return call_binary(wrapped, slot, self, args[0], true);
}

WRAPPER(wrap_pow)
{
    if (nargs == 2 && args[1] != MPY_NONE) {
        MpyTernaryFunc p3 = MPY_TYPE(self)->nb_power3;
        if (p3 == NULL)
            return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
        return p3(self, args[0], args[1]);
    }
    if (nargs < 1 || nargs > 2)
        return mpy_err_format(mpy_exc_TypeError, "expected 1 or 2 arguments, got %zu", nargs);
    return ((MpyBinaryFunc)wrapped)(self, args[0]);
}

WRAPPER(wrap_unary)
{
    if (expect_args(nargs, 0, kwnames) < 0)
        return NULL;
    return ((MpyUnaryFunc)wrapped)(self);
}

WRAPPER(wrap_inquiry)
{
    if (expect_args(nargs, 0, kwnames) < 0)
        return NULL;
    int r = ((MpyInquiryFunc)wrapped)(self);
    return r < 0 ? NULL : MPY_NEWREF(mpy_bool_from(r));
}

WRAPPER(wrap_len)
{
    if (expect_args(nargs, 0, kwnames) < 0)
        return NULL;
    ptrdiff_t n = ((MpyLenFunc)wrapped)(self);
    return n < 0 ? NULL : mpy_int_from_ssize(n);
}

WRAPPER(wrap_hash)
{
    if (expect_args(nargs, 0, kwnames) < 0)
        return NULL;
    MpyHash h = ((MpyHashFunc)wrapped)(self);
    return h == -1 ? NULL : mpy_int_from_long(h);
}

WRAPPER(wrap_richcmp)
{
    if (expect_args(nargs, 1, kwnames) < 0)
        return NULL;
    return ((MpyRichCmpFunc)wrapped)(self, args[0], slot->op);
}

WRAPPER(wrap_getattr)
{
    if (expect_args(nargs, 1, kwnames) < 0)
        return NULL;
    if (!mpy_str_check(args[0]))
        return mpy_err_format(mpy_exc_TypeError, "attribute name must be string, not '%T'", args[0]);
    return ((MpyGetAttrFunc)wrapped)(self, args[0]);
}

WRAPPER(wrap_setattr)
{
    if (expect_args(nargs, 2, kwnames) < 0)
        return NULL;
    if (!mpy_str_check(args[0]))
        return mpy_err_format(mpy_exc_TypeError, "attribute name must be string, not '%T'", args[0]);
    return ((MpySetAttrFunc)wrapped)(self, args[0], args[1]) < 0 ? NULL : MPY_RETURN_NONE;
}

WRAPPER(wrap_delattr)
{
    if (expect_args(nargs, 1, kwnames) < 0)
        return NULL;
    if (!mpy_str_check(args[0]))
        return mpy_err_format(mpy_exc_TypeError, "attribute name must be string, not '%T'", args[0]);
    return ((MpySetAttrFunc)wrapped)(self, args[0], NULL) < 0 ? NULL : MPY_RETURN_NONE;
}

WRAPPER(wrap_call)
{
    return ((MpyCallFunc)wrapped)(self, args, nargs, kwnames);
}

WRAPPER(wrap_next)
{
    if (expect_args(nargs, 0, kwnames) < 0)
        return NULL;
    MpyObject *r = ((MpyUnaryFunc)wrapped)(self);
    if (r == NULL && !mpy_err_occurred())
        mpy_err_stop_iteration(NULL);
    return r;
}

WRAPPER(wrap_descr_get)
{
    if (nargs < 1 || nargs > 2)
        return mpy_err_format(mpy_exc_TypeError, "expected 1 or 2 arguments, got %zu", nargs);
    MpyObject *obj = args[0] == MPY_NONE ? NULL : args[0];
    MpyObject *owner = nargs > 1 && args[1] != MPY_NONE ? args[1] : NULL;
    if (obj == NULL && owner == NULL)
        return mpy_err_format(mpy_exc_TypeError, "__get__(None, None) is invalid");
    return ((MpyDescrGetFunc)wrapped)(self, obj, owner);
}

WRAPPER(wrap_descr_set)
{
    if (expect_args(nargs, 2, kwnames) < 0)
        return NULL;
    return ((MpyDescrSetFunc)wrapped)(self, args[0], args[1]) < 0 ? NULL : MPY_RETURN_NONE;
}

WRAPPER(wrap_descr_delete)
{
    if (expect_args(nargs, 1, kwnames) < 0)
        return NULL;
    return ((MpyDescrSetFunc)wrapped)(self, args[0], NULL) < 0 ? NULL : MPY_RETURN_NONE;
}

WRAPPER(wrap_init)
{
    return ((MpyInitFunc)wrapped)(self, args, nargs, kwnames) < 0 ? NULL : MPY_RETURN_NONE;
}

WRAPPER(wrap_getitem)
{
    if (expect_args(nargs, 1, kwnames) < 0)
        return NULL;
    return ((MpyBinaryFunc)wrapped)(self, args[0]);
}

WRAPPER(wrap_setitem)
{
    if (expect_args(nargs, 2, kwnames) < 0)
        return NULL;
    return ((MpySetItemFunc)wrapped)(self, args[0], args[1]) < 0 ? NULL : MPY_RETURN_NONE;
}

WRAPPER(wrap_delitem)
{
    if (expect_args(nargs, 1, kwnames) < 0)
        return NULL;
    return ((MpySetItemFunc)wrapped)(self, args[0], NULL) < 0 ? NULL : MPY_RETURN_NONE;
}

WRAPPER(wrap_contains)
{
    if (expect_args(nargs, 1, kwnames) < 0)
        return NULL;
    int r = ((MpyContainsFunc)wrapped)(self, args[0]);
    return r < 0 ? NULL : MPY_NEWREF(mpy_bool_from(r));
}

#undef WRAPPER

/* ------------------------------------------------------------------ */
/* The table                                                            */

#define OFF(field) offsetof(MpyType, field)
#define NB(name, rname, OP, disp)                                                          \
    {name, OFF(nb[OP]), (void *)disp, wrap_binary_l, OP, 0, NULL},                         \
    {rname, OFF(nb[OP]), (void *)disp, wrap_binary_r, OP, 1, NULL}
#define NBI(name, OP, disp) {name, OFF(nb_inplace[OP]), (void *)disp, wrap_binary_l, OP, 0, NULL}
#define CMP(name, OP) {name, OFF(richcompare), (void *)slot_richcompare, wrap_richcmp, OP, 0, NULL}

const MpySlotDef mpy__slotdefs[] = {
    {"__repr__", OFF(repr), (void *)slot_repr, wrap_unary, 0, 0, "Return repr(self)."},
    {"__str__", OFF(str), (void *)slot_str, wrap_unary, 0, 0, "Return str(self)."},
    {"__hash__", OFF(hash), (void *)slot_hash, wrap_hash, 0, 0, "Return hash(self)."},
    {"__call__", OFF(call), (void *)slot_call, wrap_call, 0, 0, "Call self as a function."},
    {"__getattribute__", OFF(getattr), (void *)slot_getattr_hook, wrap_getattr, 0, 0,
     "Return getattr(self, name)."},
    {"__getattr__", OFF(getattr), (void *)slot_getattr_hook, NULL, 0, 0, NULL},
    {"__setattr__", OFF(setattr), (void *)slot_setattr, wrap_setattr, 0, 0,
     "Implement setattr(self, name, value)."},
    {"__delattr__", OFF(setattr), (void *)slot_setattr, wrap_delattr, 0, 0,
     "Implement delattr(self, name)."},
    CMP("__lt__", MPY_LT), CMP("__le__", MPY_LE), CMP("__eq__", MPY_EQ),
    CMP("__ne__", MPY_NE), CMP("__gt__", MPY_GT), CMP("__ge__", MPY_GE),
    {"__iter__", OFF(iter), (void *)slot_iter, wrap_unary, 0, 0, "Implement iter(self)."},
    {"__next__", OFF(iternext), (void *)slot_iternext, wrap_next, 0, 0, "Implement next(self)."},
    {"__get__", OFF(descr_get), (void *)slot_descr_get, wrap_descr_get, 0, 0,
     "Return an attribute of instance, which is of type owner."},
    {"__set__", OFF(descr_set), (void *)slot_descr_set, wrap_descr_set, 0, 0,
     "Set an attribute of instance to value."},
    {"__delete__", OFF(descr_set), (void *)slot_descr_set, wrap_descr_delete, 0, 0,
     "Delete an attribute of instance."},
    {"__init__", OFF(init), (void *)slot_init, wrap_init, 0, 0,
     "Initialize self.  See help(type(self)) for accurate signature."},
    NB("__add__", "__radd__", MPY_NB_ADD, slot_nb_add),
    NB("__sub__", "__rsub__", MPY_NB_SUBTRACT, slot_nb_sub),
    NB("__mul__", "__rmul__", MPY_NB_MULTIPLY, slot_nb_mul),
    NB("__mod__", "__rmod__", MPY_NB_REMAINDER, slot_nb_mod),
    {"__pow__", OFF(nb[MPY_NB_POWER]), (void *)slot_nb_pow, wrap_pow, MPY_NB_POWER, 0, NULL},
    {"__rpow__", OFF(nb[MPY_NB_POWER]), (void *)slot_nb_pow, wrap_binary_r, MPY_NB_POWER, 1, NULL},
    NB("__lshift__", "__rlshift__", MPY_NB_LSHIFT, slot_nb_lshift),
    NB("__rshift__", "__rrshift__", MPY_NB_RSHIFT, slot_nb_rshift),
    NB("__and__", "__rand__", MPY_NB_AND, slot_nb_and),
    NB("__xor__", "__rxor__", MPY_NB_XOR, slot_nb_xor),
    NB("__or__", "__ror__", MPY_NB_OR, slot_nb_or),
    NB("__floordiv__", "__rfloordiv__", MPY_NB_FLOOR_DIVIDE, slot_nb_floordiv),
    NB("__truediv__", "__rtruediv__", MPY_NB_TRUE_DIVIDE, slot_nb_truediv),
    NB("__matmul__", "__rmatmul__", MPY_NB_MATRIX_MULTIPLY, slot_nb_matmul),
    {"__divmod__", OFF(nb_divmod), (void *)slot_nb_divmod, wrap_binary_l, 0, 0, NULL},
    {"__rdivmod__", OFF(nb_divmod), (void *)slot_nb_divmod, wrap_binary_r, 0, 1, NULL},
    NBI("__iadd__", MPY_NB_ADD, slot_nb_add_inplace),
    NBI("__isub__", MPY_NB_SUBTRACT, slot_nb_sub_inplace),
    NBI("__imul__", MPY_NB_MULTIPLY, slot_nb_mul_inplace),
    NBI("__imod__", MPY_NB_REMAINDER, slot_nb_mod_inplace),
    NBI("__ipow__", MPY_NB_POWER, slot_nb_pow_inplace),
    NBI("__ilshift__", MPY_NB_LSHIFT, slot_nb_lshift_inplace),
    NBI("__irshift__", MPY_NB_RSHIFT, slot_nb_rshift_inplace),
    NBI("__iand__", MPY_NB_AND, slot_nb_and_inplace),
    NBI("__ixor__", MPY_NB_XOR, slot_nb_xor_inplace),
    NBI("__ior__", MPY_NB_OR, slot_nb_or_inplace),
    NBI("__ifloordiv__", MPY_NB_FLOOR_DIVIDE, slot_nb_floordiv_inplace),
    NBI("__itruediv__", MPY_NB_TRUE_DIVIDE, slot_nb_truediv_inplace),
    NBI("__imatmul__", MPY_NB_MATRIX_MULTIPLY, slot_nb_matmul_inplace),
    {"__neg__", OFF(nb_negative), (void *)slot_nb_negative, wrap_unary, 0, 0, "-self"},
    {"__pos__", OFF(nb_positive), (void *)slot_nb_positive, wrap_unary, 0, 0, "+self"},
    {"__abs__", OFF(nb_absolute), (void *)slot_nb_absolute, wrap_unary, 0, 0, "abs(self)"},
    {"__invert__", OFF(nb_invert), (void *)slot_nb_invert, wrap_unary, 0, 0, "~self"},
    {"__bool__", OFF(nb_bool), (void *)slot_nb_bool, wrap_inquiry, 0, 0, "True if self else False"},
    {"__int__", OFF(nb_int), (void *)slot_nb_int, wrap_unary, 0, 0, "int(self)"},
    {"__float__", OFF(nb_float), (void *)slot_nb_float, wrap_unary, 0, 0, "float(self)"},
    {"__index__", OFF(nb_index), (void *)slot_nb_index, wrap_unary, 0, 0,
     "Return self converted to an integer, if self is suitable for use as an index into a list."},
    {"__len__", OFF(len), (void *)slot_len, wrap_len, 0, 0, "Return len(self)."},
    {"__getitem__", OFF(getitem), (void *)slot_getitem, wrap_getitem, 0, 0, "Return self[key]."},
    {"__setitem__", OFF(setitem), (void *)slot_setitem, wrap_setitem, 0, 0, "Set self[key] to value."},
    {"__delitem__", OFF(setitem), (void *)slot_setitem, wrap_delitem, 0, 0, "Delete self[key]."},
    {"__contains__", OFF(contains), (void *)slot_contains, wrap_contains, 0, 0, "Return key in self."},
    {NULL},
};

#undef OFF
#undef NB
#undef NBI
#undef CMP

static void **slot_ptr(MpyType *type, const MpySlotDef *def)
{
    return (void **)((char *)type + def->offset);
}

/* ------------------------------------------------------------------ */
/* Static types: expose the slots they fill as wrapper descriptors      */

static MpyObject *tp_new_wrapper(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw);
static const MpyMethodDef tp_new_def = {
    "__new__", tp_new_wrapper, MPY_METH_FASTCALL,
    "Create and return a new object.  See help(type) for accurate signature."};

int mpy__slots_add_wrappers(MpyType *type)
{
    for (const MpySlotDef *def = mpy__slotdefs; def->name != NULL; def++) {
        void *fn = *slot_ptr(type, def);
        if (fn == NULL || def->wrapper == NULL || fn == def->dispatcher)
            continue;
        if (def->offset == offsetof(MpyType, hash) && fn == (void *)mpy_hash_unhashable)
            continue;
        /* A sequence's + is CPython's sq_concat: it has __add__ but no
         * __radd__ (unlike *, whose sq_repeat gives __mul__ and __rmul__). */
        if (def->offset == offsetof(MpyType, nb[MPY_NB_ADD]) && def->reflected && type->len != NULL)
            continue;
        MpyObject *name = mpy_str_intern_cstr(def->name);
        if (name == NULL)
            return -1;
        if (mpy_dict_get_str_borrowed(type->dict, name) != NULL)
            continue;
        MpyObject *w = mpy_descr_new_wrapper(type, def, fn);
        if (w == NULL || mpy_dict_set_take(type->dict, name, w) < 0)
            return -1;
    }
    if (type->new != NULL && mpy_dict_get_str_borrowed(type->dict, MPY_ID(__new__)) == NULL) {
        MpyObject *f = mpy_cfunction_new(&tp_new_def, (MpyObject *)type, NULL);
        if (f == NULL || mpy_dict_set_take(type->dict, MPY_ID(__new__), f) < 0)
            return -1;
    }
    return 0;
}

/* X.__new__(cls, *args): call X's C new slot for subtype cls. */
static MpyObject *tp_new_wrapper(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    MpyType *type = (MpyType *)self;
    if (nargs < 1)
        return mpy_err_format(mpy_exc_TypeError, "%s.__new__(): not enough arguments", type->name);
    MpyObject *arg0 = args[0];
    if (!mpy_type_check(arg0))
        return mpy_err_format(mpy_exc_TypeError, "%s.__new__(X): X is not a type object (%T)",
                              type->name, arg0);
    MpyType *subtype = (MpyType *)arg0;
    if (!mpy_type_is_subtype(subtype, type))
        return mpy_err_format(mpy_exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                              type->name, subtype->name, subtype->name, type->name);
    return type->new(subtype, args + 1, nargs - 1, kw);
}

/* ------------------------------------------------------------------ */
/* Heap types: pick each slot's function from the dunders along the MRO */

/* Decide the slot at `def->offset` for `type`.  Writes the slot. */
static void fixup_one(MpyType *type, const MpySlotDef *first)
{
    void *specific = NULL;
    bool generic = false, found_any = false;
    for (const MpySlotDef *def = first; def->name != NULL; def++) {
        if (def->offset != first->offset)
            continue;
        MpyObject *descr = mpy_type_lookup(type, mpy_str_intern_cstr(def->name));
        if (descr == NULL)
            continue;
        found_any = true;
        if (def->offset == offsetof(MpyType, hash) && descr == MPY_NONE) {
            specific = (void *)mpy_hash_unhashable;
        } else if (MPY_TYPE(descr) == &mpy_wrapper_descr_type &&
                   ((MpyWrapperDescrObject *)descr)->slot->offset == def->offset) {
            void *w = ((MpyWrapperDescrObject *)descr)->wrapped;
            if (specific == NULL || specific == w)
                specific = w;
            else
                generic = true;
        } else {
            generic = true;
        }
    }
    if (!found_any)
        return;
    *slot_ptr(type, first) = generic || specific == NULL ? first->dispatcher : specific;
}

static void fixup_new(MpyType *type)
{
    MpyObject *f = mpy_type_lookup(type, MPY_ID(__new__));
    if (f == NULL)
        return;
    if (MPY_TYPE(f) == &mpy_builtin_function_type &&
        ((MpyBuiltinFunctionObject *)f)->def == &tp_new_def) {
        type->new = ((MpyType *)((MpyBuiltinFunctionObject *)f)->self)->new;
        return;
    }
    type->new = slot_new;
}

void mpy__slots_fixup(MpyType *type)
{
    for (const MpySlotDef *def = mpy__slotdefs; def->name != NULL; def++) {
        bool first_of_group = true;
        for (const MpySlotDef *prev = mpy__slotdefs; prev != def; prev++) {
            if (prev->offset == def->offset) {
                first_of_group = false;
                break;
            }
        }
        if (first_of_group)
            fixup_one(type, def);
    }
    fixup_new(type);
    /* __getattr__ alone also needs the hook (it is not a wrapper). */
    if (mpy_type_lookup(type, MPY_ID(__getattr__)) != NULL)
        type->getattr = slot_getattr_hook;
    /* nb_power3 follows __pow__. */
    if (type->nb[MPY_NB_POWER] == (MpyBinaryFunc)slot_nb_pow)
        type->nb_power3 = slot_nb_power3;
    /* A class defining __len__ but not __bool__ is truthy by length. */
    if (type->len == slot_len && type->nb_bool == NULL)
        type->nb_bool = slot_nb_bool;
}

void mpy__slots_update(MpyType *type, MpyObject *name)
{
    mpy__slots_fixup(type);
    if (type->subclasses == NULL)
        return;
    ptrdiff_t pos = 0;
    MpyObject *key;
    while (mpy_dict_next(type->subclasses, &pos, &key, NULL))
        mpy__slots_update((MpyType *)((uintptr_t)mpy_small_int_value(key) << 3), name);
}
