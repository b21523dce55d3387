/* runtime/str_printf.c: printf-style formatting, `fmt % args`, for str and
 * for bytes/bytearray.
 *
 * Models PyUnicode_Format in CPython's Objects/unicodeobject.c and
 * _PyBytes_FormatEx in Objects/bytesobject.c.  A conversion specifier is
 *
 *     %[(key)][flags][width][.precision][length]type
 *
 * flags are - + space # 0; width and precision may be `*` (taken from the
 * arguments); the length modifiers h, l, L are accepted and ignored.
 * Arguments come from a tuple, from a single non-tuple object, or, with
 * %(key)s, from a mapping.
 *
 * This file parses the format and converts each argument the way CPython
 * does (the conversion decides the error messages: "%d format: a real
 * number is required, not str").  Numbers are then laid out, with their
 * flags, width and precision, by mpy__format_int / mpy__format_double of
 * runtime/format_spec.c; text (%s %r %a %c) is padded here.
 */
#include "runtime/str_impl.h"

#include <limits.h>
#include <string.h>

#include "runtime/bytes.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/format_spec.h"
#include "runtime/int.h"
#include "runtime/tuple.h"

/* A parsed conversion: flags, width and precision as the number
 * formatters of runtime/format_spec.h take them, and the type. */
typedef MpyPrintfSpec Spec;

typedef struct Formatter {
    bool bytes;            /* bytes % args: output and %s/%c rules differ */
    const char *fmt, *pos, *end;
    MpyObject *args;       /* the right operand of % */
    ptrdiff_t arglen;      /* len(args) for a tuple, -1 for a single object */
    ptrdiff_t argidx;      /* next argument; -2: the single object is unused */
    MpyObject *dict;       /* the mapping for %(key)s, or NULL */
    MpyObject *keyed;      /* owned: the value of the last %(key) */
    MpyStrBuilder out;     /* UTF-8 text, or raw bytes in bytes mode */
} Formatter;

/* ------------------------------------------------------------------ */
/* Arguments                                                            */

/* The next positional argument.  Returns: borrowed reference or NULL. */
static MpyObject *next_arg(Formatter *f)
{
    if (f->argidx < f->arglen) {
        ptrdiff_t i = f->argidx++;
        return f->arglen < 0 ? f->args : mpy_tuple_item(f->args, i);
    }
    mpy_err_set(mpy_exc_TypeError, "not enough arguments for format string");
    return NULL;
}

/* The "(key)" after a '%': looks the key up in the mapping and makes the
 * value the only argument of this conversion.  Returns: new reference to
 * the value, or NULL. */
static MpyObject *keyed_arg(Formatter *f)
{
    if (f->dict == NULL)
        return mpy_err_format(mpy_exc_TypeError, "format requires a mapping");
    const char *start = ++f->pos;
    int depth = 1;
    while (f->pos < f->end) {
        if (*f->pos == '(')
            depth++;
        else if (*f->pos == ')' && --depth == 0)
            break;
        f->pos++;
    }
    if (f->pos >= f->end)
        return mpy_err_format(mpy_exc_ValueError, "incomplete format key");
    size_t n = (size_t)(f->pos - start);
    f->pos++;
    MpyObject *key = f->bytes ? mpy_bytes_from(start, n) : mpy_str_from_utf8_trusted(start, n);
    if (key == NULL)
        return NULL;
    MpyObject *value = mpy_object_getitem(f->dict, key);
    MPY_DECREF(key);
    return value;
}

/* A `*` width (a C ssize_t) or precision (a C int), as CPython.
 * Returns 0 / -1. */
