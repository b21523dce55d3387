/* runtime/mod_binascii.c: the binascii module (hex, base64, CRCs).
 *
 * Models CPython's Modules/binascii.c for the conversions programs use:
 * hexlify/unhexlify (with sep), b2a_base64/a2b_base64 (with CPython's
 * lenient decoding and strict_mode), crc32 and crc_hqx.  base64.py is
 * built on these.  The uu and quoted-printable codecs are not provided.
 */
#include "runtime/module.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/bytes.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/import.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/str_impl.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

/* Raise binascii.Error(msg) (looked up in the module: error paths are
 * cold).  Returns NULL. */
static MpyObject *binascii_error(const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    MpyObject *mod = mpy_import_module_cstr("binascii");
    if (mod == NULL)
        return NULL;
    MpyObject *cls = mpy_object_getattr_cstr(mod, "Error");
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

/* The bytes of a bytes-like argument (encoders).  Returns 0 / -1. */
static int get_bytes(MpyObject *o, const unsigned char **data, ptrdiff_t *len)
{
    // bytes, bytearray or a memoryview of them
    const char *view;
    if (mpy__bytes_view(o, &view, len)) {
        *data = (const unsigned char *)view;
        return 0;
    }
    mpy_err_format(mpy_exc_TypeError, "a bytes-like object is required, not '%s'", mpy_type_name_of(o));
    return -1;
}

/* Decoders also take an ASCII str.  Returns 0 / -1. */
static int get_ascii(MpyObject *o, const unsigned char **data, ptrdiff_t *len)
{
    if (mpy_str_check(o)) {
        if (mpy_str_size(o) != mpy_str_length(o)) {
            mpy_err_set(mpy_exc_ValueError, "string argument should contain only ASCII characters");
            return -1;
        }
        *data = (const unsigned char *)mpy_str_utf8(o);
        *len = mpy_str_size(o);
        return 0;
    }
    if (mpy_bytes_check(o) || mpy_bytearray_check(o))
        return get_bytes(o, data, len);
    mpy_err_format(mpy_exc_TypeError, "argument should be bytes, buffer or ASCII string, not '%s'",
                   mpy_type_name_of(o));
    return -1;
}

/* ------------------------------------------------------------------ */
/* Hex                                                                  */

static const char hexdigits[] = "0123456789abcdef";

static MpyObject *hexlify_impl(const char *fname, MpyObject *const *args, size_t nargs,
                               MpyObject *kw)
{
    static const char *const kwlist[] = {"data", "sep", "bytes_per_sep", NULL};
    MpyObject *a[3];
    if (mpy_arg_parse(fname, args, nargs, kw, kwlist, 1, a) < 0)
        return NULL;
    const unsigned char *data;
    ptrdiff_t len;
    if (get_bytes(a[0], &data, &len) < 0)
        return NULL;
    char sep = 0;
    long long per = 1;
    if (a[1] != NULL && a[1] != MPY_NONE) {
        const unsigned char *s;
        ptrdiff_t slen;
        if (mpy_str_check(a[1])) {
            s = (const unsigned char *)mpy_str_utf8(a[1]);
            slen = mpy_str_length(a[1]);
            if (slen == 1 && mpy_str_size(a[1]) != 1) {
                mpy_err_set(mpy_exc_ValueError, "sep must be ASCII.");
                return NULL;
            }
        } else if (get_bytes(a[1], &s, &slen) < 0) {
            return NULL;
        }
        if (slen != 1) {
            mpy_err_set(mpy_exc_ValueError, "sep must be length 1.");
            return NULL;
        }
        sep = (char)s[0];
        if (a[2] != NULL) {
            per = mpy_int_as_long(a[2]);
            if (per == -1 && mpy_err_occurred())
                return NULL;
        }
    }
    long long group = per < 0 ? -per : per;
    if (sep == 0 || group == 0 || len == 0)
        sep = 0;
    ptrdiff_t nsep = sep ? (len - 1) / (ptrdiff_t)group : 0;
    size_t outlen = (size_t)len * 2 + (size_t)nsep;
    char *out = malloc(outlen + 1);
    if (out == NULL)
        return mpy_err_no_memory();
    size_t j = 0;
    for (ptrdiff_t i = 0; i < len; i++) {
        if (sep && i > 0) {
            /* positive counts groups from the right, negative from the left */
            ptrdiff_t k = per > 0 ? len - i : i;
            if (k % group == 0)
                out[j++] = sep;
        }
        out[j++] = hexdigits[data[i] >> 4];
        out[j++] = hexdigits[data[i] & 15];
    }
    MpyObject *r = mpy_bytes_from(out, j);
    free(out);
    return r;
}

static MpyObject *bin_hexlify(MpyObject *m, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    return hexlify_impl("hexlify", args, nargs, kw);
}

static MpyObject *bin_b2a_hex(MpyObject *m, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    return hexlify_impl("b2a_hex", args, nargs, kw);
}

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static MpyObject *bin_unhexlify(MpyObject *m, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    const unsigned char *data;
    ptrdiff_t len;
    if (get_ascii(args[0], &data, &len) < 0)
        return NULL;
    if (len % 2 != 0)
        return binascii_error("Odd-length string");
    char *out = malloc((size_t)len / 2 + 1);
    if (out == NULL)
        return mpy_err_no_memory();
    for (ptrdiff_t i = 0; i < len; i += 2) {
        int hi = hexval(data[i]), lo = hexval(data[i + 1]);
        if (hi < 0 || lo < 0) {
            free(out);
            return binascii_error("Non-hexadecimal digit found");
        }
        out[i / 2] = (char)(hi << 4 | lo);
    }
    MpyObject *r = mpy_bytes_from(out, (size_t)len / 2);
    free(out);
    return r;
}

/* ------------------------------------------------------------------ */
/* Base64                                                               */

static const char b64chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int b64value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}

