/* runtime/mod_pickle.c: the _pickle module, C accelerator of pickle.py:
 * writing pickles.  (Reading them is runtime/mod_pickle_load.c.)
 *
 * Models the Pickler half of CPython's Modules/_pickle.c, split
 * differently: C writes the byte stream and Python decides what objects
 * are made of.
 * - The built-in values (None, bool, int, float, str, bytes, bytearray,
 *   tuple, list, dict, set, frozenset: exact types only) are written here,
 *   byte for byte as CPython writes them, including the memo (an object
 *   met twice is written once, then fetched with GET) and protocol 4's
 *   64 KiB frames.
 * - For any other object, dumps() calls back pickle.py's
 *   _describe(obj, protocol, fix_imports) (pickle.py registers it in this
 *   module at import), which returns a small tuple:
 *     (0, module, name)                        a global: function, class
 *     (1, func, args, state, listitems, dictitems, state_setter, None)
 *                                              func(*args), then the rest
 *     (2, cls, args, ...)                      cls.__new__(cls, *args)
 *     (3, cls, args, ..., kwargs)              cls.__new__(cls, *args, **kwargs)
 *   All of reduction's rules and error messages live in that Python
 *   function (one place, readable), and this file only writes opcodes.
 *
 * Invariants: the output buffer only grows; `frame_start` is the offset
 * of the current frame's 9-byte header placeholder; every object stored
 * in the memo is kept alive by the `keep` list until dumps() returns, so
 * its address cannot be reused by another object meanwhile.
 */
#include "runtime/mod_pickle.h"

#include <gmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/bytes.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/import.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

#define FRAME_SIZE_MIN 4
#define FRAME_SIZE_TARGET (64 * 1024)
#define FRAME_HEADER 9
#define BATCHSIZE 1000

/* ------------------------------------------------------------------ */
/* The memo: object address -> memo index (open addressing)             */

typedef struct MemoEntry {
    MpyObject *key;
    ptrdiff_t index;
} MemoEntry;

typedef struct Memo {
    MemoEntry *table;   /* capacity mask + 1 entries; key NULL = empty */
    size_t mask;
    size_t used;
} Memo;

static size_t memo_slot(const Memo *m, MpyObject *key)
{
    size_t h = ((uintptr_t)key >> 4) * 0x9E3779B97F4A7C15u;
    size_t i = h & m->mask;
    while (m->table[i].key != NULL && m->table[i].key != key)
        i = (i + 1) & m->mask;
    return i;
}

/* Returns the memo index of `key`, or -1. */
static ptrdiff_t memo_get(const Memo *m, MpyObject *key)
{
    if (m->table == NULL)
        return -1;
    size_t i = memo_slot(m, key);
    return m->table[i].key == NULL ? -1 : m->table[i].index;
}

static int memo_put(Memo *m, MpyObject *key, ptrdiff_t index)
{
    if (m->table == NULL || (m->used + 1) * 2 > m->mask + 1) {
        size_t cap = m->table == NULL ? 64 : (m->mask + 1) * 2;
        MemoEntry *old = m->table;
        size_t old_cap = m->table == NULL ? 0 : m->mask + 1;
        m->table = calloc(cap, sizeof(MemoEntry));
        if (m->table == NULL) {
            m->table = old;
            mpy_err_no_memory();
            return -1;
        }
        m->mask = cap - 1;
        for (size_t i = 0; i < old_cap; i++)
            if (old[i].key != NULL)
                m->table[memo_slot(m, old[i].key)] = old[i];
        free(old);
    }
    size_t i = memo_slot(m, key);
    if (m->table[i].key == NULL)
        m->used++;
    m->table[i].key = key;
    m->table[i].index = index;
    return 0;
}

/* ------------------------------------------------------------------ */
/* The pickler's state and output                                       */

typedef struct Pickler {
    MpyObject *module;    /* _pickle, for the exception classes (borrowed) */
    MpyObject *describe;  /* pickle._describe (borrowed) */
    int proto;
    bool fix_imports;     /* Python 2 names below protocol 3 */
    char *buf;
    size_t len, cap;
    bool framing;
    size_t frame_start;
    Memo memo;
    MpyObject *keep;      /* list: the memoized objects */
} Pickler;

