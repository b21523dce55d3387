/* runtime/genericalias.c: building types.GenericAlias objects from C.
 *
 * Models Py_GenericAlias in CPython's Objects/genericaliasobject.c.  The
 * alias class lives in Python (runtime/lib/types.py): parameterized
 * generics are rare and slow paths anyway, and the Python class is easier
 * for a student to read.  We import `types` on first use.
 */
#include "runtime/genericalias.h"

#include "runtime/error.h"
#include "runtime/import.h"

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
