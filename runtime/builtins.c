/* runtime/builtins.c: the builtins module: print, len, isinstance, min,
 * sorted, getattr, exec ... and the built-in types and exceptions.
 *
 * Models CPython's Python/bltinmodule.c.  Every function checks its
 * arguments with CPython's messages ("len() takes exactly one argument (2
 * given)", "max() arg is an empty sequence") and then defers to the
 * generic protocol of runtime/object.c.
 *
 * To add a builtin: write `static MpyObject *builtin_NAME(MpyObject *self,
 * MpyObject *const *args, size_t nargs, MpyObject *kwnames)`, add a line to
 * builtin_methods[] with its calling convention (MPY_METH_O for one
 * argument, MPY_METH_FASTCALL to parse your own), and add a script test in
 * tests/py/ (see README "Adding a builtin").
 */
#include "runtime/sysmodule.h"

#include <stdio.h>
#include <string.h>

#include "gil/tstate.h"
#include "runtime/bytes.h"
#include "runtime/complex.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/fileio.h"
#include "runtime/float.h"
#include "runtime/func.h"
#include "runtime/genericalias.h"
#include "runtime/import.h"
#include "runtime/int.h"
#include "runtime/iter.h"
#include "runtime/list.h"
#include "runtime/memoryview.h"
#include "runtime/range.h"
#include "runtime/set.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/super.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/code.h"
#include "vm/compiler.h"
#include "vm/eval.h"

#define BUILTIN(name)                                                                      \
    static MpyObject *builtin_##name(MpyObject *self, MpyObject *const *args, size_t nargs, \
                                     MpyObject *kwnames)

/* ------------------------------------------------------------------ */
/* I/O                                                                  */

/* sys.<name> (borrowed), or NULL without an exception when it is missing
 * (deleted by the script, or sys already torn down at exit). */
static MpyObject *sys_stream_or_null(const char *name)
{
    MpyObject *sysdict = mpy__interp != NULL ? mpy__interp->sysdict : NULL;
    return sysdict != NULL ? mpy_dict_get_str_borrowed(sysdict, mpy_str_intern_cstr(name)) : NULL;
}

static MpyObject *sys_stream(const char *name)
{
    MpyObject *s = sys_stream_or_null(name);
    if (s == NULL)
        mpy_err_format(mpy_exc_RuntimeError, "lost sys.%s", name);
    return s;
}

/* sep/end must be None or str. */
static int check_sep(MpyObject *v, const char *what)
{
    if (v == NULL || v == MPY_NONE || mpy_str_check(v))
        return 0;
    mpy_err_format(mpy_exc_TypeError, "%s must be None or a string, not %T", what, v);
    return -1;
}

/* CPython words an unknown keyword differently for the builtins whose
 * arguments Argument Clinic parses: "'x' is an invalid keyword argument
 * for print()".  Returns 0, or -1 with that TypeError. */
static int check_clinic_keywords(const char *fn, MpyObject *kwnames, const char *const *kwlist)
{
    for (ptrdiff_t k = 0; kwnames != NULL && k < mpy_tuple_size(kwnames); k++) {
        MpyObject *key = mpy_tuple_item(kwnames, k);
        bool known = false;
        for (size_t i = 0; kwlist[i] != NULL && !known; i++)
            known = mpy_str_equal_cstr(key, kwlist[i][0] == '$' ? kwlist[i] + 1 : kwlist[i]);
        if (!known) {
            mpy_err_format(mpy_exc_TypeError, "'%U' is an invalid keyword argument for %s()", key, fn);
            return -1;
        }
    }
    return 0;
}

BUILTIN(print)
{
    static const char *const kwlist[] = {"$sep", "$end", "$file", "$flush", NULL};
    MpyObject *kw[4] = {NULL, NULL, NULL, NULL};
    if (kwnames != NULL && mpy_tuple_size(kwnames) > 0 &&
        (check_clinic_keywords("print", kwnames, kwlist) < 0 ||
         mpy_arg_parse("print", args + nargs, 0, kwnames, kwlist, 0, kw) < 0))
        return NULL;
    MpyObject *sep = kw[0], *end = kw[1], *file = kw[2], *flush = kw[3];
    if (check_sep(sep, "sep") < 0 || check_sep(end, "end") < 0)
        return NULL;
    if (file == NULL || file == MPY_NONE) {
        file = sys_stream("stdout");
        if (file == NULL)
            return NULL;
        if (file == MPY_NONE)
            return MPY_RETURN_NONE;
    }
    for (size_t i = 0; i < nargs; i++) {
        if (i > 0) {
            int r = sep != NULL && sep != MPY_NONE ? mpy_file_write_obj(file, sep)
                                                    : mpy_file_write_cstr(file, " ");
            if (r < 0)
                return NULL;
        }
        MpyObject *s = mpy_object_str(args[i]);
        if (s == NULL)
            return NULL;
        int r = mpy_file_write_obj(file, s);
        MPY_DECREF(s);
        if (r < 0)
            return NULL;
    }
    int r = end != NULL && end != MPY_NONE ? mpy_file_write_obj(file, end) : mpy_file_write_cstr(file, "\n");
    if (r < 0)
        return NULL;
    if (flush != NULL) {
        int t = mpy_object_is_true(flush);
        if (t < 0 || (t && mpy_file_flush(file) < 0))
            return NULL;
    }
    return MPY_RETURN_NONE;
}

