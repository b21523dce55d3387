/* runtime/mod_random.c: the _random module, the Mersenne Twister core that
 * random.py builds on.
 *
 * Models CPython's Modules/_randommodule.c.  The generator is MT19937
 * (Matsumoto and Nishimura, 1998): 624 words of state, refilled 624 at a
 * time ("twist"), each output word "tempered" by a few shifts and masks.
 * Sequences must be bit-for-bit those of CPython, so the seeding is the
 * reference code's too:
 *
 *  - seed(n) for an int n takes abs(n), cuts it into 32-bit words, least
 *    significant first (at least one word, so 0 gives [0]), and feeds
 *    them to init_by_array;
 *  - seed(x) for any other hashable x uses hash(x) as an unsigned 64-bit
 *    number (random.py turns str/bytes into ints before calling us);
 *  - seed(None) uses 624 words from the OS (getrandom).
 *
 * random() builds a 53-bit float from two outputs (27 + 26 bits), and
 * getrandbits(k) concatenates ceil(k/32) outputs, least significant word
 * first, dropping the low bits of the last one.
 *
 * Invariant: 0 <= index <= 624; index == 624 means "twist before the
 * next output".
 */
#include "runtime/module.h"

#include "gil/critical.h"

#include <gmp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "runtime/descr.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

#define MT_N 624
#define MT_M 397
#define MATRIX_A 0x9908b0dfU   /* the twist's constant vector a */
#define UPPER_MASK 0x80000000U /* most significant bit of a word */
#define LOWER_MASK 0x7fffffffU /* the 31 other bits */

typedef struct RandomObject {
    MpyObject ob_base;
    int index;
    uint32_t state[MT_N];
} RandomObject;

extern MpyType mpy_random_type;

/* ------------------------------------------------------------------ */
/* The generator                                                        */