static int grow(Pickler *p, size_t n)
{
    if (p->len + n <= p->cap)
        return 0;
    size_t cap = p->cap ? p->cap : 256;
    while (cap < p->len + n)
        cap *= 2;
    char *buf = realloc(p->buf, cap);
    if (buf == NULL) {
        mpy_err_no_memory();
        return -1;
    }
    p->buf = buf;
    p->cap = cap;
    return 0;
}

static int write_bytes(Pickler *p, const void *data, size_t n)
{
    if (grow(p, n) < 0)
        return -1;
    memcpy(p->buf + p->len, data, n);
    p->len += n;
    return 0;
}

static int write_op(Pickler *p, int op)
{
    if (grow(p, 1) < 0)
        return -1;
    p->buf[p->len++] = (char)op;
    return 0;
}

/* An opcode followed by a little-endian unsigned argument of `width` bytes. */
static int write_op_le(Pickler *p, int op, uint64_t value, int width)
{
    unsigned char tmp[9];
    tmp[0] = (unsigned char)op;
    for (int i = 0; i < width; i++)
        tmp[1 + i] = (unsigned char)(value >> (8 * i));
    return write_bytes(p, tmp, (size_t)width + 1);
}

/* Frames: a placeholder is reserved at the start and filled in (or
 * removed, for frames too small to be worth it) at the end. */
static int start_frame(Pickler *p)
{
    if (grow(p, FRAME_HEADER) < 0)
        return -1;
    p->framing = true;
    p->frame_start = p->len;
    memset(p->buf + p->len, 0, FRAME_HEADER);
    p->len += FRAME_HEADER;
    return 0;
}

static void end_frame(Pickler *p)
{
    if (!p->framing)
        return;
    p->framing = false;
    size_t size = p->len - p->frame_start - FRAME_HEADER;
    char *header = p->buf + p->frame_start;
    if (size >= FRAME_SIZE_MIN) {
        header[0] = (char)PICKLE_FRAME;
        for (int i = 0; i < 8; i++)
            header[1 + i] = (char)(unsigned char)((uint64_t)size >> (8 * i));
    } else {
        memmove(header, header + FRAME_HEADER, size);
        p->len -= FRAME_HEADER;
    }
}

/* A big bytes/str payload goes outside any frame, in one piece. */
static int write_large(Pickler *p, const unsigned char *header, size_t header_len,
                       const char *data, size_t n)
{
    bool framing = p->framing;
    end_frame(p);
    if (write_bytes(p, header, header_len) < 0 || write_bytes(p, data, n) < 0)
        return -1;
    return framing ? start_frame(p) : 0;
}

/* ------------------------------------------------------------------ */
/* Memo opcodes                                                         */

static int write_get(Pickler *p, ptrdiff_t index)
{
    if (p->proto == 0) {
        char tmp[32];
        int n = snprintf(tmp, sizeof tmp, "%c%td\n", PICKLE_GET, index);
        return write_bytes(p, tmp, (size_t)n);
    }
    if (index < 256)
        return write_op_le(p, PICKLE_BINGET, (uint64_t)index, 1);
    return write_op_le(p, PICKLE_LONG_BINGET, (uint64_t)index, 4);
}

static int memoize(Pickler *p, MpyObject *obj)
{
    ptrdiff_t index = (ptrdiff_t)p->memo.used;
    int r;
    if (p->proto >= 4) {
        r = write_op(p, PICKLE_MEMOIZE);
    } else if (p->proto >= 1) {
        r = index < 256 ? write_op_le(p, PICKLE_BINPUT, (uint64_t)index, 1)
                        : write_op_le(p, PICKLE_LONG_BINPUT, (uint64_t)index, 4);
    } else {
        char tmp[32];
        int n = snprintf(tmp, sizeof tmp, "%c%td\n", PICKLE_PUT, index);
        r = write_bytes(p, tmp, (size_t)n);
    }
    if (r < 0 || mpy_list_append(p->keep, obj) < 0)
        return -1;
    return memo_put(&p->memo, obj, index);
}

/* ------------------------------------------------------------------ */
/* Atoms                                                                */

static int save(Pickler *p, MpyObject *obj);

/* LONG1/LONG4's payload: two's complement, little-endian, as short as
 * possible.  Returns a malloc'd buffer (size in *n), or NULL. */