static int star_arg(Formatter *f, ptrdiff_t *out, bool precision)
{
    MpyObject *v = next_arg(f);
    if (v == NULL)
        return -1;
    if (!mpy_int_check(v)) {
        mpy_err_set(mpy_exc_TypeError, "* wants int");
        return -1;
    }
    if (!precision) {
        *out = mpy_int_as_ssize(v);
        return *out == -1 && mpy_err_occurred() ? -1 : 0;
    }
    long long value;
    if (!mpy_int_to_long_exact(v, &value) || value > INT_MAX || value < INT_MIN) {
        mpy_err_set(mpy_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (ptrdiff_t)value;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Parsing one specifier                                                */

/* Digits of a width (limit PTRDIFF_MAX) or precision (limit INT_MAX). */
static int parse_number(Formatter *f, ptrdiff_t *out, ptrdiff_t limit, const char *too_big)
{
    ptrdiff_t v = 0;
    while (f->pos < f->end && *f->pos >= '0' && *f->pos <= '9') {
        if (v > (limit - (*f->pos - '0')) / 10) {
            mpy_err_set(mpy_exc_ValueError, too_big);
            return -1;
        }
        v = v * 10 + (*f->pos++ - '0');
    }
    *out = v;
    return 0;
}

/* The format ends in the middle of a specifier. */
static int incomplete(void)
{
    mpy_err_set(mpy_exc_ValueError, "incomplete format");
    return -1;
}

/* Parse flags, width, precision and type after "%" (and "(key)"). */
static int parse_spec(Formatter *f, Spec *sp)
{
    sp->flags = 0;
    sp->width = sp->precision = -1;
    for (; f->pos < f->end; f->pos++) {
        int flag = 0;
        switch (*f->pos) {
        case '-': flag = MPY_PRINTF_LEFT; break;
        case '+': flag = MPY_PRINTF_SIGN; break;
        case ' ': flag = MPY_PRINTF_BLANK; break;
        case '#': flag = MPY_PRINTF_ALT; break;
        case '0': flag = MPY_PRINTF_ZERO; break;
        default: break;
        }
        if (flag == 0)
            break;
        sp->flags |= flag;
    }
    if (f->pos < f->end && *f->pos == '*') {
        f->pos++;
        if (star_arg(f, &sp->width, false) < 0)
            return -1;
        if (sp->width < 0) {
            sp->flags |= MPY_PRINTF_LEFT;
            sp->width = -sp->width;
        }
    } else if (f->pos < f->end && *f->pos >= '0' && *f->pos <= '9') {
        if (parse_number(f, &sp->width, PTRDIFF_MAX, "width too big") < 0)
            return -1;
    }
    if (f->pos < f->end && *f->pos == '.') {
        f->pos++;
        if (f->pos < f->end && *f->pos == '*') {
            f->pos++;
            if (star_arg(f, &sp->precision, true) < 0)
                return -1;
            if (sp->precision < 0)
                sp->precision = 0;
        } else if (parse_number(f, &sp->precision, INT_MAX, "precision too big") < 0) {
            return -1;
        }
    }
    if (f->pos < f->end && (*f->pos == 'h' || *f->pos == 'l' || *f->pos == 'L'))
        f->pos++;
    if (f->pos >= f->end)
        return incomplete();
    sp->type = *f->pos++;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Output of text conversions (numbers are laid out by format_spec.c)   */

static int fill(MpyStrBuilder *sb, char c, ptrdiff_t n)
{
    char buf[64];
    memset(buf, c, sizeof buf);
    for (; n > 0; n -= (ptrdiff_t)sizeof buf)
        if (mpy_sb_append(sb, buf, (size_t)(n < (ptrdiff_t)sizeof buf ? n : (ptrdiff_t)sizeof buf)) < 0)
            return -1;
    return 0;
}

/* Append `text` (nbytes bytes, len characters) padded with spaces to the
 * width, on the left unless the '-' flag is given.  The 0, + and space
 * flags do not apply to text. */
static int emit(Formatter *f, const Spec *sp, const char *text, ptrdiff_t nbytes, ptrdiff_t len)
{
    ptrdiff_t pad = sp->width > len ? sp->width - len : 0;
    bool left = (sp->flags & MPY_PRINTF_LEFT) != 0;
    if (!left && fill(&f->out, ' ', pad) < 0)
        return -1;
    if (mpy_sb_append(&f->out, text, (size_t)nbytes) < 0)
        return -1;
    return left ? fill(&f->out, ' ', pad) : 0;
}

/* ------------------------------------------------------------------ */
/* Conversions                                                          */

/* Is `v` a number for %d (int(), __index__, __int__ or __float__)? */
static bool is_number(MpyObject *v)
{
    MpyType *t = MPY_TYPE(v);
    return mpy_int_check(v) || t->nb_index != NULL || t->nb_int != NULL || t->nb_float != NULL;
}

/* %d %i %u %o %x %X.  The argument is converted as CPython does
 * (int() for %d, operator.index() for %x), then format_spec.c lays it out. */
static int format_int(Formatter *f, const Spec *sp, MpyObject *v)
{
    char c = sp->type;
    bool needs_index = c == 'o' || c == 'x' || c == 'X';
    MpyObject *num;
    if (mpy_int_check(v)) {
        num = MPY_NEWREF(v);
    } else {
        num = !is_number(v) ? NULL : needs_index ? mpy_number_index(v) : mpy_number_int(v);
        if (num == NULL) {
            if (is_number(v) && !mpy_err_matches(mpy_exc_TypeError))
                return -1;
            mpy_err_clear();
            mpy_err_format(mpy_exc_TypeError, "%%%c format: %s is required, not %T", c,
                           needs_index ? "an integer" : "a real number", v);
            return -1;
        }
    }
    int r = mpy__format_int(&f->out, num, sp);
    MPY_DECREF(num);
    return r;
}

/* %e %E %f %F %g %G: float(v), laid out by format_spec.c. */
static int format_float(Formatter *f, const Spec *sp, MpyObject *v)
{
    MpyType *t = MPY_TYPE(v);
    if (!mpy_float_check(v) && !mpy_int_check(v) && t->nb_float == NULL && t->nb_index == NULL) {
        mpy_err_format(mpy_exc_TypeError, "must be real number, not %T", v);
        return -1;
    }
    double x = mpy_float_check(v) ? mpy_float_value(v) : mpy_float_as_double(v);
    if (x == -1.0 && mpy_err_occurred())
        return -1;
    return mpy__format_double(&f->out, x, sp);
}

/* %s %r %a in str mode: the text, cut to the precision. */
static int format_text(Formatter *f, const Spec *sp, MpyObject *v)
{
    MpyObject *s = sp->type == 's' ? mpy_object_str(v)
                   : sp->type == 'r' ? mpy_object_repr(v) : mpy_object_ascii(v);
    if (s == NULL)
        return -1;
    ptrdiff_t len = mpy_str_length(s), nbytes = mpy_str_size(s);
    if (sp->precision >= 0 && sp->precision < len) {
        len = sp->precision;
        nbytes = mpy_str_byte_offset(s, len);
    }
    int err = emit(f, sp, mpy_str_utf8(s), nbytes, len);
    MPY_DECREF(s);
    return err;
}

/* %c in str mode: an int code point or a one-character str. */
static int format_char(Formatter *f, const Spec *sp, MpyObject *v)
{
    char buf[4];
    if (mpy_str_check(v)) {
        if (mpy_str_length(v) != 1)
            goto wrong;
        return emit(f, sp, mpy_str_utf8(v), mpy_str_size(v), 1);
    }
    if (!mpy_int_check(v) && MPY_TYPE(v)->nb_index == NULL)
        goto wrong;
    MpyObject *i = mpy_number_index(v);
    if (i == NULL)
        return -1;
    long long cp;
    bool fits = mpy_int_to_long_exact(i, &cp);
    MPY_DECREF(i);
    if (!fits || cp < 0 || cp > 0x10FFFF) {
        mpy_err_set(mpy_exc_OverflowError, "%c arg not in range(0x110000)");
        return -1;
    }
    int n = mpy_utf8_encode((uint32_t)cp, buf);
    return emit(f, sp, buf, n, 1);
wrong:
    mpy_err_set(mpy_exc_TypeError, "%c requires int or char");
    return -1;
}

/* %s/%b in bytes mode: a bytes-like object or one with __bytes__. */
static int format_bytes_arg(Formatter *f, const Spec *sp, MpyObject *v)
{
    MpyObject *b = NULL;
    const char *data;
    ptrdiff_t n;
    if (mpy_bytes_check(v)) {
        data = mpy_bytes_data(v);
        n = mpy_bytes_size(v);
    } else if (mpy_bytearray_check(v)) {
        MpyByteArrayObject *ba = (MpyByteArrayObject *)v;
        data = ba->data ? ba->data : "";
        n = ba->size;
    } else {
        MpyObject *meth = mpy_str_check(v) ? NULL : mpy_object_lookup_attr(v, MPY_ID(__bytes__));
        if (meth == NULL) {
            if (mpy_err_occurred())
                return -1;
            mpy_err_format(mpy_exc_TypeError,
                           "%%b requires a bytes-like object, or an object that implements "
                           "__bytes__, not '%T'", v);
            return -1;
        }
        b = mpy_object_call0(meth);
        MPY_DECREF(meth);
        if (b == NULL)
            return -1;
        if (!mpy_bytes_check(b)) {
            mpy_err_format(mpy_exc_TypeError, "__bytes__ returned non-bytes (type %T)", b);
            MPY_DECREF(b);
            return -1;
        }
        data = mpy_bytes_data(b);
        n = mpy_bytes_size(b);
    }
    if (sp->precision >= 0 && sp->precision < n)
        n = sp->precision;
    int err = emit(f, sp, data, n, n);
    MPY_XDECREF(b);
    return err;
}

/* %r/%a in bytes mode: ascii(v). */
static int format_bytes_ascii(Formatter *f, const Spec *sp, MpyObject *v)
{
    MpyObject *s = mpy_object_ascii(v);
    if (s == NULL)
        return -1;
    ptrdiff_t n = mpy_str_size(s);
    if (sp->precision >= 0 && sp->precision < n)
        n = sp->precision;
    int err = emit(f, sp, mpy_str_utf8(s), n, n);
    MPY_DECREF(s);
    return err;
}

/* %c in bytes mode: an int in range(256) or a single byte. */
static int format_bytes_char(Formatter *f, const Spec *sp, MpyObject *v)
{
    char c;
    if ((mpy_bytes_check(v) && mpy_bytes_size(v) == 1)) {
        c = mpy_bytes_data(v)[0];
    } else if (mpy_bytearray_check(v) && ((MpyByteArrayObject *)v)->size == 1) {
        c = ((MpyByteArrayObject *)v)->data[0];
    } else if (mpy_int_check(v) || (!mpy_bytes_check(v) && !mpy_bytearray_check(v) &&
                                    MPY_TYPE(v)->nb_index != NULL)) {
        MpyObject *i = mpy_number_index(v);
        if (i == NULL)
            return -1;
        long long x;
        bool fits = mpy_int_to_long_exact(i, &x);
        MPY_DECREF(i);
        if (!fits || x < 0 || x > 255) {
            mpy_err_set(mpy_exc_OverflowError, "%c arg not in range(256)");
            return -1;
        }
        c = (char)x;
    } else {
        mpy_err_set(mpy_exc_TypeError, "%c requires an integer in range(256) or a single byte");
        return -1;
    }
    return emit(f, sp, &c, 1, 1);
}

/* "unsupported format character 'y' (0x79) at index 3", with the index
 * in characters (bytes for bytes formats). */
static int unsupported(Formatter *f, const char *at)
{
    uint32_t c = (unsigned char)*at;
    ptrdiff_t index = at - f->fmt;
    if (!f->bytes) {
        int len;
        c = mpy_utf8_decode(at, &len);
        index = mpy__utf8_count(f->fmt, at - f->fmt);
    }
    mpy_err_format(mpy_exc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                   c >= 32 && c <= 126 ? (int)c : '?', (unsigned)c, index);
    return -1;
}

/* One conversion, starting after its '%'. */
static int convert_one(Formatter *f)
{
    if (f->pos < f->end && *f->pos == '(') {
        MpyObject *value = keyed_arg(f);
        if (value == NULL)
            return -1;
        // As in CPython, the value replaces the arguments from here on:
        // '%(a)s %s' % d runs out of arguments at the %s.
        MPY_XDECREF(f->keyed);
        f->keyed = value;
        f->args = value;
        f->arglen = -1;
        f->argidx = -2;
    }
    Spec sp;
    int err = parse_spec(f, &sp);
    const char *conv_at = f->pos - 1;
    MpyObject *v = NULL;
    if (err == 0 && !strchr("srabcdiuoxXeEfFgG", sp.type))
        err = unsupported(f, conv_at);
    if (err == 0 && sp.type == 'b' && !f->bytes)
        err = unsupported(f, conv_at);
    if (err == 0 && (v = next_arg(f)) == NULL)
        err = -1;
    if (err == 0) {
        switch (sp.type) {
        case 's': case 'b':
            err = f->bytes ? format_bytes_arg(f, &sp, v) : format_text(f, &sp, v);
            break;
        case 'r': case 'a':
            err = f->bytes ? format_bytes_ascii(f, &sp, v) : format_text(f, &sp, v);
            break;
        case 'c':
            err = f->bytes ? format_bytes_char(f, &sp, v) : format_char(f, &sp, v);
            break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
            err = format_float(f, &sp, v);
            break;
        default:
            err = format_int(f, &sp, v);
            break;
        }
    }
    return err;
}

/* ------------------------------------------------------------------ */
/* The driver                                                           */

static int run(Formatter *f)
{
    while (f->pos < f->end) {
        const char *pct = memchr(f->pos, '%', (size_t)(f->end - f->pos));
        const char *lit_end = pct ? pct : f->end;
        if (mpy_sb_append(&f->out, f->pos, (size_t)(lit_end - f->pos)) < 0)
            return -1;
        if (pct == NULL)
            break;
        f->pos = pct + 1;
        if (f->pos >= f->end)
            return incomplete();
        if (*f->pos == '%') {
            f->pos++;
            if (mpy_sb_append(&f->out, "%", 1) < 0)
                return -1;
            continue;
        }
        if (convert_one(f) < 0)
            return -1;
    }
    if (f->argidx < f->arglen && f->dict == NULL) {
        mpy_err_format(mpy_exc_TypeError, "not all arguments converted during %s formatting",
                       f->bytes ? "bytes" : "string");
        return -1;
    }
    return 0;
}

/* A tuple supplies one argument per conversion; any other object is the
 * single argument (and a mapping also serves %(key)s). */
static void formatter_init(Formatter *f, bool bytes, const char *fmt, ptrdiff_t n, MpyObject *args)
{
    f->bytes = bytes;
    f->fmt = f->pos = fmt;
    f->end = fmt + n;
    f->args = args;
    if (mpy_tuple_check(args)) {
        f->arglen = mpy_tuple_size(args);
        f->argidx = 0;
    } else {
        f->arglen = -1;
        f->argidx = -2;
    }
    // Any object with __getitem__ (except tuples and strings) may serve
    // %(key)s, as PyMapping_Check allows.
    bool text = bytes ? mpy_bytes_check(args) : mpy_str_check(args);
    f->dict = MPY_TYPE(args)->getitem != NULL && !mpy_tuple_check(args) && !text ? args : NULL;
    f->keyed = NULL;
    mpy_sb_init(&f->out);
}

/* str % args. */
MpyObject *mpy_str_printf_format(MpyObject *fmt, MpyObject *args)
{
    Formatter f;
    formatter_init(&f, false, mpy_str_utf8(fmt), mpy_str_size(fmt), args);
    int err = run(&f);
    MPY_XDECREF(f.keyed);
    if (err < 0) {
        mpy_sb_discard(&f.out);
        return NULL;
    }
    // Nothing converted: the format itself (as CPython, even for subclasses).
    if (f.out.len == (size_t)mpy_str_size(fmt) && memchr(f.fmt, '%', f.out.len) == NULL) {
        mpy_sb_discard(&f.out);
        return MPY_NEWREF(fmt);
    }
    return mpy__sb_finish(&f.out);
}

/* bytes % args and bytearray % args. */
MpyObject *mpy__bytes_printf_format(MpyObject *fmt, MpyObject *args, bool as_bytearray)
{
    const char *data;
    ptrdiff_t n;
    if (mpy_bytes_check(fmt)) {
        data = mpy_bytes_data(fmt);
        n = mpy_bytes_size(fmt);
    } else {
        MpyByteArrayObject *ba = (MpyByteArrayObject *)fmt;
        data = ba->data ? ba->data : "";
        n = ba->size;
    }
    Formatter f;
    formatter_init(&f, true, data, n, args);
    MpyObject *r = NULL;
    int err = run(&f);
    MPY_XDECREF(f.keyed);
    if (err == 0)
        r = as_bytearray ? mpy_bytearray_from(f.out.buf, f.out.len)
                         : mpy_bytes_from(f.out.buf, f.out.len);
    mpy_sb_discard(&f.out);
    return r;
}
