/* runtime/str.c: the core of Python str: creation, UTF-8 handling,
 * interning, comparison, and the few operations the rest of the runtime
 * needs (concatenation, join, substring, repr).
 *
 * Models the core of CPython's Objects/unicodeobject.c.  Storage is UTF-8
 * plus the length in code points (see runtime/str.h).  The `str` type object
 * and the Python-visible methods live in runtime/str_type.c and
 * runtime/str_methods.c; hashing in runtime/str_hash.c; the string builder
 * and the printf-like formatter of error messages in runtime/str_builder.c.
 *
 * Invariant: every str's text is valid generalized UTF-8 (surrogates
 * allowed), `length` counts its code points and `ascii`/`kind` describe it.
 */
#include "runtime/str.h"
#include <stdio.h>

#include <pthread.h>
#include <string.h>

#include "gil/tstate.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/bytes.h"
#include "runtime/init.h"
#include "runtime/str_impl.h"

struct MpyNames mpy__names;

/* Immortal strings made at startup: "" and the 128 one-character ASCII
 * strings (handed out by indexing and iteration without allocating). */
static MpyObject *empty_str;
static MpyObject *ascii_chars[128];
/* ... and U+0080..U+00FF, as CPython keeps all 256 Latin-1 characters:
 * iterating over or indexing 'héllo' allocates nothing either. */
static MpyObject *latin1_chars[128];

#if MPY_FREE_THREADED
static pthread_mutex_t intern_mutex = PTHREAD_MUTEX_INITIALIZER;
#define INTERN_LOCK() pthread_mutex_lock(&intern_mutex)
#define INTERN_UNLOCK() pthread_mutex_unlock(&intern_mutex)
#else
#define INTERN_LOCK() ((void)0)
#define INTERN_UNLOCK() ((void)0)
#endif

/* ------------------------------------------------------------------ */
/* UTF-8                                                                */

