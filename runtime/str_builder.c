/* runtime/str_builder.c: building a str piece by piece, and the printf-like
 * formatter used for error messages and reprs (mpy_str_from_format).
 *
 * Models CPython's _PyUnicodeWriter and PyUnicode_FromFormat.  The builder
 * keeps UTF-8 bytes in a small inline buffer first and moves to the heap
 * only when it outgrows it; the finished str is allocated exactly once.
 */
#include "runtime/str.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/str_impl.h"

void mpy_sb_init(MpyStrBuilder *sb)
{
    sb->buf = sb->inline_buf;
    sb->len = 0;
    sb->cap = sizeof sb->inline_buf;
    sb->nchars = 0;
    sb->ascii = true;
}

static int reserve(MpyStrBuilder *sb, size_t extra)
{
    if (sb->len + extra + 1 <= sb->cap && extra < SIZE_MAX / 2)
        return 0;
    if (extra >= (size_t)PTRDIFF_MAX / 2 - sb->len) { /* the doubling below would overflow */
        mpy_err_no_memory();
        return -1;
    }
    size_t cap = sb->cap * 2;
    while (cap < sb->len + extra + 1)
        cap *= 2;
    char *p;
    if (sb->buf == sb->inline_buf) {
        p = malloc(cap);
        if (p != NULL)
            memcpy(p, sb->buf, sb->len);
    } else {
        p = realloc(sb->buf, cap);
    }
    if (p == NULL) {
        mpy_err_no_memory();
        return -1;
    }
    sb->buf = p;
    sb->cap = cap;
    return 0;
}

int mpy_sb_reserve(MpyStrBuilder *sb, size_t extra)
{
    return reserve(sb, extra);
}

/* Characters in n bytes of UTF-8; clears *ascii if any byte is >= 0x80.
 * ASCII text, the common case, is checked eight bytes at a time. */
static size_t count_chars(const char *utf8, size_t n, bool *ascii)
{
    size_t i = 0;
    uint64_t high = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, utf8 + i, 8);
        high |= w;
    }
    for (size_t j = i; j < n; j++)
        high |= (unsigned char)utf8[j];
    if ((high & 0x8080808080808080u) == 0)
        return n;
    *ascii = false;
    size_t chars = 0;
    for (i = 0; i < n; i++)
        chars += ((unsigned char)utf8[i] & 0xC0) != 0x80; /* not a continuation byte */
    return chars;
}

int mpy_sb_append(MpyStrBuilder *sb, const char *utf8, size_t n)
{
    if (reserve(sb, n) < 0)
        return -1;
    memcpy(sb->buf + sb->len, utf8, n);
    sb->len += n;
    sb->nchars += (ptrdiff_t)count_chars(utf8, n, &sb->ascii);
    return 0;
}

int mpy_sb_append_cstr(MpyStrBuilder *sb, const char *utf8)
{
    return mpy_sb_append(sb, utf8, strlen(utf8));
}

int mpy_sb_append_char(MpyStrBuilder *sb, uint32_t cp)
{
    char buf[4];
    int n = mpy_utf8_encode(cp, buf);
    return mpy_sb_append(sb, buf, (size_t)n);
}

int mpy_sb_append_str(MpyStrBuilder *sb, MpyObject *str)
{
    MpyStrObject *s = (MpyStrObject *)str;
    if (reserve(sb, (size_t)s->size) < 0)
        return -1;
    memcpy(sb->buf + sb->len, s->data, (size_t)s->size);
    sb->len += (size_t)s->size;
    sb->nchars += s->length;
    sb->ascii = sb->ascii && s->ascii;
    return 0;
}

int mpy_sb_append_repr(MpyStrBuilder *sb, MpyObject *o)
{
    MpyObject *r = mpy_object_repr(o);
    if (r == NULL)
        return -1;
    int ret = mpy_sb_append_str(sb, r);
    MPY_DECREF(r);
    return ret;
}

int mpy_sb_append_obj_str(MpyStrBuilder *sb, MpyObject *o)
{
    MpyObject *r = mpy_object_str(o);
    if (r == NULL)
        return -1;
    int ret = mpy_sb_append_str(sb, r);
    MPY_DECREF(r);
    return ret;
}

