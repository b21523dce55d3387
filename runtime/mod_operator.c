/* runtime/mod_operator.c: the _operator module, the fast half of operator.
 *
 * Models CPython's Modules/_operator.c.  runtime/lib/operator.py defines
 * everything in Python and then imports the names found here over its
 * own: the operator functions (operator.add is a built-in function, as in
 * CPython) and the callable objects itemgetter, attrgetter and
 * methodcaller, which sorted(key=...) and map() call once per item and so
 * must not cost a Python frame each.
 */
#include "runtime/module.h"

#include <string.h>

#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

/* "add expected 2 arguments, got 1" */
static int check_args(const char *name, size_t nargs, MpyObject *kw, size_t n)
{
    if (kw != NULL && mpy_tuple_size(kw) > 0) {
        mpy_err_format(mpy_exc_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs != n) {
        mpy_err_format(mpy_exc_TypeError, "%s expected %zu argument%s, got %zu", name, n,
                       n == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* The operator functions                                               */

#define BINARY(fname, pyname, expr)                                                         \
    static MpyObject *op_##fname(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw) \
    {                                                                                       \
        if (check_args(pyname, n, kw, 2) < 0)                                               \
            return NULL;                                                                    \
        MpyObject *a = args[0], *b = args[1];                                               \
        return expr;                                                                        \
    }

#define UNARY(fname, pyname, expr)                                                          \
    static MpyObject *op_##fname(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw) \
    {                                                                                       \
        if (check_args(pyname, n, kw, 1) < 0)                                               \
            return NULL;                                                                    \
        MpyObject *a = args[0];                                                             \
        return expr;                                                                        \
    }

static MpyObject *bool_result(int r)
{
    return r < 0 ? NULL : MPY_NEWREF(mpy_bool_from(r));
}

BINARY(add, "add", mpy_number_binop(a, b, MPY_NB_ADD))
BINARY(sub, "sub", mpy_number_binop(a, b, MPY_NB_SUBTRACT))
BINARY(mul, "mul", mpy_number_binop(a, b, MPY_NB_MULTIPLY))
BINARY(matmul, "matmul", mpy_number_binop(a, b, MPY_NB_MATRIX_MULTIPLY))
BINARY(truediv, "truediv", mpy_number_binop(a, b, MPY_NB_TRUE_DIVIDE))
BINARY(floordiv, "floordiv", mpy_number_binop(a, b, MPY_NB_FLOOR_DIVIDE))
BINARY(mod, "mod", mpy_number_binop(a, b, MPY_NB_REMAINDER))
BINARY(lshift, "lshift", mpy_number_binop(a, b, MPY_NB_LSHIFT))
BINARY(rshift, "rshift", mpy_number_binop(a, b, MPY_NB_RSHIFT))
BINARY(and_, "and_", mpy_number_binop(a, b, MPY_NB_AND))
BINARY(or_, "or_", mpy_number_binop(a, b, MPY_NB_OR))
BINARY(xor, "xor", mpy_number_binop(a, b, MPY_NB_XOR))
BINARY(pow, "pow", mpy_number_power(a, b, MPY_NONE))
BINARY(iadd, "iadd", mpy_number_inplace(a, b, MPY_NB_ADD))
BINARY(isub, "isub", mpy_number_inplace(a, b, MPY_NB_SUBTRACT))
BINARY(imul, "imul", mpy_number_inplace(a, b, MPY_NB_MULTIPLY))
BINARY(imatmul, "imatmul", mpy_number_inplace(a, b, MPY_NB_MATRIX_MULTIPLY))
BINARY(itruediv, "itruediv", mpy_number_inplace(a, b, MPY_NB_TRUE_DIVIDE))
BINARY(ifloordiv, "ifloordiv", mpy_number_inplace(a, b, MPY_NB_FLOOR_DIVIDE))
BINARY(imod, "imod", mpy_number_inplace(a, b, MPY_NB_REMAINDER))
BINARY(ilshift, "ilshift", mpy_number_inplace(a, b, MPY_NB_LSHIFT))
BINARY(irshift, "irshift", mpy_number_inplace(a, b, MPY_NB_RSHIFT))
BINARY(iand, "iand", mpy_number_inplace(a, b, MPY_NB_AND))
BINARY(ior, "ior", mpy_number_inplace(a, b, MPY_NB_OR))
BINARY(ixor, "ixor", mpy_number_inplace(a, b, MPY_NB_XOR))
BINARY(ipow, "ipow", mpy_number_inplace(a, b, MPY_NB_POWER))
BINARY(lt, "lt", mpy_object_richcompare(a, b, MPY_LT))
BINARY(le, "le", mpy_object_richcompare(a, b, MPY_LE))
BINARY(eq, "eq", mpy_object_richcompare(a, b, MPY_EQ))
BINARY(ne, "ne", mpy_object_richcompare(a, b, MPY_NE))
BINARY(gt, "gt", mpy_object_richcompare(a, b, MPY_GT))
BINARY(ge, "ge", mpy_object_richcompare(a, b, MPY_GE))
BINARY(is_, "is_", MPY_NEWREF(mpy_bool_from(a == b)))
BINARY(is_not, "is_not", MPY_NEWREF(mpy_bool_from(a != b)))
BINARY(contains, "contains", bool_result(mpy_sequence_contains(a, b)))
BINARY(getitem, "getitem", mpy_object_getitem(a, b))
UNARY(neg, "neg", mpy_number_negative(a))
UNARY(pos, "pos", mpy_number_positive(a))
UNARY(abs, "abs", mpy_number_absolute(a))
UNARY(inv, "inv", mpy_number_invert(a))
UNARY(invert, "invert", mpy_number_invert(a))
UNARY(index, "index", mpy_number_index(a))
UNARY(truth, "truth", bool_result(mpy_object_is_true(a)))
UNARY(not_, "not_", bool_result(mpy_object_not(a)))

#undef BINARY
#undef UNARY

static MpyObject *op_setitem(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw)
{
    if (check_args("setitem", n, kw, 3) < 0 || mpy_object_setitem(args[0], args[1], args[2]) < 0)
        return NULL;
    return MPY_RETURN_NONE;
}

static MpyObject *op_delitem(MpyObject *m, MpyObject *const *args, size_t n, MpyObject *kw)
{
    if (check_args("delitem", n, kw, 2) < 0 || mpy_object_delitem(args[0], args[1]) < 0)
        return NULL;
    return MPY_RETURN_NONE;
}

/* ------------------------------------------------------------------ */
/* itemgetter, attrgetter, methodcaller                                 */

typedef struct {
    MpyObject ob_base;
    MpyObject *items;     /* tuple of keys / dotted-name tuples / (name, args) */
    MpyObject *kwargs;    /* methodcaller only: dict or NULL */
} GetterObject;

extern MpyType mpy_itemgetter_type;
extern MpyType mpy_attrgetter_type;
extern MpyType mpy_methodcaller_type;

static void getter_dealloc(MpyObject *self)
{
    mpy_gc_untrack(self);
    GetterObject *g = (GetterObject *)self;
    MPY_CLEAR(g->items);
    MPY_CLEAR(g->kwargs);
    mpy_object_free(self);
}

static int getter_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    GetterObject *g = (GetterObject *)self;
    MPY_VISIT(g->items);
    MPY_VISIT(g->kwargs);
    return 0;
}

static MpyObject *make_getter(MpyType *type, MpyObject *items, MpyObject *kwargs)
{
    GetterObject *g = (GetterObject *)mpy_object_alloc(type);
    if (g == NULL)
        return NULL;
    g->items = MPY_NEWREF(items);
    g->kwargs = kwargs ? MPY_NEWREF(kwargs) : NULL;
    mpy_gc_track((MpyObject *)g);
    return (MpyObject *)g;
}

/* The one argument of a getter call: f(obj). */
static int call_arg(const char *name, size_t nargs, MpyObject *kw)
{
    if (kw != NULL && mpy_tuple_size(kw) > 0) {
        mpy_err_format(mpy_exc_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs != 1) {
        mpy_err_format(mpy_exc_TypeError, "%s expected 1 argument, got %zu", name, nargs);
        return -1;
    }
    return 0;
}

/* "operator.itemgetter(1, 'a')" from the reprs of the items. */
static MpyObject *getter_repr(MpyObject *self, const char *name, MpyObject *items)
{
    int r = mpy_repr_enter(self);
    if (r != 0)
        return r > 0 ? mpy_str_from_format("%s(...)", name) : NULL;
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    int err = mpy_sb_printf(&sb, "%s(", name);
    for (ptrdiff_t i = 0; err == 0 && i < mpy_tuple_size(items); i++) {
        if (i > 0)
            err = mpy_sb_append(&sb, ", ", 2);
        if (err == 0)
            err = mpy_sb_append_repr(&sb, mpy_tuple_item(items, i));
    }
    if (err == 0)
        err = mpy_sb_append(&sb, ")", 1);
    mpy_repr_leave(self);
    if (err < 0) {
        mpy_sb_discard(&sb);
        return NULL;
    }
    return mpy_sb_finish(&sb);
}

static MpyObject *itemgetter_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (kw != NULL && mpy_tuple_size(kw) > 0)
        return mpy_err_format(mpy_exc_TypeError, "itemgetter() takes no keyword arguments");
    if (nargs < 1)
        return mpy_err_format(mpy_exc_TypeError, "itemgetter expected 1 argument, got 0");
    MpyObject *items = mpy_tuple_from_array(args, (ptrdiff_t)nargs);
    if (items == NULL)
        return NULL;
    MpyObject *g = make_getter(type, items, NULL);
    MPY_DECREF(items);
    return g;
}

static MpyObject *itemgetter_call(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    GetterObject *g = (GetterObject *)self;
    if (call_arg("itemgetter", nargs, kw) < 0)
        return NULL;
    ptrdiff_t n = mpy_tuple_size(g->items);
    if (n == 1)
        return mpy_object_getitem(args[0], mpy_tuple_item(g->items, 0));
    MpyObject *result = mpy_tuple_new(n);
    for (ptrdiff_t i = 0; result != NULL && i < n; i++) {
        MpyObject *v = mpy_object_getitem(args[0], mpy_tuple_item(g->items, i));
        if (v == NULL) {
            MPY_CLEAR(result);
            break;
        }
        mpy_tuple_init_take(result, i, v);
    }
    return result;
}

static MpyObject *itemgetter_repr(MpyObject *self)
{
    return getter_repr(self, "operator.itemgetter", ((GetterObject *)self)->items);
}

static MpyObject *getter_reduce(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return mpy_tuple_pack(2, (MpyObject *)MPY_TYPE(self), ((GetterObject *)self)->items);
}

static const MpyMethodDef getter_methods[] = {
    {"__reduce__", getter_reduce, MPY_METH_NOARGS, "Return state information for pickling"},
    {NULL},
};

MpyType mpy_itemgetter_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "operator.itemgetter",
    .doc = "itemgetter(item, ...) --> itemgetter object\n\nReturn a callable object that fetches the given item(s) from its operand.",
    .basicsize = sizeof(GetterObject),
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = getter_dealloc,
    .traverse = getter_traverse,
    .repr = itemgetter_repr,
    .call = itemgetter_call,
    .new = itemgetter_new,
    .methods = getter_methods,
};

/* attrgetter keeps each name as a tuple of its dotted parts. */
static MpyObject *attrgetter_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (kw != NULL && mpy_tuple_size(kw) > 0)
        return mpy_err_format(mpy_exc_TypeError, "attrgetter() takes no keyword arguments");
    if (nargs < 1)
        return mpy_err_format(mpy_exc_TypeError, "attrgetter expected 1 argument, got 0");
    for (size_t i = 0; i < nargs; i++) {
        if (!mpy_str_check(args[i]))
            return mpy_err_format(mpy_exc_TypeError, "attribute name must be a string");
    }
    MpyObject *names = mpy_tuple_from_array(args, (ptrdiff_t)nargs);
    if (names == NULL)
        return NULL;
    MpyObject *g = make_getter(type, names, NULL);
    MPY_DECREF(names);
    return g;
}

/* obj.a.b.c for the name "a.b.c".  Returns: new reference or NULL. */
static MpyObject *dotted_getattr(MpyObject *obj, MpyObject *name)
{
    const char *s = mpy_str_utf8(name);
    if (strchr(s, '.') == NULL)
        return mpy_object_getattr(obj, name);
    MpyObject *cur = MPY_NEWREF(obj);
    const char *start = s;
    for (;;) {
        const char *dot = strchr(start, '.');
        size_t len = dot ? (size_t)(dot - start) : strlen(start);
        MpyObject *part = mpy_str_from_utf8(start, len);
        MpyObject *next = part ? mpy_object_getattr(cur, part) : NULL;
        MPY_XDECREF(part);
        MPY_DECREF(cur);
        if (next == NULL)
            return NULL;
        cur = next;
        if (dot == NULL)
            return cur;
        start = dot + 1;
    }
}

static MpyObject *attrgetter_call(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    GetterObject *g = (GetterObject *)self;
    if (call_arg("attrgetter", nargs, kw) < 0)
        return NULL;
    ptrdiff_t n = mpy_tuple_size(g->items);
    if (n == 1)
        return dotted_getattr(args[0], mpy_tuple_item(g->items, 0));
    MpyObject *result = mpy_tuple_new(n);
    for (ptrdiff_t i = 0; result != NULL && i < n; i++) {
        MpyObject *v = dotted_getattr(args[0], mpy_tuple_item(g->items, i));
        if (v == NULL) {
            MPY_CLEAR(result);
            break;
        }
        mpy_tuple_init_take(result, i, v);
    }
    return result;
}

static MpyObject *attrgetter_repr(MpyObject *self)
{
    return getter_repr(self, "operator.attrgetter", ((GetterObject *)self)->items);
}

MpyType mpy_attrgetter_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "operator.attrgetter",
    .doc = "attrgetter(attr, ...) --> attrgetter object\n\nReturn a callable object that fetches the given attribute(s) from its operand.",
    .basicsize = sizeof(GetterObject),
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = getter_dealloc,
    .traverse = getter_traverse,
    .repr = attrgetter_repr,
    .call = attrgetter_call,
    .new = attrgetter_new,
    .methods = getter_methods,
};

