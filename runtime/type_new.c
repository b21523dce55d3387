/* runtime/type_new.c: creating classes (the `class` statement and
 * type(name, bases, dict)) and the life cycle of their instances.
 *
 * Models type_new, best_base, subtype_dealloc and friends in CPython's
 * Objects/typeobject.c.  Instances of a class keep their __dict__ in the
 * "managed dict" word in front of the object (MPY_TPFLAGS_MANAGED_DICT),
 * unless the base already has one (exceptions, functions) or the class
 * declares __slots__, whose names become member descriptors stored right
 * after the base's layout.
 */
#include "runtime/type.h"

#include <stdlib.h>
#include <string.h>

#include "gil/brc.h"
#include "gil/tstate.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/func.h"
#include "runtime/gc.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/eval.h"

extern const MpyGetSetDef mpy__instance_dict_getset; /* runtime/object_type.c */

/* ------------------------------------------------------------------ */
/* Instances of classes                                                 */

static void subtype_dealloc(MpyObject *self);

static MpyType *first_static_base(MpyType *type)
{
    while (type->dealloc == subtype_dealloc)
        type = type->base;
    return type;
}

/* Run __del__ if the class has one.  Returns true if the object was
 * resurrected by it (and must not be freed). */
static bool call_finalizer(MpyObject *self)
{
    MpyObject *del = mpy_type_lookup(MPY_TYPE(self), MPY_ID(__del__));
    if (del == NULL || mpy_gc_is_finalized(self))
        return false;
    mpy__gc_set_finalized(self); /* __del__ runs at most once (PEP 442) */
    mpy__resurrect_start(self);
    MpyObject *saved = mpy_err_fetch();
    MpyObject *r = mpy_object_call1(del, self);
    if (r == NULL)
        mpy_err_write_unraisable(del);
    MPY_XDECREF(r);
    mpy_err_restore_raw(saved);
    return mpy__resurrect_end(self);
}

static void clear_slots(MpyObject *self, MpyType *type)
{
    for (MpyType *t = type; t->dealloc == subtype_dealloc; t = t->base) {
        for (const MpyMemberDef *m = t->members; m && m->name; m++) {
            if (m->type == MPY_MEMBER_OBJECT_EX)
                MPY_CLEAR(*(MpyObject **)((char *)self + m->offset));
        }
    }
}

static void subtype_dealloc(MpyObject *self)
{
    MpyType *type = MPY_TYPE(self);
    if (call_finalizer(self))
        return;
    mpy_gc_untrack(self);
    clear_slots(self, type);
    if (mpy_type_has_flag(type, MPY_TPFLAGS_MANAGED_DICT))
        MPY_CLEAR(*mpy__managed_dict_ptr(self));
    MpyType *base = first_static_base(type);
    if (base->dealloc != NULL)
        base->dealloc(self);
    else
        mpy_object_free(self);
}

static int subtype_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    MpyType *type = MPY_TYPE(self);
    if (mpy_type_has_flag(type, MPY_TPFLAGS_MANAGED_DICT))
        MPY_VISIT(*mpy__managed_dict_ptr(self));
    for (MpyType *t = type; t->dealloc == subtype_dealloc; t = t->base) {
        for (const MpyMemberDef *m = t->members; m && m->name; m++) {
            if (m->type == MPY_MEMBER_OBJECT_EX)
                MPY_VISIT(*(MpyObject **)((char *)self + m->offset));
        }
    }
    MPY_VISIT((MpyObject *)type);
    MpyType *base = first_static_base(type);
    if (base->traverse != NULL)
        return base->traverse(self, visit, arg);
    return 0;
}

