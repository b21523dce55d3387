/* runtime/str_format.c: str.format / str.format_map, and format(value, spec)
 * for any object (mpy_object_format, used by f-strings and format()).
 *
 * Models Objects/stringlib/unicode_format.h and PyObject_Format in CPython.
 * A format string is literal text with replacement fields:
 *
 *     "{" [field_name] ["!" conversion] [":" format_spec] "}"
 *     field_name  = (integer | identifier) ("." attribute | "[" key "]")*
 *
 * "{{" and "}}" stand for single braces.  An empty field name takes the
 * next positional argument ("automatic numbering"); mixing that with
 * explicit numbers is an error.  The format spec may itself contain
 * replacement fields ("{:{width}}"), expanded one level deep.  Each value
 * is then rendered with mpy_object_format(value, spec), which calls its
 * type's __format__.
 *
 * All the syntax is ASCII, so the parser walks the UTF-8 bytes directly.
 */
#include "runtime/str_impl.h"

#include <string.h>

#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/type.h"
#include "runtime/tuple.h"

/* A piece of the format string. */
typedef struct Span {
    const char *start, *end;
} Span;

/* The state of one format() call, shared by nested specs. */
typedef struct FormatCall {
    MpyObject *const *args; /* positional values, or NULL for format_map */
    size_t nargs;
    MpyObject *kwnames;     /* names of args[nargs..], or NULL */
    MpyObject *mapping;     /* format_map's mapping, or NULL */
    int auto_state;         /* 0: not decided, 1: automatic, 2: manual */
    ptrdiff_t auto_next;    /* the next automatic field number */
} FormatCall;

static MpyObject *build(FormatCall *call, Span text, int depth, bool *unchanged);

/* A new str holding the span. */
static MpyObject *span_str(Span s)
{
    return mpy_str_from_utf8_trusted(s.start, (size_t)(s.end - s.start));
}

/* ------------------------------------------------------------------ */
/* Field names                                                          */

/* The span as a non-negative decimal number, or -1 if it is not one
 * (CPython's get_integer, which accepts any Unicode decimal digits). */
static ptrdiff_t span_integer(Span s, bool *error)
{
    *error = false;
    if (s.start >= s.end)
        return -1;
    ptrdiff_t v = 0;
    for (const char *p = s.start; p < s.end;) {
        int len;
        int d = mpy__unicode_decimal_value(mpy_utf8_decode(p, &len));
        if (d < 0)
            return -1;
        if (v > (PTRDIFF_MAX - d) / 10) {
            mpy_err_set(mpy_exc_ValueError, "Too many decimal digits in format string");
            *error = true;
            return -1;
        }
        v = v * 10 + d;
        p += len;
    }
    return v;
}

/* args[index] for a positional field. */
static MpyObject *positional(FormatCall *call, ptrdiff_t index)
{
    if (call->args == NULL && call->mapping != NULL)
        return mpy_err_format(mpy_exc_ValueError, "Format string contains positional fields");
    if (index >= (ptrdiff_t)call->nargs)
        return mpy_err_format(mpy_exc_IndexError,
                              "Replacement index %zd out of range for positional args tuple", index);
    return MPY_NEWREF(call->args[index]);
}

/* kwargs[name] for a named field. */
static MpyObject *keyword(FormatCall *call, Span name)
{
    MpyObject *key = span_str(name);
    if (key == NULL)
        return NULL;
    MpyObject *value = NULL;
    if (call->mapping != NULL) {
        value = mpy_object_getitem(call->mapping, key);
    } else {
        ptrdiff_t nkw = call->kwnames ? mpy_tuple_size(call->kwnames) : 0;
        for (ptrdiff_t k = 0; k < nkw && value == NULL; k++)
            if (mpy_str_equal(mpy_tuple_item(call->kwnames, k), key))
                value = MPY_NEWREF(call->args[call->nargs + (size_t)k]);
        if (value == NULL)
            mpy_err_key_error(key);
    }
    MPY_DECREF(key);
    return value;
}

/* Check automatic vs manual numbering (CPython's autonumber_state_error). */
static int check_numbering(FormatCall *call, bool is_auto)
{
    if (call->auto_state == 0)
        call->auto_state = is_auto ? 1 : 2;
    if (call->auto_state == 2 && is_auto) {
        mpy_err_set(mpy_exc_ValueError,
                    "cannot switch from manual field specification to automatic field numbering");
        return -1;
    }
    if (call->auto_state == 1 && !is_auto) {
        mpy_err_set(mpy_exc_ValueError,
                    "cannot switch from automatic field numbering to manual field specification");
        return -1;
    }
    return 0;
}

