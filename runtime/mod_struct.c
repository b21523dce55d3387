/* runtime/mod_struct.c: the _struct module (runtime/lib/struct.py re-exports it).
 *
 * Models CPython's Modules/_struct.c.  A format string such as "<hI2s" is
 * compiled once into an array of Code entries (one per packed value, with
 * its byte offset); pack() and unpack() then walk that array.  The byte
 * order prefix picks one of three behaviours:
 *
 *   '@' (default)  native sizes and alignment (x86-64: l/L/n/N/P are 8 bytes)
 *   '=' and '<'    standard sizes, little-endian, no alignment
 *   '>' and '!'    standard sizes, big-endian, no alignment
 *
 * The error messages follow CPython 3.11 closely, including its quirks:
 * on a little-endian machine CPython packs b/B/h/H/i/I/q/Q with the native
 * routines under '<' and '=', so those share the native messages, while
 * '>' has its own ("int too large to convert" for q/Q).  Each Code
 * therefore records which family of range check applies (`kind`).
 */
#include "runtime/module.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/bytes.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/import.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/str_impl.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

/* ------------------------------------------------------------------ */
/* struct.error                                                         */

/* Raise struct.error(msg).  The class lives in the module namespace; error
 * paths are cold, so it is looked up each time instead of kept in a C
 * global that would outlive the interpreter.  Returns NULL. */
static MpyObject *struct_error(const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    MpyObject *mod = mpy_import_module_cstr("_struct");
    if (mod == NULL)
        return NULL;
    MpyObject *cls = mpy_object_getattr_cstr(mod, "error");
    MPY_DECREF(mod);
    if (cls == NULL)
        return NULL;
    MpyObject *s = mpy_str_from_cstr(msg);
    if (s != NULL) {
        MpyObject *exc = mpy_object_call1(cls, s);
        MPY_DECREF(s);
        if (exc != NULL) {
            mpy_err_set_object((MpyType *)cls, exc);
            MPY_DECREF(exc);
        }
    }
    MPY_DECREF(cls);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Compiled formats                                                     */

/* How an integer code checks its range (see the file comment). */
enum {
    K_NATIVE_SMALL, /* b B h H: "byte format requires -128 <= number <= 127" */
    K_NP_INT,       /* native i: "'i' format requires ..." */
    K_NP_UINT,      /* native I: negatives "argument out of range" */
    K_LONG,         /* l q n native (and q under '<'): C long range */
    K_ULONG,        /* L Q N native (and Q under '<'): C unsigned long range */
    K_VOIDP,        /* P: [-2**63, 2**64) else "int too large to convert" */
    K_STD_INT,      /* lp_int / bp_int: "'h' format requires ..." */
    K_STD_UINT,     /* lp_uint / bp_uint */
    K_STD_LL,       /* '>q': "int too large to convert" */
    K_STD_ULL,      /* '>Q' */
};

typedef struct Code {
    char fmt;          /* format character */
    char kind;         /* K_* for integer codes */
    char little;       /* byte order of this code */
    char native;       /* '@': native float semantics */
    ptrdiff_t offset;  /* byte offset in the packed data */
    ptrdiff_t size;    /* item size; for 's'/'p' the byte count */
} Code;

typedef struct Format {
    ptrdiff_t size;    /* total packed size */
    ptrdiff_t len;     /* number of values */
    Code *codes;       /* len entries (malloc'ed) */
} Format;

static void format_clear(Format *f)
{
    free(f->codes);
    f->codes = NULL;
}

/* Size and alignment of a code in native mode; 0 = not a format char. */
static int native_size(char c)
{
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p':
        return 1;
    case 'h': case 'H': case 'e':
        return 2;
    case 'i': case 'I': case 'f':
        return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'n': case 'N': case 'P': case 'd':
        return 8;
    default:
        return 0;
    }
}

static int standard_size(char c)
{
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p':
        return 1;
    case 'h': case 'H': case 'e':
        return 2;
    case 'i': case 'I': case 'l': case 'L': case 'f':
        return 4;
    case 'q': case 'Q': case 'd':
        return 8;
    default:
        return 0;
    }
}

static char int_kind(char order, char c)
{
    if (order == '@') {
        switch (c) {
        case 'b': case 'B': case 'h': case 'H': return K_NATIVE_SMALL;
        case 'i': return K_NP_INT;
        case 'I': return K_NP_UINT;
        case 'l': case 'q': case 'n': return K_LONG;
        case 'L': case 'Q': case 'N': return K_ULONG;
        case 'P': return K_VOIDP;
        }
    } else if (order == '<') {
        switch (c) {
        case 'b': case 'B': case 'h': case 'H': return K_NATIVE_SMALL;
        case 'i': return K_NP_INT;
        case 'I': return K_NP_UINT;
        case 'q': return K_LONG;
        case 'Q': return K_ULONG;
        case 'l': return K_STD_INT;
        case 'L': return K_STD_UINT;
        }
    } else {
        switch (c) {
        case 'b': case 'B': return K_NATIVE_SMALL;
        case 'h': case 'i': case 'l': return K_STD_INT;
        case 'H': case 'I': case 'L': return K_STD_UINT;
        case 'q': return K_STD_LL;
        case 'Q': return K_STD_ULL;
        }
    }
    return 0;
}