BUILTIN(input)
{
    if (mpy_arg_check_positional("input", nargs, 0, 1) < 0)
        return NULL;
    MpyObject *in = sys_stream_or_null("stdin"), *out = sys_stream_or_null("stdout");
    if (in == NULL || in == MPY_NONE)
        return mpy_err_format(mpy_exc_RuntimeError, "input(): lost sys.stdin");
    if (out == NULL || out == MPY_NONE)
        return mpy_err_format(mpy_exc_RuntimeError, "input(): lost sys.stdout");
    MpyObject *err = sys_stream_or_null("stderr");
    if (err != NULL && err != MPY_NONE && mpy_file_flush(err) < 0)
        mpy_err_clear();
    if (nargs == 1 && args[0] != MPY_NONE) {
        MpyObject *prompt = mpy_object_str(args[0]);
        if (prompt == NULL || mpy_file_write_obj(out, prompt) < 0) {
            MPY_XDECREF(prompt);
            return NULL;
        }
        MPY_DECREF(prompt);
    }
    if (mpy_file_flush(out) < 0)
        return NULL;
    MpyObject *line = mpy_file_check(in) ? mpy_file_readline(in)
                                          : mpy_object_call_method_cstr(in, "readline", NULL, 0);
    if (line == NULL)
        return NULL;
    if (!mpy_str_check(line)) {
        MPY_DECREF(line);
        return mpy_err_format(mpy_exc_TypeError, "object.readline() returned non-string");
    }
    ptrdiff_t n = mpy_str_size(line);
    if (n == 0) {
        MPY_DECREF(line);
        return mpy_err_format(mpy_exc_EOFError, "EOF when reading a line");
    }
    if (mpy_str_utf8(line)[n - 1] == '\n') {
        MpyObject *stripped = mpy_str_substring(line, 0, mpy_str_length(line) - 1);
        MPY_DECREF(line);
        return stripped;
    }
    return line;
}

BUILTIN(open)
{
    static const char *const kwlist[] = {"file", "mode", "buffering", "encoding", "errors",
                                         "newline", "closefd", "opener", NULL};
    MpyObject *a[8];
    if (mpy_arg_parse("open", args, nargs, kwnames, kwlist, 1, a) < 0)
        return NULL;
    const char *mode = "r";
    if (a[1] != NULL) {
        if (!mpy_str_check(a[1]))
            return mpy_err_format(mpy_exc_TypeError, "open() argument 'mode' must be str, not %T", a[1]);
        mode = mpy_str_utf8(a[1]);
    }
    int buffering = -1;
    if (a[2] != NULL && (buffering = (int)mpy_int_as_long(a[2])) == -1 && mpy_err_occurred())
        return NULL;
    const char *encoding = NULL;
    if (a[3] != NULL && a[3] != MPY_NONE) {
        if (!mpy_str_check(a[3]))
            return mpy_err_format(mpy_exc_TypeError, "open() argument 'encoding' must be str or None, not %T", a[3]);
        encoding = mpy_str_utf8(a[3]);
    }
    bool closefd = true;
    if (a[6] != NULL) {
        int t = mpy_object_is_true(a[6]);
        if (t < 0)
            return NULL;
        closefd = t;
    }
    MpyObject *file = mpy_file_open(a[0], mode, buffering, encoding, closefd);
    if (file != NULL && a[5] != NULL && mpy__file_set_newline(file, a[5]) < 0)
        MPY_CLEAR(file);
    if (file != NULL && a[4] != NULL && mpy__file_set_errors(file, a[4]) < 0)
        MPY_CLEAR(file);
    return file;
}

/* ------------------------------------------------------------------ */
/* Objects                                                              */

BUILTIN(len)
{
    ptrdiff_t n = mpy_object_length(args[0]);
    return n < 0 ? NULL : mpy_int_from_ssize(n);
}

BUILTIN(repr) { return mpy_object_repr(args[0]); }
BUILTIN(ascii) { return mpy_object_ascii(args[0]); }

BUILTIN(id)
{
    MpyObject *o = args[0];
    return mpy_int_from_ulong((unsigned long long)(uintptr_t)o);
}

BUILTIN(hash)
{
    MpyHash h = mpy_object_hash(args[0]);
    return h == -1 ? NULL : mpy_int_from_long(h);
}

BUILTIN(callable)
{
    return MPY_NEWREF(mpy_bool_from(mpy_callable_check(args[0])));
}

BUILTIN(isinstance)
{
    if (mpy_arg_check_positional("isinstance", nargs, 2, 2) < 0)
        return NULL;
    int r = mpy_object_isinstance(args[0], args[1]);
    return r < 0 ? NULL : MPY_NEWREF(mpy_bool_from(r));
}