/* Apply one ".attr" or "[key]" step at *p.  Returns: new reference or NULL. */
static MpyObject *field_step(MpyObject *obj, const char **p, const char *end)
{
    char c = *(*p)++;
    Span name = {*p, *p};
    if (c == '.') {
        while (*p < end && **p != '.' && **p != '[')
            (*p)++;
        name.end = *p;
    } else if (c == '[') {
        while (*p < end && **p != ']')
            (*p)++;
        if (*p >= end)
            return mpy_err_format(mpy_exc_ValueError, "Missing ']' in format string");
        name.end = (*p)++;
    } else {
        return mpy_err_format(mpy_exc_ValueError,
                              "Only '.' or '[' may follow ']' in format field specifier");
    }
    if (name.start == name.end)
        return mpy_err_format(mpy_exc_ValueError, "Empty attribute in format string");
    bool error;
    ptrdiff_t index = c == '[' ? span_integer(name, &error) : -1;
    if (c == '[' && error)
        return NULL;
    MpyObject *key = index >= 0 ? mpy_int_from_ssize(index) : span_str(name);
    if (key == NULL)
        return NULL;
    MpyObject *r = c == '.' ? mpy_object_getattr(obj, key) : mpy_object_getitem(obj, key);
    MPY_DECREF(key);
    return r;
}

/* The object a field name designates.  Returns: new reference or NULL. */
static MpyObject *field_object(FormatCall *call, Span field)
{
    const char *p = field.start;
    while (p < field.end && *p != '.' && *p != '[')
        p++;
    Span first = {field.start, p};
    bool error;
    ptrdiff_t index = span_integer(first, &error);
    if (error)
        return NULL;
    bool is_auto = first.start == first.end;
    if ((is_auto || index >= 0) && check_numbering(call, is_auto) < 0)
        return NULL;
    if (is_auto)
        index = call->auto_next++;
    MpyObject *obj = index >= 0 ? positional(call, index) : keyword(call, first);
    while (obj != NULL && p < field.end) {
        MpyObject *next = field_step(obj, &p, field.end);
        MPY_DECREF(obj);
        obj = next;
    }
    return obj;
}

/* ------------------------------------------------------------------ */
/* Fields                                                               */

typedef struct Field {
    Span name;
    uint32_t conversion;   /* 0, 'r', 's', 'a' (or junk, reported later) */
    Span spec;
    bool spec_has_fields;
} Field;

/* Parse a field after its '{' (CPython's parse_field).  *p ends after the
 * closing '}'.  Returns 0 / -1. */
static int parse_field(const char **p, const char *end, Field *fd)
{
    const char *s = *p;
    fd->name.start = s;
    fd->conversion = 0;
    fd->spec.start = fd->spec.end = NULL;
    fd->spec_has_fields = false;
    char c = 0;
    while (s < end) {
        c = *s++;
        if (c == '{') {
            mpy_err_set(mpy_exc_ValueError, "unexpected '{' in field name");
            return -1;
        }
        if (c == '[') {
            while (s < end && *s != ']')
                s++;
            continue;
        }
        if (c == '}' || c == ':' || c == '!')
            break;
    }
    fd->name.end = s - 1;
    if (c != '!' && c != ':') {
        if (c != '}' || fd->name.end < fd->name.start) {
            mpy_err_set(mpy_exc_ValueError, "expected '}' before end of string");
            return -1;
        }
        *p = s;
        return 0;
    }
    if (c == '!') {
        if (s >= end) {
            mpy_err_set(mpy_exc_ValueError, "end of string while looking for conversion specifier");
            return -1;
        }
        int len;
        fd->conversion = mpy_utf8_decode(s, &len);
        s += len;
        if (s < end) {
            c = *s++;
            if (c == '}') {
                *p = s;
                return 0;
            }
            if (c != ':') {
                mpy_err_set(mpy_exc_ValueError, "expected ':' after conversion specifier");
                return -1;
            }
        }
    }
    // The spec runs to the '}' that balances the field's '{'.
    fd->spec.start = s;
    int depth = 1;
    while (s < end) {
        c = *s++;
        if (c == '{') {
            fd->spec_has_fields = true;
            depth++;
        } else if (c == '}' && --depth == 0) {
            fd->spec.end = s - 1;
            *p = s;
            return 0;
        }
    }
    mpy_err_set(mpy_exc_ValueError, "unmatched '{' in format spec");
    return -1;
}

/* The !r, !s and !a conversions. */
static MpyObject *convert(MpyObject *obj, uint32_t conversion)
{
    switch (conversion) {
    case 'r': return mpy_object_repr(obj);
    case 's': return mpy_object_str(obj);
    case 'a': return mpy_object_ascii(obj);
    default:
        if (conversion > 32 && conversion < 127)
            return mpy_err_format(mpy_exc_ValueError, "Unknown conversion specifier %c",
                                  (int)conversion);
        return mpy_err_format(mpy_exc_ValueError, "Unknown conversion specifier \\x%x",
                              (unsigned)conversion);
    }
}