/* The UTF-8 bytes of a format given as str or bytes.  Returns 0 / -1. */
static int format_text(MpyObject *fmt, const char **s, ptrdiff_t *n)
{
    if (mpy_str_check(fmt)) {
        *s = mpy_str_utf8(fmt);
        *n = mpy_str_size(fmt);
    } else if (mpy_bytes_check(fmt)) {
        *s = mpy_bytes_data(fmt);
        *n = mpy_bytes_size(fmt);
    } else {
        mpy_err_format(mpy_exc_TypeError, "Struct() argument 1 must be a str or bytes object, not %T",
                       fmt);
        return -1;
    }
    return 0;
}

/* Compile `fmt` into `out`.  Returns 0 / -1 with struct.error set. */
static int format_compile(MpyObject *fmt, Format *out)
{
    const char *s;
    ptrdiff_t n;
    out->codes = NULL;
    if (format_text(fmt, &s, &n) < 0)
        return -1;
    if ((ptrdiff_t)strlen(s) != n) {
        struct_error("embedded null character");
        return -1;
    }
    char order = '@';
    const char *p = s, *end = s + n;
    if (p < end && strchr("@=<>!", *p)) {
        order = *p == '=' ? '<' : *p == '!' ? '>' : *p;
        p++;
    }
    bool native = order == '@';
    /* First pass: validate, count values and bytes. */
    ptrdiff_t size = 0, len = 0;
    for (int pass = 0; pass < 2; pass++) {
        size = 0;
        ptrdiff_t idx = 0;
        for (const char *q = p; q < end;) {
            char c = *q++;
            if (c == ' ' || (c >= '\t' && c <= '\r'))
                continue;
            ptrdiff_t num = 1;
            if (c >= '0' && c <= '9') {
                num = c - '0';
                while (q < end && *q >= '0' && *q <= '9') {
                    if (num >= (PTRDIFF_MAX - 9) / 10) {
                        struct_error("total struct size too long");
                        return -1;
                    }
                    num = num * 10 + (*q++ - '0');
                }
                if (q >= end) {
                    struct_error("repeat count given without format specifier");
                    return -1;
                }
                c = *q++;
            }
            int isz = native ? native_size(c) : standard_size(c);
            if (isz == 0 || c == 0) {
                struct_error("bad char in struct format");
                return -1;
            }
            if (native && size > 0 && isz > 1) /* align to the item size */
                size += (isz - size % isz) % isz;
            if (c == 's' || c == 'p') {
                if (pass == 1) {
                    Code *code = &out->codes[idx++];
                    code->fmt = c;
                    code->offset = size;
                    code->size = num;
                }
                if (num > PTRDIFF_MAX - size) {
                    struct_error("total struct size too long");
                    return -1;
                }
                size += num;
                if (pass == 0)
                    len++;
                continue;
            }
            if (num > (PTRDIFF_MAX - size) / isz) {
                struct_error("total struct size too long");
                return -1;
            }
            if (c == 'x') {
                size += num;
                continue;
            }
            for (ptrdiff_t k = 0; k < num; k++) {
                if (pass == 1) {
                    Code *code = &out->codes[idx++];
                    code->fmt = c;
                    code->kind = int_kind(order, c);
                    code->little = order != '>';
                    code->native = native;
                    code->offset = size;
                    code->size = isz;
                }
                size += isz;
            }
            if (pass == 0)
                len += num;
        }
        if (pass == 0) {
            out->codes = malloc(sizeof(Code) * (size_t)(len ? len : 1));
            if (out->codes == NULL) {
                mpy_err_no_memory();
                return -1;
            }
        }
    }
    out->size = size;
    out->len = len;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Integers and floats                                                  */

/* The argument as a Python int (via __index__).  Returns new ref or NULL. */
static MpyObject *get_pylong(MpyObject *v)
{
    if (mpy_int_check(v))
        return MPY_NEWREF(v);
    MpyType *t = MPY_TYPE(v);
    if (t->nb_index == NULL)
        return struct_error("required argument is not an integer");
    return mpy_number_index(v);
}

/* An int as sign + 64-bit magnitude.  *big is set when |v| >= 2**64. */
static void int_parts(MpyObject *v, int *neg, uint64_t *mag, int *big)
{
    long long x;
    if (mpy_int_to_long_exact(v, &x)) {
        *neg = x < 0;
        *mag = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        *big = 0;
        return;
    }
    mpz_t z;
    mpz_init(z);
    mpy_int_to_mpz(v, z);
    *neg = mpz_sgn(z) < 0;
    mpz_abs(z, z);
    *big = mpz_sizeinbase(z, 2) > 64;
    *mag = *big ? 0 : (uint64_t)mpz_get_ui(z);
    mpz_clear(z);
}

static void put_uint(char *p, uint64_t x, ptrdiff_t size, bool little)
{
    for (ptrdiff_t i = 0; i < size; i++) {
        unsigned char b = (unsigned char)(x >> (8 * i));
        p[little ? i : size - 1 - i] = (char)b;
    }
}

static uint64_t get_uint(const char *p, ptrdiff_t size, bool little)
{
    uint64_t x = 0;
    for (ptrdiff_t i = 0; i < size; i++)
        x |= (uint64_t)(unsigned char)p[little ? i : size - 1 - i] << (8 * i);
    return x;
}

static const char *small_name(char c)
{
    switch (c) {
    case 'b': return "byte";
    case 'B': return "ubyte";
    case 'h': return "short";
    default: return "ushort";
    }
}

static int pack_int(const Code *code, char *p, MpyObject *arg)
{
    MpyObject *v = get_pylong(arg);
    if (v == NULL)
        return -1;
    int neg, big;
    uint64_t mag;
    int_parts(v, &neg, &mag, &big);
    MPY_DECREF(v);
    char c = code->fmt;
    ptrdiff_t size = code->size;
    /* Does it fit a C long / unsigned long? */
    bool fits_long = !big && (neg ? mag <= (uint64_t)1 << 63 : mag < (uint64_t)1 << 63);
    bool fits_ulong = !big && !neg;
    long long sv = neg ? (long long)(0 - mag) : (long long)mag;
    switch (code->kind) {
    case K_NATIVE_SMALL: {
        if (!fits_long)
            goto out_of_range;
        long long lo = c == 'b' ? -128 : c == 'h' ? -32768 : 0;
        long long hi = c == 'b' ? 127 : c == 'B' ? 255 : c == 'h' ? 32767 : 65535;
        if (sv < lo || sv > hi) {
            struct_error("%s format requires %lld <= number <= %lld", small_name(c), lo, hi);
            return -1;
        }
        break;
    }
    case K_NP_INT:
    case K_STD_INT:
        if (!fits_long)
            goto out_of_range;
        if (size < 8) {
            long long hi = ((long long)1 << (8 * size - 1)) - 1;
            if (sv < -hi - 1 || sv > hi) {
                struct_error("'%c' format requires %lld <= number <= %lld", c, -hi - 1, hi);
                return -1;
            }
        }
        break;
    case K_NP_UINT:
    case K_STD_UINT:
        if (!fits_ulong)
            goto out_of_range;
        if (size < 8 && mag >= (uint64_t)1 << (8 * size)) {
            struct_error("'%c' format requires 0 <= number <= %llu", c,
                         (unsigned long long)(((uint64_t)1 << (8 * size)) - 1));
            return -1;
        }
        break;
    case K_LONG:
        if (!fits_long)
            goto out_of_range;
        break;
    case K_ULONG:
        if (!fits_ulong)
            goto out_of_range;
        break;
    case K_VOIDP:
        if (big || (neg && mag > (uint64_t)1 << 63))
            goto too_large;
        break;
    case K_STD_LL:
        if (!fits_long)
            goto too_large;
        break;
    case K_STD_ULL:
        if (!fits_ulong)
            goto too_large;
        break;
    }
    put_uint(p, neg ? (uint64_t)sv : mag, size, code->little);
    return 0;
out_of_range:
    struct_error("argument out of range");
    return -1;
too_large:
    struct_error("int too large to convert");
    return -1;
}

static MpyObject *unpack_int(const Code *code, const char *p)
{
    uint64_t x = get_uint(p, code->size, code->little);
    bool is_signed = strchr("bhilqn", code->fmt) != NULL;
    if (is_signed && code->size < 8 && (x >> (8 * code->size - 1)) & 1)
        x |= ~(uint64_t)0 << (8 * code->size);
    if (is_signed)
        return mpy_int_from_long((long long)x);
    return mpy_int_from_ulong(x);
}

/* IEEE 754 binary16, rounding half to even (as PyFloat_Pack2). */
static int pack_half(double x, uint16_t *out)
{
    int sign = signbit(x) ? 1 : 0, e;
    unsigned short bits;
    if (x == 0.0) {
        e = 0;
        bits = 0;
    } else if (isinf(x)) {
        e = 0x1f;
        bits = 0;
    } else if (isnan(x)) {
        e = 0x1f;
        bits = 512;
    } else {
        if (sign)
            x = -x;
        double f = frexp(x, &e);
        f *= 2.0;
        e--;
        if (e >= 16)
            return -1;
        if (e < -25) {
            f = 0.0;
            e = 0;
        } else if (e < -14) {
            f = ldexp(f, 14 + e);
            e = 0;
        } else {
            e += 15;
            f -= 1.0;
        }
        f *= 1024.0;
        bits = (unsigned short)f;
        f -= bits;
        if (f > 0.5 || (f == 0.5 && bits % 2 == 1)) {
            if (++bits == 1024) {
                bits = 0;
                if (++e == 31)
                    return -1;
            }
        }
    }
    *out = (uint16_t)(bits | (e << 10) | (sign << 15));
    return 0;
}

static double unpack_half(uint16_t h)
{
    int sign = h >> 15, e = (h >> 10) & 0x1f;
    unsigned f = h & 0x3ff;
    if (e == 0x1f) {
        if (f == 0)
            return sign ? -INFINITY : INFINITY;
        return sign ? -NAN : NAN;
    }
    double x = f / 1024.0;
    if (e == 0)
        e = -14;
    else {
        x += 1.0;
        e -= 15;
    }
    x = ldexp(x, e);
    return sign ? -x : x;
}

static int pack_float(const Code *code, char *p, MpyObject *arg)
{
    double x = mpy_float_as_double(arg);
    if (x == -1.0 && mpy_err_occurred()) {
        mpy_err_clear();
        struct_error("required argument is not a float");
        return -1;
    }
    char c = code->fmt;
    bool overflow = false;
    if (c == 'd') {
        uint64_t u;
        memcpy(&u, &x, 8);
        put_uint(p, u, 8, code->little);
    } else if (c == 'f') {
        float y = (float)x;
        if (!code->native && isinf(y) && !isinf(x))
            overflow = true;
        uint32_t u;
        memcpy(&u, &y, 4);
        put_uint(p, u, 4, code->little);
    } else {
        uint16_t h;
        if (pack_half(x, &h) < 0)
            overflow = true;
        else
            put_uint(p, h, 2, code->little);
    }
    if (overflow) {
        if (mpy_int_check(arg))
            struct_error("int too large to convert");
        else
            mpy_err_format(mpy_exc_OverflowError, "float too large to pack with %c format", c);
        return -1;
    }
    return 0;
}

static MpyObject *unpack_float(const Code *code, const char *p)
{
    if (code->fmt == 'd') {
        uint64_t u = get_uint(p, 8, code->little);
        double x;
        memcpy(&x, &u, 8);
        return mpy_float_from_double(x);
    }
    if (code->fmt == 'f') {
        uint32_t u = (uint32_t)get_uint(p, 4, code->little);
        float y;
        memcpy(&y, &u, 4);
        return mpy_float_from_double(y);
    }
    return mpy_float_from_double(unpack_half((uint16_t)get_uint(p, 2, code->little)));
}

/* ------------------------------------------------------------------ */
/* pack / unpack over a compiled format                                 */

/* The bytes of a bytes-like argument.  Returns 0 / -1 (TypeError). */
static int get_buffer(MpyObject *o, const char **data, ptrdiff_t *len)
{
    // bytes, bytearray or a memoryview of them
    if (mpy__bytes_view(o, data, len))
        return 0;
    mpy_err_format(mpy_exc_TypeError, "a bytes-like object is required, not '%s'", mpy_type_name_of(o));
    return -1;
}

/* Pack the values into buf (f->size bytes, zeroed by the caller). */
static int pack_values(const Format *f, char *buf, MpyObject *const *args)
{
    for (ptrdiff_t i = 0; i < f->len; i++) {
        const Code *code = &f->codes[i];
        MpyObject *v = args[i];
        char *p = buf + code->offset;
        switch (code->fmt) {
        case 'c':
            if (!mpy_bytes_check(v) || mpy_bytes_size(v) != 1) {
                struct_error("char format requires a bytes object of length 1");
                return -1;
            }
            *p = mpy_bytes_data(v)[0];
            break;
        case 's':
        case 'p': {
            const char *data;
            ptrdiff_t n;
            if (mpy_bytes_check(v)) {
                data = mpy_bytes_data(v);
                n = mpy_bytes_size(v);
            } else if (mpy_bytearray_check(v)) {
                data = ((MpyByteArrayObject *)v)->data;
                n = ((MpyByteArrayObject *)v)->size;
            } else {
                struct_error("argument for '%c' must be a bytes object", code->fmt);
                return -1;
            }
            if (code->fmt == 's') {
                if (n > code->size)
                    n = code->size;
                if (n > 0)
                    memcpy(p, data, (size_t)n);
            } else if (code->size > 0) {
                if (n > code->size - 1)
                    n = code->size - 1;
                if (n > 0)
                    memcpy(p + 1, data, (size_t)n);
                *p = (char)(unsigned char)(n > 255 ? 255 : n);
            }
            break;
        }
        case '?': {
            int t = mpy_object_is_true(v);
            if (t < 0)
                return -1;
            *p = (char)t;
            break;
        }
        case 'e':
        case 'f':
        case 'd':
            if (pack_float(code, p, v) < 0)
                return -1;
            break;
        default:
            if (pack_int(code, p, v) < 0)
                return -1;
        }
    }
    return 0;
}

static MpyObject *unpack_values(const Format *f, const char *buf)
{
    MpyObject *result = mpy_tuple_new(f->len);
    if (result == NULL)
        return NULL;
    for (ptrdiff_t i = 0; i < f->len; i++) {
        const Code *code = &f->codes[i];
        const char *p = buf + code->offset;
        MpyObject *v;
        switch (code->fmt) {
        case 'c':
            v = mpy_bytes_from(p, 1);
            break;
        case 's':
            v = mpy_bytes_from(p, (size_t)code->size);
            break;
        case 'p': {
            ptrdiff_t n = code->size > 0 ? (unsigned char)*p : 0;
            if (n >= code->size)
                n = code->size > 0 ? code->size - 1 : 0;
            v = mpy_bytes_from(p + 1, (size_t)n);
            break;
        }
        case '?':
            v = MPY_NEWREF(*p ? MPY_TRUE : MPY_FALSE);
            break;
        case 'e':
        case 'f':
        case 'd':
            v = unpack_float(code, p);
            break;
        default:
            v = unpack_int(code, p);
        }
        if (v == NULL) {
            MPY_DECREF(result);
            return NULL;
        }
        mpy_tuple_init_take(result, i, v);
    }
    return result;
}

static MpyObject *do_pack(const Format *f, MpyObject *const *args, size_t nargs)
{
    if ((ptrdiff_t)nargs != f->len)
        return struct_error("pack expected %zd items for packing (got %zu)", f->len, nargs);
    char small[64];
    char *buf = f->size <= (ptrdiff_t)sizeof small ? small : calloc(1, (size_t)f->size);
    if (buf == NULL)
        return mpy_err_no_memory();
    memset(buf, 0, (size_t)(f->size <= (ptrdiff_t)sizeof small ? f->size : 0));
    MpyObject *r = NULL;
    if (pack_values(f, buf, args) == 0)
        r = mpy_bytes_from(buf, (size_t)f->size);
    if (buf != small)
        free(buf);
    return r;
}

static MpyObject *do_pack_into(const Format *f, MpyObject *const *args, size_t nargs)
{
    if (nargs == 0)
        return struct_error("pack_into expected buffer argument");
    if (nargs == 1)
        return struct_error("pack_into expected offset argument");
    if ((ptrdiff_t)nargs - 2 != f->len)
        return struct_error("pack_into expected %zd items for packing (got %zu)", f->len, nargs - 2);
    MpyObject *target = args[0];
    if (!mpy_bytearray_check(target)) {
        const char *d;
        ptrdiff_t l;
        if (get_buffer(target, &d, &l) < 0)
            return NULL;
        return mpy_err_format(mpy_exc_TypeError,
                              "argument must be read-write bytes-like object, not %s",
                              mpy_type_name_of(target));
    }
    MpyObject *off = mpy_number_index(args[1]);
    if (off == NULL)
        return NULL;
    ptrdiff_t offset = mpy_int_as_ssize(off);
    MPY_DECREF(off);
    if (offset == -1 && mpy_err_occurred()) {
        if (mpy_err_matches(mpy_exc_OverflowError)) {
            mpy_err_clear();
            mpy_err_format(mpy_exc_IndexError, "cannot fit 'int' into an index-sized integer");
        }
        return NULL;
    }
    MpyByteArrayObject *ba = (MpyByteArrayObject *)target;
    ptrdiff_t blen = ba->size;
    if (offset < 0) {
        if (offset + f->size > 0)
            return struct_error("no space to pack %zd bytes at offset %zd", f->size, offset);
        if (offset + blen < 0)
            return struct_error("offset %zd out of range for %zd-byte buffer", offset, blen);
        offset += blen;
    }
    if (blen - offset < f->size)
        return struct_error("pack_into requires a buffer of at least %zu bytes for packing %zd "
                            "bytes at offset %zd (actual buffer size is %zd)",
                            (size_t)f->size + (size_t)offset, f->size, offset, blen);
    /* Pack into a scratch copy first so a failure leaves the buffer as is
     * (CPython writes in place; only the failing item differs). */
    char *tmp = calloc(1, (size_t)f->size + 1);
    if (tmp == NULL)
        return mpy_err_no_memory();
    memcpy(tmp, ba->data + offset, (size_t)f->size);
    for (ptrdiff_t i = 0; i < f->len; i++) { /* pad bytes and s/p tails are zeroed */
        const Code *code = &f->codes[i];
        memset(tmp + code->offset, 0, (size_t)code->size);
    }
    int rc = pack_values(f, tmp, args + 2);
    if (rc == 0 && ba->size >= offset + f->size)
        memcpy(ba->data + offset, tmp, (size_t)f->size);
    free(tmp);
    return rc == 0 ? MPY_RETURN_NONE : NULL;
}

static MpyObject *do_unpack(const Format *f, MpyObject *buffer)
{
    const char *data;
    ptrdiff_t len;
    if (get_buffer(buffer, &data, &len) < 0)
        return NULL;
    if (len != f->size)
        return struct_error("unpack requires a buffer of %zd bytes", f->size);
    return unpack_values(f, data);
}

static MpyObject *do_unpack_from(const Format *f, MpyObject *buffer, MpyObject *offobj)
{
    const char *data;
    ptrdiff_t len, offset = 0;
    if (offobj != NULL) {
        MpyObject *off = mpy_number_index(offobj);
        if (off == NULL)
            return NULL;
        offset = mpy_int_as_ssize(off);
        MPY_DECREF(off);
        if (offset == -1 && mpy_err_occurred())
            return NULL;
    }
    if (get_buffer(buffer, &data, &len) < 0)
        return NULL;
    if (offset < 0) {
        if (offset + f->size > 0)
            return struct_error("not enough data to unpack %zd bytes at offset %zd", f->size, offset);
        if (offset + len < 0)
            return struct_error("offset %zd out of range for %zd-byte buffer", offset, len);
        offset += len;
    }
    if (len - offset < f->size)
        return struct_error("unpack_from requires a buffer of at least %zu bytes for unpacking %zd "
                            "bytes at offset %zd (actual buffer size is %zd)",
                            (size_t)f->size + (size_t)offset, f->size, offset, len);
    return unpack_values(f, data + offset);
}

/* ------------------------------------------------------------------ */
/* Struct objects                                                       */

typedef struct StructObject {
    MpyObject ob_base;
    MpyObject *format; /* str */
    Format f;
} StructObject;

extern MpyType mpy_struct_type;
extern MpyType mpy_struct_unpack_iter_type;

static MpyObject *struct_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    StructObject *s = (StructObject *)mpy_object_alloc(type);
    if (s == NULL)
        return NULL;
    s->format = NULL;
    s->f.codes = NULL;
    s->f.size = s->f.len = 0;
    return (MpyObject *)s;
}