static MpyObject *bin_b2a_base64(MpyObject *m, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    static const char *const kwlist[] = {"data", "$newline", NULL};
    MpyObject *a[2];
    if (mpy_arg_parse("b2a_base64", args, nargs, kw, kwlist, 1, a) < 0)
        return NULL;
    const unsigned char *data;
    ptrdiff_t len;
    if (get_bytes(a[0], &data, &len) < 0)
        return NULL;
    int newline = 1;
    if (a[1] != NULL && (newline = mpy_object_is_true(a[1])) < 0)
        return NULL;
    size_t outlen = ((size_t)len + 2) / 3 * 4 + (newline ? 1 : 0);
    char *out = malloc(outlen + 1);
    if (out == NULL)
        return mpy_err_no_memory();
    size_t j = 0;
    ptrdiff_t i = 0;
    for (; i + 2 < len; i += 3) {
        uint32_t v = (uint32_t)data[i] << 16 | (uint32_t)data[i + 1] << 8 | data[i + 2];
        out[j++] = b64chars[v >> 18];
        out[j++] = b64chars[(v >> 12) & 63];
        out[j++] = b64chars[(v >> 6) & 63];
        out[j++] = b64chars[v & 63];
    }
    if (len - i == 1) {
        uint32_t v = (uint32_t)data[i] << 16;
        out[j++] = b64chars[v >> 18];
        out[j++] = b64chars[(v >> 12) & 63];
        out[j++] = '=';
        out[j++] = '=';
    } else if (len - i == 2) {
        uint32_t v = (uint32_t)data[i] << 16 | (uint32_t)data[i + 1] << 8;
        out[j++] = b64chars[v >> 18];
        out[j++] = b64chars[(v >> 12) & 63];
        out[j++] = b64chars[(v >> 6) & 63];
        out[j++] = '=';
    }
    if (newline)
        out[j++] = '\n';
    MpyObject *r = mpy_bytes_from(out, j);
    free(out);
    return r;
}