static int subtype_clear(MpyObject *self)
{
    MpyType *type = MPY_TYPE(self);
    if (mpy_type_has_flag(type, MPY_TPFLAGS_MANAGED_DICT))
        MPY_CLEAR(*mpy__managed_dict_ptr(self));
    clear_slots(self, type);
    MpyType *base = first_static_base(type);
    if (base->clear != NULL)
        return base->clear(self);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Choosing the metaclass and the layout base                           */

MpyType *mpy_type_calculate_metaclass(MpyType *metatype, MpyObject *bases)
{
    MpyType *winner = metatype;
    for (ptrdiff_t i = 0; i < mpy_tuple_size(bases); i++) {
        MpyType *t = MPY_TYPE(mpy_tuple_item(bases, i));
        if (mpy_type_is_subtype(winner, t))
            continue;
        if (mpy_type_is_subtype(t, winner)) {
            winner = t;
            continue;
        }
        mpy_err_set(mpy_exc_TypeError,
                    "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                    "subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* The most derived ancestor that adds fields to the instance layout. */
static MpyType *solid_base(MpyType *type)
{
    while (type->base != NULL && type->basicsize == type->base->basicsize &&
           type->itemsize == type->base->itemsize)
        type = type->base;
    return type;
}

static MpyType *best_base(MpyObject *bases)
{
    MpyType *base = NULL, *winner = NULL;
    for (ptrdiff_t i = 0; i < mpy_tuple_size(bases); i++) {
        MpyObject *b = mpy_tuple_item(bases, i);
        if (!mpy_type_check(b)) {
            mpy_err_set(mpy_exc_TypeError, "bases must be types");
            return NULL;
        }
        MpyType *bt = (MpyType *)b;
        if (!mpy_type_has_flag(bt, MPY_TPFLAGS_BASETYPE)) {
            mpy_err_format(mpy_exc_TypeError, "type '%s' is not an acceptable base type", bt->name);
            return NULL;
        }
        MpyType *candidate = solid_base(bt);
        if (winner == NULL || mpy_type_is_subtype(candidate, winner)) {
            winner = candidate;
            base = bt;
        } else if (!mpy_type_is_subtype(winner, candidate)) {
            mpy_err_set(mpy_exc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

/* ------------------------------------------------------------------ */
/* __slots__                                                            */

/* Turn __slots__ into member descriptors after the base layout.
 * Returns 1 if '__dict__' is among the slots, 0 if not, -1 on error. */
static int setup_slots(MpyType *type, MpyObject *slots)
{
    MpyObject *names = mpy_str_check(slots) ? mpy_tuple_pack(1, slots) : mpy_tuple_from_iterable(slots);
    if (names == NULL)
        return -1;
    ptrdiff_t n = mpy_tuple_size(names);
    int want_dict = 0;
    if (n > 0 && type->base->itemsize != 0) {
        mpy_err_format(mpy_exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                       type->base->name);
        goto fail;
    }
    MpyMemberDef *defs = calloc((size_t)n + 1, sizeof(MpyMemberDef));
    if (defs == NULL) {
        mpy_err_no_memory();
        goto fail;
    }
    ptrdiff_t k = 0;
    for (ptrdiff_t i = 0; i < n; i++) {
        MpyObject *name = mpy_tuple_item(names, i);
        if (!mpy_str_check(name)) {
            mpy_err_format(mpy_exc_TypeError, "__slots__ items must be strings, not '%T'", name);
            free(defs);
            goto fail;
        }
        if (mpy_str_equal_cstr(name, "__dict__")) {
            want_dict = 1;
            continue;
        }
        if (mpy_dict_get_str_borrowed(type->dict, name) != NULL) {
            mpy_err_format(mpy_exc_ValueError, "%R in __slots__ conflicts with class variable", name);
            free(defs);
            goto fail;
        }
        MpyObject *interned = mpy_str_intern_take(MPY_NEWREF(name));
        defs[k].name = mpy_str_utf8(interned);
        MPY_DECREF(interned); /* immortal now */
        defs[k].type = MPY_MEMBER_OBJECT_EX;
        defs[k].offset = type->basicsize;
        type->basicsize += sizeof(MpyObject *);
        k++;
    }
    type->members = defs;
    MPY_DECREF(names);
    return want_dict;
fail:
    MPY_DECREF(names);
    return -1;
}

/* ------------------------------------------------------------------ */
/* The class namespace                                                  */

/* Wrap plain functions for the implicitly static/class methods. */
static int wrap_special(MpyObject *dict, MpyObject *name, MpyObject *(*wrap)(MpyObject *))
{
    MpyObject *f = mpy_dict_get_str_borrowed(dict, name);
    if (f == NULL || !mpy_function_check(f))
        return 0;
    MpyObject *w = wrap(f);
    if (w == NULL)
        return -1;
    return mpy_dict_set_take(dict, name, w);
}

static int fill_namespace(MpyType *type, MpyObject *dict)
{
    if (mpy_dict_get_str_borrowed(dict, MPY_ID(__module__)) == NULL) {
        MpyObject *globals = mpy_eval_get_globals();
        MpyObject *modname = globals ? mpy_dict_get_str_borrowed(globals, MPY_ID(__name__)) : NULL;
        if (modname != NULL && mpy_dict_set(dict, MPY_ID(__module__), modname) < 0)
            return -1;
    }
    if (mpy_dict_get_str_borrowed(dict, MPY_ID(__doc__)) == NULL &&
        mpy_dict_set(dict, MPY_ID(__doc__), MPY_NONE) < 0)
        return -1;
    if (wrap_special(dict, MPY_ID(__new__), mpy_staticmethod_new) < 0 ||
        wrap_special(dict, MPY_ID(__init_subclass__), mpy_classmethod_new) < 0 ||
        wrap_special(dict, MPY_ID(__class_getitem__), mpy_classmethod_new) < 0)
        return -1;
    if (mpy_dict_get_str_borrowed(dict, MPY_ID(__eq__)) != NULL &&
        mpy_dict_get_str_borrowed(dict, MPY_ID(__hash__)) == NULL &&
        mpy_dict_set(dict, MPY_ID(__hash__), MPY_NONE) < 0)
        return -1;
    MpyObject *qual = mpy_dict_pop(dict, MPY_ID(__qualname__), MPY_NONE);
    if (qual == NULL)
        return -1;
    if (qual != MPY_NONE && !mpy_str_check(qual)) {
        mpy_err_format(mpy_exc_TypeError, "type __qualname__ must be a str, not %T", qual);
        MPY_DECREF(qual);
        return -1;
    }
    if (qual != MPY_NONE)
        MPY_SETREF(type->qualname, qual);
    else
        MPY_DECREF(qual);
    return 0;
}

/* Call __set_name__ on the new class's attributes, then the parent's
 * __init_subclass__(**kwds). */
static int notify(MpyType *type, MpyObject *kwds)
{
    MpyObject *items = mpy_dict_items(type->dict);
    if (items == NULL)
        return -1;
    for (ptrdiff_t i = 0; i < mpy_list_size(items); i++) {
        MpyObject *pair = ((MpyListObject *)items)->items[i];
        MpyObject *value = mpy_tuple_item(pair, 1);
        MpyObject *set_name = mpy_type_lookup(MPY_TYPE(value), MPY_ID(__set_name__));
        if (set_name == NULL)
            continue;
        MpyObject *args[3] = {value, (MpyObject *)type, mpy_tuple_item(pair, 0)};
        MpyObject *r = mpy_object_call(set_name, args, 3, NULL);
        if (r == NULL) {
            // 3.11 reports the failure as a RuntimeError caused by it.
            MpyObject *cause = mpy_err_fetch();
            MpyObject *msg = mpy_str_from_format("Error calling __set_name__ on '%T' instance %R in '%s'",
                                                 value, args[2], type->name);
            MpyObject *wrapped = msg != NULL ? mpy_exc_new(mpy_exc_RuntimeError, &msg, 1) : NULL;
            MPY_XDECREF(msg);
            if (wrapped != NULL) {
                mpy_exc_set_context(wrapped, cause);
                mpy_exc_set_cause(wrapped, cause);
                mpy_err_restore_raw(wrapped);
            }
            MPY_DECREF(cause);
            MPY_DECREF(items);
            return -1;
        }
        MPY_DECREF(r);
    }
    MPY_DECREF(items);
    /* super(type, type).__init_subclass__(**kwds) */
    MpyObject *mro = type->mro;
    MpyObject *init_sub = NULL;
    for (ptrdiff_t i = 1; i < mpy_tuple_size(mro) && init_sub == NULL; i++) {
        MpyType *t = (MpyType *)mpy_tuple_item(mro, i);
        init_sub = t->dict ? mpy_dict_get_str_borrowed(t->dict, MPY_ID(__init_subclass__)) : NULL;
    }
    if (init_sub == NULL)
        return 0;
    MpyObject *bound = MPY_TYPE(init_sub)->descr_get
                           ? MPY_TYPE(init_sub)->descr_get(init_sub, NULL, (MpyObject *)type)
                           : MPY_NEWREF(init_sub);
    if (bound == NULL)
        return -1;
    MpyObject *empty = mpy_tuple_empty();
    MpyObject *r = mpy_object_call_tuple(bound, empty, kwds);
    MPY_DECREF(empty);
    MPY_DECREF(bound);
    if (r == NULL)
        return -1;
    MPY_DECREF(r);
    return 0;
}

static int set_classcell(MpyType *type)
{
    MpyObject *cell = mpy_dict_pop(type->dict, MPY_ID(__classcell__), MPY_NONE);
    if (cell == NULL)
        return -1;
    if (cell != MPY_NONE) {
        if (MPY_TYPE(cell) != &mpy_cell_type) {
            mpy_err_format(mpy_exc_TypeError, "__classcell__ must be a nonlocal cell, not %T", cell);
            MPY_DECREF(cell);
            return -1;
        }
        MPY_INCREF(type);
        MPY_SETREF(((MpyCellObject *)cell)->ref, (MpyObject *)type);
    }
    MPY_DECREF(cell);
    return 0;
}

/* ------------------------------------------------------------------ */
/* type(name, bases, dict)                                              */

static int init_layout(MpyType *type, MpyType *base)
{
    type->basicsize = base->basicsize;
    type->itemsize = base->itemsize;
    type->dictoffset = base->dictoffset;
    bool base_has_dict = base->dictoffset != 0 || mpy_type_has_flag(base, MPY_TPFLAGS_MANAGED_DICT);
    MpyObject *slots = mpy_dict_get_str_borrowed(type->dict, MPY_ID(__slots__));
    int want_dict = 1;
    if (slots != NULL) {
        want_dict = setup_slots(type, slots);
        if (want_dict < 0)
            return -1;
    }
    if (want_dict && !base_has_dict) {
        type->flags |= MPY_TPFLAGS_MANAGED_DICT;
        if (mpy_dict_get_str_borrowed(type->dict, MPY_ID(__dict__)) == NULL) {
            MpyObject *d = mpy_descr_new_getset(type, &mpy__instance_dict_getset);
            if (d == NULL || mpy_dict_set_take(type->dict, MPY_ID(__dict__), d) < 0)
                return -1;
        }
    }
    return 0;
}

MpyObject *mpy_type_new_class(MpyType *metatype, MpyObject *name, MpyObject *bases,
                              MpyObject *dict, MpyObject *kwds)
{
    MpyObject *obj_bases = NULL;
    if (mpy_tuple_size(bases) == 0) {
        bases = obj_bases = mpy_tuple_pack(1, (MpyObject *)&mpy_object_type);
        if (bases == NULL)
            return NULL;
    }
    MpyType *base = best_base(bases);
    MpyType *type = NULL;
    if (base == NULL)
        goto fail;
    // class D(X, X): CPython's MRO computation rejects repeated bases.
    for (ptrdiff_t i = 1; i < mpy_tuple_size(bases); i++) {
        for (ptrdiff_t j = 0; j < i; j++) {
            if (mpy_tuple_item(bases, i) == mpy_tuple_item(bases, j)) {
                mpy_err_format(mpy_exc_TypeError, "duplicate base class %s",
                               ((MpyType *)mpy_tuple_item(bases, i))->name);
                goto fail;
            }
        }
    }
    type = (MpyType *)mpy_object_alloc(metatype);
    if (type == NULL)
        goto fail;
    type->flags = MPY_TPFLAGS_HEAPTYPE | MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_HAVE_GC;
    for (ptrdiff_t i = 0; i < mpy_tuple_size(bases); i++) {
        MpyType *b = (MpyType *)mpy_tuple_item(bases, i);
        type->flags |= b->flags & (MPY_TPFLAGS_INT_SUBCLASS | MPY_TPFLAGS_LIST_SUBCLASS |
                                   MPY_TPFLAGS_TUPLE_SUBCLASS | MPY_TPFLAGS_BYTES_SUBCLASS |
                                   MPY_TPFLAGS_STR_SUBCLASS | MPY_TPFLAGS_DICT_SUBCLASS |
                                   MPY_TPFLAGS_BASE_EXC_SUBCLASS | MPY_TPFLAGS_TYPE_SUBCLASS);
    }
    type->name_obj = MPY_NEWREF(name);
    type->name = mpy_str_utf8(name);
    type->base = (MpyType *)MPY_NEWREF(base);
    type->bases = MPY_NEWREF(bases);
    type->dealloc = subtype_dealloc;
    type->traverse = subtype_traverse;
    type->clear = subtype_clear;
    if ((type->dict = mpy_dict_copy(dict)) == NULL)
        goto fail;
    if (fill_namespace(type, type->dict) < 0 || init_layout(type, base) < 0)
        goto fail;
    /* The managed-dict flag must not be inherited blindly: computed above. */
    unsigned managed = type->flags & MPY_TPFLAGS_MANAGED_DICT;
    if (mpy_type_ready(type) < 0)
        goto fail;
    type->flags = (type->flags & ~(unsigned)MPY_TPFLAGS_MANAGED_DICT) | managed;
    if (mpy_type_has_flag(base, MPY_TPFLAGS_MANAGED_DICT))
        type->flags |= MPY_TPFLAGS_MANAGED_DICT;
    mpy__slots_fixup(type);
    mpy_gc_track((MpyObject *)type);
    if (set_classcell(type) < 0 || notify(type, kwds) < 0)
        goto fail;
    MPY_XDECREF(obj_bases);
    mpy__ft_shared_object_created((MpyObject *)type);
    return (MpyObject *)type;
fail:
    MPY_XDECREF(obj_bases);
    MPY_XDECREF(type);
    return NULL;
}