int mpy_sb_printf(MpyStrBuilder *sb, const char *fmt, ...)
{
    char small[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return 0;
    if ((size_t)n < sizeof small)
        return mpy_sb_append(sb, small, (size_t)n);
    char *big = malloc((size_t)n + 1);
    if (big == NULL) {
        mpy_err_no_memory();
        return -1;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    int r = mpy_sb_append(sb, big, (size_t)n);
    free(big);
    return r;
}

/* The pieces are strs that already know their length, ASCII-ness and
 * kind: add those up and copy the bytes once, with no scan. */
MpyObject *mpy_str_concat_array(MpyObject *const *items, ptrdiff_t n)
{
    size_t size = 0;
    ptrdiff_t length = 0;
    bool ascii = true;
    uint8_t kind = 1;
    for (ptrdiff_t i = 0; i < n; i++) {
        const MpyStrObject *s = (const MpyStrObject *)items[i];
        size += (size_t)s->size;
        length += s->length;
        ascii = ascii && s->ascii;
        kind = s->kind > kind ? s->kind : kind;
    }
    if (length <= 1 || size > (size_t)PTRDIFF_MAX / 2) {
        // "" and one character come back as the shared strs (and a huge
        // result gets its MemoryError) from the builder.
        MpyStrBuilder sb;
        mpy_sb_init(&sb);
        for (ptrdiff_t i = 0; i < n; i++) {
            if (mpy_sb_append_str(&sb, items[i]) < 0) {
                mpy_sb_discard(&sb);
                return NULL;
            }
        }
        return mpy_sb_finish(&sb);
    }
    MpyStrObject *r = mpy__str_alloc(&mpy_str_type, (ptrdiff_t)size);
    if (r == NULL)
        return NULL;
    char *p = r->data;
    for (ptrdiff_t i = 0; i < n; i++) {
        const MpyStrObject *s = (const MpyStrObject *)items[i];
        memcpy(p, s->data, (size_t)s->size);
        p += s->size;
    }
    r->length = length;
    r->ascii = ascii;
    r->kind = kind;
    return (MpyObject *)r;
}

MpyObject *mpy_sb_finish(MpyStrBuilder *sb)
{
    // Every append keeps `ascii` exact, so ASCII text needs no second scan.
    MpyObject *s = sb->ascii ? mpy__str_from_ascii(sb->buf, sb->len)
                             : mpy_str_from_utf8_trusted(sb->buf, sb->len);
    mpy_sb_discard(sb);
    mpy_sb_init(sb);
    return s;
}

void mpy_sb_discard(MpyStrBuilder *sb)
{
    if (sb->buf != sb->inline_buf)
        free(sb->buf);
    sb->buf = sb->inline_buf;
    sb->len = 0;
}

/* ------------------------------------------------------------------ */
/* mpy_str_from_format                                                  */

/* One C conversion (%d, %zd, %lld, %x ...): copy the spec and print the
 * matching vararg with snprintf.  Returns the new position in fmt. */
static const char *c_conversion(MpyStrBuilder *sb, const char *f, va_list *ap, int *err)
{
    char spec[16];
    size_t k = 0;
    spec[k++] = '%';
    f++;
    while (*f && strchr("0123456789.-+ #", *f) && k < 8)
        spec[k++] = *f++;
    int longs = 0, size_t_mod = 0;
    while (*f == 'l' && longs < 2) {
        spec[k++] = *f++;
        longs++;
    }
    if (*f == 'z') {
        spec[k++] = *f++;
        size_t_mod = 1;
    }
    char conv = *f;
    spec[k++] = conv;
    spec[k] = '\0';
    if ((conv == 'd' || conv == 'i' || conv == 'u') && k == (size_t)(2 + longs + size_t_mod)) {
        // A plain %d (the usual case in messages): no snprintf.
        unsigned long long mag;
        bool negative = false;
        if (size_t_mod) {
            size_t v = va_arg(*ap, size_t);
            negative = conv != 'u' && (ptrdiff_t)v < 0;
            mag = negative ? 0ull - (unsigned long long)(ptrdiff_t)v : (unsigned long long)v;
        } else if (conv == 'u') {
            mag = longs == 2 ? va_arg(*ap, unsigned long long)
                  : longs == 1 ? va_arg(*ap, unsigned long) : va_arg(*ap, unsigned int);
        } else {
            long long v = longs == 2 ? va_arg(*ap, long long)
                          : longs == 1 ? va_arg(*ap, long) : va_arg(*ap, int);
            negative = v < 0;
            mag = negative ? 0ull - (unsigned long long)v : (unsigned long long)v;
        }
        char buf[24], *end = buf + sizeof buf, *p = end;
        do {
            *--p = (char)('0' + mag % 10);
            mag /= 10;
        } while (mag != 0);
        if (negative)
            *--p = '-';
        *err = mpy_sb_append(sb, p, (size_t)(end - p));
        return f + 1;
    }
    switch (conv) {
    case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
        if (size_t_mod)
            *err = mpy_sb_printf(sb, spec, va_arg(*ap, size_t));
        else if (longs == 2)
            *err = mpy_sb_printf(sb, spec, va_arg(*ap, long long));
        else if (longs == 1)
            *err = mpy_sb_printf(sb, spec, va_arg(*ap, long));
        else
            *err = mpy_sb_printf(sb, spec, va_arg(*ap, int));
        break;
    case 'c':
        *err = mpy_sb_append_char(sb, (uint32_t)va_arg(*ap, int));
        break;
    case 'p':
        *err = mpy_sb_printf(sb, "%p", va_arg(*ap, void *));
        break;
    case 'f': case 'g': case 'e':
        *err = mpy_sb_printf(sb, spec, va_arg(*ap, double));
        break;
    default:
        *err = mpy_sb_append(sb, spec, k);
        break;
    }
    return conv ? f + 1 : f;
}

/* Append str(o), repr(o) ... for the object conversions. */
static int object_conversion(MpyStrBuilder *sb, char conv, va_list *ap)
{
    switch (conv) {
    case 'R': return mpy_sb_append_repr(sb, va_arg(*ap, MpyObject *));
    case 'S': return mpy_sb_append_obj_str(sb, va_arg(*ap, MpyObject *));
    case 'U': return mpy_sb_append_str(sb, va_arg(*ap, MpyObject *));
    case 'T': return mpy_sb_append_cstr(sb, mpy_type_name_of(va_arg(*ap, MpyObject *)));
    case 'N': return mpy_sb_append_cstr(sb, mpy_type_name(va_arg(*ap, MpyType *)));
    case 's': {
        const char *s = va_arg(*ap, const char *);
        return mpy_sb_append_cstr(sb, s != NULL ? s : "(null)");
    }
    default: return mpy_sb_append(sb, "%", 1);
    }
}

MpyObject *mpy_str_from_vformat(const char *fmt, va_list ap_in)
{
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    va_list ap;
    va_copy(ap, ap_in);
    const char *f = fmt;
    int err = 0;
    while (*f && err == 0) {
        const char *pct = strchr(f, '%');
        if (pct == NULL) {
            err = mpy_sb_append_cstr(&sb, f);
            break;
        }
        err = mpy_sb_append(&sb, f, (size_t)(pct - f));
        if (err < 0)
            break;
        char c = pct[1];
        if (c == '%') {
            err = mpy_sb_append(&sb, "%", 1);
            f = pct + 2;
        } else if (c && strchr("RSUTNs", c)) {
            err = object_conversion(&sb, c, &ap);
            f = pct + 2;
        } else {
            f = c_conversion(&sb, pct, &ap, &err);
        }
    }
    va_end(ap);
    if (err < 0) {
        mpy_sb_discard(&sb);
        return NULL;
    }
    return mpy_sb_finish(&sb);
}

MpyObject *mpy_str_from_format(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    MpyObject *s = mpy_str_from_vformat(fmt, ap);
    va_end(ap);
    return s;
}