static int struct_init(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    static const char *const kwlist[] = {"format", NULL};
    MpyObject *a[1];
    if (mpy_arg_parse("Struct", args, nargs, kw, kwlist, 1, a) < 0)
        return -1;
    StructObject *s = (StructObject *)self;
    Format f;
    if (format_compile(a[0], &f) < 0)
        return -1;
    MpyObject *text = mpy_str_check(a[0]) ? MPY_NEWREF(a[0])
                                          : mpy_str_from_utf8(mpy_bytes_data(a[0]),
                                                              (size_t)mpy_bytes_size(a[0]));
    if (text == NULL) {
        format_clear(&f);
        return -1;
    }
    format_clear(&s->f);
    s->f = f;
    MPY_SETREF(s->format, text);
    return 0;
}

static void struct_dealloc(MpyObject *self)
{
    StructObject *s = (StructObject *)self;
    MPY_CLEAR(s->format);
    format_clear(&s->f);
    mpy_object_free(self);
}

static MpyObject *struct_pack(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (mpy_arg_no_kwargs("pack", kw) < 0)
        return NULL;
    return do_pack(&((StructObject *)self)->f, args, nargs);
}

static MpyObject *struct_pack_into(MpyObject *self, MpyObject *const *args, size_t nargs,
                                   MpyObject *kw)
{
    if (mpy_arg_no_kwargs("pack_into", kw) < 0)
        return NULL;
    return do_pack_into(&((StructObject *)self)->f, args, nargs);
}

