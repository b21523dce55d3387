/* runtime/mod_sha512.c: the _sha512 module, SHA-512 and SHA-384 hashes.
 *
 * Models CPython's Modules/sha512module.c.  random.seed("text") hashes its
 * argument with SHA-512 (FIPS 180-4), and hashlib.sha512/sha384 use the
 * same objects.  The algorithm: pad the message to a multiple of 128
 * bytes (a 1 bit, zeros, the 128-bit length), then run 80 rounds of the
 * compression function per 128-byte block over eight 64-bit words.
 * SHA-384 is the same with other initial words and a shorter digest.
 *
 * Invariant: `used` < 128 bytes wait in `block` between updates.
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

typedef struct ShaObject {
    MpyObject ob_base;
    uint64_t h[8];
    uint64_t length_bytes; /* messages beyond 2**64 bytes are not a concern */
    unsigned used;
    int digest_size;       /* 64 for SHA-512, 48 for SHA-384 */
    unsigned char block[128];
} ShaObject;

extern MpyType mpy_sha512_type;
extern MpyType mpy_sha384_type;

/* The first 64 bits of the fractional parts of the cube roots of the
 * first 80 primes. */
static const uint64_t K[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
    0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
    0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
    0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
    0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
    0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
    0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
    0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
    0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
    0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
    0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
    0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

static const uint64_t H512[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
    0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};

static const uint64_t H384[8] = {
    0xcbbb9d5dc1059ed8ULL, 0x629a292a367cd507ULL, 0x9159015a3070dd17ULL, 0x152fecd8f70e5939ULL,
    0x67332667ffc00b31ULL, 0x8eb44a8768581511ULL, 0xdb0c2e0d64f98fa7ULL, 0x47b5481dbefa4fa4ULL,
};

static inline uint64_t rotr(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

static uint64_t load_be64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v = (v << 8) | p[i];
    return v;
}

/* One 128-byte block into the running state. */
static void compress(uint64_t *h, const unsigned char *block)
{
    uint64_t w[80];
    for (int t = 0; t < 16; t++)
        w[t] = load_be64(block + 8 * t);
    for (int t = 16; t < 80; t++) {
        uint64_t s0 = rotr(w[t - 15], 1) ^ rotr(w[t - 15], 8) ^ (w[t - 15] >> 7);
        uint64_t s1 = rotr(w[t - 2], 19) ^ rotr(w[t - 2], 61) ^ (w[t - 2] >> 6);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int t = 0; t < 80; t++) {
        uint64_t s1 = rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41);
        uint64_t ch = (e & f) ^ (~e & g);
        uint64_t t1 = hh + s1 + ch + K[t] + w[t];
        uint64_t s0 = rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39);
        uint64_t maj = (a & b) ^ (a & c) ^ (b & c);
        uint64_t t2 = s0 + maj;
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

static void sha_update(ShaObject *s, const unsigned char *data, size_t n)
{
    s->length_bytes += n;
    while (n > 0) {
        size_t take = 128 - s->used;
        if (take > n)
            take = n;
        memcpy(s->block + s->used, data, take);
        s->used += (unsigned)take;
        data += take;
        n -= take;
        if (s->used == 128) {
            compress(s->h, s->block);
            s->used = 0;
        }
    }
}

/* The digest of what was fed so far (the object stays usable). */
static void sha_final(const ShaObject *s, unsigned char *out)
{
    ShaObject copy = *s;
    uint64_t bit_length = copy.length_bytes * 8;
    unsigned char pad[128 + 16] = {0x80};
    size_t padlen = (copy.used < 112 ? 112 : 240) - copy.used;
    unsigned char lenbytes[16] = {0};
    for (int i = 0; i < 8; i++)
        lenbytes[15 - i] = (unsigned char)(bit_length >> (8 * i));
    lenbytes[7] = (unsigned char)((copy.length_bytes >> 61) & 0xff);
    sha_update(&copy, pad, padlen);
    sha_update(&copy, lenbytes, 16);
    for (int i = 0; i < copy.digest_size / 8; i++)
        for (int j = 0; j < 8; j++)
            out[8 * i + j] = (unsigned char)(copy.h[i] >> (56 - 8 * j));
}

/* ------------------------------------------------------------------ */
/* Python objects                                                       */

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

/* Feed a bytes-like object.  Strings are refused as hashlib does. */
static int feed(ShaObject *s, MpyObject *data)
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
    sha_update(s, bytes, n);
    return 0;
}

static MpyObject *sha_new_object(MpyType *type, const uint64_t *init, int digest_size)
{
    ShaObject *s = (ShaObject *)mpy_object_alloc(type);
    if (s == NULL)
        return NULL;
    memcpy(s->h, init, sizeof s->h);
    s->digest_size = digest_size;
    return (MpyObject *)s;
}

