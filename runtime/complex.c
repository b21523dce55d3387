/* runtime/complex.c: the complex type.
 *
 * Models CPython's Objects/complexobject.c.  A complex is two doubles.
 * Mixed arithmetic with int and float first widens the other operand to
 * (x + 0j), exactly as CPython does, so signed zeros come out the same.
 * Division uses Smith's method (scale by the larger component of the
 * divisor) to avoid needless overflow; powers with small integral
 * exponents use repeated squaring, others go through polar form.
 * repr shows each part in shortest round-trip form without a '.0'
 * ("(1+2j)", "1j", "(-0-1j)", "(nan+infj)").
 */
#include "runtime/complex.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/float_impl.h"
#include "runtime/int_impl.h"
#include "runtime/str.h"
#include "runtime/format_spec.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

typedef struct Cpx {
    double real, imag;
} Cpx;

static MpyObject *complex_of_type(MpyType *type, Cpx c)
{
    MpyComplexObject *o = (MpyComplexObject *)mpy_object_alloc(type);
    if (o != NULL) {
        o->real = c.real;
        o->imag = c.imag;
    }
    return (MpyObject *)o;
}

MpyObject *mpy_complex_from_doubles(double real, double imag)
{
    return complex_of_type(&mpy_complex_type, (Cpx){real, imag});
}

static Cpx value_of(MpyObject *o)
{
    MpyComplexObject *c = (MpyComplexObject *)o;
    return (Cpx){c->real, c->imag};
}

/* An operand of a binary operation as a complex: 1 ok, 0 not a number
 * we know (NotImplemented), -1 error (int too big for a float). */
static int operand(MpyObject *o, Cpx *out)
{
    if (mpy_complex_check(o)) {
        *out = value_of(o);
        return 1;
    }
    out->imag = 0.0;
    return mpy__float_operand(o, &out->real);
}

/* ------------------------------------------------------------------ */
/* Complex arithmetic on values (CPython's _Py_c_*)                     */

static Cpx c_sum(Cpx a, Cpx b) { return (Cpx){a.real + b.real, a.imag + b.imag}; }
static Cpx c_diff(Cpx a, Cpx b) { return (Cpx){a.real - b.real, a.imag - b.imag}; }

static Cpx c_prod(Cpx a, Cpx b)
{
    return (Cpx){a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
}

/* Smith's division; sets errno = EDOM for a zero divisor. */
static Cpx c_quot(Cpx a, Cpx b)
{
    double abs_breal = fabs(b.real), abs_bimag = fabs(b.imag);
    Cpx r;
    if (abs_breal >= abs_bimag) {
        if (abs_breal == 0.0) {
            errno = EDOM;
            return (Cpx){0.0, 0.0};
        }
        double ratio = b.imag / b.real;
        double denom = b.real + b.imag * ratio;
        r.real = (a.real + a.imag * ratio) / denom;
        r.imag = (a.imag - a.real * ratio) / denom;
    } else if (abs_bimag >= abs_breal) {
        double ratio = b.real / b.imag;
        double denom = b.real * ratio + b.imag;
        r.real = (a.real * ratio + a.imag) / denom;
        r.imag = (a.imag * ratio - a.real) / denom;
    } else {
        r.real = r.imag = NAN;  // a NaN in the divisor
    }
    return r;
}

/* a ** b in polar form; errno = EDOM for 0 ** (negative or complex). */
static Cpx c_pow(Cpx a, Cpx b)
{
    if (b.real == 0.0 && b.imag == 0.0)
        return (Cpx){1.0, 0.0};
    if (a.real == 0.0 && a.imag == 0.0) {
        if (b.imag != 0.0 || b.real < 0.0)
            errno = EDOM;
        return (Cpx){0.0, 0.0};
    }
    double vabs = hypot(a.real, a.imag);
    double len = pow(vabs, b.real);
    double at = atan2(a.imag, a.real);
    double phase = at * b.real;
    if (b.imag != 0.0) {
        len /= exp(at * b.imag);
        phase += b.imag * log(vabs);
    }
    return (Cpx){len * cos(phase), len * sin(phase)};
}

/* x ** n for a small natural n by repeated squaring. */
static Cpx c_powu(Cpx x, long n)
{
    Cpx r = {1.0, 0.0}, p = x;
    for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask)
            r = c_prod(r, p);
        p = c_prod(p, p);
    }
    return r;
}

