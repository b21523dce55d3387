/* runtime/mod_abc.c: the _abc module, the one thing abc.py cannot do in
 * Python: mark a class abstract.
 *
 * CPython's Modules/_abc.c implements all of ABCMeta in C.  minipy keeps
 * ABCMeta in Python (runtime/lib/abc.py, like CPython's Lib/_py_abc.py)
 * and only needs this helper: object.__new__ refuses to instantiate a
 * class whose MPY_TPFLAGS_ABSTRACT flag is set (runtime/object_type.c),
 * and in CPython that flag follows assignments to __abstractmethods__
 * (type_set_abstractmethods in Objects/typeobject.c).  ABCMeta.__new__
 * and abc.update_abstractmethods call _set_abstract_flag after storing
 * __abstractmethods__.
 */
#include "runtime/module.h"

#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/type.h"

/* _set_abstract_flag(cls, abstract) -> None */
static MpyObject *abc_set_abstract_flag(MpyObject *m, MpyObject *const *args, size_t nargs,
                                        MpyObject *kw)
{
    if (nargs != 2 || !mpy_type_check(args[0]))
        return mpy_err_format(mpy_exc_TypeError, "_set_abstract_flag(cls, abstract) expects a class");
    MpyType *type = (MpyType *)args[0];
    if (!mpy_type_has_flag(type, MPY_TPFLAGS_HEAPTYPE))
        return mpy_err_format(mpy_exc_TypeError, "cannot set '__abstractmethods__' attribute of immutable type '%s'",
                              type->name);
    int abstract = mpy_object_is_true(args[1]);
    if (abstract < 0)
        return NULL;
    if (abstract)
        type->flags |= MPY_TPFLAGS_ABSTRACT;
    else
        type->flags &= ~(unsigned)MPY_TPFLAGS_ABSTRACT;
    return MPY_RETURN_NONE;
}

static const MpyMethodDef abc_methods[] = {
    {"_set_abstract_flag", abc_set_abstract_flag, MPY_METH_FASTCALL,
     "Set or clear the flag that makes object.__new__ refuse an abstract class."},
    {NULL},
};

const MpyModuleDef mpy__abc_module_def = {
    "_abc", "minipy's helper for abc.ABCMeta.", abc_methods, NULL, 1,
};