/* Render one field into sb.  Returns 0 / -1. */
static int render_field(FormatCall *call, const Field *fd, int depth, MpyStrBuilder *sb)
{
    MpyObject *obj = field_object(call, fd->name);
    if (obj == NULL)
        return -1;
    if (fd->conversion != 0) {
        MpyObject *converted = convert(obj, fd->conversion);
        MPY_DECREF(obj);
        if ((obj = converted) == NULL)
            return -1;
    }
    MpyObject *spec;
    if (fd->spec.start == NULL || fd->spec.start == fd->spec.end) {
        spec = NULL;
    } else if (fd->spec_has_fields) {
        bool unchanged;
        spec = build(call, fd->spec, depth - 1, &unchanged);
    } else {
        spec = span_str(fd->spec);
    }
    if (spec == NULL && fd->spec.start != NULL && fd->spec.start != fd->spec.end) {
        MPY_DECREF(obj);
        return -1;
    }
    MpyObject *text = mpy_object_format(obj, spec);
    MPY_DECREF(obj);
    MPY_XDECREF(spec);
    if (text == NULL)
        return -1;
    int r = mpy_sb_append_str(sb, text);
    MPY_DECREF(text);
    return r;
}

/* Format `text` (the whole string, or a nested spec).  *unchanged tells
 * whether the result is the text itself (no fields, no escapes). */
static MpyObject *build(FormatCall *call, Span text, int depth, bool *unchanged)
{
    *unchanged = false;
    if (depth <= 0)
        return mpy_err_format(mpy_exc_ValueError, "Max string recursion exceeded");
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    const char *p = text.start, *end = text.end;
    bool plain = true;
    while (p < end) {
        const char *lit = p;
        while (p < end && *p != '{' && *p != '}')
            p++;
        if (mpy_sb_append(&sb, lit, (size_t)(p - lit)) < 0)
            goto fail;
        if (p == end)
            break;
        plain = false;
        char c = *p++;
        if (p < end && *p == c) {
            // "{{" or "}}": one literal brace.
            if (mpy_sb_append(&sb, &c, 1) < 0)
                goto fail;
            p++;
            continue;
        }
        if (c == '}') {
            mpy_err_set(mpy_exc_ValueError, "Single '}' encountered in format string");
            goto fail;
        }
        if (p == end) {
            mpy_err_set(mpy_exc_ValueError, "Single '{' encountered in format string");
            goto fail;
        }
        Field fd;
        if (parse_field(&p, end, &fd) < 0 || render_field(call, &fd, depth, &sb) < 0)
            goto fail;
    }
    *unchanged = plain;
    return mpy__sb_finish(&sb);
fail:
    mpy_sb_discard(&sb);
    return NULL;
}

/* The engine of str.format and str.format_map (nested specs are expanded
 * with one level less to go, as CPython's recursion_depth of 2). */
MpyObject *mpy__str_format(MpyObject *fmt, MpyObject *const *args, size_t nargs,
                           MpyObject *kwnames, MpyObject *mapping)
{
    FormatCall call = {
        .args = args, .nargs = nargs, .kwnames = kwnames, .mapping = mapping,
    };
    Span text = {mpy_str_utf8(fmt), mpy_str_utf8(fmt) + mpy_str_size(fmt)};
    bool unchanged;
    MpyObject *r = build(&call, text, 2, &unchanged);
    if (r != NULL && unchanged) {
        // Nothing to substitute: the format string itself, as CPython.
        MPY_DECREF(r);
        return MPY_NEWREF(fmt);
    }
    return r;
}

/* ------------------------------------------------------------------ */
/* format(value, spec)                                                  */

MpyObject *mpy_object_format(MpyObject *value, MpyObject *spec)
{
    bool empty = spec == NULL || mpy_str_size(spec) == 0;
    // Fast paths for the exact built-in types (f"{n}", f"{x:.2f}").
    if (mpy_str_check_exact(value))
        return empty ? MPY_NEWREF(value) : mpy_format_str(value, spec);
    if (mpy_int_check_exact(value))
        return empty ? mpy_int_to_string(value, 10) : mpy_format_int(value, spec);
    if (mpy_float_check_exact(value))
        return empty ? mpy_object_repr(value) : mpy_format_float(value, spec);
    MpyObject *arg = spec != NULL ? MPY_NEWREF(spec) : mpy_str_empty();
    // A special method: looked up on the type, so that formatting a class
    // uses type.__format__, not the class's own (unbound) __format__.
    MpyObject *meth = mpy_type_lookup(MPY_TYPE(value), MPY_ID(__format__));
    MpyObject *call_args[2] = {value, arg};
    MpyObject *r;
    if (meth != NULL) {
        MPY_INCREF(meth);
        r = mpy_object_call(meth, call_args, 2, NULL);
        MPY_DECREF(meth);
    } else {
        r = mpy_object_call_method(value, MPY_ID(__format__), &arg, 1);
    }
    MPY_DECREF(arg);
    if (r != NULL && !mpy_str_check(r)) {
        mpy_err_format(mpy_exc_TypeError, "__format__ must return a str, not %T", r);
        MPY_DECREF(r);
        return NULL;
    }
    return r;
}