static MpyObject *bin_a2b_base64(MpyObject *m, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    static const char *const kwlist[] = {"data", "$strict_mode", NULL};
    MpyObject *a[2];
    if (mpy_arg_parse("a2b_base64", args, nargs, kw, kwlist, 1, a) < 0)
        return NULL;
    const unsigned char *data;
    ptrdiff_t len;
    if (get_ascii(a[0], &data, &len) < 0)
        return NULL;
    int strict = 0;
    if (a[1] != NULL && (strict = mpy_object_is_true(a[1])) < 0)
        return NULL;
    unsigned char *out = malloc((size_t)len / 4 * 3 + 3);
    if (out == NULL)
        return mpy_err_no_memory();
    size_t j = 0;
    int quad_pos = 0, pads = 0, padding_started = 0;
    unsigned leftchar = 0;
    const char *err = NULL;
    for (ptrdiff_t i = 0; i < len; i++) {
        unsigned char c = data[i];
        if (c == '=') {
            padding_started = 1;
            if (strict && i == 0) {
                err = "Leading padding not allowed";
                break;
            }
            if (quad_pos >= 2 && quad_pos + ++pads >= 4) {
                /* the quad is complete: the rest of the input is ignored */
                if (strict && i + 1 < len)
                    err = "Excess data after padding";
                goto done;
            }
            continue;
        }
        int v = b64value(c);
        if (v < 0) {
            if (strict) {
                err = "Only base64 data is allowed";
                break;
            }
            continue;
        }
        if (strict && padding_started) {
            err = "Discontinuous padding not allowed";
            break;
        }
        pads = 0;
        switch (quad_pos) {
        case 0:
            quad_pos = 1;
            leftchar = (unsigned)v;
            break;
        case 1:
            quad_pos = 2;
            out[j++] = (unsigned char)(leftchar << 2 | (unsigned)v >> 4);
            leftchar = (unsigned)v & 0x0f;
            break;
        case 2:
            quad_pos = 3;
            out[j++] = (unsigned char)(leftchar << 4 | (unsigned)v >> 2);
            leftchar = (unsigned)v & 0x03;
            break;
        default:
            quad_pos = 0;
            out[j++] = (unsigned char)(leftchar << 6 | (unsigned)v);
            leftchar = 0;
        }
    }
    if (err == NULL && quad_pos != 0) {
        if (quad_pos == 1) {
            free(out);
            return binascii_error("Invalid base64-encoded string: number of data characters (%zu) "
                                  "cannot be 1 more than a multiple of 4",
                                  j / 3 * 4 + 1);
        }
        err = "Incorrect padding";
    }
done:
    if (err != NULL) {
        free(out);
        return binascii_error("%s", err);
    }
    MpyObject *r = mpy_bytes_from((const char *)out, j);
    free(out);
    return r;
}

/* ------------------------------------------------------------------ */
/* CRCs                                                                 */

/* Filled once when the module is imported (under the import lock). */
static uint32_t crc32_table[256];

static void crc32_init(void)
{
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        crc32_table[n] = c;
    }
}

/* The optional starting value: any int, reduced mod 2**32. */
static int crc_start(MpyObject *o, uint32_t *out)
{
    if (o == NULL) {
        *out = 0;
        return 0;
    }
    if (!mpy_int_check(o)) {
        mpy_err_format(mpy_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                       mpy_type_name_of(o));
        return -1;
    }
    long long v;
    if (mpy_int_to_long_exact(o, &v)) {
        *out = (uint32_t)v;
        return 0;
    }
    mpz_t z;
    mpz_init(z);
    mpy_int_to_mpz(o, z);
    mpz_fdiv_r_2exp(z, z, 32);
    *out = (uint32_t)mpz_get_ui(z);
    mpz_clear(z);
    return 0;
}

static MpyObject *bin_crc32(MpyObject *m, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (mpy_arg_no_kwargs("crc32", kw) < 0 || mpy_arg_check_positional("crc32", nargs, 1, 2) < 0)
        return NULL;
    const unsigned char *data;
    ptrdiff_t len;
    uint32_t crc;
    if (get_bytes(args[0], &data, &len) < 0 || crc_start(nargs > 1 ? args[1] : NULL, &crc) < 0)
        return NULL;
    crc = ~crc;
    for (ptrdiff_t i = 0; i < len; i++)
        crc = crc32_table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
    return mpy_int_from_ulong(~crc & 0xffffffffu);
}