BUILTIN(issubclass)
{
    if (mpy_arg_check_positional("issubclass", nargs, 2, 2) < 0)
        return NULL;
    int r = mpy_object_issubclass(args[0], args[1]);
    return r < 0 ? NULL : MPY_NEWREF(mpy_bool_from(r));
}

static int check_attr_name(MpyObject *name, const char *fn)
{
    if (mpy_str_check(name))
        return 0;
    mpy_err_format(mpy_exc_TypeError, "attribute name must be string, not '%T'", name);
    MPY_UNUSED(fn);
    return -1;
}

BUILTIN(getattr)
{
    if (nargs < 2 || nargs > 3) {
        mpy_err_format(mpy_exc_TypeError, nargs < 2 ? "getattr expected at least 2 arguments, got %zu"
                                                    : "getattr expected at most 3 arguments, got %zu", nargs);
        return NULL;
    }
    if (check_attr_name(args[1], "getattr") < 0)
        return NULL;
    if (nargs == 2)
        return mpy_object_getattr(args[0], args[1]);
    MpyObject *v = mpy_object_lookup_attr(args[0], args[1]);
    if (v == NULL && !mpy_err_occurred())
        return MPY_NEWREF(args[2]);
    return v;
}

BUILTIN(setattr)
{
    if (mpy_arg_check_positional("setattr", nargs, 3, 3) < 0 || check_attr_name(args[1], "setattr") < 0)
        return NULL;
    return mpy_object_setattr(args[0], args[1], args[2]) < 0 ? NULL : MPY_RETURN_NONE;
}

BUILTIN(delattr)
{
    if (mpy_arg_check_positional("delattr", nargs, 2, 2) < 0 || check_attr_name(args[1], "delattr") < 0)
        return NULL;
    return mpy_object_setattr(args[0], args[1], NULL) < 0 ? NULL : MPY_RETURN_NONE;
}

BUILTIN(hasattr)
{
    if (mpy_arg_check_positional("hasattr", nargs, 2, 2) < 0 || check_attr_name(args[1], "hasattr") < 0)
        return NULL;
    int r = mpy_object_hasattr(args[0], args[1]);
    return r < 0 ? NULL : MPY_NEWREF(mpy_bool_from(r));
}

