/* runtime/mod_hashes.c: the _md5, _sha1 and _sha256 modules: MD5, SHA-1,
 * SHA-224 and SHA-256 hash objects for hashlib.
 *
 * Models CPython's Modules/md5module.c, sha1module.c and sha256module.c.
 * The three algorithms share the Merkle-Damgard shape: the message is fed
 * in 64-byte blocks to a compression function over a small state;
 * finishing pads with a 1 bit, zeros and the message length in bits (MD5
 * little-endian, the SHAs big-endian).  One object type serves all four
 * hashes; an `Algo` record holds what differs.  SHA-384/512 are in
 * runtime/mod_sha512.c (128-byte blocks).
 *
 * Invariant: `used` < 64 bytes wait in `block` between updates.
 */
#include "runtime/module.h"

#include <string.h>

#include "runtime/bytes.h"
#include "runtime/descr.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

typedef struct Algo {
    const char *name;
    int digest_size;
    int words;                     /* state words */
    uint32_t init[8];
    void (*compress)(uint32_t *h, const unsigned char *block);
    bool little_endian;            /* MD5 */
} Algo;

typedef struct {
    MpyObject ob_base;
    const Algo *algo;
    uint32_t h[8];
    uint64_t length;               /* bytes fed so far */
    unsigned used;
    unsigned char block[64];
} HashObject;

extern MpyType mpy_hash_type;

static inline uint32_t rotl(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }
static inline uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

