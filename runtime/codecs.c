/* runtime/codecs.c: str.encode and bytes.decode for the codecs tutorials
 * use: UTF-8, ASCII, Latin-1, UTF-16 and UTF-32, with CPython's error
 * handlers.
 *
 * Models the built-in codecs of CPython's Objects/unicodeobject.c and the
 * error handlers of Python/codecs.c, minus the codec registry: encoding
 * names are matched against a fixed list of spellings ("utf-8", "UTF8",
 * "utf_8", "latin1", "iso-8859-1", "us-ascii", "utf-16-le" ...).  "utf-16"
 * and "utf-32" write a byte order mark (little-endian, as CPython on x86)
 * and honour one when decoding.
 *
 * Error handlers:
 *   strict             raise UnicodeEncodeError / UnicodeDecodeError
 *   ignore             drop what cannot be converted
 *   replace            '?' when encoding, U+FFFD when decoding
 *   backslashreplace   \xe9, \u20ac, \U0001f600
 *   xmlcharrefreplace  &#233; (encoding only)
 *   surrogateescape    undecodable byte 0xNN <-> lone surrogate U+DCNN
 *   surrogatepass      lone surrogates encoded as such (UTF-8/16/32 only)
 * An unknown handler name is reported only when an error needs handling,
 * as in CPython.
 *
 * Our str stores lone surrogates in their 3-byte form (see runtime/str.h),
 * so "a str that is valid UTF-8" is the fast path of both directions.
 */
#include "runtime/bytes.h"

#include <stdio.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/str_impl.h"

enum {
    CODEC_UTF8,
    CODEC_ASCII,
    CODEC_LATIN1,
    CODEC_UTF16,   /* with a byte order mark */
    CODEC_UTF16LE,
    CODEC_UTF16BE,
    CODEC_UTF32,   /* with a byte order mark */
    CODEC_UTF32LE,
    CODEC_UTF32BE,
};

enum {
    ERR_STRICT,
    ERR_IGNORE,
    ERR_REPLACE,
    ERR_BACKSLASH,
    ERR_XMLCHARREF,
    ERR_SURROGATEESCAPE,
    ERR_SURROGATEPASS,
    ERR_UNKNOWN,
};

static const char *const codec_names[] = {"utf-8",     "ascii",     "latin-1",
                                          "utf-16",    "utf-16-le", "utf-16-be",
                                          "utf-32",    "utf-32-le", "utf-32-be"};

/* Bytes per code unit of the UTF-16/32 codecs, 0 for the others. */
static int unit_size(int codec)
{
    return codec >= CODEC_UTF32 ? 4 : codec >= CODEC_UTF16 ? 2 : 0;
}

static bool big_endian(int codec)
{
    return codec == CODEC_UTF16BE || codec == CODEC_UTF32BE;
}

/* The codec for an encoding name, or -1 with LookupError set. */
static int lookup_codec(const char *encoding)
{
    char norm[32];
    size_t n = 0;
    for (const char *p = encoding; *p && n + 1 < sizeof norm; p++) {
        char c = *p;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        else if (c == '-' || c == ' ')
            c = '_';
        norm[n++] = c;
    }
    norm[n] = '\0';
    static const struct { const char *name; int codec; } names[] = {
        {"utf_8", CODEC_UTF8}, {"utf8", CODEC_UTF8}, {"u8", CODEC_UTF8}, {"utf", CODEC_UTF8},
        {"cp65001", CODEC_UTF8}, {"utf8_ucs2", CODEC_UTF8}, {"utf8_ucs4", CODEC_UTF8},
        {"ascii", CODEC_ASCII}, {"us_ascii", CODEC_ASCII}, {"646", CODEC_ASCII},
        {"us", CODEC_ASCII}, {"ansi_x3.4_1968", CODEC_ASCII}, {"iso646_us", CODEC_ASCII},
        {"latin_1", CODEC_LATIN1}, {"latin1", CODEC_LATIN1}, {"latin", CODEC_LATIN1},
        {"l1", CODEC_LATIN1}, {"iso_8859_1", CODEC_LATIN1}, {"iso8859_1", CODEC_LATIN1},
        {"8859", CODEC_LATIN1}, {"cp819", CODEC_LATIN1}, {"iso8859", CODEC_LATIN1},
        {"iso_ir_100", CODEC_LATIN1}, {"iso_8859_1:1987", CODEC_LATIN1},
        {"utf_16", CODEC_UTF16}, {"utf16", CODEC_UTF16}, {"u16", CODEC_UTF16},
        {"utf_16_le", CODEC_UTF16LE}, {"utf_16le", CODEC_UTF16LE},
        {"utf_16_be", CODEC_UTF16BE}, {"utf_16be", CODEC_UTF16BE},
        {"utf_32", CODEC_UTF32}, {"utf32", CODEC_UTF32}, {"u32", CODEC_UTF32},
        {"utf_32_le", CODEC_UTF32LE}, {"utf_32le", CODEC_UTF32LE},
        {"utf_32_be", CODEC_UTF32BE}, {"utf_32be", CODEC_UTF32BE},
    };
    if (strlen(encoding) < sizeof norm)
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
            if (strcmp(norm, names[i].name) == 0)
                return names[i].codec;
    mpy_err_format(mpy_exc_LookupError, "unknown encoding: %s", encoding);
    return -1;
}