uint32_t mpy_utf8_decode(const char *s, int *len)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) {
        *len = 1;
        return u[0];
    }
    if (u[0] < 0xE0) {
        *len = 2;
        return ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
    }
    if (u[0] < 0xF0) {
        *len = 3;
        return ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
    }
    *len = 4;
    return ((uint32_t)(u[0] & 0x07) << 18) | ((uint32_t)(u[1] & 0x3F) << 12) |
           ((uint32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
}

int mpy_utf8_encode(uint32_t cp, char *buf)
{
    unsigned char *b = (unsigned char *)buf;
    if (cp < 0x80) {
        b[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        b[0] = (unsigned char)(0xC0 | (cp >> 6));
        b[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        b[0] = (unsigned char)(0xE0 | (cp >> 12));
        b[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    b[0] = (unsigned char)(0xF0 | (cp >> 18));
    b[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    b[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    b[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Facts about a UTF-8 buffer, gathered in one pass. */
typedef struct TextInfo {
    ptrdiff_t length;
    uint32_t max_char;
    ptrdiff_t bad_pos;   /* byte offset of the first invalid byte, or -1 */
    const char *reason;
    ptrdiff_t bad_end;
} TextInfo;

/* The allowed range of the second byte of a strict UTF-8 sequence that
 * starts with `c` (excludes overlong forms, surrogates and > U+10FFFF). */
static void second_byte_range(unsigned char c, unsigned char *lo, unsigned char *hi)
{
    *lo = 0x80;
    *hi = 0xBF;
    if (c == 0xE0) *lo = 0xA0;
    else if (c == 0xED) *hi = 0x9F;
    else if (c == 0xF0) *lo = 0x90;
    else if (c == 0xF4) *hi = 0x8F;
}

static void scan_error(TextInfo *info, size_t pos, size_t end, const char *reason)
{
    info->bad_pos = (ptrdiff_t)pos;
    info->bad_end = (ptrdiff_t)end;
    info->reason = reason;
}

/* Scan `s`.  strict: reject surrogates and overlong forms with the errors
 * of CPython's utf-8 decoder; otherwise trust generalized UTF-8 produced
 * by our own code. */
static void scan_utf8(const char *s, size_t n, bool strict, TextInfo *info)
{
    const unsigned char *u = (const unsigned char *)s;
    info->length = 0;
    info->max_char = 0;
    info->bad_pos = -1;
    size_t i = 0;
    // ASCII text, the common case, is skipped eight bytes at a time (its
    // exact maximum does not matter: any value below 0x80 means "ASCII").
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, u + i, 8);
        if (w & 0x8080808080808080u)
            break;
        info->max_char = 0x7F;
        i += 8;
    }
    info->length = (ptrdiff_t)i;
    while (i < n) {
        unsigned char c = u[i];
        if (c < 0x80) {
            info->length++;
            if (c > info->max_char)
                info->max_char = c;
            i++;
            continue;
        }
        int need = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
        if (need < 0 || (strict && (c < 0xC2 || c > 0xF4))) {
            scan_error(info, i, i + 1, "invalid start byte");
            return;
        }
        for (int k = 1; k <= need; k++) {
            if (i + (size_t)k >= n) {
                scan_error(info, i, n, "unexpected end of data");
                return;
            }
            unsigned char lo = 0x80, hi = 0xBF;
            if (strict && k == 1)
                second_byte_range(c, &lo, &hi);
            if (u[i + (size_t)k] < lo || u[i + (size_t)k] > hi) {
                scan_error(info, i, i + (size_t)k, "invalid continuation byte");
                return;
            }
        }
        int len;
        uint32_t cp = mpy_utf8_decode(s + i, &len);
        if (cp > info->max_char)
            info->max_char = cp;
        info->length++;
        i += (size_t)need + 1;
    }
}

static uint8_t kind_of(uint32_t max_char)
{
    return max_char < 0x100 ? 1 : max_char < 0x10000 ? 2 : 4;
}

/* ------------------------------------------------------------------ */
/* Construction                                                         */

/* A str of `size` UTF-8 bytes, to be filled by the caller.
 * Returns: new reference or NULL. */
static MpyStrObject *str_alloc(ptrdiff_t size)
{
    return mpy__str_alloc(&mpy_str_type, size);  // from the free lists when short
}

static MpyObject *str_build(const char *data, size_t n, const TextInfo *info)
{
    if (n == 0)
        return mpy_str_empty();
    if (n == 1 && (unsigned char)data[0] < 128 && ascii_chars[(unsigned char)data[0]] != NULL)
        return MPY_NEWREF(ascii_chars[(unsigned char)data[0]]);
    if (n == 2 && ((unsigned char)data[0] & 0xFE) == 0xC2) {  // U+0080..U+00FF
        unsigned cp = ((unsigned char)data[0] & 0x1Fu) << 6 | ((unsigned char)data[1] & 0x3Fu);
        if (latin1_chars[cp - 128] != NULL)
            return MPY_NEWREF(latin1_chars[cp - 128]);
    }
    MpyStrObject *s = str_alloc((ptrdiff_t)n);
    if (s == NULL)
        return NULL;
    memcpy(s->data, data, n);
    s->data[n] = '\0';
    s->length = info->length;
    s->ascii = info->max_char < 0x80;
    s->kind = kind_of(info->max_char);
    return (MpyObject *)s;
}

MpyObject *mpy_str_from_utf8(const char *s, size_t n)
{
    TextInfo info;
    scan_utf8(s, n, true, &info);
    if (info.bad_pos >= 0) {
        MpyObject *exc = NULL;
        MpyObject *args[5];
        args[0] = mpy_str_from_cstr("utf-8");
        args[1] = mpy_bytes_from(s, n);
        args[2] = mpy_small_int(info.bad_pos);
        args[3] = mpy_small_int(info.bad_end);
        args[4] = mpy_str_from_cstr(info.reason);
        if (args[0] && args[1] && args[4])
            exc = mpy_exc_new(mpy_exc_UnicodeDecodeError, args, 5);
        MPY_XDECREF(args[0]);
        MPY_XDECREF(args[1]);
        MPY_XDECREF(args[4]);
        if (exc != NULL)
            mpy_err_restore(exc);
        return NULL;
    }
    return str_build(s, n, &info);
}

MpyObject *mpy_str_from_utf8_trusted(const char *s, size_t n)
{
    TextInfo info;
    scan_utf8(s, n, false, &info);
    return str_build(s, n, &info);
}

MpyObject *mpy_str_from_cstr(const char *s)
{
    return mpy_str_from_utf8(s, strlen(s));
}

MpyObject *mpy_str_from_codepoint(uint32_t cp)
{
    if (cp < 128 && ascii_chars[cp] != NULL)
        return MPY_NEWREF(ascii_chars[cp]);
    if (cp >= 128 && cp < 256 && latin1_chars[cp - 128] != NULL)
        return MPY_NEWREF(latin1_chars[cp - 128]);
    char buf[4];
    int n = mpy_utf8_encode(cp, buf);
    return mpy_str_from_utf8_trusted(buf, (size_t)n);
}

MpyObject *mpy_str_empty(void)
{
    return MPY_NEWREF(empty_str);
}

/* ------------------------------------------------------------------ */
/* Interning                                                            */

MpyObject *mpy_str_intern_take(MpyObject *s)
{
    if (s == NULL)
        return NULL;
    if (((MpyStrObject *)s)->interned || !mpy_str_check_exact(s))
        return s;
    MpyObject *table = mpy__interp->interned;
    INTERN_LOCK();
    MpyObject *found = mpy_dict_get_str_borrowed(table, s);
    if (found != NULL) {
        MPY_INCREF(found);
        INTERN_UNLOCK();
        MPY_DECREF(s);
        return found;
    }
    if (mpy_err_occurred() || mpy_dict_set(table, s, s) < 0) {
        INTERN_UNLOCK();
        MPY_DECREF(s);
        return NULL;
    }
    ((MpyStrObject *)s)->interned = 1;
    mpy_object_immortalize(s);
    INTERN_UNLOCK();
    return s;
}

MpyObject *mpy_str_intern_cstr(const char *text)
{
    MpyObject *s = mpy_str_intern_take(mpy_str_from_cstr(text));
    if (s != NULL)
        MPY_DECREF(s); /* immortal: the table keeps it alive */
    return s;
}

/* Create "" , the ASCII characters and the MPY_ID names.  Returns 0 / -1. */
int mpy__str_init(void)
{
    if (empty_str == NULL) {
        MpyStrObject *e = str_alloc(0);
        if (e == NULL)
            return -1;
        e->data[0] = '\0';
        e->ascii = 1;
        e->kind = 1;
        empty_str = (MpyObject *)e;
        mpy_object_immortalize(empty_str);
        for (int c = 0; c < 128; c++) {
            MpyStrObject *s = str_alloc(1);
            if (s == NULL)
                return -1;
            s->data[0] = (char)c;
            s->data[1] = '\0';
            s->length = 1;
            s->ascii = 1;
            s->kind = 1;
            ascii_chars[c] = (MpyObject *)s;
            mpy_object_immortalize(ascii_chars[c]);
        }
        for (int c = 128; c < 256; c++) {
            MpyStrObject *s = str_alloc(2);
            if (s == NULL)
                return -1;
            mpy_utf8_encode((uint32_t)c, s->data);
            s->data[2] = '\0';
            s->length = 1;
            s->ascii = 0;
            s->kind = 1;
            latin1_chars[c - 128] = (MpyObject *)s;
            mpy_object_immortalize(latin1_chars[c - 128]);
        }
    }
#define MPY_NAME(n)                                                                        \
    if ((mpy__names.id_##n = mpy_str_intern_cstr(#n)) == NULL)                             \
        return -1;
#include "runtime/names.def"
#undef MPY_NAME
    return 0;
}

/* ------------------------------------------------------------------ */
/* Comparison                                                           */

bool mpy_str_equal(MpyObject *a, MpyObject *b)
{
    if (a == b)
        return true;
    MpyStrObject *x = (MpyStrObject *)a, *y = (MpyStrObject *)b;
    if (x->size != y->size || (x->interned && y->interned))
        return false;
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash)
        return false;
    return memcmp(x->data, y->data, (size_t)x->size) == 0;
}

bool mpy_str_equal_cstr(MpyObject *a, const char *s)
{
    size_t n = strlen(s);
    return (size_t)mpy_str_size(a) == n && memcmp(mpy_str_utf8(a), s, n) == 0;
}

int mpy_str_compare(MpyObject *a, MpyObject *b)
{
    /* UTF-8 byte order is code point order. */
    ptrdiff_t na = mpy_str_size(a), nb = mpy_str_size(b);
    int c = memcmp(mpy_str_utf8(a), mpy_str_utf8(b), (size_t)(na < nb ? na : nb));
    if (c != 0)
        return c;
    return na < nb ? -1 : na > nb ? 1 : 0;
}

/* ------------------------------------------------------------------ */
/* Indexing                                                             */

/* Text is UTF-8, so finding code point i of a non-ASCII str means walking
 * from a known position.  To keep `for i in range(len(s)): s[i]` linear
 * (CPython indexes in O(1)), the last lookup is remembered: the str, a
 * code point index and its byte offset; the next lookup walks from the
 * nearest of the start, that point and the end.
 *
 * The remembered str is a borrowed pointer, so it must never be trusted
 * after the object died and its memory came back as another str: every
 * str allocation forgets it (mpy__str_offset_cache_forget, called by
 * mpy__str_alloc, which makes every str, and by the in-place `s += t`).
 * GIL build: one cache, guarded by the GIL, so an allocation in any
 * thread forgets it.  Free-threaded build: one cache per thread, used
 * only for strs this thread owns (biased refcounting's ob_tid): a str
 * made at the same address by another thread has another owner, one made
 * by this thread went through its own mpy__str_alloc. */
typedef struct OffsetCache {
    const MpyObject *str;
    ptrdiff_t index, offset;
} OffsetCache;

#if MPY_FREE_THREADED
static _Thread_local OffsetCache offset_cache __attribute__((tls_model("initial-exec")));
#define OFFSET_CACHE_USABLE(s) mpy__is_owned_by_me(s)
#else
static OffsetCache offset_cache;
#define OFFSET_CACHE_USABLE(s) true
#endif

void mpy__str_offset_cache_forget(const MpyObject *s)
{
    if (offset_cache.str == s)
        offset_cache.str = NULL;
}

/* The byte offset `nchars` code points before byte offset `off`. */
static ptrdiff_t walk_back(const unsigned char *p, ptrdiff_t off, ptrdiff_t nchars)
{
    while (nchars > 0) {
        do
            off--;
        while ((p[off] & 0xC0) == 0x80);
        nchars--;
    }
    return off;
}

ptrdiff_t mpy_str_byte_offset(MpyObject *s, ptrdiff_t i)
{
    MpyStrObject *str = (MpyStrObject *)s;
    if (str->ascii || i == 0)
        return i;
    if (i >= str->length)
        return str->size;
    const unsigned char *p = (const unsigned char *)str->data;
    // Start from the nearest known point: 0, the end, or the cached one.
    ptrdiff_t from = 0, from_off = 0;
    if (str->length - i < i) {
        from = str->length;
        from_off = str->size;
    }
    OffsetCache *c = &offset_cache;
    bool cached = c->str == s && OFFSET_CACHE_USABLE(s) && c->index <= str->length &&
                  c->offset <= str->size;  // (belt and braces)
    if (cached && (c->index > i ? c->index - i : i - c->index) < (from > i ? from - i : i - from)) {
        from = c->index;
        from_off = c->offset;
    }
    ptrdiff_t off = from <= i ? from_off + mpy_str_byte_offset_from(s, from_off, i - from)
                              : walk_back(p, from_off, from - i);
    if (str->length > 16 && OFFSET_CACHE_USABLE(s)) {
        c->str = s;
        c->index = i;
        c->offset = off;
    }
    return off;
}

uint32_t mpy_str_char_at(MpyObject *s, ptrdiff_t i)
{
    int len;
    return mpy_utf8_decode(mpy_str_utf8(s) + mpy_str_byte_offset(s, i), &len);
}

MpyObject *mpy_str_substring(MpyObject *s, ptrdiff_t start, ptrdiff_t stop)
{
    if (start >= stop)
        return mpy_str_empty();
    if (start == 0 && stop == mpy_str_length(s) && mpy_str_check_exact(s))
        return MPY_NEWREF(s);
    ptrdiff_t b0 = mpy_str_byte_offset(s, start);
    ptrdiff_t b1 = ((MpyStrObject *)s)->ascii ? stop
                   : b0 + mpy_str_byte_offset_from(s, b0, stop - start);
    return mpy_str_from_utf8_trusted(mpy_str_utf8(s) + b0, (size_t)(b1 - b0));
}

ptrdiff_t mpy_str_byte_offset_from(MpyObject *s, ptrdiff_t byte_start, ptrdiff_t nchars)
{
    const unsigned char *p = (const unsigned char *)mpy_str_utf8(s) + byte_start;
    ptrdiff_t off = 0;
    while (nchars > 0) {
        unsigned char c = p[off];
        off += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        nchars--;
    }
    return off;
}

/* ------------------------------------------------------------------ */
/* Operations                                                           */

MpyObject *mpy_str_concat(MpyObject *a, MpyObject *b)
{
    MpyStrObject *x = (MpyStrObject *)a, *y = (MpyStrObject *)b;
    if (y->size == 0 && mpy_str_check_exact(a))
        return MPY_NEWREF(a);
    if (x->size == 0 && mpy_str_check_exact(b))
        return MPY_NEWREF(b);
    if (x->size > PTRDIFF_MAX / 2 || y->size > PTRDIFF_MAX / 2)
        return mpy_err_no_memory();
    MpyStrObject *r = str_alloc(x->size + y->size);
    if (r == NULL)
        return NULL;
    memcpy(r->data, x->data, (size_t)x->size);
    memcpy(r->data + x->size, y->data, (size_t)y->size + 1);
    r->length = x->length + y->length;
    r->ascii = x->ascii && y->ascii;
    r->kind = x->kind > y->kind ? x->kind : y->kind;
    return (MpyObject *)r;
}

MpyObject *mpy_str_join(MpyObject *sep, MpyObject *iterable)
{
    MpyObject *it = mpy_object_get_iter(iterable);
    if (it == NULL)
        return NULL;
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    ptrdiff_t i = 0;
    MpyObject *item;
    while ((item = mpy_iter_next(it)) != NULL) {
        if (!mpy_str_check(item)) {
            mpy_err_format(mpy_exc_TypeError, "sequence item %zd: expected str instance, %T found",
                           i, item);
            MPY_DECREF(item);
            goto fail;
        }
        if ((i > 0 && mpy_sb_append_str(&sb, sep) < 0) || mpy_sb_append_str(&sb, item) < 0) {
            MPY_DECREF(item);
            goto fail;
        }
        MPY_DECREF(item);
        i++;
    }
    if (mpy_err_occurred())
        goto fail;
    MPY_DECREF(it);
    return mpy_sb_finish(&sb);
fail:
    MPY_DECREF(it);
    mpy_sb_discard(&sb);
    return NULL;
}

/* Append the repr of code point `c` inside quotes `quote`. */
static int repr_char(MpyStrBuilder *sb, uint32_t c, char quote)
{
    char buf[16];
    switch (c) {
    case '\\': return mpy_sb_append(sb, "\\\\", 2);
    case '\n': return mpy_sb_append(sb, "\\n", 2);
    case '\r': return mpy_sb_append(sb, "\\r", 2);
    case '\t': return mpy_sb_append(sb, "\\t", 2);
    default: break;
    }
    if (c == (uint32_t)quote) {
        buf[0] = '\\';
        buf[1] = quote;
        return mpy_sb_append(sb, buf, 2);
    }
    if (c < 0x20 || c == 0x7F) {
        snprintf(buf, sizeof buf, "\\x%02x", c);
        return mpy_sb_append(sb, buf, 4);
    }
    if (c < 0x7F)
        return mpy_sb_append_char(sb, c);
    if (!mpy__unicode_is_printable(c)) {
        if (c < 0x100)
            snprintf(buf, sizeof buf, "\\x%02x", c);
        else if (c < 0x10000)
            snprintf(buf, sizeof buf, "\\u%04x", c);
        else
            snprintf(buf, sizeof buf, "\\U%08x", c);
        return mpy_sb_append_cstr(sb, buf);
    }
    return mpy_sb_append_char(sb, c);
}

MpyObject *mpy_str_repr(MpyObject *s)
{
    const char *p = mpy_str_utf8(s);
    const char *end = p + mpy_str_size(s);
    bool has_single = memchr(p, '\'', (size_t)(end - p)) != NULL;
    bool has_double = memchr(p, '"', (size_t)(end - p)) != NULL;
    char quote = has_single && !has_double ? '"' : '\'';
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    if (mpy_sb_append(&sb, &quote, 1) < 0)
        goto fail;
    while (p < end) {
        // A run of printable ASCII that needs no escape is copied whole.
        const char *run = p;
        while (p < end && (unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7F && *p != '\\' &&
               *p != quote)
            p++;
        if (p > run && mpy_sb_append(&sb, run, (size_t)(p - run)) < 0)
            goto fail;
        if (p == end)
            break;
        int len;
        uint32_t c = mpy_utf8_decode(p, &len);
        if (repr_char(&sb, c, quote) < 0)
            goto fail;
        p += len;
    }
    if (mpy_sb_append(&sb, &quote, 1) < 0)
        goto fail;
    return mpy_sb_finish(&sb);
fail:
    mpy_sb_discard(&sb);
    return NULL;
}