static MpyObject *bin_crc_hqx(MpyObject *m, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (mpy_arg_no_kwargs("crc_hqx", kw) < 0 || mpy_arg_check_positional("crc_hqx", nargs, 2, 2) < 0)
        return NULL;
    const unsigned char *data;
    ptrdiff_t len;
    uint32_t crc;
    if (get_bytes(args[0], &data, &len) < 0 || crc_start(args[1], &crc) < 0)
        return NULL;
    crc &= 0xffff;
    for (ptrdiff_t i = 0; i < len; i++) {
        crc ^= (uint32_t)data[i] << 8;
        for (int k = 0; k < 8; k++)
            crc = crc & 0x8000 ? (crc << 1) ^ 0x1021 : crc << 1;
        crc &= 0xffff;
    }
    return mpy_int_from_long(crc);
}

static const MpyMethodDef binascii_methods[] = {
    {"hexlify", bin_hexlify, MPY_METH_FASTCALL,
     "hexlify($module, /, data, sep=<unrepresentable>, bytes_per_sep=1)\n--\n\n"
     "Hexadecimal representation of binary data (two digits per byte)."},
    {"b2a_hex", bin_b2a_hex, MPY_METH_FASTCALL,
     "b2a_hex($module, /, data, sep=<unrepresentable>, bytes_per_sep=1)\n--\n\n"
     "Hexadecimal representation of binary data (two digits per byte)."},
    {"unhexlify", bin_unhexlify, MPY_METH_O,
     "unhexlify($module, hexstr, /)\n--\n\nBinary data of a hexadecimal string."},
    {"a2b_hex", bin_unhexlify, MPY_METH_O,
     "a2b_hex($module, hexstr, /)\n--\n\nBinary data of a hexadecimal string."},
    {"b2a_base64", bin_b2a_base64, MPY_METH_FASTCALL,
     "b2a_base64($module, data, /, *, newline=True)\n--\n\nBase64-encode a line of data."},
    {"a2b_base64", bin_a2b_base64, MPY_METH_FASTCALL,
     "a2b_base64($module, data, /, *, strict_mode=False)\n--\n\nDecode base64 data."},
    {"crc32", bin_crc32, MPY_METH_FASTCALL,
     "crc32($module, data, crc=0, /)\n--\n\nCRC-32 checksum of data, continuing from crc."},
    {"crc_hqx", bin_crc_hqx, MPY_METH_FASTCALL,
     "crc_hqx($module, data, crc, /)\n--\n\nCRC-CCITT checksum of data, continuing from crc."},
    {NULL},
};

/* A class `name(base)` shown as binascii.name.  Returns 0 / -1. */
static int add_exception(MpyObject *module, const char *cname, MpyType *base)
{
    MpyObject *name = mpy_str_from_cstr(cname);
    MpyObject *bases = mpy_tuple_pack(1, (MpyObject *)base);
    MpyObject *ns = mpy_dict_new();
    MpyObject *modname = mpy_str_from_cstr("binascii");
    MpyObject *cls = NULL;
    if (name && bases && ns && modname && mpy_dict_set_cstr(ns, "__module__", modname) == 0)
        cls = mpy_type_new_class(&mpy_type_type, name, bases, ns, NULL);
    MPY_XDECREF(name);
    MPY_XDECREF(bases);
    MPY_XDECREF(ns);
    MPY_XDECREF(modname);
    if (cls == NULL)
        return -1;
    return mpy_module_add_take(module, cname, cls);
}

static int binascii_exec(MpyObject *module)
{
    crc32_init();
    if (add_exception(module, "Error", mpy_exc_ValueError) < 0 ||
        add_exception(module, "Incomplete", mpy_exc_Exception) < 0)
        return -1;
    return 0;
}

const MpyModuleDef mpy__binascii_module_def = {
    "binascii", "Conversions between binary data and ASCII (hex, base64, CRCs).",
    binascii_methods, binascii_exec, 1,
};