BUILTIN(dir)
{
    if (mpy_arg_check_positional("dir", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 1)
        return mpy_object_dir(args[0]);
    MpyObject *locals = mpy_eval_get_locals();
    if (locals == NULL)
        return NULL;
    MpyObject *keys = mpy_dict_check(locals) ? mpy_dict_keys(locals) : mpy_list_from_iterable(locals);
    MPY_DECREF(locals);
    if (keys != NULL && mpy_list_sort(keys, NULL, false) < 0)
        MPY_CLEAR(keys);
    return keys;
}

BUILTIN(vars)
{
    if (mpy_arg_check_positional("vars", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return mpy_eval_get_locals();
    MpyObject *d = mpy_object_lookup_attr(args[0], MPY_ID(__dict__));
    if (d == NULL && !mpy_err_occurred())
        mpy_err_set(mpy_exc_TypeError, "vars() argument must have __dict__ attribute");
    return d;
}

BUILTIN(globals)
{
    MpyObject *g = mpy_eval_get_globals();
    return g ? MPY_NEWREF(g) : mpy_err_format(mpy_exc_SystemError, "globals(): no current frame");
}

BUILTIN(locals) { return mpy_eval_get_locals(); }

BUILTIN(format)
{
    if (mpy_arg_check_positional("format", nargs, 1, 2) < 0)
        return NULL;
    if (nargs == 2 && !mpy_str_check(args[1]))
        return mpy_err_format(mpy_exc_TypeError, "format() argument 2 must be str, not %T", args[1]);
    return mpy_object_format(args[0], nargs == 2 ? args[1] : NULL);
}

/* ------------------------------------------------------------------ */
/* Iteration                                                            */

BUILTIN(iter)
{
    if (mpy_arg_check_positional("iter", nargs, 1, 2) < 0)
        return NULL;
    if (nargs == 1)
        return mpy_object_get_iter(args[0]);
    if (!mpy_callable_check(args[0]))
        return mpy_err_format(mpy_exc_TypeError, "iter(v, w): v must be callable");
    return mpy_callable_iter_new(args[0], args[1]);
}

BUILTIN(next)
{
    if (mpy_arg_check_positional("next", nargs, 1, 2) < 0)
        return NULL;
    MpyObject *it = args[0];
    if (!mpy_iter_check(it))
        return mpy_err_format(mpy_exc_TypeError, "'%T' object is not an iterator", it);
    MpyObject *v = MPY_TYPE(it)->iternext(it);
    if (v != NULL)
        return v;
    if (mpy_err_occurred()) {
        if (nargs < 2 || !mpy_err_matches(mpy_exc_StopIteration))
            return NULL;
        mpy_err_clear();
    }
    if (nargs == 2)
        return MPY_NEWREF(args[1]);
    return mpy_err_stop_iteration(NULL);
}

/* all()/any() */
static MpyObject *any_all(MpyObject *iterable, bool want)
{
    MpyObject *it = mpy_object_get_iter(iterable);
    if (it == NULL)
        return NULL;
    MpyObject *item;
    while ((item = mpy_iter_next(it)) != NULL) {
        int t = mpy_object_is_true(item);
        MPY_DECREF(item);
        if (t < 0) {
            MPY_DECREF(it);
            return NULL;
        }
        if ((t != 0) == want) {
            MPY_DECREF(it);
            return MPY_NEWREF(mpy_bool_from(want));
        }
    }
    MPY_DECREF(it);
    if (mpy_err_occurred())
        return NULL;
    return MPY_NEWREF(mpy_bool_from(!want));
}

BUILTIN(all) { return any_all(args[0], false); }
BUILTIN(any) { return any_all(args[0], true); }

BUILTIN(sorted)
{
    static const char *const kwlist[] = {"$key", "$reverse", NULL};
    MpyObject *kw[2] = {NULL, NULL};
    if (nargs != 1) {
        if (nargs == 0)
            return mpy_err_format(mpy_exc_TypeError, "sorted expected 1 argument, got 0");
        return mpy_err_format(mpy_exc_TypeError, "sorted expected 1 argument, got %zu", nargs);
    }
    if (kwnames != NULL && (check_clinic_keywords("sort", kwnames, kwlist) < 0 ||
                            mpy_arg_parse("sorted", args + 1, 0, kwnames, kwlist, 0, kw) < 0))
        return NULL;
    int reverse = kw[1] ? mpy_object_is_true(kw[1]) : 0;
    if (reverse < 0)
        return NULL;
    MpyObject *list = mpy_list_from_iterable(args[0]);
    if (list == NULL)
        return NULL;
    MpyObject *key = kw[0] != NULL && kw[0] != MPY_NONE ? kw[0] : NULL;
    if (mpy_list_sort(list, key, reverse) < 0) {
        MPY_DECREF(list);
        return NULL;
    }
    return list;
}

/* min()/max(): `op` is MPY_LT for min, MPY_GT for max. */
static MpyObject *min_max(MpyObject *const *args, size_t nargs, MpyObject *kwnames, int op)
{
    const char *name = op == MPY_LT ? "min" : "max";
    static const char *const kwlist[] = {"$key", "$default", NULL};
    MpyObject *kw[2] = {NULL, NULL};
    if (kwnames != NULL && (check_clinic_keywords(name, kwnames, kwlist) < 0 ||
                            mpy_arg_parse(name, args + nargs, 0, kwnames, kwlist, 0, kw) < 0))
        return NULL;
    if (nargs == 0)
        return mpy_err_format(mpy_exc_TypeError, "%s expected at least 1 argument, got 0", name);
    if (nargs > 1 && kw[1] != NULL)
        return mpy_err_format(mpy_exc_TypeError,
                              "Cannot specify a default for %s() with multiple positional arguments", name);
    MpyObject *key = kw[0] != NULL && kw[0] != MPY_NONE ? kw[0] : NULL;
    MpyObject *it;
    if (nargs == 1) {
        it = mpy_object_get_iter(args[0]);
    } else {
        MpyObject *tuple = mpy_tuple_from_array(args, (ptrdiff_t)nargs);
        it = tuple ? mpy_object_get_iter(tuple) : NULL;
        MPY_XDECREF(tuple);
    }
    if (it == NULL)
        return NULL;
    MpyObject *best = NULL, *best_key = NULL, *item;
    while ((item = mpy_iter_next(it)) != NULL) {
        MpyObject *k = key ? mpy_object_call1(key, item) : MPY_NEWREF(item);
        if (k == NULL) {
            MPY_DECREF(item);
            goto fail;
        }
        if (best == NULL) {
            best = item;
            best_key = k;
            continue;
        }
        int better = mpy_object_richcompare_bool(k, best_key, op);
        if (better < 0) {
            MPY_DECREF(item);
            MPY_DECREF(k);
            goto fail;
        }
        if (better) {
            MPY_SETREF(best, item);
            MPY_SETREF(best_key, k);
        } else {
            MPY_DECREF(item);
            MPY_DECREF(k);
        }
    }
    if (mpy_err_occurred())
        goto fail;
    MPY_DECREF(it);
    MPY_XDECREF(best_key);
    if (best == NULL) {
        if (kw[1] != NULL)
            return MPY_NEWREF(kw[1]);
        return mpy_err_format(mpy_exc_ValueError, "%s() arg is an empty sequence", name);
    }
    return best;
fail:
    MPY_DECREF(it);
    MPY_XDECREF(best);
    MPY_XDECREF(best_key);
    return NULL;
}

BUILTIN(min) { return min_max(args, nargs, kwnames, MPY_LT); }
BUILTIN(max) { return min_max(args, nargs, kwnames, MPY_GT); }

BUILTIN(sum)
{
    static const char *const kwlist[] = {"", "start", NULL};
    MpyObject *a[2];
    if (check_clinic_keywords("sum", kwnames, kwlist) < 0 ||
        mpy_arg_parse("sum", args, nargs, kwnames, kwlist, 1, a) < 0)
        return NULL;
    MpyObject *start = a[1] != NULL ? a[1] : mpy_small_int(0);
    if (mpy_str_check(start))
        return mpy_err_format(mpy_exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (mpy_bytes_check(start))
        return mpy_err_format(mpy_exc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    if (mpy_bytearray_check(start))
        return mpy_err_format(mpy_exc_TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
    MpyObject *it = mpy_object_get_iter(a[0]);
    if (it == NULL)
        return NULL;
    MpyObject *total = MPY_NEWREF(start);
    MpyObject *item;
    while ((item = mpy_iter_next(it)) != NULL) {
        MpyObject *r = mpy_number_binop(total, item, MPY_NB_ADD);
        MPY_DECREF(item);
        MPY_DECREF(total);
        total = r;
        if (total == NULL)
            break;
    }
    MPY_DECREF(it);
    if (total != NULL && mpy_err_occurred())
        MPY_CLEAR(total);
    return total;
}

/* ------------------------------------------------------------------ */
/* Numbers and characters                                               */

BUILTIN(abs) { return mpy_number_absolute(args[0]); }

BUILTIN(divmod)
{
    if (mpy_arg_check_positional("divmod", nargs, 2, 2) < 0)
        return NULL;
    return mpy_number_divmod(args[0], args[1]);
}

BUILTIN(pow)
{
    static const char *const kwlist[] = {"base", "exp", "mod", NULL};
    MpyObject *a[3];
    if (mpy_arg_parse("pow", args, nargs, kwnames, kwlist, 2, a) < 0)
        return NULL;
    return mpy_number_power(a[0], a[1], a[2]);
}

BUILTIN(round)
{
    static const char *const kwlist[] = {"number", "ndigits", NULL};
    MpyObject *a[2];
    if (check_clinic_keywords("round", kwnames, kwlist) < 0 ||
        mpy_arg_parse("round", args, nargs, kwnames, kwlist, 1, a) < 0)
        return NULL;
    MpyObject *meth = mpy_type_lookup(MPY_TYPE(a[0]), MPY_ID(__round__));
    if (meth == NULL)
        return mpy_err_format(mpy_exc_TypeError, "type %T doesn't define __round__ method", a[0]);
    MpyObject *call_args[2] = {a[0], a[1]};
    return mpy_object_call(meth, call_args, a[1] != NULL && a[1] != MPY_NONE ? 2 : 1, NULL);
}

static MpyObject *based(MpyObject *o, int base)
{
    MpyObject *i = mpy_number_index(o);
    if (i == NULL)
        return NULL;
    MpyObject *r = mpy_int_to_prefixed_string(i, base);
    MPY_DECREF(i);
    return r;
}

BUILTIN(hex) { return based(args[0], 16); }
BUILTIN(oct) { return based(args[0], 8); }
BUILTIN(bin) { return based(args[0], 2); }

BUILTIN(chr)
{
    MpyObject *i = mpy_number_index(args[0]);
    if (i == NULL) {
        if (mpy_err_matches(mpy_exc_TypeError)) {
            mpy_err_clear();
            mpy_err_format(mpy_exc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
        }
        return NULL;
    }
    long long v = mpy_int_as_long(i);
    MPY_DECREF(i);
    if (v == -1 && mpy_err_occurred()) {
        if (mpy_err_matches(mpy_exc_OverflowError)) {
            mpy_err_clear();
            mpy_err_set(mpy_exc_OverflowError, "Python int too large to convert to C int");
        }
        return NULL;
    }
    if (v < 0 || v > 0x10FFFF)
        return mpy_err_format(mpy_exc_ValueError, "chr() arg not in range(0x110000)");
    return mpy_str_from_codepoint((uint32_t)v);
}

BUILTIN(ord)
{
    MpyObject *o = args[0];
    if (mpy_str_check(o)) {
        if (mpy_str_length(o) != 1)
            return mpy_err_format(mpy_exc_TypeError,
                                  "ord() expected a character, but string of length %zd found", mpy_str_length(o));
        return mpy_int_from_long(mpy_str_char_at(o, 0));
    }
    if (mpy_bytes_check(o) || mpy_bytearray_check(o)) {
        ptrdiff_t n = mpy_bytes_check(o) ? mpy_bytes_size(o) : ((MpyByteArrayObject *)o)->size;
        if (n != 1)
            return mpy_err_format(mpy_exc_TypeError,
                                  "ord() expected a character, but string of length %zd found", n);
        const char *d = mpy_bytes_check(o) ? mpy_bytes_data(o) : ((MpyByteArrayObject *)o)->data;
        return mpy_int_from_long((unsigned char)d[0]);
    }
    return mpy_err_format(mpy_exc_TypeError, "ord() expected string of length 1, but %T found", o);
}

/* ------------------------------------------------------------------ */
/* Running code                                                         */

static int parse_mode(MpyObject *mode, MpyParseMode *out)
{
    const char *m = mpy_str_check(mode) ? mpy_str_utf8(mode) : "";
    if (strcmp(m, "exec") == 0)
        *out = MPY_PARSE_FILE;
    else if (strcmp(m, "eval") == 0)
        *out = MPY_PARSE_EVAL;
    else if (strcmp(m, "single") == 0)
        *out = MPY_PARSE_SINGLE;
    else {
        mpy_err_set(mpy_exc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
        return -1;
    }
    return 0;
}

/* Source text of a str or bytes argument (borrowed), with its length. */
static const char *source_text(MpyObject *src, size_t *len, const char *fn)
{
    if (mpy_str_check(src)) {
        *len = (size_t)mpy_str_size(src);
        return mpy_str_utf8(src);
    }
    if (mpy_bytes_check(src)) {
        *len = (size_t)mpy_bytes_size(src);
        return mpy_bytes_data(src);
    }
    mpy_err_format(mpy_exc_TypeError, "%s() arg 1 must be a string, bytes or code object", fn);
    return NULL;
}

BUILTIN(compile)
{
    static const char *const kwlist[] = {"source", "filename", "mode", "flags", "dont_inherit",
                                         "optimize", "$_feature_version", NULL};
    MpyObject *a[7];
    if (check_clinic_keywords("compile", kwnames, kwlist) < 0 ||
        mpy_arg_parse("compile", args, nargs, kwnames, kwlist, 3, a) < 0)
        return NULL;
    MpyParseMode mode;
    if (parse_mode(a[2], &mode) < 0)
        return NULL;
    size_t len;
    const char *src = source_text(a[0], &len, "compile");
    if (src == NULL)
        return NULL;
    if (!mpy_str_check(a[1]))
        return mpy_err_format(mpy_exc_TypeError, "compile() argument 'filename' must be str, not %T", a[1]);
    return mpy_compile_source(src, len, a[1], mode, NULL);
}

/* exec/eval: resolve the namespaces and compile if needed. */
static MpyObject *run_code(MpyObject *const *args, size_t nargs, MpyObject *kwnames, bool is_eval)
{
    const char *fn = is_eval ? "eval" : "exec";
    static const char *const kwlist[] = {"source", "globals", "locals", "$closure", NULL};
    MpyObject *a[4];
    if (mpy_arg_parse(fn, args, nargs, kwnames, kwlist, 1, a) < 0)
        return NULL;
    MpyObject *globals = a[1] != NULL && a[1] != MPY_NONE ? a[1] : NULL;
    MpyObject *locals = a[2] != NULL && a[2] != MPY_NONE ? a[2] : NULL;
    if (globals != NULL && !mpy_dict_check(globals))
        return mpy_err_format(mpy_exc_TypeError, is_eval ? "globals must be a real dict; try eval(expr, {}, mapping)"
                                                         : "exec() globals must be a dict, not %T", globals);
    MpyObject *owned_locals = NULL;
    if (globals == NULL) {
        globals = mpy_eval_get_globals();
        if (globals == NULL)
            return mpy_err_format(mpy_exc_SystemError, "%s(): no current frame", fn);
        // The caller's locals: its namespace, or in a function a snapshot
        // of its fast locals (what locals() returns), as CPython.
        if (locals == NULL) {
            MpyFrame *f = mpy_eval_current_frame();
            if (f != NULL && f->locals != NULL)
                locals = f->locals;
            else if (f != NULL && (locals = owned_locals = mpy_eval_get_locals()) == NULL)
                return NULL;
        }
    }
    MpyObject *code;
    if (mpy_code_check(a[0])) {
        code = MPY_NEWREF(a[0]);
    } else {
        size_t len;
        const char *src = source_text(a[0], &len, fn);
        if (src == NULL) {
            MPY_XDECREF(owned_locals);
            return NULL;
        }
        /* eval() strips leading spaces and tabs, as CPython does. */
        if (is_eval) {
            while (len > 0 && (*src == ' ' || *src == '\t')) {
                src++;
                len--;
            }
        }
        MpyObject *filename = mpy_str_from_cstr("<string>");
        code = filename ? mpy_compile_source(src, len, filename, is_eval ? MPY_PARSE_EVAL : MPY_PARSE_FILE, NULL)
                        : NULL;
        MPY_XDECREF(filename);
        if (code == NULL) {
            MPY_XDECREF(owned_locals);
            return NULL;
        }
    }
    MpyObject *r = mpy_eval_code(code, globals, locals ? locals : globals);
    MPY_DECREF(code);
    MPY_XDECREF(owned_locals);
    if (r != NULL && !is_eval)
        MPY_SETREF(r, MPY_NEWREF(MPY_NONE));
    return r;
}

BUILTIN(exec) { return run_code(args, nargs, kwnames, false); }
BUILTIN(eval) { return run_code(args, nargs, kwnames, true); }

/* __build_class__(func, name, *bases, metaclass=..., **kwds) */
BUILTIN(build_class)
{
    if (nargs < 2)
        return mpy_err_format(mpy_exc_TypeError, "__build_class__: not enough arguments");
    MpyObject *func = args[0], *name = args[1];
    if (!mpy_function_check(func))
        return mpy_err_format(mpy_exc_TypeError, "__build_class__: func must be a function");
    if (!mpy_str_check(name))
        return mpy_err_format(mpy_exc_TypeError, "__build_class__: name is not a string");
    MpyObject *orig_bases = mpy_tuple_from_array(args + 2, (ptrdiff_t)nargs - 2);
    // PEP 560: bases with __mro_entries__ are replaced by what it returns.
    MpyObject *bases = orig_bases ? mpy_resolve_bases(orig_bases) : NULL;
    MpyObject *kwds = mpy_dict_new();
    MpyObject *meta = NULL, *ns = NULL, *cls = NULL;
    if (bases == NULL || kwds == NULL)
        goto done;
    ptrdiff_t nkw = kwnames ? mpy_tuple_size(kwnames) : 0;
    for (ptrdiff_t i = 0; i < nkw; i++) {
        if (mpy_dict_set(kwds, mpy_tuple_item(kwnames, i), args[nargs + (size_t)i]) < 0)
            goto done;
    }
    meta = mpy_dict_pop(kwds, MPY_ID(metaclass), MPY_NONE);
    if (meta == NULL)
        goto done;
    bool is_class = true;
    if (meta == MPY_NONE) {
        MPY_SETREF(meta, mpy_tuple_size(bases) > 0 ? MPY_NEWREF(MPY_TYPE(mpy_tuple_item(bases, 0)))
                                                    : MPY_NEWREF(&mpy_type_type));
    } else {
        is_class = mpy_type_check(meta);
    }
    if (is_class) {
        MpyType *winner = mpy_type_calculate_metaclass((MpyType *)meta, bases);
        if (winner == NULL)
            goto done;
        MPY_SETREF(meta, MPY_NEWREF(winner));
    }
    MpyObject *prepare = mpy_object_lookup_attr(meta, MPY_ID(__prepare__));
    if (prepare != NULL) {
        MpyObject *pargs = mpy_tuple_pack(2, name, bases);
        ns = pargs ? mpy_object_call_tuple(prepare, pargs, kwds) : NULL;
        MPY_XDECREF(pargs);
        MPY_DECREF(prepare);
    } else if (!mpy_err_occurred()) {
        ns = mpy_dict_new();
    }
    if (ns == NULL)
        goto done;
    if (bases != orig_bases && mpy_object_setitem(ns, mpy_str_intern_cstr("__orig_bases__"), orig_bases) < 0)
        goto done;
    MpyObject *cell = mpy__eval_class_body(func, ns);
    if (cell == NULL)
        goto done;
    MpyObject *margs = mpy_tuple_pack(3, name, bases, ns);
    if (margs != NULL)
        cls = mpy_object_call_tuple(meta, margs, kwds);
    MPY_XDECREF(margs);
    MPY_DECREF(cell);
done:
    MPY_XDECREF(orig_bases);
    MPY_XDECREF(bases);
    MPY_XDECREF(kwds);
    MPY_XDECREF(meta);
    MPY_XDECREF(ns);
    return cls;
}

/* exit() / quit() as `site` installs them. */
BUILTIN(exit)
{
    if (mpy_arg_check_positional("exit", nargs, 0, 1) < 0)
        return NULL;
    mpy_err_set_object(mpy_exc_SystemExit, nargs == 1 ? args[0] : MPY_NONE);
    return NULL;
}

static const MpyMethodDef builtin_methods[] = {
    {"__build_class__", builtin_build_class, MPY_METH_FASTCALL,
     "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class"},
    {"__import__", mpy__builtin_import, MPY_METH_FASTCALL, "Import a module."},
    {"abs", builtin_abs, MPY_METH_O, "Return the absolute value of the argument."},
    {"all", builtin_all, MPY_METH_O, "Return True if bool(x) is True for all values x in the iterable."},
    {"any", builtin_any, MPY_METH_O, "Return True if bool(x) is True for any x in the iterable."},
    {"ascii", builtin_ascii, MPY_METH_O, "Return an ASCII-only representation of an object."},
    {"bin", builtin_bin, MPY_METH_O, "Return the binary representation of an integer."},
    {"callable", builtin_callable, MPY_METH_O, "Return whether the object is callable."},
    {"chr", builtin_chr, MPY_METH_O, "Return a Unicode string of one character with ordinal i."},
    {"compile", builtin_compile, MPY_METH_FASTCALL, "Compile source into a code object."},
    {"delattr", builtin_delattr, MPY_METH_FASTCALL, "Deletes the named attribute from the given object."},
    {"dir", builtin_dir, MPY_METH_FASTCALL, "Show attributes of an object."},
    {"divmod", builtin_divmod, MPY_METH_FASTCALL, "Return the tuple (x//y, x%y)."},
    {"eval", builtin_eval, MPY_METH_FASTCALL, "Evaluate the given source in the context of globals and locals."},
    {"exec", builtin_exec, MPY_METH_FASTCALL, "Execute the given source in the context of globals and locals."},
    {"exit", builtin_exit, MPY_METH_FASTCALL, NULL},
    {"format", builtin_format, MPY_METH_FASTCALL, "Return value.__format__(format_spec)"},
    {"getattr", builtin_getattr, MPY_METH_FASTCALL, "Get a named attribute from an object."},
    {"globals", builtin_globals, MPY_METH_NOARGS, "Return the dictionary containing the current scope's global variables."},
    {"hasattr", builtin_hasattr, MPY_METH_FASTCALL, "Return whether the object has an attribute with the given name."},
    {"hash", builtin_hash, MPY_METH_O, "Return the hash value for the given object."},
    {"hex", builtin_hex, MPY_METH_O, "Return the hexadecimal representation of an integer."},
    {"id", builtin_id, MPY_METH_O, "Return the identity of an object."},
    {"input", builtin_input, MPY_METH_FASTCALL, "Read a string from standard input."},
    {"isinstance", builtin_isinstance, MPY_METH_FASTCALL, "Return whether an object is an instance of a class or of a subclass thereof."},
    {"issubclass", builtin_issubclass, MPY_METH_FASTCALL, "Return whether 'cls' is derived from another class or is the same class."},
    {"iter", builtin_iter, MPY_METH_FASTCALL, "Get an iterator from an object."},
    {"len", builtin_len, MPY_METH_O, "Return the number of items in a container."},
    {"locals", builtin_locals, MPY_METH_NOARGS, "Return a dictionary containing the current scope's local variables."},
    {"max", builtin_max, MPY_METH_FASTCALL, "With a single iterable argument, return its biggest item."},
    {"min", builtin_min, MPY_METH_FASTCALL, "With a single iterable argument, return its smallest item."},
    {"next", builtin_next, MPY_METH_FASTCALL, "Return the next item from the iterator."},
    {"oct", builtin_oct, MPY_METH_O, "Return the octal representation of an integer."},
    {"open", builtin_open, MPY_METH_FASTCALL, "Open file and return a stream."},
    {"ord", builtin_ord, MPY_METH_O, "Return the Unicode code point for a one-character string."},
    {"pow", builtin_pow, MPY_METH_FASTCALL, "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments"},
    {"print", builtin_print, MPY_METH_FASTCALL, "Prints the values to a stream, or to sys.stdout by default."},
    {"quit", builtin_exit, MPY_METH_FASTCALL, NULL},
    {"repr", builtin_repr, MPY_METH_O, "Return the canonical string representation of the object."},
    {"round", builtin_round, MPY_METH_FASTCALL, "Round a number to a given precision in decimal digits."},
    {"setattr", builtin_setattr, MPY_METH_FASTCALL, "Sets the named attribute on the given object to the specified value."},
    {"sorted", builtin_sorted, MPY_METH_FASTCALL, "Return a new list containing all items from the iterable in ascending order."},
    {"sum", builtin_sum, MPY_METH_FASTCALL, "Return the sum of a 'start' value (default: 0) plus an iterable of numbers"},
    {"vars", builtin_vars, MPY_METH_FASTCALL, "Show vars."},
    {NULL},
};

static int builtins_exec(MpyObject *m)
{
    static const struct { const char *name; MpyType *type; } types[] = {
        {"object", &mpy_object_type}, {"type", &mpy_type_type}, {"int", &mpy_int_type},
        {"bool", &mpy_bool_type}, {"float", &mpy_float_type}, {"complex", &mpy_complex_type},
        {"str", &mpy_str_type}, {"bytes", &mpy_bytes_type}, {"bytearray", &mpy_bytearray_type},
        {"memoryview", &mpy_memoryview_type},
        {"list", &mpy_list_type}, {"tuple", &mpy_tuple_type}, {"dict", &mpy_dict_type},
        {"set", &mpy_set_type}, {"frozenset", &mpy_frozenset_type}, {"range", &mpy_range_type},
        {"slice", &mpy_slice_type}, {"enumerate", &mpy_enumerate_type}, {"zip", &mpy_zip_type},
        {"map", &mpy_map_type}, {"filter", &mpy_filter_type}, {"reversed", &mpy_reversed_type},
        {"property", &mpy_property_type}, {"staticmethod", &mpy_staticmethod_type},
        {"classmethod", &mpy_classmethod_type}, {"super", &mpy_super_type},
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (mpy_module_add(m, types[i].name, (MpyObject *)types[i].type) < 0)
            return -1;
    }
#define MPY_EXC(name, base, doc)                                                           \
    if (mpy_module_add(m, #name, (MpyObject *)mpy_exc_##name) < 0)                         \
        return -1;
#include "runtime/exceptions.def"
#undef MPY_EXC
    if (mpy_module_add(m, "EnvironmentError", (MpyObject *)mpy_exc_OSError) < 0 ||
        mpy_module_add(m, "IOError", (MpyObject *)mpy_exc_OSError) < 0 ||
        mpy_module_add(m, "None", MPY_NONE) < 0 || mpy_module_add(m, "True", MPY_TRUE) < 0 ||
        mpy_module_add(m, "False", MPY_FALSE) < 0 ||
        mpy_module_add(m, "NotImplemented", MPY_NOT_IMPLEMENTED) < 0 ||
        mpy_module_add(m, "Ellipsis", MPY_ELLIPSIS) < 0 ||
        mpy_module_add(m, "__debug__", MPY_TRUE) < 0)
        return -1;
    return 0;
}

const MpyModuleDef mpy__builtins_module_def = {
    "builtins",
    "Built-in functions, types, exceptions, and other objects.",
    builtin_methods,
    builtins_exec,
    1,
};
