/* tests/fuzz/fuzz_format.c: libFuzzer target 3, number and format parsing.
 *
 * The first byte picks what the rest of the input is:
 *   0  a format spec, applied with format() to an int, a big int, a
 *      negative float, inf, nan, a complex, a str and a bool
 *   1  int(text, base) for base 0, 2..36 (the second byte picks it)
 *   2  float(text)
 *   3  a %-format string, applied to (42, -3.75, 'abc') and to a dict
 *   4  a str.format() template with three positional and one keyword
 *      argument ("{0:>{1}}", "{x!r:^10}" ...)
 *   5  complex(text)
 * Each must return a value or raise a clean exception (ValueError,
 * TypeError, OverflowError, KeyError, IndexError, MemoryError).
 */
#include "tests/fuzz/fuzz_util.h"

#include <math.h>
#include <stdbool.h>

#include "runtime/complex.h"
#include "runtime/dict.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/object.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

enum { NVALUES = 8 };
static MpyObject *values[NVALUES]; /* the operands of format() */
static MpyObject *printf_args;     /* a tuple for '%' */
static MpyObject *printf_dict;     /* a dict for '%(name)s' */
static MpyObject *format_method;   /* unbound str.format */
static MpyObject *format_kwnames;  /* ("x",) */
static MpyObject *complex_type;

static MpyObject *new_big_int(void)
{
    return mpy_int_from_string("-123456789012345678901234567890", 31, 10);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz_init_runtime();
    values[0] = mpy_int_from_long(1234567);
    values[1] = new_big_int();
    values[2] = mpy_float_from_double(-3.75e-5);
    values[3] = mpy_float_from_double(INFINITY);
    values[4] = mpy_float_from_double(NAN);
    values[5] = mpy_complex_from_doubles(1.5, -2.25);
    values[6] = mpy_str_from_cstr("h\xc3\xa9llo");
    values[7] = MPY_NEWREF(MPY_TRUE);
    MpyObject *a[3] = {mpy_small_int(42), values[2], values[6]};
    printf_args = mpy_tuple_from_array(a, 3);
    printf_dict = mpy_dict_new();
    mpy_dict_set_cstr(printf_dict, "name", values[6]);
    mpy_dict_set_cstr(printf_dict, "x", values[0]);
    MpyObject *str_type = (MpyObject *)&mpy_str_type;
    format_method = mpy_object_getattr_cstr(str_type, "format");
    complex_type = (MpyObject *)&mpy_complex_type;
    MpyObject *x = mpy_str_from_cstr("x");
    format_kwnames = mpy_tuple_from_array(&x, 1);
    MPY_DECREF(x);
    for (int i = 0; i < NVALUES; i++)
        if (values[i] == NULL)
            exit(1);
    if (printf_args == NULL || format_method == NULL || format_kwnames == NULL)
        exit(1);
    return 0;
}

static void fuzz_format_spec(const char *s, size_t n)
{
    MpyObject *spec = mpy_str_from_utf8(s, n);
    if (spec == NULL) {
        mpy_err_clear();
        return;
    }
    for (int i = 0; i < NVALUES; i++)
        fuzz_check_result(mpy_object_format(values[i], spec), "format");
    MPY_DECREF(spec);
}

/* Can a nested field glue digits into a longer width?  "{2:{0:0}000000001}"
 * makes the spec "7000000001" out of pieces has_huge_width never sees
 * whole: skip a template where a digit touches a brace. */
static bool has_glued_width(const char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        bool d0 = s[i] >= '0' && s[i] <= '9', d1 = s[i + 1] >= '0' && s[i + 1] <= '9';
        if ((s[i] == '}' && d1) || (d0 && s[i + 1] == '{'))
            return true;
    }
    return false;
}

static void fuzz_str_format(const char *s, size_t n)
{
    if (has_glued_width(s, n))
        return;
    MpyObject *tmpl = mpy_str_from_utf8(s, n);
    if (tmpl == NULL) {
        mpy_err_clear();
        return;
    }
    // A small int first: templates use arguments as nested widths
    // ("{1:{0}}"), and 1234567 would make megabyte strings (see
    // has_huge_width).
    MpyObject *args[5] = {tmpl, mpy_small_int(7), values[2], values[6], values[5]};
    fuzz_check_result(mpy_object_call(format_method, args, 4, format_kwnames), "str.format");
    MPY_DECREF(tmpl);
}

static void fuzz_printf(const char *s, size_t n)
{
    MpyObject *fmt = mpy_str_from_utf8(s, n);
    if (fmt == NULL) {
        mpy_err_clear();
        return;
    }
    fuzz_check_result(mpy_str_printf_format(fmt, printf_args), "%-format tuple");
    fuzz_check_result(mpy_str_printf_format(fmt, printf_dict), "%-format dict");
    fuzz_check_result(mpy_str_printf_format(fmt, values[1]), "%-format int");
    MPY_DECREF(fmt);
}

static void fuzz_complex(const char *s, size_t n)
{
    MpyObject *text = mpy_str_from_utf8(s, n);
    if (text == NULL) {
        mpy_err_clear();
        return;
    }
    fuzz_check_result(mpy_object_call(complex_type, &text, 1, NULL), "complex()");
    MPY_DECREF(text);
}

/* Does `s` hold a number of 7 to 19 digits?  Such widths and precisions
 * are legal and make strings of megabytes to gigabytes: they test the
 * allocator, not the parser, and would only slow the fuzzer down.  Longer
 * runs are kept: they must fail cleanly ("Too many decimal digits"). */
static bool has_huge_width(const char *s, size_t n)
{
    size_t run = 0; /* significant digits: leading zeros do not count */
    bool any = false;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] >= '0' && s[i] <= '9') {
            if (run > 0 || s[i] != '0')
                run++;
            any = true;
            continue;
        }
        if (any && run >= 7 && run <= 19)
            return true;
        run = 0;
        any = false;
    }
    return false;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (size < 1 || size > 4096)
        return -1;
    if (data[0] % 6 != 1 && data[0] % 6 != 2 && has_huge_width((const char *)data + 1, size - 1))
        return -1;
    const char *s = (const char *)data + 1;
    size_t n = size - 1;
    switch (data[0] % 6) {
    case 0:
        fuzz_format_spec(s, n);
        break;
    case 1: {
        int base = n > 0 ? (unsigned char)s[0] % 38 : 10;
        base = base == 1 ? 0 : base > 36 ? 10 : base; // 0 and 2..36
        if (n > 0) {
            s++;
            n--;
        }
        fuzz_check_result(mpy_int_from_string(s, n, base), "int()");
        break;
    }
    case 2:
        fuzz_check_result(mpy_float_from_string(s, n), "float()");
        break;
    case 3:
        fuzz_printf(s, n);
        break;
    case 4:
        fuzz_str_format(s, n);
        break;
    default:
        fuzz_complex(s, n);
        break;
    }
    return 0;
}