static Cpx c_powi(Cpx x, long n)
{
    if (n > 0)
        return c_powu(x, n);
    return c_quot((Cpx){1.0, 0.0}, c_powu(x, -n));
}

/* ------------------------------------------------------------------ */
/* Numeric slots                                                        */

static MpyObject *operand_failure(int r)
{
    return r == 0 ? MPY_NEWREF(MPY_NOT_IMPLEMENTED) : NULL;
}

static int operands(MpyObject *a, MpyObject *b, Cpx *x, Cpx *y)
{
    int r = operand(a, x);
    return r <= 0 ? r : operand(b, y);
}

static MpyObject *complex_add(MpyObject *a, MpyObject *b)
{
    Cpx x, y;
    int r = operands(a, b, &x, &y);
    if (r <= 0)
        return operand_failure(r);
    return complex_of_type(&mpy_complex_type, c_sum(x, y));
}

static MpyObject *complex_sub(MpyObject *a, MpyObject *b)
{
    Cpx x, y;
    int r = operands(a, b, &x, &y);
    if (r <= 0)
        return operand_failure(r);
    return complex_of_type(&mpy_complex_type, c_diff(x, y));
}

static MpyObject *complex_mul(MpyObject *a, MpyObject *b)
{
    Cpx x, y;
    int r = operands(a, b, &x, &y);
    if (r <= 0)
        return operand_failure(r);
    return complex_of_type(&mpy_complex_type, c_prod(x, y));
}

static MpyObject *complex_div(MpyObject *a, MpyObject *b)
{
    Cpx x, y;
    int r = operands(a, b, &x, &y);
    if (r <= 0)
        return operand_failure(r);
    errno = 0;
    Cpx q = c_quot(x, y);
    if (errno == EDOM)
        return mpy_err_format(mpy_exc_ZeroDivisionError, "complex division by zero");
    return complex_of_type(&mpy_complex_type, q);
}

static MpyObject *pow_values(Cpx a, Cpx b)
{
    errno = 0;
    Cpx p;
    if (b.imag == 0.0 && b.real == floor(b.real) && fabs(b.real) <= 100.0)
        p = c_powi(a, (long)b.real);
    else
        p = c_pow(a, b);
    if (errno == EDOM)
        return mpy_err_format(mpy_exc_ZeroDivisionError, "0.0 to a negative or complex power");
    if (isinf(p.real) || isinf(p.imag))
        return mpy_err_format(mpy_exc_OverflowError, "complex exponentiation");
    return complex_of_type(&mpy_complex_type, p);
}

MpyObject *mpy__complex_pow_doubles(double ar, double ai, double br, double bi)
{
    return pow_values((Cpx){ar, ai}, (Cpx){br, bi});
}

static MpyObject *complex_pow(MpyObject *a, MpyObject *b)
{
    Cpx x, y;
    int r = operands(a, b, &x, &y);
    if (r <= 0)
        return operand_failure(r);
    return pow_values(x, y);
}

static MpyObject *complex_pow3(MpyObject *a, MpyObject *b, MpyObject *m)
{
    if (m != NULL && m != MPY_NONE)
        return mpy_err_format(mpy_exc_ValueError, "complex modulo");
    return complex_pow(a, b);
}

static MpyObject *complex_neg(MpyObject *a)
{
    Cpx x = value_of(a);
    return complex_of_type(&mpy_complex_type, (Cpx){-x.real, -x.imag});
}

static MpyObject *complex_pos(MpyObject *a)
{
    if (MPY_TYPE(a) == &mpy_complex_type)
        return MPY_NEWREF(a);
    return complex_of_type(&mpy_complex_type, value_of(a));
}

static MpyObject *complex_abs(MpyObject *a)
{
    Cpx x = value_of(a);
    double r = hypot(x.real, x.imag);
    if (isinf(r) && isfinite(x.real) && isfinite(x.imag))
        return mpy_err_format(mpy_exc_OverflowError, "absolute value too large");
    return mpy_float_from_double(r);
}

static int complex_bool(MpyObject *a)
{
    Cpx x = value_of(a);
    return x.real != 0.0 || x.imag != 0.0;
}

/* ------------------------------------------------------------------ */
/* Comparison, hash, repr                                               */