static MpyObject *struct_unpack(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    return do_unpack(&((StructObject *)self)->f, args[0]);
}

static MpyObject *struct_unpack_from(MpyObject *self, MpyObject *const *args, size_t nargs,
                                     MpyObject *kw)
{
    static const char *const kwlist[] = {"buffer", "offset", NULL};
    MpyObject *a[2];
    if (mpy_arg_parse("unpack_from", args, nargs, kw, kwlist, 1, a) < 0)
        return NULL;
    return do_unpack_from(&((StructObject *)self)->f, a[0], a[1]);
}

/* iter_unpack: an iterator over consecutive records of a buffer. */
typedef struct UnpackIterObject {
    MpyObject ob_base;
    MpyObject *st;     /* the Struct */
    MpyObject *buffer; /* bytes or bytearray */
    ptrdiff_t pos;
} UnpackIterObject;

static MpyObject *make_unpack_iter(MpyObject *st, MpyObject *buffer)
{
    StructObject *s = (StructObject *)st;
    const char *data;
    ptrdiff_t len;
    if (get_buffer(buffer, &data, &len) < 0)
        return NULL;
    if (s->f.size == 0)
        return struct_error("cannot iteratively unpack with a struct of length 0");
    if (len % s->f.size != 0)
        return struct_error("iterative unpacking requires a buffer of a multiple of %zd bytes",
                            s->f.size);
    UnpackIterObject *it = (UnpackIterObject *)mpy_object_alloc(&mpy_struct_unpack_iter_type);
    if (it == NULL)
        return NULL;
    it->st = MPY_NEWREF(st);
    it->buffer = MPY_NEWREF(buffer);
    it->pos = 0;
    mpy_gc_track((MpyObject *)it);
    return (MpyObject *)it;
}