static unsigned char *encode_long(MpyObject *obj, size_t *n)
{
    mpz_t x, v;
    mpz_inits(x, v, NULL);
    mpy_int_to_mpz(obj, x);
    size_t bits = mpz_sgn(x) == 0 ? 0 : mpz_sizeinbase(x, 2);
    size_t nbytes = (bits >> 3) + 1;
    mpz_set(v, x);
    if (mpz_sgn(x) < 0) {
        mpz_t modulus;
        mpz_init(modulus);
        mpz_ui_pow_ui(modulus, 2, 8 * nbytes);
        mpz_add(v, v, modulus);
        mpz_clear(modulus);
    }
    unsigned char *out = calloc(nbytes, 1);
    if (out != NULL) {
        size_t count = 0;
        mpz_export(out, &count, -1, 1, 0, 0, v);
        if (mpz_sgn(x) < 0 && nbytes > 1 && out[nbytes - 1] == 0xff && (out[nbytes - 2] & 0x80))
            nbytes--;
        if (mpz_sgn(x) == 0)
            nbytes = 0;
        *n = nbytes;
    } else {
        mpy_err_no_memory();
    }
    mpz_clears(x, v, NULL);
    return out;
}

static int save_int_text(Pickler *p, MpyObject *obj, bool fits32)
{
    MpyObject *text = mpy_object_repr(obj);   // new reference
    if (text == NULL)
        return -1;
    int r = write_op(p, fits32 ? PICKLE_INT : PICKLE_LONG);
    if (r == 0)
        r = write_bytes(p, mpy_str_utf8(text), (size_t)mpy_str_size(text));
    if (r == 0)
        r = fits32 ? write_op(p, '\n') : write_bytes(p, "L\n", 2);
    MPY_DECREF(text);
    return r;
}

static int save_int(Pickler *p, MpyObject *obj)
{
    long long v;
    bool fits = mpy_int_to_long_exact(obj, &v);
    bool fits32 = fits && v >= INT32_MIN && v <= INT32_MAX;
    if (p->proto >= 1 && fits32) {
        if (v >= 0 && v <= 0xff)
            return write_op_le(p, PICKLE_BININT1, (uint64_t)v, 1);
        if (v >= 0 && v <= 0xffff)
            return write_op_le(p, PICKLE_BININT2, (uint64_t)v, 2);
        return write_op_le(p, PICKLE_BININT, (uint32_t)(int32_t)v, 4);
    }
    if (p->proto < 2)
        return save_int_text(p, obj, fits32);
    size_t n;
    unsigned char *payload = encode_long(obj, &n);
    if (payload == NULL)
        return -1;
    int r = n < 256 ? write_op_le(p, PICKLE_LONG1, n, 1) : write_op_le(p, PICKLE_LONG4, n, 4);
    if (r == 0)
        r = write_bytes(p, payload, n);
    free(payload);
    return r;
}

static int save_float(Pickler *p, MpyObject *obj)
{
    double d = mpy_float_value(obj);
    if (p->proto == 0) {
        char tmp[40];
        int n = mpy_float_repr_buf(d, tmp, sizeof tmp);
        if (write_op(p, PICKLE_FLOAT) < 0 || write_bytes(p, tmp, (size_t)n) < 0)
            return -1;
        return write_op(p, '\n');
    }
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    unsigned char tmp[9];
    tmp[0] = PICKLE_BINFLOAT;
    for (int i = 0; i < 8; i++)
        tmp[1 + i] = (unsigned char)(bits >> (56 - 8 * i));   // big-endian
    return write_bytes(p, tmp, sizeof tmp);
}

/* A length-prefixed payload: short form when it fits a byte (if allowed),
 * the 8-byte form past 4 GiB, outside frames when large. */
static int save_sized(Pickler *p, int short_op, int op4, int op8, const char *data, size_t n)
{
    unsigned char header[9];
    size_t header_len;
    if (short_op >= 0 && n <= 0xff) {
        header[0] = (unsigned char)short_op;
        header[1] = (unsigned char)n;
        header_len = 2;
    } else if (n > 0xffffffffu && op8 >= 0) {
        header[0] = (unsigned char)op8;
        for (int i = 0; i < 8; i++)
            header[1 + i] = (unsigned char)((uint64_t)n >> (8 * i));
        header_len = 9;
    } else {
        header[0] = (unsigned char)op4;
        for (int i = 0; i < 4; i++)
            header[1 + i] = (unsigned char)((uint64_t)n >> (8 * i));
        header_len = 5;
    }
    if (n >= FRAME_SIZE_TARGET)
        return write_large(p, header, header_len, data, n);
    if (write_bytes(p, header, header_len) < 0)
        return -1;
    return write_bytes(p, data, n);
}