/* methodcaller(name, /, *args, **kwargs): items is (name, *args). */
static MpyObject *methodcaller_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (nargs < 1)
        return mpy_err_format(mpy_exc_TypeError, "methodcaller needs at least one argument, the method name");
    if (!mpy_str_check(args[0]))
        return mpy_err_format(mpy_exc_TypeError, "method name must be a string");
    MpyObject *items = mpy_tuple_from_array(args, (ptrdiff_t)nargs);
    MpyObject *kwargs = items ? mpy_dict_new() : NULL;
    for (ptrdiff_t i = 0; kwargs != NULL && kw != NULL && i < mpy_tuple_size(kw); i++) {
        if (mpy_dict_set(kwargs, mpy_tuple_item(kw, i), args[nargs + (size_t)i]) < 0)
            MPY_CLEAR(kwargs);
    }
    MpyObject *g = kwargs ? make_getter(type, items, kwargs) : NULL;
    MPY_XDECREF(items);
    MPY_XDECREF(kwargs);
    return g;
}

static MpyObject *methodcaller_call(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    GetterObject *g = (GetterObject *)self;
    if (call_arg("methodcaller", nargs, kw) < 0)
        return NULL;
    MpyObject *meth = mpy_object_getattr(args[0], mpy_tuple_item(g->items, 0));
    if (meth == NULL)
        return NULL;
    MpyObject *rest = mpy_tuple_slice(g->items, 1, mpy_tuple_size(g->items));
    MpyObject *r = rest ? mpy_object_call_tuple(meth, rest, mpy_dict_size(g->kwargs) ? g->kwargs : NULL) : NULL;
    MPY_XDECREF(rest);
    MPY_DECREF(meth);
    return r;
}

