/* runtime/abstract.c: the number protocol: binary and unary operators,
 * in-place operators, pow with a modulus, and index conversion.
 *
 * Models the number half of CPython's Objects/abstract.c.  A binary
 * operator tries the left operand's slot, then the right operand's (first,
 * if the right operand's type is a subclass of the left's), and raises
 * "unsupported operand type(s) for +: 'int' and 'str'" when both return
 * NotImplemented.
 */
#include "runtime/object.h"

#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/str.h"

static const char *const op_symbols[] = {
    [MPY_NB_ADD] = "+", [MPY_NB_AND] = "&", [MPY_NB_FLOOR_DIVIDE] = "//",
    [MPY_NB_LSHIFT] = "<<", [MPY_NB_MATRIX_MULTIPLY] = "@", [MPY_NB_MULTIPLY] = "*",
    [MPY_NB_REMAINDER] = "%", [MPY_NB_OR] = "|", [MPY_NB_POWER] = "** or pow()",
    [MPY_NB_RSHIFT] = ">>", [MPY_NB_SUBTRACT] = "-", [MPY_NB_TRUE_DIVIDE] = "/",
    [MPY_NB_XOR] = "^",
};

static const char *const inplace_symbols[] = {
    [MPY_NB_ADD] = "+=", [MPY_NB_AND] = "&=", [MPY_NB_FLOOR_DIVIDE] = "//=",
    [MPY_NB_LSHIFT] = "<<=", [MPY_NB_MATRIX_MULTIPLY] = "@=", [MPY_NB_MULTIPLY] = "*=",
    [MPY_NB_REMAINDER] = "%=", [MPY_NB_OR] = "|=", [MPY_NB_POWER] = "**=",
    [MPY_NB_RSHIFT] = ">>=", [MPY_NB_SUBTRACT] = "-=", [MPY_NB_TRUE_DIVIDE] = "/=",
    [MPY_NB_XOR] = "^=",
};

const char *mpy_number_op_symbol(int op)
{
    if (op >= MPY_NB_INPLACE)
        return inplace_symbols[op - MPY_NB_INPLACE];
    return op_symbols[op];
}

/* Returns: new reference, NotImplemented (new reference) or NULL. */
static MpyObject *binary_op1(MpyObject *a, MpyObject *b, int op)
{
    MpyType *ta = MPY_TYPE(a), *tb = MPY_TYPE(b);
    MpyBinaryFunc slota = ta->nb[op];
    MpyBinaryFunc slotb = ta != tb ? tb->nb[op] : NULL;
    if (slotb == slota)
        slotb = NULL;
    MpyObject *r;
    if (slota != NULL) {
        if (slotb != NULL && mpy_type_is_subtype(tb, ta)) {
            r = slotb(a, b);
            if (r != MPY_NOT_IMPLEMENTED)
                return r;
            MPY_DECREF(r);
            slotb = NULL;
        }
        r = slota(a, b);
        if (r != MPY_NOT_IMPLEMENTED)
            return r;
        MPY_DECREF(r);
    }
    if (slotb != NULL)
        return slotb(a, b);
    return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
}

static MpyObject *binop_type_error(MpyObject *a, MpyObject *b, const char *symbol)
{
    return mpy_err_format(mpy_exc_TypeError, "unsupported operand type(s) for %s: '%T' and '%T'",
                          symbol, a, b);
}

MpyObject *mpy_number_binop(MpyObject *a, MpyObject *b, int op)
{
    // The small-int fast path answers NotImplemented for ops int lacks (@).
    MpyObject *r = mpy_is_small_int(a) && mpy_is_small_int(b) ? mpy_int_binop(a, b, op)
                                                              : binary_op1(a, b, op);
    if (r != MPY_NOT_IMPLEMENTED)
        return r;
    MPY_DECREF(r);
    return binop_type_error(a, b, op_symbols[op]);
}

MpyObject *mpy_number_inplace(MpyObject *a, MpyObject *b, int op)
{
    MpyBinaryFunc slot = MPY_TYPE(a)->nb_inplace[op];
    if (slot != NULL) {
        MpyObject *r = slot(a, b);
        if (r != MPY_NOT_IMPLEMENTED)
            return r;
        MPY_DECREF(r);
    }
    MpyObject *r = mpy_is_small_int(a) && mpy_is_small_int(b) ? mpy_int_binop(a, b, op)
                                                              : binary_op1(a, b, op);
    if (r != MPY_NOT_IMPLEMENTED)
        return r;
    MPY_DECREF(r);
    return binop_type_error(a, b, inplace_symbols[op]);
}

/* pow(a, b, mod): CPython's ternary_op, trying the power slots of a, b
 * (first if it is a subclass of a's type) and mod. */
