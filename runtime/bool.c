/* runtime/bool.c: the bool type and its two instances, True and False.
 *
 * Models CPython's Objects/boolobject.c.  bool is a subclass of int that
 * cannot be subclassed further; True and False are static, immortal
 * MpyIntObjects whose GMP values (1 and 0) are set up by mpy__int_init().
 * Everything numeric is inherited from int (True + True == 2), except that
 * & | ^ between two bools give a bool again, and repr says True/False.
 */
#include "runtime/int.h"

#include "runtime/error.h"
#include "runtime/int_impl.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

MpyIntObject mpy__true = {.ob_base = MPY_STATIC_HEAD(&mpy_bool_type)};
MpyIntObject mpy__false = {.ob_base = MPY_STATIC_HEAD(&mpy_bool_type)};

static MpyObject *bool_repr(MpyObject *self)
{
    return mpy_str_from_cstr(self == MPY_TRUE ? "True" : "False");
}

static MpyObject *bool_new(MpyType *type, MpyObject *const *args, size_t nargs,
                           MpyObject *kwnames)
{
    if (kwnames != NULL && mpy_tuple_size(kwnames) > 0)
        return mpy_err_format(mpy_exc_TypeError, "bool() takes no keyword arguments");
    if (nargs > 1)
        return mpy_err_format(mpy_exc_TypeError, "bool expected at most 1 argument, got %d",
                              (int)nargs);
    if (nargs == 0)
        return MPY_FALSE;
    int truth = mpy_object_is_true(args[0]);
    if (truth < 0)
        return NULL;
    return mpy_bool_from(truth);
}

/* & | ^: bool op bool stays bool; anything else is int arithmetic. */
static MpyObject *bool_and(MpyObject *a, MpyObject *b)
{
    if (mpy_bool_check(a) && mpy_bool_check(b))
        return mpy_bool_from(a == MPY_TRUE && b == MPY_TRUE);
    return mpy__int_and(a, b);
}

static MpyObject *bool_or(MpyObject *a, MpyObject *b)
{
    if (mpy_bool_check(a) && mpy_bool_check(b))
        return mpy_bool_from(a == MPY_TRUE || b == MPY_TRUE);
    return mpy__int_or(a, b);
}

static MpyObject *bool_xor(MpyObject *a, MpyObject *b)
{
    if (mpy_bool_check(a) && mpy_bool_check(b))
        return mpy_bool_from((a == MPY_TRUE) != (b == MPY_TRUE));
    return mpy__int_xor(a, b);
}

static int bool_bool(MpyObject *self)
{
    return self == MPY_TRUE;
}

MpyType mpy_bool_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "bool",
    .doc = "bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\n"
           "The builtins True and False are the only two instances of the class bool.\n"
           "The class bool is a subclass of the class int, and cannot be subclassed.",
    .basicsize = sizeof(MpyIntObject),
    .flags = MPY_TPFLAGS_INT_SUBCLASS | MPY_TPFLAGS_IMMUTABLETYPE,
    .base = &mpy_int_type,
    .repr = bool_repr,
    .new = bool_new,
    .nb[MPY_NB_AND] = bool_and,
    .nb[MPY_NB_OR] = bool_or,
    .nb[MPY_NB_XOR] = bool_xor,
    .nb_bool = bool_bool,
};