static MpyObject *complex_richcompare(MpyObject *a, MpyObject *b, int op)
{
    if (op != MPY_EQ && op != MPY_NE)
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    if (!mpy_complex_check(a)) {
        MpyObject *t = a;  // keep the complex first
        a = b;
        b = t;
    }
    Cpx x = value_of(a);
    bool equal;
    if (mpy_complex_check(b)) {
        Cpx y = value_of(b);
        equal = x.real == y.real && x.imag == y.imag;
    } else if (mpy_int_check(b) || mpy_float_check(b)) {
        if (x.imag != 0.0) {
            equal = false;
        } else {
            // Compare the real part exactly, the way float == int does.
            MpyObject *re = mpy_float_from_double(x.real);
            if (re == NULL)
                return NULL;
            int r = mpy_object_richcompare_bool(re, b, MPY_EQ);
            MPY_DECREF(re);
            if (r < 0)
                return NULL;
            equal = r;
        }
    } else {
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    }
    return mpy_bool_from(op == MPY_EQ ? equal : !equal);
}

static MpyHash hash_part(MpyObject *self, double v)
{
    if (isnan(v)) {
        uintptr_t p = (uintptr_t)self;
        return (MpyHash)((p >> 4) | (p << (8 * sizeof(p) - 4)));
    }
    return mpy_float_hash_double(v);
}

static MpyHash complex_hash(MpyObject *self)
{
    Cpx x = value_of(self);
    uint64_t hr = (uint64_t)hash_part(self, x.real);
    uint64_t hi = (uint64_t)hash_part(self, x.imag);
    MpyHash h = (MpyHash)(hr + 1000003u * hi);
    return h == -1 ? -2 : h;
}

static MpyObject *complex_repr(MpyObject *self)
{
    Cpx x = value_of(self);
    char re[40], im[40], buf[96];
    if (x.real == 0.0 && copysign(1.0, x.real) == 1.0) {
        mpy__double_to_buf(x.imag, 'r', 0, 0, im, sizeof im);
        snprintf(buf, sizeof buf, "%sj", im);
    } else {
        mpy__double_to_buf(x.real, 'r', 0, 0, re, sizeof re);
        mpy__double_to_buf(x.imag, 'r', 0, MPY_DTOA_SIGN, im, sizeof im);
        snprintf(buf, sizeof buf, "(%s%sj)", re, im);
    }
    return mpy_str_from_cstr(buf);
}

/* ------------------------------------------------------------------ */
/* complex(real, imag) and complex(string)                              */

/* Length of the float literal starting at p (digits, '_', '.', exponent,
 * or inf/infinity/nan), without a sign. */
static size_t float_literal_len(const char *p, const char *end)
{
    static const char *const words[] = {"infinity", "inf", "nan"};
    for (size_t w = 0; w < 3; w++) {
        size_t n = strlen(words[w]);
        if ((size_t)(end - p) >= n && strncasecmp(p, words[w], n) == 0)
            return n;
    }
    const char *q = p;
    while (q < end && ((*q >= '0' && *q <= '9') || *q == '_' || *q == '.'))
        q++;
    if (q > p && q < end && (*q == 'e' || *q == 'E')) {
        const char *e = q + 1;
        if (e < end && (*e == '+' || *e == '-'))
            e++;
        if (e < end && *e >= '0' && *e <= '9') {
            while (e < end && ((*e >= '0' && *e <= '9') || *e == '_'))
                e++;
            q = e;
        }
    }
    return (size_t)(q - p);
}

/* A signed float at *pp (sign optional); false if there is none. */
static bool scan_number(const char **pp, const char *end, double *out, bool *had_sign,
                        double *sign)
{
    const char *p = *pp;
    *sign = 1.0;
    *had_sign = false;
    if (p < end && (*p == '+' || *p == '-')) {
        *sign = *p == '-' ? -1.0 : 1.0;
        *had_sign = true;
        p++;
    }
    size_t n = float_literal_len(p, end);
    if (n == 0) {
        *pp = p;
        return false;
    }
    if (!mpy__parse_double(p, n, out))
        return false;
    *out *= *sign;
    *pp = p + n;
    return true;
}

/* CPython's complex_from_string_inner grammar:
 *   real | imag 'j' | real sign imag 'j' | [sign] 'j' | real sign 'j'. */