static MpyObject *sha_update_method(MpyObject *self, MpyObject *const *args, size_t n, MpyObject *k)
{
    if (feed((ShaObject *)self, args[0]) < 0)
        return NULL;
    return MPY_RETURN_NONE;
}

static MpyObject *sha_digest(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    unsigned char out[64];
    sha_final((ShaObject *)self, out);
    return mpy_bytes_from((const char *)out, (size_t)((ShaObject *)self)->digest_size);
}

static MpyObject *sha_hexdigest(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    unsigned char out[64];
    char hex[129];
    int size = ((ShaObject *)self)->digest_size;
    sha_final((ShaObject *)self, out);
    for (int i = 0; i < size; i++) {
        hex[2 * i] = "0123456789abcdef"[out[i] >> 4];
        hex[2 * i + 1] = "0123456789abcdef"[out[i] & 15];
    }
    return mpy_str_from_utf8(hex, (size_t)size * 2);
}

static MpyObject *sha_copy(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    ShaObject *s = (ShaObject *)self;
    ShaObject *c = (ShaObject *)mpy_object_alloc(MPY_TYPE(self));
    if (c == NULL)
        return NULL;
    memcpy((char *)c + sizeof(MpyObject), (char *)s + sizeof(MpyObject),
           sizeof(ShaObject) - sizeof(MpyObject));
    return (MpyObject *)c;
}

static MpyObject *sha_get_name(MpyObject *self, void *c)
{
    return mpy_str_from_cstr(((ShaObject *)self)->digest_size == 64 ? "sha512" : "sha384");
}

static MpyObject *sha_get_digest_size(MpyObject *self, void *c)
{
    return mpy_int_from_long(((ShaObject *)self)->digest_size);
}

static MpyObject *sha_get_block_size(MpyObject *self, void *c)
{
    return mpy_int_from_long(128);
}

static void sha_dealloc(MpyObject *self)
{
    mpy_object_free(self);
}

static const MpyMethodDef sha_methods[] = {
    {"update", sha_update_method, MPY_METH_O, "Update this hash object's state with the provided string."},
    {"digest", sha_digest, MPY_METH_NOARGS, "Return the digest value as a bytes object."},
    {"hexdigest", sha_hexdigest, MPY_METH_NOARGS, "Return the digest value as a string of hexadecimal digits."},
    {"copy", sha_copy, MPY_METH_NOARGS, "Return a copy of the hash object."},
    {NULL},
};

static const MpyGetSetDef sha_getset[] = {
    {"name", sha_get_name, NULL, NULL, NULL},
    {"digest_size", sha_get_digest_size, NULL, NULL, NULL},
    {"block_size", sha_get_block_size, NULL, NULL, NULL},
    {NULL},
};

MpyType mpy_sha512_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "_sha512.sha512",
    .basicsize = sizeof(ShaObject),
    .flags = MPY_TPFLAGS_DISALLOW_INSTANTIATION,
    .dealloc = sha_dealloc,
    .methods = sha_methods,
    .getset = sha_getset,
};

MpyType mpy_sha384_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "_sha512.sha384",
    .basicsize = sizeof(ShaObject),
    .flags = MPY_TPFLAGS_DISALLOW_INSTANTIATION,
    .dealloc = sha_dealloc,
    .methods = sha_methods,
    .getset = sha_getset,
};

/* sha512(data=b'', *, usedforsecurity=True) and sha384(...). */
static MpyObject *make_hash(const char *fn, MpyType *type, const uint64_t *init, int size,
                            MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    static const char *const kwlist[] = {"string", "$usedforsecurity", NULL};
    MpyObject *a[2];
    if (mpy_arg_parse(fn, args, nargs, kwnames, kwlist, 0, a) < 0)
        return NULL;
    MpyObject *s = sha_new_object(type, init, size);
    if (s != NULL && a[0] != NULL && feed((ShaObject *)s, a[0]) < 0)
        MPY_CLEAR(s);
    return s;
}

static MpyObject *sha512_fn(MpyObject *m, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    return make_hash("sha512", &mpy_sha512_type, H512, 64, args, nargs, kw);
}

static MpyObject *sha384_fn(MpyObject *m, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    return make_hash("sha384", &mpy_sha384_type, H384, 48, args, nargs, kw);
}

static const MpyMethodDef sha_module_methods[] = {
    {"sha512", sha512_fn, MPY_METH_FASTCALL, "Return a new SHA-512 hash object; optionally initialized with a string."},
    {"sha384", sha384_fn, MPY_METH_FASTCALL, "Return a new SHA-384 hash object; optionally initialized with a string."},
    {NULL},
};

static int sha_exec(MpyObject *module)
{
    if (mpy_type_ready(&mpy_sha512_type) < 0 || mpy_type_ready(&mpy_sha384_type) < 0)
        return -1;
    return 0;
}

const MpyModuleDef mpy__sha512_module_def = {
    "_sha512", NULL, sha_module_methods, sha_exec, 1,
};
