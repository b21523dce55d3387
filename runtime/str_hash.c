/* runtime/str_hash.c: hashing of str and bytes.
 *
 * Models CPython's Python/pyhash.c: SipHash-1-3 over the bytes CPython
 * hashes.  For str that is its PEP 393 representation (1, 2 or 4 bytes per
 * code point, little-endian), not our UTF-8, so a str hashes to the same
 * value as in CPython.  The key is all zeros, which is what CPython uses
 * under PYTHONHASHSEED=0: minipy's string hashes (and so the iteration
 * order of sets of strings) are deterministic and equal to that mode.
 */
#include "runtime/str.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/bytes.h"

#define ROTL64(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))

#define SIP_HALF(a, b, c, d, s, t)                                                         \
    a += b;                                                                                \
    c += d;                                                                                \
    b = ROTL64(b, s) ^ a;                                                                  \
    d = ROTL64(d, t) ^ c;                                                                  \
    a = ROTL64(a, 32);

#define SIP_ROUND(v0, v1, v2, v3)                                                          \
    SIP_HALF(v0, v1, v2, v3, 13, 16);                                                      \
    SIP_HALF(v2, v1, v0, v3, 17, 21);

static uint64_t load_le64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = (v << 8) | p[i];
    return v;
}

/* SipHash-1-3 with a zero key. */
static uint64_t siphash13(const unsigned char *in, size_t n)
{
    uint64_t b = (uint64_t)n << 56;
    uint64_t v0 = 0x736f6d6570736575ULL, v1 = 0x646f72616e646f6dULL;
    uint64_t v2 = 0x6c7967656e657261ULL, v3 = 0x7465646279746573ULL;
    while (n >= 8) {
        uint64_t m = load_le64(in);
        v3 ^= m;
        SIP_ROUND(v0, v1, v2, v3);
        v0 ^= m;
        in += 8;
        n -= 8;
    }
    uint64_t t = 0;
    for (size_t i = 0; i < n; i++)
        t |= (uint64_t)in[i] << (8 * i);
    b |= t;
    v3 ^= b;
    SIP_ROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    SIP_ROUND(v0, v1, v2, v3);
    SIP_ROUND(v0, v1, v2, v3);
    SIP_ROUND(v0, v1, v2, v3);
    return (v0 ^ v1) ^ (v2 ^ v3);
}

static MpyHash finish(uint64_t h)
{
    MpyHash x = (MpyHash)h;
    return x == -1 ? -2 : x;
}

/* Hash the code points of a non-ASCII str as CPython's kind-sized units. */
static MpyHash hash_wide(MpyStrObject *s)
{
    size_t unit = s->kind;
    size_t n = (size_t)s->length * unit;
    unsigned char stackbuf[256];
    unsigned char *buf = n <= sizeof stackbuf ? stackbuf : malloc(n);
    if (buf == NULL)
        return finish(siphash13((const unsigned char *)s->data, (size_t)s->size));
    const char *p = s->data;
    for (ptrdiff_t i = 0; i < s->length; i++) {
        int len;
        uint32_t c = mpy_utf8_decode(p, &len);
        p += len;
        for (size_t k = 0; k < unit; k++)
            buf[(size_t)i * unit + k] = (unsigned char)(c >> (8 * k));
    }
    MpyHash h = finish(siphash13(buf, n));
    if (buf != stackbuf)
        free(buf);
    return h;
}

MpyHash mpy_str_hash(MpyObject *o)
{
    MpyStrObject *s = (MpyStrObject *)o;
    if (s->hash != -1)
        return s->hash;
    MpyHash h;
    if (s->size == 0)
        h = 0;
    else if (s->kind == 1 && s->ascii)
        h = finish(siphash13((const unsigned char *)s->data, (size_t)s->size));
    else
        h = hash_wide(s);
    s->hash = h;
    return h;
}

/* Returns the hash of raw bytes, as CPython's bytes.__hash__. */
MpyHash mpy__hash_bytes(const char *data, size_t n)
{
    if (n == 0)
        return 0;
    return finish(siphash13((const unsigned char *)data, n));
}
