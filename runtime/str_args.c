/* runtime/str_args.c: argument parsing for the str and bytes methods.
 *
 * CPython parses the arguments of its string methods in three historical
 * styles, each with its own wording of the same errors, and tutorials
 * print those messages.  These helpers reproduce the three:
 *
 *   Argument Clinic, positional-only   "center expected at least 1 argument, got 0"
 *   Argument Clinic, with keywords     "split() takes at most 2 arguments (3 given)"
 *                                      "'foo' is an invalid keyword argument for split()"
 *   PyArg_ParseTuple ("O|OO:find")     "find() takes at least 1 argument (0 given)"
 */
#include "runtime/str_impl.h"

#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/tuple.h"

static const char *plural(size_t n)
{
    return n == 1 ? "" : "s";
}

int mpy__text_check_positional(const char *fname, size_t nargs, size_t min, size_t max)
{
    if (nargs >= min && nargs <= max)
        return 0;
    const char *how = min == max ? "" : nargs < min ? "at least " : "at most ";
    size_t bound = nargs < min ? min : max;
    mpy_err_format(mpy_exc_TypeError, "%s expected %s%zu argument%s, got %zu", fname, how, bound,
                   plural(bound), nargs);
    return -1;
}

int mpy__text_check_tuple_args(const char *fname, size_t nargs, size_t min, size_t max)
{
    if (nargs >= min && nargs <= max)
        return 0;
    const char *how = min == max ? "exactly" : nargs < min ? "at least" : "at most";
    size_t bound = nargs < min ? min : max;
    mpy_err_format(mpy_exc_TypeError, "%s() takes %s %zu argument%s (%zu given)", fname, how,
                   bound, plural(bound), nargs);
    return -1;
}

int mpy__text_no_kwargs(const char *owner, const char *fname, MpyObject *kwnames)
{
    if (kwnames == NULL || mpy_tuple_size(kwnames) == 0)
        return 0;
    mpy_err_format(mpy_exc_TypeError, "%s.%s() takes no keyword arguments", owner, fname);
    return -1;
}

/* Index of keyword `name` among names[posonly..nnames), or -1. */
static ptrdiff_t find_keyword(MpyObject *name, const char *const *names, size_t nnames,
                              size_t posonly)
{
    for (size_t i = posonly; i < nnames; i++)
        if (mpy_str_equal_cstr(name, names[i]))
            return (ptrdiff_t)i;
    return -1;
}

int mpy__text_parse_args(const char *fname, MpyObject *const *args, size_t nargs,
                         MpyObject *kwnames, const char *const *names, size_t nnames,
                         size_t posonly, size_t required, MpyObject **out)
{
    size_t nkw = kwnames == NULL ? 0 : (size_t)mpy_tuple_size(kwnames);
    for (size_t i = 0; i < nnames; i++)
        out[i] = NULL;
    if (nargs + nkw > nnames) {
        mpy_err_format(mpy_exc_TypeError, "%s() takes at most %zu argument%s (%zu given)", fname,
                       nnames, plural(nnames), nargs + nkw);
        return -1;
    }
    for (size_t i = 0; i < nargs; i++)
        out[i] = args[i];
    for (size_t k = 0; k < nkw; k++) {
        MpyObject *name = mpy_tuple_item(kwnames, (ptrdiff_t)k);
        ptrdiff_t i = find_keyword(name, names, nnames, posonly);
        if (i < 0) {
            mpy_err_format(mpy_exc_TypeError, "%R is an invalid keyword argument for %s()", name,
                           fname);
            return -1;
        }
        if (out[i] != NULL) {
            mpy_err_format(mpy_exc_TypeError,
                           "argument for %s() given by name ('%s') and position (%d)", fname,
                           names[i], (int)i + 1);
            return -1;
        }
        out[i] = args[nargs + k];
    }
    for (size_t i = 0; i < required; i++) {
        if (out[i] == NULL) {
            if (i < posonly || nkw == 0)
                mpy_err_format(mpy_exc_TypeError, "%s() takes at least %zu argument%s (%zu given)",
                               fname, required, plural(required), nargs);
            else
                mpy_err_format(mpy_exc_TypeError, "%s() missing required argument '%s' (pos %zu)",
                               fname, names[i], i + 1);
            return -1;
        }
    }
    return 0;
}

ptrdiff_t mpy__text_as_ssize(MpyObject *o)
{
    if (mpy_is_small_int(o))
        return (ptrdiff_t)mpy_small_int_value(o);
    return mpy_number_as_ssize(o, mpy_exc_OverflowError);
}

/* One bound of a start/end pair: None/NULL keeps *out. */
static int slice_index(MpyObject *o, ptrdiff_t *out)
{
    if (o == NULL || o == MPY_NONE)
        return 0;
    if (mpy_is_small_int(o)) {
        *out = (ptrdiff_t)mpy_small_int_value(o);
        return 0;
    }
    if (!mpy_int_check(o) && MPY_TYPE(o)->nb_index == NULL) {
        mpy_err_set(mpy_exc_TypeError,
                    "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    ptrdiff_t v = mpy_number_as_ssize(o, NULL); // clamps huge values, as CPython
    if (v == -1 && mpy_err_occurred())
        return -1;
    *out = v;
    return 0;
}

int mpy__text_parse_range(MpyObject *start_obj, MpyObject *end_obj, ptrdiff_t length,
                          ptrdiff_t *start, ptrdiff_t *end)
{
    *start = 0;
    *end = PTRDIFF_MAX;
    if (slice_index(start_obj, start) < 0 || slice_index(end_obj, end) < 0)
        return -1;
    if (*end > length)
        *end = length;
    else if (*end < 0 && (*end += length) < 0)
        *end = 0;
    if (*start < 0 && (*start += length) < 0)
        *start = 0;
    return 0;
}