/* Protocol 0: raw-unicode-escape, with the characters that would break
 * the line-based format escaped too. */
static int save_str_text(Pickler *p, MpyObject *obj)
{
    if (write_op(p, PICKLE_UNICODE) < 0)
        return -1;
    const char *s = mpy_str_utf8(obj);
    ptrdiff_t size = mpy_str_size(obj);
    for (ptrdiff_t i = 0; i < size;) {
        int len;
        uint32_t cp = mpy_utf8_decode(s + i, &len);
        i += len;
        char tmp[12];
        int n;
        if (cp == '\\' || cp == 0 || cp == '\n' || cp == '\r' || cp == 0x1a)
            n = snprintf(tmp, sizeof tmp, "\\u%04x", (unsigned)cp);
        else if (cp < 256) {
            tmp[0] = (char)cp;
            n = 1;
        } else if (cp < 0x10000)
            n = snprintf(tmp, sizeof tmp, "\\u%04x", (unsigned)cp);
        else
            n = snprintf(tmp, sizeof tmp, "\\U%08x", (unsigned)cp);
        if (write_bytes(p, tmp, (size_t)n) < 0)
            return -1;
    }
    return write_op(p, '\n');
}

static int save_str(Pickler *p, MpyObject *obj)
{
    int r;
    if (p->proto == 0)
        r = save_str_text(p, obj);
    else    // minipy keeps str as UTF-8 ("surrogatepass" for lone surrogates)
        r = save_sized(p, p->proto >= 4 ? PICKLE_SHORT_BINUNICODE : -1, PICKLE_BINUNICODE,
                       p->proto >= 4 ? PICKLE_BINUNICODE8 : -1, mpy_str_utf8(obj),
                       (size_t)mpy_str_size(obj));
    return r < 0 ? -1 : memoize(p, obj);
}

static int save_bytes(Pickler *p, MpyObject *obj)
{
    if (save_sized(p, PICKLE_SHORT_BINBYTES, PICKLE_BINBYTES, p->proto >= 4 ? PICKLE_BINBYTES8 : -1,
                   mpy_bytes_data(obj), (size_t)mpy_bytes_size(obj)) < 0)
        return -1;
    return memoize(p, obj);
}

static int save_bytearray(Pickler *p, MpyObject *obj)
{
    MpyByteArrayObject *ba = (MpyByteArrayObject *)obj;
    unsigned char header[9];
    header[0] = PICKLE_BYTEARRAY8;
    for (int i = 0; i < 8; i++)
        header[1 + i] = (unsigned char)((uint64_t)ba->size >> (8 * i));
    int r;
    if (ba->size >= FRAME_SIZE_TARGET)
        r = write_large(p, header, 9, ba->data, (size_t)ba->size);
    else
        r = write_bytes(p, header, 9) < 0 ? -1 : write_bytes(p, ba->data ? ba->data : "", (size_t)ba->size);
    return r < 0 ? -1 : memoize(p, obj);
}

/* ------------------------------------------------------------------ */
/* Containers                                                           */

static int save_tuple(Pickler *p, MpyObject *obj)
{
    ptrdiff_t n = mpy_tuple_size(obj);
    if (n == 0)
        return p->proto >= 1 ? write_op(p, PICKLE_EMPTY_TUPLE) : write_bytes(p, "(t", 2);
    bool short_form = n <= 3 && p->proto >= 2;
    if (!short_form && write_op(p, PICKLE_MARK) < 0)
        return -1;
    for (ptrdiff_t i = 0; i < n; i++)
        if (save(p, mpy_tuple_item(obj, i)) < 0)
            return -1;
    // A tuple inside itself (through a reduce value) got memoized while
    // its items were written: drop them and fetch the memoized copy.
    ptrdiff_t index = memo_get(&p->memo, obj);
    if (index >= 0) {
        if (short_form || p->proto == 0) {
            for (ptrdiff_t i = 0; i < n + (short_form ? 0 : 1); i++)
                if (write_op(p, PICKLE_POP) < 0)
                    return -1;
        } else if (write_op(p, PICKLE_POP_MARK) < 0) {
            return -1;
        }
        return write_get(p, index);
    }
    static const int small[] = {0, PICKLE_TUPLE1, PICKLE_TUPLE2, PICKLE_TUPLE3};
    if (write_op(p, short_form ? small[n] : PICKLE_TUPLE) < 0)
        return -1;
    return memoize(p, obj);
}