static MpyObject *struct_iter_unpack(MpyObject *self, MpyObject *const *args, size_t nargs,
                                     MpyObject *kw)
{
    return make_unpack_iter(self, args[0]);
}

static MpyObject *struct_get_format(MpyObject *self, void *closure)
{
    StructObject *s = (StructObject *)self;
    if (s->format == NULL)
        return mpy_err_format(mpy_exc_AttributeError, "format");
    return MPY_NEWREF(s->format);
}

static MpyObject *struct_get_size(MpyObject *self, void *closure)
{
    return mpy_int_from_ssize(((StructObject *)self)->f.size);
}

static MpyObject *struct_sizeof(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    StructObject *s = (StructObject *)self;
    return mpy_int_from_ssize((ptrdiff_t)(sizeof(StructObject) + sizeof(Code) * (size_t)s->f.len));
}

static const MpyMethodDef struct_methods[] = {
    {"pack", struct_pack, MPY_METH_FASTCALL,
     "S.pack(v1, v2, ...) -> bytes\n\nPack the values into bytes laid out as S.format."},
    {"pack_into", struct_pack_into, MPY_METH_FASTCALL,
     "S.pack_into(buffer, offset, v1, v2, ...)\n\nPack the values into a writable buffer at offset."},
    {"unpack", struct_unpack, MPY_METH_O,
     "unpack($self, buffer, /)\n--\n\nUnpack a buffer of exactly S.size bytes into a tuple."},
    {"unpack_from", struct_unpack_from, MPY_METH_FASTCALL,
     "unpack_from($self, /, buffer, offset=0)\n--\n\nUnpack S.size bytes read at offset."},
    {"iter_unpack", struct_iter_unpack, MPY_METH_O,
     "iter_unpack($self, buffer, /)\n--\n\nIterate over the records of a buffer."},
    {"__sizeof__", struct_sizeof, MPY_METH_NOARGS, "S.__sizeof__() -> size of S in memory, in bytes"},
    {NULL},
};