/* Regenerate all 624 words at once. */
static void twist(uint32_t *mt)
{
    static const uint32_t mag01[2] = {0, MATRIX_A};
    int k;
    uint32_t y;
    for (k = 0; k < MT_N - MT_M; k++) {
        y = (mt[k] & UPPER_MASK) | (mt[k + 1] & LOWER_MASK);
        mt[k] = mt[k + MT_M] ^ (y >> 1) ^ mag01[y & 1];
    }
    for (; k < MT_N - 1; k++) {
        y = (mt[k] & UPPER_MASK) | (mt[k + 1] & LOWER_MASK);
        mt[k] = mt[k + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 1];
    }
    y = (mt[MT_N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
    mt[MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ mag01[y & 1];
}

/* The next 32-bit output. */
static uint32_t genrand_uint32(RandomObject *self)
{
    if (self->index >= MT_N) {
        twist(self->state);
        self->index = 0;
    }
    uint32_t y = self->state[self->index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
}

static void init_genrand(RandomObject *self, uint32_t seed)
{
    uint32_t *mt = self->state;
    mt[0] = seed;
    for (int i = 1; i < MT_N; i++)
        mt[i] = 1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i;
    self->index = MT_N;
}

/* Seed from an array of words; the reference algorithm, keylen >= 1. */
static void init_by_array(RandomObject *self, const uint32_t *key, size_t keylen)
{
    uint32_t *mt = self->state;
    init_genrand(self, 19650218U);
    size_t i = 1, j = 0;
    for (size_t k = MT_N > keylen ? MT_N : keylen; k > 0; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
        if (j >= keylen)
            j = 0;
    }
    for (size_t k = MT_N - 1; k > 0; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
        i++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000U; /* MSB is 1, assuring a non-zero initial array */
}

/* ------------------------------------------------------------------ */
/* Seeding                                                              */

static void seed_from_os(RandomObject *self)
{
    uint32_t key[MT_N];
    size_t got = 0;
    while (got < sizeof key) {
        ssize_t n = getrandom((char *)key + got, sizeof key - got, 0);
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    if (got < sizeof key) {
        /* No entropy source: fall back on the time and pid, as CPython. */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        key[0] = (uint32_t)ts.tv_sec;
        key[1] = (uint32_t)ts.tv_nsec;
        key[2] = (uint32_t)getpid();
        init_by_array(self, key, 3);
        return;
    }
    init_by_array(self, key, MT_N);
}

/* Seed from a non-negative mpz, 32 bits at a time.  Returns 0 / -1. */
static int seed_from_mpz(RandomObject *self, mpz_srcptr n)
{
    size_t bits = mpz_sizeinbase(n, 2);
    size_t words = mpz_sgn(n) == 0 ? 1 : (bits - 1) / 32 + 1;
    uint32_t *key = calloc(words, sizeof(uint32_t));
    if (key == NULL) {
        mpy_err_no_memory();
        return -1;
    }
    size_t count = 0;
    mpz_export(key, &count, -1, sizeof(uint32_t), 0, 0, n);
    init_by_array(self, key, words);
    free(key);
    return 0;
}

/* seed(arg): see the top of the file.  Returns 0 / -1. */
static int random_seed_object(RandomObject *self, MpyObject *arg)
{
    if (arg == NULL || arg == MPY_NONE) {
        seed_from_os(self);
        return 0;
    }
    mpz_t n;
    mpz_init(n);
    if (mpy_int_check(arg)) {
        mpy_int_to_mpz(arg, n);
        mpz_abs(n, n);
    } else {
        MpyHash h = mpy_object_hash(arg);
        if (h == -1 && mpy_err_occurred()) {
            mpz_clear(n);
            return -1;
        }
        /* The hash as an unsigned machine word (CPython: size_t). */
        uint64_t u = (uint64_t)h;
        mpz_import(n, 1, -1, sizeof u, 0, 0, &u);
    }
    int r = seed_from_mpz(self, n);
    mpz_clear(n);
    return r;
}

/* ------------------------------------------------------------------ */
/* Methods                                                              */

static MpyObject *random_random_impl(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    RandomObject *r = (RandomObject *)self;
    uint32_t hi = genrand_uint32(r) >> 5, lo = genrand_uint32(r) >> 6;
    return mpy_float_from_double((hi * 67108864.0 + lo) * (1.0 / 9007199254740992.0));
}

static MpyObject *random_seed_impl(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    if (mpy_arg_no_kwargs("seed", kwnames) < 0 || mpy_arg_check_positional("seed", nargs, 0, 1) < 0)
        return NULL;
    if (random_seed_object((RandomObject *)self, nargs ? args[0] : NULL) < 0)
        return NULL;
    return MPY_RETURN_NONE;
}

static MpyObject *random_getstate_impl(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    RandomObject *r = (RandomObject *)self;
    MpyObject *state = mpy_tuple_new(MT_N + 1);
    if (state == NULL)
        return NULL;
    for (int i = 0; i < MT_N; i++) {
        MpyObject *word = mpy_int_from_ulong(r->state[i]);
        if (word == NULL) {
            MPY_DECREF(state);
            return NULL;
        }
        mpy_tuple_init_take(state, i, word);
    }
    mpy_tuple_init_take(state, MT_N, mpy_int_from_long(r->index));
    return state;
}

/* One word of a state tuple: any int, truncated to 32 bits, as CPython's
 * PyLong_AsUnsignedLong + cast (negative values are an OverflowError). */
static int state_word(MpyObject *o, uint32_t *out)
{
    if (!mpy_int_check(o)) {
        mpy_err_format(mpy_exc_TypeError, "an integer is required (got type %T)", o);
        return -1;
    }
    if (mpy_int_sign(o) < 0) {
        mpy_err_set(mpy_exc_OverflowError, "can't convert negative value to unsigned int");
        return -1;
    }
    mpz_t z;
    mpz_init(z);
    mpy_int_to_mpz(o, z);
    if (mpz_sizeinbase(z, 2) > 64) {
        mpz_clear(z);
        mpy_err_set(mpy_exc_OverflowError, "Python int too large to convert to C unsigned long");
        return -1;
    }
    *out = (uint32_t)mpz_get_ui(z);
    mpz_clear(z);
    return 0;
}

static MpyObject *random_setstate_impl(MpyObject *self, MpyObject *const *args, size_t n, MpyObject *k)
{
    RandomObject *r = (RandomObject *)self;
    MpyObject *state = args[0];
    if (!mpy_tuple_check(state))
        return mpy_err_format(mpy_exc_TypeError, "state vector must be a tuple");
    if (mpy_tuple_size(state) != MT_N + 1)
        return mpy_err_format(mpy_exc_ValueError, "state vector is the wrong size");
    uint32_t words[MT_N];
    for (int i = 0; i < MT_N; i++) {
        if (state_word(mpy_tuple_item(state, i), &words[i]) < 0)
            return NULL;
    }
    MpyObject *last = mpy_tuple_item(state, MT_N);
    if (!mpy_int_check(last))
        return mpy_err_format(mpy_exc_TypeError, "an integer is required (got type %T)", last);
    long long index = mpy_int_as_long(last);
    if (index == -1 && mpy_err_occurred())
        return NULL;
    if (index < 0 || index > MT_N)
        return mpy_err_format(mpy_exc_ValueError, "invalid state");
    memcpy(r->state, words, sizeof words);
    r->index = (int)index;
    return MPY_RETURN_NONE;
}

static MpyObject *random_getrandbits_impl(MpyObject *self, MpyObject *const *args, size_t n, MpyObject *k)
{
    RandomObject *r = (RandomObject *)self;
    MpyObject *arg = args[0];
    if (!mpy_int_check(arg)) {
        MpyObject *idx = mpy_number_index(arg);
        if (idx == NULL)
            return NULL;
        MPY_DECREF(idx);
    }
    long long bits = mpy_int_as_long(arg);
    if (bits == -1 && mpy_err_occurred())
        return NULL;
    if (bits > 0x7fffffffLL)
        return mpy_err_format(mpy_exc_OverflowError, "Python int too large to convert to C int");
    if (bits < 0)
        return mpy_err_format(mpy_exc_ValueError, "number of bits must be non-negative");
    if (bits == 0)
        return mpy_int_from_long(0);
    if (bits <= 32)
        return mpy_int_from_ulong(genrand_uint32(r) >> (32 - bits));
    size_t words = (size_t)(bits - 1) / 32 + 1;
    uint32_t *buf = malloc(words * sizeof(uint32_t));
    if (buf == NULL)
        return mpy_err_no_memory();
    /* Least significant word first; the last word keeps its top bits. */
    for (size_t i = 0; i < words; i++, bits -= 32) {
        uint32_t w = genrand_uint32(r);
        if (bits > 0 && bits < 32) /* bits is never 0 here; the test keeps the shift defined */
            w >>= 32 - bits;
        buf[i] = w;
    }
    mpz_t z;
    mpz_init(z);
    mpz_import(z, words, -1, sizeof(uint32_t), 0, 0, buf);
    free(buf);
    MpyObject *result = mpy_int_from_mpz(z);
    mpz_clear(z);
    return result;
}

/* _randbelow(n): uniform int in [0, n) by rejection sampling on
 * getrandbits(n.bit_length()).  Draws exactly the same words as the
 * Python version in random.py, so sequences are unchanged; it only saves
 * the interpreter frames for the common small-n case.  random.Random uses
 * it unless a subclass supplies its own getrandbits() or random(). */
static MpyObject *random_randbelow_impl(MpyObject *self, MpyObject *const *args, size_t n, MpyObject *k)
{
    RandomObject *r = (RandomObject *)self;
    MpyObject *arg = args[0];
    long long v;
    if (mpy_int_check(arg) && mpy_int_to_long_exact(arg, &v) && v > 0) {
        unsigned long long un = (unsigned long long)v;
        int bits = 64 - __builtin_clzll(un);
        for (;;) {
            unsigned long long x;
            if (bits <= 32) {
                x = genrand_uint32(r) >> (32 - bits);
            } else {
                unsigned long long lo = genrand_uint32(r);
                unsigned long long hi = genrand_uint32(r) >> (64 - bits);
                x = lo | (hi << 32);
            }
            if (x < un)
                return mpy_int_from_ulong(x);
        }
    }
    if (mpy_err_occurred())
        mpy_err_clear();
    /* Big (or odd) n: same algorithm through the generic int path. */
    MpyObject *bl = mpy_object_call_method_cstr(arg, "bit_length", NULL, 0);
    if (bl == NULL)
        return NULL;
    for (;;) {
        MpyObject *x = random_getrandbits_impl(self, &bl, 1, NULL);
        if (x == NULL) {
            MPY_DECREF(bl);
            return NULL;
        }
        int lt = mpy_object_richcompare_bool(x, arg, MPY_LT);
        if (lt != 0) {
            MPY_DECREF(bl);
            if (lt < 0) {
                MPY_DECREF(x);
                return NULL;
            }
            return x;
        }
        MPY_DECREF(x);
    }
}

/* ------------------------------------------------------------------ */
/* Creation                                                             */

static MpyObject *random_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    RandomObject *self = (RandomObject *)mpy_object_alloc(type);
    if (self == NULL)
        return NULL;
    /* A usable state even if __init__ is overridden and never seeds. */
    init_genrand(self, 19650218U);
    return (MpyObject *)self;
}

static int random_init(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    if (kwnames != NULL && mpy_tuple_size(kwnames) > 0) {
        mpy_err_set(mpy_exc_TypeError, "Random() takes no keyword arguments");
        return -1;
    }
    if (nargs > 1) {
        mpy_err_set(mpy_exc_TypeError, "Random() requires 0 or 1 argument");
        return -1;
    }
    return random_seed_object((RandomObject *)self, nargs ? args[0] : NULL);
}

static void random_dealloc(MpyObject *self)
{
    mpy_object_free(self);
}

/* The generator state is shared by every thread using the object (the
 * random module's functions all use one instance): in the free-threaded
 * build each method runs in a critical section on the object, as in
 * CPython 3.13t.  (Both macros are plain braces in the GIL build.) */
#define LOCKED_METHOD(name)                                                                 \
    static MpyObject *name(MpyObject *self, MpyObject *const *args, size_t nargs,          \
                           MpyObject *kw)                                                  \
    {                                                                                       \
        MpyObject *result;                                                                  \
        MPY_BEGIN_CRITICAL(self);                                                           \
        result = name##_impl(self, args, nargs, kw);                                        \
        MPY_END_CRITICAL();                                                                 \
        return result;                                                                      \
    }

LOCKED_METHOD(random_random)
LOCKED_METHOD(random_seed)
LOCKED_METHOD(random_getstate)
LOCKED_METHOD(random_setstate)
LOCKED_METHOD(random_getrandbits)
LOCKED_METHOD(random_randbelow)

static const MpyMethodDef random_methods[] = {
    {"random", random_random, MPY_METH_NOARGS, "random() -> x in the interval [0, 1)."},
    {"seed", random_seed, MPY_METH_FASTCALL, "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\nof the current time and the process identifier."},
    {"getstate", random_getstate, MPY_METH_NOARGS, "getstate() -> tuple containing the current state."},
    {"setstate", random_setstate, MPY_METH_O, "setstate(state) -> None.  Restores generator state."},
    {"_randbelow", random_randbelow, MPY_METH_O, "_randbelow(n) -> uniform int in [0, n)."},
    {"getrandbits", random_getrandbits, MPY_METH_O, "getrandbits(k) -> x.  Generates an int with k random bits."},
    {NULL},
};

MpyType mpy_random_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "_random.Random",
    .doc = "Random() -> create a random number generator with its own internal state.",
    .basicsize = sizeof(RandomObject),
    .flags = MPY_TPFLAGS_BASETYPE,
    .dealloc = random_dealloc,
    .new = random_new,
    .init = random_init,
    .methods = random_methods,
};

static int random_exec(MpyObject *module)
{
    if (mpy_type_ready(&mpy_random_type) < 0)
        return -1;
    return mpy_module_add_type(module, &mpy_random_type);
}

const MpyModuleDef mpy__random_module_def = {
    "_random", "Module implements the Mersenne Twister random number generator.",
    NULL, random_exec, 1,
};