/* The ERR_* code of an error handler name (ERR_UNKNOWN if unknown). */
static int lookup_handler(const char *errors)
{
    static const char *const names[] = {"strict", "ignore", "replace", "backslashreplace",
                                        "xmlcharrefreplace", "surrogateescape", "surrogatepass"};
    for (int i = 0; i < ERR_UNKNOWN; i++)
        if (strcmp(errors, names[i]) == 0)
            return i;
    return ERR_UNKNOWN;
}

static void unknown_handler(const char *errors)
{
    mpy_err_format(mpy_exc_LookupError, "unknown error handler name '%s'", errors);
}

/* Raise exc_type(encoding, object, start, end, reason). */
static void raise_unicode_error(MpyType *exc_type, const char *encoding, MpyObject *object,
                                ptrdiff_t start, ptrdiff_t end, const char *reason)
{
    MpyObject *args[5];
    args[0] = mpy_str_from_cstr(encoding);
    args[1] = object;
    args[2] = mpy_small_int(start);
    args[3] = mpy_small_int(end);
    args[4] = mpy_str_from_cstr(reason);
    MpyObject *exc = NULL;
    if (args[0] != NULL && args[4] != NULL)
        exc = mpy_exc_new(exc_type, args, 5);
    MPY_XDECREF(args[0]);
    MPY_XDECREF(args[4]);
    if (exc != NULL)
        mpy_err_restore(exc);
}

/* ------------------------------------------------------------------ */
/* Encoding                                                             */

/* Can `codec` encode code point c as is? */
static bool encodable(int codec, uint32_t c)
{
    switch (codec) {
    case CODEC_ASCII: return c < 0x80;
    case CODEC_LATIN1: return c < 0x100;
    default: return c < 0xD800 || c > 0xDFFF;
    }
}

static int append_byte(MpyStrBuilder *out, unsigned char b)
{
    return mpy_sb_append(out, (const char *)&b, 1);
}

/* One UTF-16 or UTF-32 code unit in the codec's byte order. */
static int append_unit(MpyStrBuilder *out, int codec, uint32_t unit)
{
    unsigned char b[4];
    int n = unit_size(codec);
    for (int i = 0; i < n; i++) {
        int shift = big_endian(codec) ? 8 * (n - 1 - i) : 8 * i;
        b[i] = (unsigned char)(unit >> shift);
    }
    return mpy_sb_append(out, (const char *)b, (size_t)n);
}

/* Append code point c in the codec's encoding (the caller checked it is
 * encodable, or is writing a lone surrogate for surrogatepass). */
static int encode_char(MpyStrBuilder *out, int codec, uint32_t c)
{
    char buf[4];
    switch (unit_size(codec)) {
    case 4:
        return append_unit(out, codec, c);
    case 2:
        if (c < 0x10000)
            return append_unit(out, codec, c);
        c -= 0x10000;
        if (append_unit(out, codec, 0xD800 + (c >> 10)) < 0)
            return -1;
        return append_unit(out, codec, 0xDC00 + (c & 0x3FF));
    default:
        if (codec != CODEC_UTF8)
            return append_byte(out, (unsigned char)c);
        return mpy_sb_append(out, buf, (size_t)mpy_utf8_encode(c, buf));
    }
}

/* Append ASCII replacement text ("?", "\\xe9", "&#233;") in the codec. */
static int encode_ascii_text(MpyStrBuilder *out, int codec, const char *text)
{
    for (; *text; text++)
        if (encode_char(out, codec, (unsigned char)*text) < 0)
            return -1;
    return 0;
}

/* Handle the unencodable characters [start, end) (character indices) whose
 * UTF-8 text is p[0..nbytes).  Returns 0, or -1 with the error set. */