static const MpyGetSetDef struct_getset[] = {
    {"format", struct_get_format, NULL, "struct format string", NULL},
    {"size", struct_get_size, NULL, "struct size in bytes", NULL},
    {NULL},
};

MpyType mpy_struct_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "_struct.Struct",
    .doc = "Struct(format)\n--\n\nA compiled struct format: pack() and unpack() without "
           "parsing the format again.",
    .basicsize = sizeof(StructObject),
    .flags = MPY_TPFLAGS_BASETYPE,
    .dealloc = struct_dealloc,
    .new = struct_new,
    .init = struct_init,
    .methods = struct_methods,
    .getset = struct_getset,
};

static MpyObject *self_iter(MpyObject *self)
{
    return MPY_NEWREF(self);
}

static void unpack_iter_dealloc(MpyObject *self)
{
    mpy_gc_untrack(self);
    UnpackIterObject *it = (UnpackIterObject *)self;
    MPY_CLEAR(it->st);
    MPY_CLEAR(it->buffer);
    mpy_object_free(self);
}

static int unpack_iter_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    UnpackIterObject *it = (UnpackIterObject *)self;
    MPY_VISIT(it->st);
    MPY_VISIT(it->buffer);
    return 0;
}

static MpyObject *unpack_iter_next(MpyObject *self)
{
    UnpackIterObject *it = (UnpackIterObject *)self;
    if (it->st == NULL)
        return NULL;
    StructObject *s = (StructObject *)it->st;
    const char *data;
    ptrdiff_t len;
    if (get_buffer(it->buffer, &data, &len) < 0)
        return NULL;
    if (it->pos + s->f.size > len) {
        MPY_CLEAR(it->st);
        MPY_CLEAR(it->buffer);
        return NULL;
    }
    MpyObject *r = unpack_values(&s->f, data + it->pos);
    it->pos += s->f.size;
    return r;
}