/* Items of a list (by index: the list may change while we save). */
static int batch_list(Pickler *p, MpyObject *list)
{
    ptrdiff_t start = 0;
    while (start < mpy_list_size(list)) {
        ptrdiff_t n = mpy_list_size(list) - start;
        if (n > BATCHSIZE)
            n = BATCHSIZE;
        bool many = n > 1 && p->proto >= 1;
        if (many && write_op(p, PICKLE_MARK) < 0)
            return -1;
        for (ptrdiff_t i = start; i < start + n && i < mpy_list_size(list); i++) {
            MpyObject *item = mpy_list_get(list, i);   // new reference
            int r = item == NULL ? -1 : save(p, item);
            MPY_XDECREF(item);
            if (r < 0 || (!many && write_op(p, PICKLE_APPEND) < 0))
                return -1;
        }
        if (many && write_op(p, PICKLE_APPENDS) < 0)
            return -1;
        start += n;
    }
    return 0;
}

/* Items from any iterator (a reduce value's listitems). */
static int batch_iter(Pickler *p, MpyObject *iter, bool pairs)
{
    MpyObject *batch[BATCHSIZE];
    for (;;) {
        int n = 0;
        while (n < BATCHSIZE && (batch[n] = mpy_iter_next(iter)) != NULL)
            n++;
        int r = mpy_err_occurred() ? -1 : 0;
        bool many = n > 1 && p->proto >= 1;
        if (r == 0 && many)
            r = write_op(p, PICKLE_MARK);
        for (int i = 0; i < n && r == 0; i++) {
            if (pairs) {
                if (!mpy_tuple_check(batch[i]) || mpy_tuple_size(batch[i]) != 2) {
                    mpy_err_format(mpy_exc_TypeError, "cannot unpack non-iterable %T object",
                                   batch[i]);
                    r = -1;
                    break;
                }
                r = save(p, mpy_tuple_item(batch[i], 0));
                if (r == 0)
                    r = save(p, mpy_tuple_item(batch[i], 1));
            } else {
                r = save(p, batch[i]);
            }
            if (r == 0 && !many)
                r = write_op(p, pairs ? PICKLE_SETITEM : PICKLE_APPEND);
        }
        if (r == 0 && many)
            r = write_op(p, pairs ? PICKLE_SETITEMS : PICKLE_APPENDS);
        for (int i = 0; i < n; i++)
            MPY_DECREF(batch[i]);
        if (r < 0)
            return -1;
        if (n < BATCHSIZE)
            return 0;
    }
}

static int save_list(Pickler *p, MpyObject *obj)
{
    int r = p->proto >= 1 ? write_op(p, PICKLE_EMPTY_LIST) : write_bytes(p, "(l", 2);
    if (r < 0 || memoize(p, obj) < 0)
        return -1;
    return batch_list(p, obj);
}

/* The items of a dict: one SETITEM for a single item, else batches of
 * MARK ... SETITEMS (CPython writes an empty last batch when the size is
 * a multiple of BATCHSIZE, and so do we). */
static int batch_dict(Pickler *p, MpyObject *dict)
{
    ptrdiff_t size = mpy_dict_size(dict);
    ptrdiff_t pos = 0;
    MpyObject *key, *value;
    bool single = size == 1 || p->proto == 0;
    int n;
    do {
        n = 0;
        if (!single && write_op(p, PICKLE_MARK) < 0)
            return -1;
        while (mpy_dict_next(dict, &pos, &key, &value)) {
            MPY_INCREF(key);
            MPY_INCREF(value);
            int r = save(p, key);
            if (r == 0)
                r = save(p, value);
            MPY_DECREF(key);
            MPY_DECREF(value);
            if (r < 0 || (single && write_op(p, PICKLE_SETITEM) < 0))
                return -1;
            if (mpy_dict_size(dict) != size) {
                mpy_err_set(mpy_exc_RuntimeError, "dictionary changed size during iteration");
                return -1;
            }
            if (!single && ++n == BATCHSIZE)
                break;
        }
        if (!single && write_op(p, PICKLE_SETITEMS) < 0)
            return -1;
    } while (!single && n == BATCHSIZE);
    return 0;
}