static int encode_error(MpyStrBuilder *out, int codec, int handler, const char *errors,
                        MpyObject *str, const char *p, ptrdiff_t nbytes, ptrdiff_t start,
                        ptrdiff_t end)
{
    char buf[16];
    for (const char *q = p; q < p + nbytes && handler != ERR_STRICT;) {
        int len, err = 0;
        uint32_t c = mpy_utf8_decode(q, &len);
        switch (handler) {
        case ERR_IGNORE: break;
        case ERR_REPLACE: err = encode_ascii_text(out, codec, "?"); break;
        case ERR_BACKSLASH:
            snprintf(buf, sizeof buf, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x", c);
            err = encode_ascii_text(out, codec, buf);
            break;
        case ERR_XMLCHARREF:
            snprintf(buf, sizeof buf, "&#%u;", c);
            err = encode_ascii_text(out, codec, buf);
            break;
        case ERR_SURROGATEESCAPE:
            if (c < 0xDC80 || c > 0xDCFF || unit_size(codec) != 0)
                goto raise;
            err = append_byte(out, (unsigned char)(c - 0xDC00));
            break;
        case ERR_SURROGATEPASS:
            if (codec == CODEC_ASCII || codec == CODEC_LATIN1 || c < 0xD800 || c > 0xDFFF)
                goto raise;
            err = encode_char(out, codec, c);
            break;
        default:
            unknown_handler(errors);
            return -1;
        }
        if (err < 0)
            return -1;
        q += len;
    }
    if (handler != ERR_STRICT)
        return 0;
raise:
    raise_unicode_error(mpy_exc_UnicodeEncodeError, codec_names[codec], str, start, end,
                        codec == CODEC_ASCII    ? "ordinal not in range(128)"
                        : codec == CODEC_LATIN1 ? "ordinal not in range(256)"
                                                : "surrogates not allowed");
    return -1;
}

/* Does the UTF-8 text contain a lone surrogate (ED A0..BF ..)? */
static bool has_surrogate(const char *s, ptrdiff_t n)
{
    for (const char *p = memchr(s, 0xED, (size_t)n); p != NULL;
         p = memchr(p + 1, 0xED, (size_t)(s + n - p - 1)))
        if (p + 1 < s + n && (unsigned char)p[1] >= 0xA0)
            return true;
    return false;
}

MpyObject *mpy_str_encode(MpyObject *str, const char *encoding, const char *errors)
{
    int codec = lookup_codec(encoding);
    if (codec < 0)
        return NULL;
    MpyStrObject *s = (MpyStrObject *)str;
    bool byte_codec = unit_size(codec) == 0;
    if (byte_codec && (s->ascii ||
                       (codec == CODEC_UTF8 && (s->kind == 1 || !has_surrogate(s->data, s->size)))))
        return mpy_bytes_from(s->data, (size_t)s->size);
    int handler = lookup_handler(errors);
    MpyStrBuilder out;
    mpy_sb_init(&out);
    // "utf-16" and "utf-32" start with a little-endian byte order mark.
    if ((codec == CODEC_UTF16 || codec == CODEC_UTF32) && encode_char(&out, codec, 0xFEFF) < 0)
        goto fail;
    const char *p = s->data, *end = p + s->size;
    ptrdiff_t index = 0;
    while (p < end) {
        int len;
        uint32_t c = mpy_utf8_decode(p, &len);
        if (encodable(codec, c)) {
            if (encode_char(&out, codec, c) < 0)
                goto fail;
            p += len;
            index++;
            continue;
        }
        // A run of unencodable characters is one error, as in CPython.
        const char *run = p;
        ptrdiff_t start = index;
        while (p < end && !encodable(codec, c = mpy_utf8_decode(p, &len))) {
            p += len;
            index++;
        }
        if (encode_error(&out, codec, handler, errors, str, run, p - run, start, index) < 0)
            goto fail;
    }
    MpyObject *r = mpy_bytes_from(out.buf, out.len);
    mpy_sb_discard(&out);
    return r;
fail:
    mpy_sb_discard(&out);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Decoding                                                             */

/* Check the UTF-8 sequence at s[i..n).  Returns its length, or 0 with
 * *bad_end and *reason describing the invalid part (CPython's rules: the
 * maximal invalid prefix). */
static int utf8_sequence(const unsigned char *s, size_t i, size_t n, size_t *bad_end,
                         const char **reason)
{
    unsigned char c = s[i];
    if (c < 0x80)
        return 1;
    int need = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : 0;
    if (need == 0) {
        *bad_end = i + 1;
        *reason = "invalid start byte";
        return 0;
    }
    for (int k = 1; k <= need; k++) {
        if (i + (size_t)k >= n) {
            *bad_end = n;
            *reason = "unexpected end of data";
            return 0;
        }
        unsigned char lo = 0x80, hi = 0xBF, b = s[i + (size_t)k];
        if (k == 1) {
            if (c == 0xE0) lo = 0xA0;
            else if (c == 0xED) hi = 0x9F;
            else if (c == 0xF0) lo = 0x90;
            else if (c == 0xF4) hi = 0x8F;
        }
        if (b < lo || b > hi) {
            *bad_end = i + (size_t)k;
            *reason = "invalid continuation byte";
            return 0;
        }
    }
    return need + 1;
}

/* Apply a decoding error handler to the bad bytes data[start, end).
 * Returns the number of bytes consumed (> 0), or -1 with the error set. */
static ptrdiff_t decode_error(MpyStrBuilder *out, const char *name, int handler,
                              const char *errors, const char *data, size_t n, size_t start,
                              size_t end, const char *reason)
{
    const unsigned char *u = (const unsigned char *)data;
    // surrogatepass: an encoded surrogate (ED A0..BF 80..BF) decodes to itself.
    bool utf8 = strcmp(name, "utf-8") == 0;
    if (handler == ERR_SURROGATEPASS && utf8 && start + 2 < n && u[start] == 0xED &&
        u[start + 1] >= 0xA0 && u[start + 1] <= 0xBF && (u[start + 2] & 0xC0) == 0x80)
        return mpy_sb_append(out, data + start, 3) < 0 ? -1 : 3;
    char buf[8];
    for (size_t i = start; i < end; i++) {
        int err = 0;
        switch (handler) {
        case ERR_IGNORE: break;
        case ERR_REPLACE:
            if (i == start)
                err = mpy_sb_append_char(out, 0xFFFD);
            break;
        case ERR_BACKSLASH:
            snprintf(buf, sizeof buf, "\\x%02x", u[i]);
            err = mpy_sb_append_cstr(out, buf);
            break;
        case ERR_SURROGATEESCAPE:
            if (u[i] < 0x80)
                goto raise;
            err = mpy_sb_append_char(out, 0xDC00 + u[i]);
            break;
        case ERR_STRICT:
        case ERR_SURROGATEPASS:
            goto raise;
        case ERR_XMLCHARREF:
            mpy_err_set(mpy_exc_TypeError,
                        "don't know how to handle UnicodeDecodeError in error callback");
            return -1;
        default:
            unknown_handler(errors);
            return -1;
        }
        if (err < 0)
            return -1;
    }
    return (ptrdiff_t)(end - start);
raise:;
    MpyObject *object = mpy_bytes_from(data, n);
    if (object != NULL) {
        raise_unicode_error(mpy_exc_UnicodeDecodeError, name, object,
                            (ptrdiff_t)start, (ptrdiff_t)end, reason);
        MPY_DECREF(object);
    }
    return -1;
}

/* Strict UTF-8 without errors, built in one allocation; NULL without an
 * exception when the data is not valid. */
static MpyObject *decode_utf8_fast(const char *data, size_t n)
{
    const unsigned char *u = (const unsigned char *)data;
    ptrdiff_t length = 0;
    uint32_t max_char = 0;
    size_t i = 0;
    while (i < n) {
        if (u[i] < 0x80) {
            i++;
            length++;
            continue;
        }
        size_t bad_end;
        const char *reason;
        int len = utf8_sequence(u, i, n, &bad_end, &reason);
        if (len == 0)
            return NULL;
        int dummy;
        uint32_t c = mpy_utf8_decode(data + i, &dummy);
        if (c > max_char)
            max_char = c;
        i += (size_t)len;
        length++;
    }
    if (max_char == 0)
        return mpy__str_from_ascii(data, n);
    MpyStrObject *s = mpy__str_alloc(&mpy_str_type, (ptrdiff_t)n);
    if (s == NULL)
        return NULL;
    memcpy(s->data, data, n);
    s->length = length;
    s->ascii = 0;
    s->kind = max_char < 0x100 ? 1 : max_char < 0x10000 ? 2 : 4;
    return (MpyObject *)s;
}

/* A UTF-16 or UTF-32 code unit at p. */
static uint32_t read_unit(const unsigned char *p, int width, bool big)
{
    uint32_t v = 0;
    for (int i = 0; i < width; i++)
        v |= (uint32_t)p[i] << (big ? 8 * (width - 1 - i) : 8 * i);
    return v;
}

/* Check the UTF-16/32 character at u[i..n).  Returns its byte length and
 * stores it in *c, or 0 with *bad_end and *reason set (CPython's reasons).
 * With `pass_surrogates`, a lone surrogate is a character. */
static int wide_sequence(const unsigned char *u, size_t i, size_t n, int width, bool big,
                         bool pass_surrogates, uint32_t *c, size_t *bad_end, const char **reason)
{
    if (n - i < (size_t)width) {
        *bad_end = n;
        *reason = "truncated data";
        return 0;
    }
    *c = read_unit(u + i, width, big);
    *bad_end = i + (size_t)width;
    bool surrogate = *c >= 0xD800 && *c <= 0xDFFF;
    if (width == 4) {
        if (*c > 0x10FFFF)
            *reason = "code point not in range(0x110000)";
        else if (surrogate && !pass_surrogates)
            *reason = "code point in surrogate code point range(0xd800, 0xe000)";
        else
            return 4;
        return 0;
    }
    if (!surrogate)
        return 2;
    if (*c < 0xDC00 && n - i >= 4) {
        uint32_t low = read_unit(u + i + 2, 2, big);
        if (low >= 0xDC00 && low <= 0xDFFF) {
            *c = 0x10000 + ((*c - 0xD800) << 10) + (low - 0xDC00);
            return 4;
        }
    }
    if (pass_surrogates)
        return 2;
    if (*c >= 0xDC00) {
        *reason = "illegal encoding";
    } else if (n - i < 4) {
        *bad_end = n;
        *reason = "unexpected end of data";
    } else {
        *reason = "illegal UTF-16 surrogate";
    }
    return 0;
}

static MpyObject *decode_wide(const char *data, size_t n, int codec, int handler,
                              const char *errors)
{
    const unsigned char *u = (const unsigned char *)data;
    int width = unit_size(codec);
    bool big = big_endian(codec);
    size_t i = 0;
    if ((codec == CODEC_UTF16 || codec == CODEC_UTF32) && n >= (size_t)width) {
        // A byte order mark picks the order and is dropped.
        if (read_unit(u, width, false) == 0xFEFF) {
            i = (size_t)width;
        } else if (read_unit(u, width, true) == 0xFEFF) {
            big = true;
            i = (size_t)width;
        }
    }
    const char *name = width == 2 ? (big ? "utf-16-be" : "utf-16-le")
                                  : (big ? "utf-32-be" : "utf-32-le");
    MpyStrBuilder out;
    mpy_sb_init(&out);
    while (i < n) {
        uint32_t c = 0;
        size_t bad_end;
        const char *reason;
        int len = wide_sequence(u, i, n, width, big, handler == ERR_SURROGATEPASS, &c, &bad_end,
                                &reason);
        if (len > 0) {
            if (mpy_sb_append_char(&out, c) < 0)
                goto fail;
            i += (size_t)len;
            continue;
        }
        ptrdiff_t used = decode_error(&out, name, handler, errors, data, n, i, bad_end, reason);
        if (used < 0)
            goto fail;
        i += (size_t)used;
    }
    return mpy__sb_finish(&out);
fail:
    mpy_sb_discard(&out);
    return NULL;
}

MpyObject *mpy_bytes_decode(const char *data, size_t n, const char *encoding, const char *errors)
{
    int codec = lookup_codec(encoding);
    if (codec < 0)
        return NULL;
    if (unit_size(codec) != 0)
        return decode_wide(data, n, codec, lookup_handler(errors), errors);
    if (codec == CODEC_UTF8) {
        MpyObject *s = decode_utf8_fast(data, n);
        if (s != NULL || mpy_err_occurred())
            return s;
    }
    int handler = lookup_handler(errors);
    MpyStrBuilder out;
    mpy_sb_init(&out);
    const unsigned char *u = (const unsigned char *)data;
    size_t i = 0;
    while (i < n) {
        size_t run = i;
        // Copy the longest stretch that needs no conversion.
        while (i < n && u[i] < 0x80)
            i++;
        if (i > run && mpy_sb_append(&out, data + run, i - run) < 0)
            goto fail;
        if (i >= n)
            break;
        if (codec == CODEC_LATIN1) {
            if (mpy_sb_append_char(&out, u[i++]) < 0)
                goto fail;
            continue;
        }
        size_t bad_end = i + 1;
        const char *reason = "ordinal not in range(128)";
        int len = codec == CODEC_UTF8 ? utf8_sequence(u, i, n, &bad_end, &reason) : 0;
        if (len > 0) {
            if (mpy_sb_append(&out, data + i, (size_t)len) < 0)
                goto fail;
            i += (size_t)len;
            continue;
        }
        ptrdiff_t used =
            decode_error(&out, codec_names[codec], handler, errors, data, n, i, bad_end, reason);
        if (used < 0)
            goto fail;
        i += (size_t)used;
    }
    return mpy__sb_finish(&out);
fail:
    mpy_sb_discard(&out);
    return NULL;
}