static MpyObject *unpack_iter_length_hint(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    UnpackIterObject *it = (UnpackIterObject *)self;
    if (it->st == NULL)
        return mpy_int_from_long(0);
    const char *data;
    ptrdiff_t len;
    if (get_buffer(it->buffer, &data, &len) < 0)
        return NULL;
    ptrdiff_t left = (len - it->pos) / ((StructObject *)it->st)->f.size;
    return mpy_int_from_ssize(left > 0 ? left : 0);
}

static const MpyMethodDef unpack_iter_methods[] = {
    {"__length_hint__", unpack_iter_length_hint, MPY_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL},
};

MpyType mpy_struct_unpack_iter_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "_struct.unpack_iterator",
    .basicsize = sizeof(UnpackIterObject),
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = unpack_iter_dealloc,
    .traverse = unpack_iter_traverse,
    .iter = self_iter,
    .iternext = unpack_iter_next,
    .methods = unpack_iter_methods,
};

/* ------------------------------------------------------------------ */
/* Module functions: compile the format, then act                       */

static MpyObject *mod_pack(MpyObject *m, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (mpy_arg_no_kwargs("_struct.pack", kw) < 0)
        return NULL;
    if (nargs == 0)
        return mpy_err_format(mpy_exc_TypeError, "missing format argument");
    Format f;
    if (format_compile(args[0], &f) < 0)
        return NULL;
    MpyObject *r = do_pack(&f, args + 1, nargs - 1);
    format_clear(&f);
    return r;
}