static int save_dict(Pickler *p, MpyObject *obj)
{
    int r = p->proto >= 1 ? write_op(p, PICKLE_EMPTY_DICT) : write_bytes(p, "(d", 2);
    if (r < 0 || memoize(p, obj) < 0)
        return -1;
    return mpy_dict_size(obj) > 0 ? batch_dict(p, obj) : 0;
}

static int save_set(Pickler *p, MpyObject *obj)
{
    if (write_op(p, PICKLE_EMPTY_SET) < 0 || memoize(p, obj) < 0)
        return -1;
    if (mpy_set_size(obj) == 0)
        return 0;
    ptrdiff_t size = mpy_set_size(obj);
    ptrdiff_t pos = 0;
    MpyObject *item;
    int n;
    do {
        n = 0;
        if (write_op(p, PICKLE_MARK) < 0)
            return -1;
        while (mpy_set_next(obj, &pos, &item)) {
            MPY_INCREF(item);
            int r = save(p, item);
            MPY_DECREF(item);
            if (r < 0)
                return -1;
            if (mpy_set_size(obj) != size) {
                mpy_err_set(mpy_exc_RuntimeError, "set changed size during iteration");
                return -1;
            }
            if (++n == BATCHSIZE)
                break;
        }
        if (write_op(p, PICKLE_ADDITEMS) < 0)
            return -1;
    } while (n == BATCHSIZE);
    return 0;
}

static int save_frozenset(Pickler *p, MpyObject *obj)
{
    if (write_op(p, PICKLE_MARK) < 0)
        return -1;
    MpyObject *iter = mpy_object_get_iter(obj);
    if (iter == NULL)
        return -1;
    MpyObject *item;
    int r = 0;
    while (r == 0 && (item = mpy_iter_next(iter)) != NULL) {
        r = save(p, item);
        MPY_DECREF(item);
    }
    MPY_DECREF(iter);
    if (r < 0 || mpy_err_occurred())
        return -1;
    ptrdiff_t index = memo_get(&p->memo, obj);
    if (index >= 0)
        return write_op(p, PICKLE_POP_MARK) < 0 ? -1 : write_get(p, index);
    return write_op(p, PICKLE_FROZENSET) < 0 ? -1 : memoize(p, obj);
}

/* ------------------------------------------------------------------ */
/* Everything else: what pickle._describe says                          */

static int save_global_name(Pickler *p, MpyObject *obj, MpyObject *module, MpyObject *name)
{
    if (!mpy_str_check(module) || !mpy_str_check(name)) {
        mpy_err_set(mpy_exc_TypeError, "_describe must return str module and name");
        return -1;
    }
    if (p->proto >= 4) {
        if (save(p, module) < 0 || save(p, name) < 0 || write_op(p, PICKLE_STACK_GLOBAL) < 0)
            return -1;
    } else {
        if (!((MpyStrObject *)module)->ascii || !((MpyStrObject *)name)->ascii) {
            mpy__pickle_error(p->module, "PicklingError",
                              "can't pickle global identifier '%U.%U' using pickle protocol %d",
                              module, name, p->proto);
            return -1;
        }
        if (write_op(p, PICKLE_GLOBAL) < 0 ||
            write_bytes(p, mpy_str_utf8(module), (size_t)mpy_str_size(module)) < 0 ||
            write_op(p, '\n') < 0 ||
            write_bytes(p, mpy_str_utf8(name), (size_t)mpy_str_size(name)) < 0 ||
            write_op(p, '\n') < 0)
            return -1;
    }
    return memoize(p, obj);
}

/* The tail of a reduce value: the object's memo entry, then its items
 * and state. */
