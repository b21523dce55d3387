/* runtime/num_args.c: argument parsing for the number types and math.
 *
 * CPython generates an argument parser for every built-in function with
 * Argument Clinic.  The number files have only a handful of functions with
 * keyword parameters (int(x, base), int.to_bytes, round, complex(...),
 * math.isclose, math.log ...), so one small table-driven helper does: it
 * sorts positional and keyword arguments into named slots and raises the
 * same TypeErrors as Clinic-generated code ("int() takes at most 2
 * arguments (3 given)", "'x' is an invalid keyword argument for int()").
 */
#include "runtime/int_impl.h"

#include <string.h>

#include "runtime/error.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/unicode.h"

/* Index of keyword `name` among names[posonly..nnames), or -1. */
static ptrdiff_t find_keyword(MpyObject *name, const char *const *names, size_t nnames,
                              size_t posonly)
{
    for (size_t i = posonly; i < nnames; i++)
        if (mpy_str_equal_cstr(name, names[i]))
            return (ptrdiff_t)i;
    return -1;
}

int mpy__num_parse_args(const char *fname, MpyObject *const *args, size_t nargs,
                        MpyObject *kwnames, const char *const *names, size_t nnames,
                        size_t posonly, size_t required, MpyObject **out)
{
    for (size_t i = 0; i < nnames; i++)
        out[i] = NULL;
    size_t nkw = kwnames == NULL ? 0 : (size_t)mpy_tuple_size(kwnames);
    if (nargs + nkw > nnames || nargs > nnames) {
        if (nkw == 0 && required == nnames)
            mpy_err_format(mpy_exc_TypeError, "%s takes exactly %d argument%s (%d given)", fname,
                           (int)nnames, nnames == 1 ? "" : "s", (int)nargs);
        else
            mpy_err_format(mpy_exc_TypeError, "%s takes at most %d argument%s (%d given)", fname,
                           (int)nnames, nnames == 1 ? "" : "s", (int)(nargs + nkw));
        return -1;
    }
    for (size_t i = 0; i < nargs; i++)
        out[i] = args[i];
    for (size_t k = 0; k < nkw; k++) {
        MpyObject *name = mpy_tuple_item(kwnames, (ptrdiff_t)k);
        ptrdiff_t i = find_keyword(name, names, nnames, posonly);
        if (i < 0) {
            mpy_err_format(mpy_exc_TypeError, "%R is an invalid keyword argument for %s", name,
                           fname);
            return -1;
        }
        if (out[i] != NULL) {
            mpy_err_format(mpy_exc_TypeError, "argument for %s given by name ('%s') and position (%d)",
                           fname, names[i], (int)i + 1);
            return -1;
        }
        out[i] = args[nargs + k];
    }
    for (size_t i = 0; i < required; i++) {
        if (out[i] == NULL) {
            if (i < posonly || nkw == 0)
                mpy_err_format(mpy_exc_TypeError, "%s takes %s %d positional argument%s (%d given)",
                               fname, required == nnames ? "exactly" : "at least", (int)required,
                               required == 1 ? "" : "s", (int)nargs);
            else
                mpy_err_format(mpy_exc_TypeError, "%s missing required argument '%s' (pos %d)",
                               fname, names[i], (int)i + 1);
            return -1;
        }
    }
    return 0;
}

ptrdiff_t mpy__num_index_ssize(MpyObject *o)
{
    if (mpy_is_small_int(o))
        return mpy_small_int_value(o);
    return mpy_number_as_ssize(o, mpy_exc_OverflowError);
}

/* Length of the well-formed UTF-8 sequence at `s` (at most `avail`
 * bytes), or 0 if it is malformed or cut short. */
static int utf8_sequence_length(const char *s, size_t avail)
{
    unsigned char lead = (unsigned char)s[0];
    int n = lead >= 0xF0 && lead < 0xF8 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
    if (lead >= 0xF8 || n == 0 || (size_t)n > avail)
        return 0;
    for (int k = 1; k < n; k++)
        if (((unsigned char)s[k] & 0xC0) != 0x80)
            return 0;
    return n;
}

char *mpy__num_to_ascii(const char *s, size_t len, size_t *out_len)
{
    size_t i = 0;
    while (i < len && (unsigned char)s[i] < 0x80)
        i++;
    if (i == len)
        return NULL;
    char *out = mpy_mem_alloc(len + 1);
    if (out == NULL)
        return NULL;
    size_t n = 0;
    for (i = 0; i < len;) {
        if ((unsigned char)s[i] < 0x80) {
            out[n++] = s[i++];
            continue;
        }
        // float(b"\xe0") passes bytes that are not UTF-8: a truncated or
        // malformed sequence is one invalid character, never a read past
        // the end.
        int clen = utf8_sequence_length(s + i, len - i);
        if (clen == 0) {
            out[n++] = '\x7f';
            i++;
            continue;
        }
        uint32_t cp = mpy_utf8_decode(s + i, &clen);
        int d = mpy__unicode_decimal_value(cp);
        out[n++] = d >= 0 ? (char)('0' + d) : mpy__unicode_is_space(cp) ? ' ' : '\x7f';
        i += (size_t)clen;
    }
    out[n] = '\0';
    *out_len = n;
    return out;
}