static MpyObject *mod_pack_into(MpyObject *m, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (mpy_arg_no_kwargs("_struct.pack_into", kw) < 0)
        return NULL;
    if (nargs == 0)
        return mpy_err_format(mpy_exc_TypeError, "missing format argument");
    Format f;
    if (format_compile(args[0], &f) < 0)
        return NULL;
    MpyObject *r = do_pack_into(&f, args + 1, nargs - 1);
    format_clear(&f);
    return r;
}

static MpyObject *mod_unpack(MpyObject *m, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (mpy_arg_no_kwargs("unpack", kw) < 0 || mpy_arg_check_positional("unpack", nargs, 2, 2) < 0)
        return NULL;
    Format f;
    if (format_compile(args[0], &f) < 0)
        return NULL;
    MpyObject *r = do_unpack(&f, args[1]);
    format_clear(&f);
    return r;
}

static MpyObject *mod_unpack_from(MpyObject *m, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    static const char *const kwlist[] = {"format", "buffer", "offset", NULL};
    MpyObject *a[3];
    if (mpy_arg_parse("unpack_from", args, nargs, kw, kwlist, 2, a) < 0)
        return NULL;
    Format f;
    if (format_compile(a[0], &f) < 0)
        return NULL;
    MpyObject *r = do_unpack_from(&f, a[1], a[2]);
    format_clear(&f);
    return r;
}

static MpyObject *mod_iter_unpack(MpyObject *m, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (mpy_arg_no_kwargs("iter_unpack", kw) < 0 ||
        mpy_arg_check_positional("iter_unpack", nargs, 2, 2) < 0)
        return NULL;
    MpyObject *st = mpy_object_call1((MpyObject *)&mpy_struct_type, args[0]);
    if (st == NULL)
        return NULL;
    MpyObject *r = make_unpack_iter(st, args[1]);
    MPY_DECREF(st);
    return r;
}

static MpyObject *mod_calcsize(MpyObject *m, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    Format f;
    if (format_compile(args[0], &f) < 0)
        return NULL;
    ptrdiff_t size = f.size;
    format_clear(&f);
    return mpy_int_from_ssize(size);
}

static MpyObject *mod_clearcache(MpyObject *m, MpyObject *const *a, size_t n, MpyObject *k)
{
    return MPY_RETURN_NONE; /* formats are not cached: compiling one is cheap */
}

static const MpyMethodDef struct_module_methods[] = {
    {"pack", mod_pack, MPY_METH_FASTCALL,
     "pack(format, v1, v2, ...) -> bytes\n\nPack the values into bytes laid out as the format says."},
    {"pack_into", mod_pack_into, MPY_METH_FASTCALL,
     "pack_into(format, buffer, offset, v1, v2, ...)\n\nPack the values into a writable buffer."},
    {"unpack", mod_unpack, MPY_METH_FASTCALL,
     "unpack($module, format, buffer, /)\n--\n\nUnpack a buffer of exactly calcsize(format) bytes."},
    {"unpack_from", mod_unpack_from, MPY_METH_FASTCALL,
     "unpack_from($module, format, /, buffer, offset=0)\n--\n\nUnpack from a buffer at offset."},
    {"iter_unpack", mod_iter_unpack, MPY_METH_FASTCALL,
     "iter_unpack($module, format, buffer, /)\n--\n\nIterate over the records of a buffer."},
    {"calcsize", mod_calcsize, MPY_METH_O,
     "calcsize($module, format, /)\n--\n\nThe number of bytes the format packs into."},
    {"_clearcache", mod_clearcache, MPY_METH_NOARGS, "Clear the internal cache."},
    {NULL},
};

static int struct_exec(MpyObject *module)
{
    if (mpy_type_ready(&mpy_struct_type) < 0 || mpy_type_ready(&mpy_struct_unpack_iter_type) < 0)
        return -1;
    if (mpy_module_add_type(module, &mpy_struct_type) < 0)
        return -1;
    /* class error(Exception), shown as struct.error */
    MpyObject *name = mpy_str_from_cstr("error");
    MpyObject *bases = mpy_tuple_pack(1, (MpyObject *)mpy_exc_Exception);
    MpyObject *ns = mpy_dict_new();
    MpyObject *modname = mpy_str_from_cstr("struct");
    MpyObject *cls = NULL;
    if (name && bases && ns && modname && mpy_dict_set_cstr(ns, "__module__", modname) == 0)
        cls = mpy_type_new_class(&mpy_type_type, name, bases, ns, NULL);
    MPY_XDECREF(name);
    MPY_XDECREF(bases);
    MPY_XDECREF(ns);
    MPY_XDECREF(modname);
    if (cls == NULL)
        return -1;
    return mpy_module_add_take(module, "error", cls);
}

const MpyModuleDef mpy__struct_module_def = {
    "_struct", "Functions to convert between Python values and C structs packed in bytes.",
    struct_module_methods, struct_exec, 1,
};