static uint32_t load_be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t load_le32(const unsigned char *p)
{
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* ------------------------------------------------------------------ */
/* MD5 (RFC 1321)                                                       */

static const uint32_t MD5_K[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
};

static const int MD5_S[64] = {
    7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
    5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
    4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
    6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
};

static void md5_compress(uint32_t *h, const unsigned char *block)
{
    uint32_t m[16];
    for (int i = 0; i < 16; i++)
        m[i] = load_le32(block + 4 * i);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
    for (int i = 0; i < 64; i++) {
        uint32_t f;
        int g;
        if (i < 16) {
            f = (b & c) | (~b & d);
            g = i;
        } else if (i < 32) {
            f = (d & b) | (~d & c);
            g = (5 * i + 1) % 16;
        } else if (i < 48) {
            f = b ^ c ^ d;
            g = (3 * i + 5) % 16;
        } else {
            f = c ^ (b | ~d);
            g = (7 * i) % 16;
        }
        uint32_t t = d;
        d = c;
        c = b;
        b = b + rotl(a + f + MD5_K[i] + m[g], MD5_S[i]);
        a = t;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
}

/* ------------------------------------------------------------------ */
/* SHA-1 (FIPS 180-4)                                                   */

static void sha1_compress(uint32_t *h, const unsigned char *block)
{
    uint32_t w[80];
    for (int t = 0; t < 16; t++)
        w[t] = load_be32(block + 4 * t);
    for (int t = 16; t < 80; t++)
        w[t] = rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int t = 0; t < 80; t++) {
        uint32_t f, k;
        if (t < 20) {
            f = (b & c) | (~b & d);
            k = 0x5a827999;
        } else if (t < 40) {
            f = b ^ c ^ d;
            k = 0x6ed9eba1;
        } else if (t < 60) {
            f = (b & c) | (b & d) | (c & d);
            k = 0x8f1bbcdc;
        } else {
            f = b ^ c ^ d;
            k = 0xca62c1d6;
        }
        uint32_t temp = rotl(a, 5) + f + e + k + w[t];
        e = d;
        d = c;
        c = rotl(b, 30);
        b = a;
        a = temp;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
}

/* ------------------------------------------------------------------ */
/* SHA-256 and SHA-224 (FIPS 180-4)                                     */

static const uint32_t SHA256_K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static void sha256_compress(uint32_t *h, const unsigned char *block)
{
    uint32_t w[64];
    for (int t = 0; t < 16; t++)
        w[t] = load_be32(block + 4 * t);
    for (int t = 16; t < 64; t++) {
        uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
        uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int t = 0; t < 64; t++) {
        uint32_t s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
        uint32_t ch = (e & f) ^ (~e & g);
        uint32_t t1 = hh + s1 + ch + SHA256_K[t] + w[t];
        uint32_t s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
        uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
        uint32_t t2 = s0 + maj;
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
}

static const Algo MD5 = {"md5", 16, 4, {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476}, md5_compress, true};
static const Algo SHA1 = {"sha1", 20, 5, {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0},
                          sha1_compress, false};
static const Algo SHA256 = {"sha256", 32, 8,
                            {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c,
                             0x1f83d9ab, 0x5be0cd19},
                            sha256_compress, false};
static const Algo SHA224 = {"sha224", 28, 8,
                            {0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511,
                             0x64f98fa7, 0xbefa4fa4},
                            sha256_compress, false};

/* ------------------------------------------------------------------ */
/* Feeding and finishing                                                */

static void hash_update(HashObject *s, const unsigned char *data, size_t n)
{
    s->length += n;
    while (n > 0) {
        size_t take = 64 - s->used;
        if (take > n)
            take = n;
        memcpy(s->block + s->used, data, take);
        s->used += (unsigned)take;
        data += take;
        n -= take;
        if (s->used == 64) {
            s->algo->compress(s->h, s->block);
            s->used = 0;
        }
    }
}

/* The digest so far (the object stays usable). */
static void hash_final(const HashObject *s, unsigned char *out)
{
    HashObject copy = *s;
    uint64_t bits = copy.length * 8;
    unsigned char pad[72] = {0x80};
    size_t padlen = (copy.used < 56 ? 56 : 120) - copy.used;
    unsigned char lenbytes[8];
    for (int i = 0; i < 8; i++)
        lenbytes[copy.algo->little_endian ? i : 7 - i] = (unsigned char)(bits >> (8 * i));
    hash_update(&copy, pad, padlen);
    hash_update(&copy, lenbytes, 8);
    for (int i = 0; i < copy.algo->digest_size; i++) {
        uint32_t word = copy.h[i / 4];
        int shift = copy.algo->little_endian ? 8 * (i % 4) : 24 - 8 * (i % 4);
        out[i] = (unsigned char)(word >> shift);
    }
}

/* ------------------------------------------------------------------ */
/* The bytes of a bytes or bytearray object (their layouts differ). */
static const unsigned char *byte_buffer(MpyObject *o, size_t *n)
{
    if (mpy_bytearray_check(o)) {
        MpyByteArrayObject *ba = (MpyByteArrayObject *)o;
        *n = (size_t)ba->size;
        return ba->data ? (const unsigned char *)ba->data : (const unsigned char *)"";
    }
    *n = (size_t)mpy_bytes_size(o);
    return (const unsigned char *)mpy_bytes_data(o);
}

/* The hash object                                                      */

static int feed(HashObject *s, MpyObject *data)
{
    if (mpy_str_check(data)) {
        mpy_err_set(mpy_exc_TypeError, "Strings must be encoded before hashing");
        return -1;
    }
    if (!mpy_bytes_check(data) && !mpy_bytearray_check(data)) {
        mpy_err_format(mpy_exc_TypeError, "object supporting the buffer API required");
        return -1;
    }
    size_t n;
    const unsigned char *bytes = byte_buffer(data, &n);
    hash_update(s, bytes, n);
    return 0;
}

static MpyObject *hash_update_method(MpyObject *self, MpyObject *const *args, size_t n, MpyObject *k)
{
    if (feed((HashObject *)self, args[0]) < 0)
        return NULL;
    return MPY_RETURN_NONE;
}

static MpyObject *hash_digest(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    unsigned char out[32];
    hash_final((HashObject *)self, out);
    return mpy_bytes_from((const char *)out, (size_t)((HashObject *)self)->algo->digest_size);
}

static MpyObject *hash_hexdigest(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    unsigned char out[32];
    char hex[65];
    int size = ((HashObject *)self)->algo->digest_size;
    hash_final((HashObject *)self, out);
    for (int i = 0; i < size; i++) {
        hex[2 * i] = "0123456789abcdef"[out[i] >> 4];
        hex[2 * i + 1] = "0123456789abcdef"[out[i] & 15];
    }
    return mpy_str_from_utf8(hex, (size_t)size * 2);
}

static MpyObject *hash_copy(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    HashObject *c = (HashObject *)mpy_object_alloc(&mpy_hash_type);
    if (c == NULL)
        return NULL;
    memcpy((char *)c + sizeof(MpyObject), (char *)self + sizeof(MpyObject),
           sizeof(HashObject) - sizeof(MpyObject));
    return (MpyObject *)c;
}

static MpyObject *hash_get_name(MpyObject *self, void *c)
{
    return mpy_str_from_cstr(((HashObject *)self)->algo->name);
}

static MpyObject *hash_get_digest_size(MpyObject *self, void *c)
{
    return mpy_int_from_long(((HashObject *)self)->algo->digest_size);
}

static MpyObject *hash_get_block_size(MpyObject *self, void *c)
{
    return mpy_int_from_long(64);
}

static MpyObject *hash_repr(MpyObject *self)
{
    return mpy_str_from_format("<%s _hashlib.HASH object @ %p>", ((HashObject *)self)->algo->name,
                               (void *)self);
}

static void hash_dealloc(MpyObject *self)
{
    mpy_object_free(self);
}

static const MpyMethodDef hash_methods[] = {
    {"update", hash_update_method, MPY_METH_O, "Update this hash object's state with the provided string."},
    {"digest", hash_digest, MPY_METH_NOARGS, "Return the digest value as a bytes object."},
    {"hexdigest", hash_hexdigest, MPY_METH_NOARGS, "Return the digest value as a string of hexadecimal digits."},
    {"copy", hash_copy, MPY_METH_NOARGS, "Return a copy of the hash object."},
    {NULL},
};

static const MpyGetSetDef hash_getset[] = {
    {"name", hash_get_name, NULL, NULL, NULL},
    {"digest_size", hash_get_digest_size, NULL, NULL, NULL},
    {"block_size", hash_get_block_size, NULL, NULL, NULL},
    {NULL},
};

MpyType mpy_hash_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "_hashlib.HASH",
    .basicsize = sizeof(HashObject),
    .flags = MPY_TPFLAGS_DISALLOW_INSTANTIATION,
    .dealloc = hash_dealloc,
    .repr = hash_repr,
    .methods = hash_methods,
    .getset = hash_getset,
};

/* name(data=b'', *, usedforsecurity=True) */
static MpyObject *make_hash(const Algo *algo, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    static const char *const kwlist[] = {"string", "$usedforsecurity", NULL};
    MpyObject *a[2];
    if (mpy_arg_parse(algo->name, args, nargs, kwnames, kwlist, 0, a) < 0)
        return NULL;
    if (mpy_type_ready(&mpy_hash_type) < 0)
        return NULL;
    HashObject *s = (HashObject *)mpy_object_alloc(&mpy_hash_type);
    if (s == NULL)
        return NULL;
    s->algo = algo;
    memcpy(s->h, algo->init, sizeof s->h);
    if (a[0] != NULL && feed(s, a[0]) < 0) {
        MPY_DECREF(s);
        return NULL;
    }
    return (MpyObject *)s;
}

#define HASH_FN(cname, algo)                                                                  \
    static MpyObject *cname(MpyObject *m, MpyObject *const *args, size_t nargs, MpyObject *kw) \
    {                                                                                        \
        return make_hash(&algo, args, nargs, kw);                                            \
    }

HASH_FN(md5_fn, MD5)
HASH_FN(sha1_fn, SHA1)
HASH_FN(sha256_fn, SHA256)
HASH_FN(sha224_fn, SHA224)

#undef HASH_FN

static const MpyMethodDef md5_methods[] = {
    {"md5", md5_fn, MPY_METH_FASTCALL, "Return a new MD5 hash object; optionally initialized with a string."},
    {NULL},
};

static const MpyMethodDef sha1_methods[] = {
    {"sha1", sha1_fn, MPY_METH_FASTCALL, "Return a new SHA1 hash object; optionally initialized with a string."},
    {NULL},
};

static const MpyMethodDef sha256_methods[] = {
    {"sha256", sha256_fn, MPY_METH_FASTCALL, "Return a new SHA-256 hash object; optionally initialized with a string."},
    {"sha224", sha224_fn, MPY_METH_FASTCALL, "Return a new SHA-224 hash object; optionally initialized with a string."},
    {NULL},
};

const MpyModuleDef mpy__md5_module_def = {"_md5", NULL, md5_methods, NULL, 1};
const MpyModuleDef mpy__sha1_module_def = {"_sha1", NULL, sha1_methods, NULL, 1};
const MpyModuleDef mpy__sha256_module_def = {"_sha256", NULL, sha256_methods, NULL, 1};