static bool parse_complex(const char *s, size_t len, Cpx *out)
{
    const char *p = s, *end = s + len;
    size_t n;
    while ((n = mpy__num_space_len(p, end)) > 0)
        p += n;
    while (end > p && mpy__num_space_len(end - 1, end) == 1)
        end--;
    if (p < end && *p == '(') {
        if (end[-1] != ')')
            return false;
        p++, end--;
        while ((n = mpy__num_space_len(p, end)) > 0)
            p += n;
        while (end > p && mpy__num_space_len(end - 1, end) == 1)
            end--;
    }
    double x = 0.0, y = 0.0, sign;
    bool had_sign;
    bool got = scan_number(&p, end, &x, &had_sign, &sign);
    if (!got) {
        // "j", "+j", "-j"
        if (p < end && (*p == 'j' || *p == 'J') && p + 1 == end) {
            *out = (Cpx){0.0, sign};
            return true;
        }
        return false;
    }
    if (p == end) {
        *out = (Cpx){x, 0.0};
        return true;
    }
    if (*p == 'j' || *p == 'J') {
        if (p + 1 != end)
            return false;
        *out = (Cpx){0.0, x};
        return true;
    }
    if (*p != '+' && *p != '-')
        return false;
    got = scan_number(&p, end, &y, &had_sign, &sign);
    if (!got)
        y = sign;  // "1+j"
    if (p >= end || (*p != 'j' && *p != 'J') || p + 1 != end)
        return false;
    *out = (Cpx){x, y};
    return true;
}

/* Call o.__complex__() if type(o) defines it.  Returns 1 with *out set,
 * 0 if there is no such method, -1 on error. */
static int call_dunder_complex(MpyObject *o, Cpx *out)
{
    if (MPY_TYPE(o) == &mpy_complex_type ||
        mpy_type_lookup(MPY_TYPE(o), MPY_ID(__complex__)) == NULL)
        return 0;
    MpyObject *r = mpy_object_call_method(o, MPY_ID(__complex__), NULL, 0);
    if (r == NULL)
        return -1;
    if (!mpy_complex_check(r)) {
        mpy_err_format(mpy_exc_TypeError, "__complex__ returned non-complex (type %T)", r);
        MPY_DECREF(r);
        return -1;
    }
    *out = value_of(r);
    MPY_DECREF(r);
    return 1;
}

/* The value of a complex() argument that is not a str.  `first` selects
 * which argument the messages talk about.  Returns 0 / -1. */
static int number_arg(MpyObject *o, bool first, Cpx *out, bool *is_complex)
{
    *is_complex = true;
    int r = first ? call_dunder_complex(o, out) : 0;
    if (r != 0)
        return r < 0 ? -1 : 0;
    if (mpy_complex_check(o)) {
        *out = value_of(o);
        return 0;
    }
    *is_complex = false;
    MpyType *type = MPY_TYPE(o);
    if (!mpy_int_check(o) && !mpy_float_check(o) && type->nb_float == NULL &&
        type->nb_index == NULL) {
        mpy_err_format(mpy_exc_TypeError,
                       first ? "complex() first argument must be a string or a number, not '%s'"
                             : "complex() second argument must be a number, not '%s'",
                       type->name);
        return -1;
    }
    out->real = mpy_float_as_double(o);
    out->imag = 0.0;
    return (out->real == -1.0 && mpy_err_occurred()) ? -1 : 0;
}

static MpyObject *complex_from_string_object(MpyType *type, MpyObject *s)
{
    Cpx c;
    size_t alen;
    char *ascii = mpy__num_to_ascii(mpy_str_utf8(s), (size_t)mpy_str_size(s), &alen);
    if (ascii == NULL && mpy_err_occurred())
        return NULL;
    bool ok = ascii != NULL ? parse_complex(ascii, alen, &c)
                            : parse_complex(mpy_str_utf8(s), (size_t)mpy_str_size(s), &c);
    mpy_mem_free(ascii);
    if (!ok)
        return mpy_err_format(mpy_exc_ValueError, "complex() arg is a malformed string");
    return complex_of_type(type, c);
}