static int save_reduce_tail(Pickler *p, MpyObject *obj, MpyObject *const *d)
{
    MpyObject *state = d[3], *listitems = d[4], *dictitems = d[5], *setter = d[6];
    ptrdiff_t index = memo_get(&p->memo, obj);
    if (index >= 0) {
        // obj is recursive: throw away what was built, use the memo.
        if (write_op(p, PICKLE_POP) < 0 || write_get(p, index) < 0)
            return -1;
    } else if (memoize(p, obj) < 0) {
        return -1;
    }
    if (listitems != MPY_NONE && batch_iter(p, listitems, false) < 0)
        return -1;
    if (dictitems != MPY_NONE && batch_iter(p, dictitems, true) < 0)
        return -1;
    if (state == MPY_NONE)
        return 0;
    if (setter == MPY_NONE)
        return save(p, state) < 0 ? -1 : write_op(p, PICKLE_BUILD);
    if (save(p, setter) < 0 || save(p, obj) < 0 || save(p, state) < 0)
        return -1;
    unsigned char ops[] = {PICKLE_TUPLE2, PICKLE_REDUCE, PICKLE_POP};
    return write_bytes(p, ops, sizeof ops);
}

static int save_described(Pickler *p, MpyObject *obj)
{
    MpyObject *args[3] = {obj, mpy_small_int(p->proto), mpy_bool_from(p->fix_imports)};
    MpyObject *d = mpy_object_call(p->describe, args, 3, NULL);   // new reference
    if (d == NULL)
        return -1;
    int r = -1;
    long long kind;
    if (!mpy_tuple_check(d) || mpy_tuple_size(d) < 3 ||
        !mpy_int_to_long_exact(mpy_tuple_item(d, 0), &kind) ||
        (kind != 0 && mpy_tuple_size(d) != 8)) {
        mpy_err_set(mpy_exc_SystemError, "pickle._describe returned a malformed value");
        goto done;
    }
    MpyObject *const *f = mpy_tuple_items(d);
    if (kind == 0) {
        r = save_global_name(p, obj, f[1], f[2]);
        goto done;
    }
    if (save(p, f[1]) < 0 || save(p, f[2]) < 0)
        goto done;
    if (kind == 3 && save(p, f[7]) < 0)
        goto done;
    static const int ops[] = {0, PICKLE_REDUCE, PICKLE_NEWOBJ, PICKLE_NEWOBJ_EX};
    if (kind < 1 || kind > 3) {
        mpy_err_set(mpy_exc_SystemError, "pickle._describe returned an unknown kind");
        goto done;
    }
    if (write_op(p, ops[kind]) < 0)
        goto done;
    r = save_reduce_tail(p, obj, f);
done:
    MPY_DECREF(d);
    return r;
}

/* ------------------------------------------------------------------ */
/* The dispatcher                                                       */

static int save_dispatch(Pickler *p, MpyObject *obj)
{
    if (obj == MPY_NONE)
        return write_op(p, PICKLE_NONE);
    if (obj == MPY_TRUE || obj == MPY_FALSE) {
        if (p->proto >= 2)
            return write_op(p, obj == MPY_TRUE ? PICKLE_NEWTRUE : PICKLE_NEWFALSE);
        return write_bytes(p, obj == MPY_TRUE ? "I01\n" : "I00\n", 4);
    }
    if (mpy_int_check_exact(obj))
        return save_int(p, obj);
    MpyType *t = MPY_TYPE(obj);
    if (t == &mpy_float_type)
        return save_float(p, obj);
    ptrdiff_t index = memo_get(&p->memo, obj);
    if (index >= 0)
        return write_get(p, index);
    if (t == &mpy_str_type)
        return save_str(p, obj);
    if (t == &mpy_tuple_type)
        return save_tuple(p, obj);
    if (t == &mpy_list_type)
        return save_list(p, obj);
    if (t == &mpy_dict_type)
        return save_dict(p, obj);
    if (t == &mpy_bytes_type && p->proto >= 3)
        return save_bytes(p, obj);
    if (t == &mpy_bytearray_type && p->proto >= 5)
        return save_bytearray(p, obj);
    if (t == &mpy_set_type && p->proto >= 4)
        return save_set(p, obj);
    if (t == &mpy_frozenset_type && p->proto >= 4)
        return save_frozenset(p, obj);
    return save_described(p, obj);
}

static int save(Pickler *p, MpyObject *obj)
{
    if (p->framing && p->len - p->frame_start >= FRAME_SIZE_TARGET + FRAME_HEADER) {
        end_frame(p);
        if (start_frame(p) < 0)
            return -1;
    }
    if (mpy_enter_recursive_call(" while pickling an object") < 0)
        return -1;
    int r = save_dispatch(p, obj);
    mpy_leave_recursive_call();
    return r;
}