static MpyObject *methodcaller_repr(MpyObject *self)
{
    GetterObject *g = (GetterObject *)self;
    int r = mpy_repr_enter(self);
    if (r != 0)
        return r > 0 ? mpy_str_from_cstr("operator.methodcaller(...)") : NULL;
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    int err = mpy_sb_append_cstr(&sb, "operator.methodcaller(");
    for (ptrdiff_t i = 0; err == 0 && i < mpy_tuple_size(g->items); i++) {
        if (i > 0)
            err = mpy_sb_append(&sb, ", ", 2);
        if (err == 0)
            err = mpy_sb_append_repr(&sb, mpy_tuple_item(g->items, i));
    }
    ptrdiff_t pos = 0;
    MpyObject *key, *value;
    while (err == 0 && mpy_dict_next(g->kwargs, &pos, &key, &value)) {
        err = mpy_sb_append(&sb, ", ", 2);
        if (err == 0)
            err = mpy_sb_append_str(&sb, key);
        if (err == 0)
            err = mpy_sb_append(&sb, "=", 1);
        if (err == 0)
            err = mpy_sb_append_repr(&sb, value);
    }
    if (err == 0)
        err = mpy_sb_append(&sb, ")", 1);
    mpy_repr_leave(self);
    if (err < 0) {
        mpy_sb_discard(&sb);
        return NULL;
    }
    return mpy_sb_finish(&sb);
}