static MpyObject *complex_new(MpyType *type, MpyObject *const *args, size_t nargs,
                              MpyObject *kwnames)
{
    static const char *const names[] = {"real", "imag"};
    MpyObject *a[2];
    if (mpy__num_parse_args("complex()", args, nargs, kwnames, names, 2, 0, 0, a) < 0)
        return NULL;
    MpyObject *r = a[0], *i = a[1];
    if (r == NULL)
        r = mpy_small_int(0);
    if (mpy_str_check(r)) {
        if (i != NULL)
            return mpy_err_format(mpy_exc_TypeError,
                                  "complex() can't take second arg if first is a string");
        return complex_from_string_object(type, r);
    }
    if (i != NULL && mpy_str_check(i))
        return mpy_err_format(mpy_exc_TypeError, "complex() second arg can't be a string");
    if (i == NULL && type == &mpy_complex_type && MPY_TYPE(r) == &mpy_complex_type)
        return MPY_NEWREF(r);
    Cpx cr, ci = {0.0, 0.0};
    bool cr_is_complex, ci_is_complex = false;
    if (number_arg(r, true, &cr, &cr_is_complex) < 0)
        return NULL;
    if (i == NULL)
        ci.real = cr.imag;
    else if (number_arg(i, false, &ci, &ci_is_complex) < 0)
        return NULL;
    // complex(a, b) == a + b*1j, component by component.
    if (ci_is_complex)
        cr.real -= ci.imag;
    if (cr_is_complex && i != NULL)
        ci.real += cr.imag;
    return complex_of_type(type, (Cpx){cr.real, ci.real});
}

/* ------------------------------------------------------------------ */
/* Methods and the type object                                          */

static MpyObject *complex_conjugate(MpyObject *self, MpyObject *const *args, size_t nargs,
                                    MpyObject *kwnames)
{
    Cpx x = value_of(self);
    return complex_of_type(&mpy_complex_type, (Cpx){x.real, -x.imag});
}

static MpyObject *complex_complex(MpyObject *self, MpyObject *const *args, size_t nargs,
                                  MpyObject *kwnames)
{
    return complex_pos(self);
}

static MpyObject *complex_getnewargs(MpyObject *self, MpyObject *const *args, size_t nargs,
                                     MpyObject *kwnames)
{
    Cpx x = value_of(self);
    MpyObject *re = mpy_float_from_double(x.real);
    MpyObject *im = mpy_float_from_double(x.imag);
    MpyObject *t = (re && im) ? mpy_tuple_pack(2, re, im) : NULL;
    MPY_XDECREF(re);
    MPY_XDECREF(im);
    return t;
}

static MpyObject *complex_format(MpyObject *self, MpyObject *const *args, size_t nargs,
                                 MpyObject *kwnames)
{
    MpyObject *spec = args[0];
    if (!mpy_str_check(spec))
        return mpy_err_format(mpy_exc_TypeError, "__format__() argument must be str, not %T",
                              spec);
    return mpy__format_complex(self, spec);
}

static const MpyMethodDef complex_methods[] = {
    {"conjugate", complex_conjugate, MPY_METH_NOARGS, "Return the complex conjugate of its argument."},
    {"__complex__", complex_complex, MPY_METH_NOARGS, "Convert this value to exact type complex."},
    {"__getnewargs__", complex_getnewargs, MPY_METH_NOARGS, NULL},
    {"__format__", complex_format, MPY_METH_O, "Convert to a string according to format_spec."},
    {NULL, NULL, 0, NULL},
};

static const MpyMemberDef complex_members[] = {
    {"real", MPY_MEMBER_DOUBLE, offsetof(MpyComplexObject, real), MPY_MEMBER_READONLY,
     "the real part of a complex number"},
    {"imag", MPY_MEMBER_DOUBLE, offsetof(MpyComplexObject, imag), MPY_MEMBER_READONLY,
     "the imaginary part of a complex number"},
    {NULL, 0, 0, 0, NULL},
};

MpyType mpy_complex_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "complex",
    .doc = "Create a complex number from a real part and an optional imaginary part.",
    .basicsize = sizeof(MpyComplexObject),
    .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_IMMUTABLETYPE,
    .repr = complex_repr,
    .hash = complex_hash,
    .richcompare = complex_richcompare,
    .new = complex_new,
    .nb[MPY_NB_ADD] = complex_add,
    .nb[MPY_NB_SUBTRACT] = complex_sub,
    .nb[MPY_NB_MULTIPLY] = complex_mul,
    .nb[MPY_NB_TRUE_DIVIDE] = complex_div,
    .nb[MPY_NB_POWER] = complex_pow,
    .nb_power3 = complex_pow3,
    .nb_negative = complex_neg,
    .nb_positive = complex_pos,
    .nb_absolute = complex_abs,
    .nb_bool = complex_bool,
    .methods = complex_methods,
    .members = complex_members,
};