MpyObject *mpy_number_power(MpyObject *a, MpyObject *b, MpyObject *mod)
{
    if (mod == NULL || mod == MPY_NONE)
        return mpy_number_binop(a, b, MPY_NB_POWER);
    MpyType *ta = MPY_TYPE(a), *tb = MPY_TYPE(b), *tm = MPY_TYPE(mod);
    MpyTernaryFunc slots[3] = {ta->nb_power3, tb->nb_power3, tm->nb_power3};
    if (slots[1] == slots[0])
        slots[1] = NULL;
    if (slots[2] == slots[0] || slots[2] == slots[1])
        slots[2] = NULL;
    if (slots[0] != NULL && slots[1] != NULL && ta != tb && mpy_type_is_subtype(tb, ta)) {
        MpyTernaryFunc t = slots[0];
        slots[0] = slots[1];
        slots[1] = t;
    }
    for (int i = 0; i < 3; i++) {
        if (slots[i] == NULL)
            continue;
        MpyObject *r = slots[i](a, b, mod);
        if (r != MPY_NOT_IMPLEMENTED)
            return r;
        MPY_DECREF(r);
    }
    return mpy_err_format(mpy_exc_TypeError,
                          "unsupported operand type(s) for ** or pow(): '%T', '%T', '%T'", a, b, mod);
}

MpyObject *mpy_number_divmod(MpyObject *a, MpyObject *b)
{
    MpyType *ta = MPY_TYPE(a), *tb = MPY_TYPE(b);
    MpyBinaryFunc slota = ta->nb_divmod, slotb = ta != tb ? tb->nb_divmod : NULL;
    if (slotb == slota)
        slotb = NULL;
    if (slota != NULL) {
        MpyObject *r = slota(a, b);
        if (r != MPY_NOT_IMPLEMENTED)
            return r;
        MPY_DECREF(r);
    }
    if (slotb != NULL) {
        MpyObject *r = slotb(a, b);
        if (r != MPY_NOT_IMPLEMENTED)
            return r;
        MPY_DECREF(r);
    }
    return binop_type_error(a, b, "divmod()");
}

static MpyObject *unary(MpyObject *o, MpyUnaryFunc slot, const char *symbol)
{
    if (slot == NULL)
        return mpy_err_format(mpy_exc_TypeError, "bad operand type for %s: '%T'", symbol, o);
    return slot(o);
}

MpyObject *mpy_number_negative(MpyObject *o) { return unary(o, MPY_TYPE(o)->nb_negative, "unary -"); }
MpyObject *mpy_number_positive(MpyObject *o) { return unary(o, MPY_TYPE(o)->nb_positive, "unary +"); }
MpyObject *mpy_number_absolute(MpyObject *o) { return unary(o, MPY_TYPE(o)->nb_absolute, "abs()"); }
MpyObject *mpy_number_invert(MpyObject *o) { return unary(o, MPY_TYPE(o)->nb_invert, "unary ~"); }

/* An exact int equal to the int (subclass) `o`.  Returns: new reference. */
static MpyObject *exact_int(MpyObject *o)
{
    mpz_t v;
    mpz_init(v);
    mpy_int_to_mpz(o, v);
    MpyObject *r = mpy_int_from_mpz(v);
    mpz_clear(v);
    return r;
}

MpyObject *mpy_number_index(MpyObject *o)
{
    if (mpy_int_check_exact(o))
        return MPY_NEWREF(o);
    if (mpy_int_check(o))
        return exact_int(o); /* bool and int subclasses give a plain int */
    MpyUnaryFunc slot = MPY_TYPE(o)->nb_index;
    if (slot == NULL)
        return mpy_err_format(mpy_exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
    MpyObject *r = slot(o);
    if (r != NULL && !mpy_int_check(r)) {
        mpy_err_format(mpy_exc_TypeError, "__index__ returned non-int (type %T)", r);
        MPY_DECREF(r);
        return NULL;
    }
    if (r != NULL && !mpy_int_check_exact(r)) {
        MpyObject *e = exact_int(r);
        MPY_DECREF(r);
        return e;
    }
    return r;
}

ptrdiff_t mpy_number_as_ssize(MpyObject *o, MpyType *exc)
{
    if (mpy_is_small_int(o)) {
        intptr_t v = mpy_small_int_value(o);
        return (ptrdiff_t)v;
    }
    MpyObject *i = mpy_number_index(o);
    if (i == NULL)
        return -1;
    ptrdiff_t r = mpy_int_as_ssize(i);
    if (r == -1 && mpy_err_matches(mpy_exc_OverflowError)) {
        if (exc == NULL) {
            mpy_err_clear();
            r = mpy_int_sign(i) < 0 ? PTRDIFF_MIN : PTRDIFF_MAX;
        } else {
            mpy_err_clear();
            mpy_err_format(exc, "cannot fit '%T' into an index-sized integer", o);
        }
    }
    MPY_DECREF(i);
    return r;
}

MpyObject *mpy_number_int(MpyObject *o)
{
    return mpy_object_call1((MpyObject *)&mpy_int_type, o);
}

MpyObject *mpy_number_float(MpyObject *o)
{
    return mpy_object_call1((MpyObject *)&mpy_float_type, o);
}