MpyType mpy_methodcaller_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "operator.methodcaller",
    .doc = "methodcaller(name, ...) --> methodcaller object\n\nReturn a callable object that calls the given method on its operand.",
    .basicsize = sizeof(GetterObject),
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = getter_dealloc,
    .traverse = getter_traverse,
    .repr = methodcaller_repr,
    .call = methodcaller_call,
    .new = methodcaller_new,
};

/* ------------------------------------------------------------------ */
/* The module                                                           */

#define FN(name, doc) {#name, op_##name, MPY_METH_FASTCALL, doc}

static const MpyMethodDef operator_methods[] = {
    FN(add, "Same as a + b."), FN(sub, "Same as a - b."), FN(mul, "Same as a * b."),
    FN(matmul, "Same as a @ b."), FN(truediv, "Same as a / b."), FN(floordiv, "Same as a // b."),
    FN(mod, "Same as a % b."), FN(lshift, "Same as a << b."), FN(rshift, "Same as a >> b."),
    FN(and_, "Same as a & b."), FN(or_, "Same as a | b."), FN(xor, "Same as a ^ b."),
    FN(pow, "Same as a ** b."), FN(iadd, "Same as a += b."), FN(isub, "Same as a -= b."),
    FN(imul, "Same as a *= b."), FN(imatmul, "Same as a @= b."), FN(itruediv, "Same as a /= b."),
    FN(ifloordiv, "Same as a //= b."), FN(imod, "Same as a %= b."), FN(ilshift, "Same as a <<= b."),
    FN(irshift, "Same as a >>= b."), FN(iand, "Same as a &= b."), FN(ior, "Same as a |= b."),
    FN(ixor, "Same as a ^= b."), FN(ipow, "Same as a **= b."), FN(lt, "Same as a < b."),
    FN(le, "Same as a <= b."), FN(eq, "Same as a == b."), FN(ne, "Same as a != b."),
    FN(gt, "Same as a > b."), FN(ge, "Same as a >= b."), FN(is_, "Same as a is b."),
    FN(is_not, "Same as a is not b."), FN(contains, "Same as b in a (note reversed operands)."),
    FN(getitem, "Same as a[b]."), FN(setitem, "Same as a[b] = c."), FN(delitem, "Same as del a[b]."),
    FN(neg, "Same as -a."), FN(pos, "Same as +a."), FN(abs, "Same as abs(a)."),
    FN(inv, "Same as ~a."), FN(invert, "Same as ~a."), FN(index, "Same as a.__index__()"),
    FN(truth, "Return True if a is true, False otherwise."), FN(not_, "Same as not a."),
    {NULL},
};

#undef FN

static int operator_exec(MpyObject *module)
{
    MpyType *types[] = {&mpy_itemgetter_type, &mpy_attrgetter_type, &mpy_methodcaller_type};
    for (size_t i = 0; i < 3; i++) {
        if (mpy_type_ready(types[i]) < 0 || mpy_module_add_type(module, types[i]) < 0)
            return -1;
    }
    return 0;
}

const MpyModuleDef mpy__operator_module_def = {
    "_operator", "The C versions of the operator functions and getters (see operator).",
    operator_methods, operator_exec, 1,
};
