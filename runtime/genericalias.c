/* runtime/genericalias.c: building types.GenericAlias objects from C.
 *
 * Models Py_GenericAlias in CPython's Objects/genericaliasobject.c, the
 * `X | Y` of Objects/unionobject.c and update_bases() of
 * Python/bltinmodule.c.  The alias and union classes live in Python
 * (runtime/lib/types.py): parameterized generics are rare and slow paths
 * anyway, and Python classes are easier for a student to read.  We import
 * `types` on first use.
 */
#include "runtime/genericalias.h"

#include "runtime/error.h"
#include "runtime/import.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

MpyObject *mpy_generic_alias_new(MpyObject *origin, MpyObject *args)
{
    MpyObject *types = mpy_import_module_cstr("types");
    if (types == NULL)
        return NULL;
    MpyObject *alias_type = mpy_object_getattr_cstr(types, "GenericAlias");
    MPY_DECREF(types);
    if (alias_type == NULL)
        return NULL;
    MpyObject *r = mpy_object_call2(alias_type, origin, args);
    MPY_DECREF(alias_type);
    return r;
}

MpyObject *mpy_generic_alias_class_getitem(MpyObject *cls, MpyObject *const *args, size_t nargs,
                                           MpyObject *kwnames)
{
    return mpy_generic_alias_new(cls, args[0]);
}

MpyObject *mpy_generic_alias_type_or(MpyObject *a, MpyObject *b)
{
    MpyObject *types = mpy_import_module_cstr("types");
    if (types == NULL)
        return NULL;
    MpyObject *union_or = mpy_object_getattr_cstr(types, "_union_or");
    MPY_DECREF(types);
    if (union_or == NULL)
        return NULL;
    MpyObject *r = mpy_object_call2(union_or, a, b);
    MPY_DECREF(union_or);
    return r;
}

MpyObject *mpy_resolve_bases(MpyObject *bases)
{
    MpyObject *resolved = NULL; /* list, created at the first replacement */
    ptrdiff_t n = mpy_tuple_size(bases);
    for (ptrdiff_t i = 0; i < n; i++) {
        MpyObject *base = mpy_tuple_item(bases, i);
        MpyObject *entries = NULL;
        if (!mpy_type_check(base)) {
            MpyObject *meth = mpy_object_lookup_attr(base, mpy_str_intern_cstr("__mro_entries__"));
            if (meth == NULL && mpy_err_occurred())
                goto fail;
            if (meth != NULL) {
                entries = mpy_object_call1(meth, bases);
                MPY_DECREF(meth);
                if (entries == NULL)
                    goto fail;
                if (!mpy_tuple_check(entries)) {
                    MPY_DECREF(entries);
                    mpy_err_set(mpy_exc_TypeError, "__mro_entries__ must return a tuple");
                    goto fail;
                }
            }
        }
        if (entries != NULL && resolved == NULL) {
            resolved = mpy_list_new(0);
            for (ptrdiff_t k = 0; resolved != NULL && k < i; k++) {
                if (mpy_list_append(resolved, mpy_tuple_item(bases, k)) < 0)
                    MPY_CLEAR(resolved);
            }
            if (resolved == NULL) {
                MPY_DECREF(entries);
                goto fail;
            }
        }
        if (resolved != NULL) {
            int r = 0;
            if (entries != NULL) {
                for (ptrdiff_t k = 0; r == 0 && k < mpy_tuple_size(entries); k++)
                    r = mpy_list_append(resolved, mpy_tuple_item(entries, k));
                MPY_DECREF(entries);
            } else {
                r = mpy_list_append(resolved, base);
            }
            if (r < 0)
                goto fail;
        }
    }
    if (resolved == NULL)
        return MPY_NEWREF(bases);
    MpyObject *t = mpy_list_as_tuple(resolved);
    MPY_DECREF(resolved);
    return t;
fail:
    MPY_XDECREF(resolved);
    return NULL;
}