MpyObject *mpy__pickle_hook(MpyObject *module, const char *name)
{
    MpyObject *dict = mpy_module_get_dict(module);
    MpyObject *hook = mpy_dict_get_cstr(dict, name);   // new ref or NULL
    if (hook == NULL && !mpy_err_occurred()) {
        MpyObject *pickle = mpy_import_module_cstr("pickle");
        MPY_XDECREF(pickle);
        if (pickle != NULL)
            hook = mpy_dict_get_cstr(dict, name);
    }
    if (hook == NULL && !mpy_err_occurred())
        mpy_err_format(mpy_exc_RuntimeError, "_pickle: pickle.%s is not registered", name);
    return hook;
}

/* dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None)
 * -> bytes, as CPython's _pickle.dumps. */
static MpyObject *pickle_dumps(MpyObject *module, MpyObject *const *args, size_t nargs,
                               MpyObject *kwnames)
{
    static const char *const kwlist[] = {"obj", "protocol", "$fix_imports", "$buffer_callback",
                                         NULL};
    MpyObject *a[4];
    if (mpy_arg_parse("dumps", args, nargs, kwnames, kwlist, 1, a) < 0)
        return NULL;
    long long proto = 4;
    if (a[1] != NULL && a[1] != MPY_NONE) {
        proto = mpy_int_as_long(a[1]);
        if (proto == -1 && mpy_err_occurred())
            return NULL;
        if (proto < 0)
            proto = MPY_PICKLE_HIGHEST_PROTOCOL;
    }
    if (proto > MPY_PICKLE_HIGHEST_PROTOCOL)
        return mpy_err_format(mpy_exc_ValueError, "pickle protocol must be <= %d",
                              MPY_PICKLE_HIGHEST_PROTOCOL);
    int fix_imports = a[2] == NULL ? 1 : mpy_object_is_true(a[2]);
    if (fix_imports < 0)
        return NULL;
    MpyObject *describe = mpy__pickle_hook(module, "_describe");
    if (describe == NULL)
        return NULL;
    Pickler p = {.module = module, .describe = describe, .proto = (int)proto,
                 .fix_imports = fix_imports != 0};
    MpyObject *result = NULL;
    p.keep = mpy_list_new(0);
    if (p.keep == NULL)
        goto done;
    if (proto >= 2) {
        unsigned char header[2] = {PICKLE_PROTO, (unsigned char)proto};
        if (write_bytes(&p, header, 2) < 0)
            goto done;
    }
    if ((proto >= 4 && start_frame(&p) < 0) || save(&p, a[0]) < 0 || write_op(&p, PICKLE_STOP) < 0)
        goto done;
    end_frame(&p);
    result = mpy_bytes_from(p.buf ? p.buf : "", p.len);
done:
    free(p.buf);
    free(p.memo.table);
    MPY_XDECREF(p.keep);
    MPY_DECREF(describe);
    return result;
}

/* ------------------------------------------------------------------ */
/* The module                                                           */

MpyObject *mpy__pickle_error(MpyObject *module, const char *name, const char *fmt, ...)
{
    MpyObject *cls = mpy_dict_get_cstr(mpy_module_get_dict(module), name);   // new ref or NULL
    mpy_err_clear();
    va_list ap;
    va_start(ap, fmt);
    MpyObject *msg = mpy_str_from_vformat(fmt, ap);
    va_end(ap);
    if (msg != NULL) {
        mpy_err_set_object(cls != NULL && mpy_type_check(cls) ? (MpyType *)cls : mpy_exc_RuntimeError,
                           msg);
        MPY_DECREF(msg);
    }
    MPY_XDECREF(cls);
    return NULL;
}

static const MpyMethodDef pickle_methods[] = {
    {"dumps", pickle_dumps, MPY_METH_FASTCALL,
     "Return the pickled representation of the object as a bytes object."},
    {"loads", mpy__pickle_loads, MPY_METH_FASTCALL,
     "Read and return an object from the given pickle data."},
    {NULL},
};

static int pickle_exec(MpyObject *m)
{
    return mpy_module_add_int(m, "HIGHEST_PROTOCOL", MPY_PICKLE_HIGHEST_PROTOCOL);
}

const MpyModuleDef mpy__pickle_module_def = {
    "_pickle", "C accelerator of the pickle module (minipy's own interface).", pickle_methods,
    pickle_exec, 1,
};
