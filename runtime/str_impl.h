/* runtime/str_impl.h: internals shared by the files of the text area
 * (str_*.c, bytes*.c, codecs.c), not used elsewhere.
 *
 *  - argument parsing in the styles CPython's str/bytes methods use (their
 *    error messages differ: "find() takes at least 1 argument (0 given)"
 *    from PyArg_ParseTuple, "center expected at least 1 argument, got 0"
 *    from Argument Clinic);
 *  - fast constructors for results known to be ASCII;
 *  - byte-level substring search, shared by str (UTF-8 is self-
 *    synchronizing: a match of valid UTF-8 inside valid UTF-8 always starts
 *    on a character boundary) and bytes.
 */
#ifndef MINIPY_RUNTIME_STR_IMPL_H
#define MINIPY_RUNTIME_STR_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "runtime/str.h"
#include "runtime/unicode.h"

/* ------------------------------------------------------------------ */
/* Argument parsing (runtime/str_args.c).  Each returns 0, or -1 with
 * TypeError set.                                                       */

/* Clinic style, positional-only functions:
 * "center expected at least 1 argument, got 0". */
int mpy__text_check_positional(const char *fname, size_t nargs, size_t min, size_t max);
/* PyArg_ParseTuple style: "find() takes at least 1 argument (0 given)". */
int mpy__text_check_tuple_args(const char *fname, size_t nargs, size_t min, size_t max);
/* "str.replace() takes no keyword arguments" (owner "str", fname "replace"). */
int mpy__text_no_kwargs(const char *owner, const char *fname, MpyObject *kwnames);
/* Sort positional and keyword arguments into out[0..nnames) by name; the
 * first `posonly` names are positional-only, the first `required` must be
 * given.  Unset optional slots are NULL.  `fname` is "split" (messages add
 * the "()").  Refs: out[] holds borrowed references. */
int mpy__text_parse_args(const char *fname, MpyObject *const *args, size_t nargs,
                         MpyObject *kwnames, const char *const *names, size_t nnames,
                         size_t posonly, size_t required, MpyObject **out);
/* An integer argument (via __index__) as ptrdiff_t; OverflowError when too
 * big.  Returns -1 + exception on error (check mpy_err_occurred()). */
ptrdiff_t mpy__text_as_ssize(MpyObject *o);
/* The optional start/end arguments of find/count/startswith...: None or
 * missing (NULL) means the default; others must have __index__ ("slice
 * indices must be integers or None or have an __index__ method").
 * Clamps as CPython's ADJUST_INDICES against `length`. */
int mpy__text_parse_range(MpyObject *start_obj, MpyObject *end_obj, ptrdiff_t length,
                          ptrdiff_t *start, ptrdiff_t *end);

/* ------------------------------------------------------------------ */
/* Construction helpers (runtime/str_type.c)                            */

/* An uninitialized str of `type` with room for `size` UTF-8 bytes (the
 * NUL is written, hash is -1, kind 1): the caller fills data, length, ascii
 * and kind, and tracks it with the GC if `type` is a GC'd subclass.
 * Returns: new reference or NULL. */
MpyStrObject *mpy__str_alloc(MpyType *type, ptrdiff_t size);
/* Finish a str filled by hand through mpy__str_alloc: compute length,
 * ascii and kind in one pass over its UTF-8.  Returns: new reference
 * (consumes `s`; "" and one ASCII character come back as the shared
 * immortal strs). */
MpyObject *mpy__str_finish(MpyStrObject *s);
/* A str from bytes the caller knows are ASCII: no validation scan.
 * Returns: new reference (a cached one-character str for n == 1), or NULL. */
MpyObject *mpy__str_from_ascii(const char *s, size_t n);
/* left + right, reusing left's memory (realloc) when the caller holds the
 * only reference to it, as CPython's unicode_concatenate does for
 * `s += t`; otherwise a plain mpy_str_concat.  Both must be strs.
 * Returns: new reference or NULL.  Refs: consumes `left` (also on
 * failure), borrows `right`.
 * (Meant for the eval loop; its declaration belongs in runtime/str.h.) */
MpyObject *mpy_str_concat_take(MpyObject *left, MpyObject *right);
/* mpy_sb_finish without the validation scan when the builder saw only
 * ASCII.  Returns: new str (the builder is reset), or NULL. */
MpyObject *mpy__sb_finish(MpyStrBuilder *sb);
/* `s` itself when it is an exact str, else an exact str copy of it (what
 * methods return when nothing changes: 'Sub'.strip() is a str).
 * Returns: new reference or NULL. */
MpyObject *mpy__str_unchanged(MpyObject *s);
/* An instance of str subclass `type` with the text of str `s`.
 * Returns: new reference or NULL. */
MpyObject *mpy__str_subtype_copy(MpyType *type, MpyObject *s);

/* Drop the remembered position of mpy_str_byte_offset if it belongs to
 * `s`: called whenever a str is made (its memory may be a dead str's) or
 * changed in place (runtime/str.c). */
void mpy__str_offset_cache_forget(const MpyObject *s);

/* Number of code points in n bytes of valid UTF-8 (cannot fail). */
static inline ptrdiff_t mpy__utf8_count(const char *p, ptrdiff_t n)
{
    ptrdiff_t count = 0;
    for (ptrdiff_t i = 0; i < n; i++)
        count += ((unsigned char)p[i] & 0xC0) != 0x80;
    return count;
}

/* Byte length of the UTF-8 sequence that starts with byte `c`. */
static inline int mpy__utf8_seq_len(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Byte offsets of code points [start, end) of str `s` (0 <= start <= end
 * <= len), in one walk. */
void mpy__str_byte_range(MpyObject *s, ptrdiff_t start, ptrdiff_t end, ptrdiff_t *byte_start,
                         ptrdiff_t *byte_end);

/* Does `o`'s class, defined in Python, have its own `name` method
 * (__radd__, __rmul__)?  Then `seq + o` must return NotImplemented to
 * give it its turn, instead of raising "can only concatenate ..."
 * (CPython tries sequence concatenation only after both number slots). */
bool mpy__defines_reflected(MpyObject *o, MpyObject *name);

/* ------------------------------------------------------------------ */
/* Byte-level search (runtime/str_search.c)                             */

/* Offset of the first / last occurrence of needle in haystack, or -1.
 * An empty needle matches at 0 / at hn. */
ptrdiff_t mpy__search_find(const char *h, ptrdiff_t hn, const char *n, ptrdiff_t nn);
ptrdiff_t mpy__search_rfind(const char *h, ptrdiff_t hn, const char *n, ptrdiff_t nn);
/* Non-overlapping occurrences, at most `max` (max < 0: no limit); the
 * needle must not be empty. */
ptrdiff_t mpy__search_count(const char *h, ptrdiff_t hn, const char *n, ptrdiff_t nn,
                            ptrdiff_t max);

/* ------------------------------------------------------------------ */
/* Engines behind methods and operators                                 */

/* str.format(*args, **kwargs) and str.format_map(mapping): `args` holds
 * `nargs` positional values followed by the values of `kwnames` (may be
 * NULL); when `mapping` is not NULL names are looked up in it instead.
 * Returns: new str or NULL (runtime/str_format.c). */
MpyObject *mpy__str_format(MpyObject *fmt, MpyObject *const *args, size_t nargs,
                           MpyObject *kwnames, MpyObject *mapping);
/* bytes % args and bytearray % args.  `as_bytearray` picks the result
 * type.  Returns: new reference or NULL (runtime/str_printf.c). */
MpyObject *mpy__bytes_printf_format(MpyObject *fmt, MpyObject *args, bool as_bytearray);

/* The method table of str (runtime/str_methods.c) and the methods it
 * lists from the other files; each is an MpyCFunc. */
extern const MpyMethodDef mpy__str_methods[];
#define MPY__STR_METHOD(name)                                                              \
    MpyObject *mpy__str_##name(MpyObject *self, MpyObject *const *args, size_t nargs,     \
                               MpyObject *kwnames)
/* runtime/str_split.c */
MPY__STR_METHOD(split);
MPY__STR_METHOD(rsplit);
MPY__STR_METHOD(splitlines);
MPY__STR_METHOD(strip);
MPY__STR_METHOD(lstrip);
MPY__STR_METHOD(rstrip);
/* runtime/str_case.c */
MPY__STR_METHOD(lower);
MPY__STR_METHOD(upper);
MPY__STR_METHOD(casefold);
MPY__STR_METHOD(capitalize);
MPY__STR_METHOD(title);
MPY__STR_METHOD(swapcase);
MPY__STR_METHOD(isalnum);
MPY__STR_METHOD(isalpha);
MPY__STR_METHOD(isascii);
MPY__STR_METHOD(isdecimal);
MPY__STR_METHOD(isdigit);
MPY__STR_METHOD(isidentifier);
MPY__STR_METHOD(islower);
MPY__STR_METHOD(isnumeric);
MPY__STR_METHOD(isprintable);
MPY__STR_METHOD(isspace);
MPY__STR_METHOD(istitle);
MPY__STR_METHOD(isupper);
/* runtime/str_pad.c */
MPY__STR_METHOD(center);
MPY__STR_METHOD(ljust);
MPY__STR_METHOD(rjust);
MPY__STR_METHOD(zfill);
MPY__STR_METHOD(expandtabs);
MPY__STR_METHOD(translate);
MPY__STR_METHOD(maketrans);
#undef MPY__STR_METHOD

/* ------------------------------------------------------------------ */
/* bytes and bytearray (runtime/bytes.c, bytes_methods.c, bytearray.c)  */

/* The bytes of a bytes-like object (bytes, bytearray or a subclass):
 * true and a borrowed view, or false (no exception) for other objects.
 * The view of a bytearray is valid until it is next resized. */
bool mpy__bytes_view(MpyObject *o, const char **data, ptrdiff_t *size);
/* Same, raising TypeError "a bytes-like object is required, not 'str'". */
int mpy__bytes_view_required(MpyObject *o, const char **data, ptrdiff_t *size);
/* A new bytearray if `self` is one, else a new bytes, holding data[0..n).
 * Returns: new reference or NULL. */
MpyObject *mpy__bytes_like_new(MpyObject *self, const char *data, size_t n);
/* "bytearray" for bytearrays, else "bytes" (for messages). */
const char *mpy__bytes_owner(MpyObject *self);
/* The bytes produced by bytes(x) / bytearray(x) with one argument (an int
 * count, a bytes-like object, or an iterable of ints in range(256)),
 * appended to `out`.  `fname` is "bytes" or "bytearray" for messages.  Returns 0 / -1. */
int mpy__bytes_fill_from_object(MpyStrBuilder *out, MpyObject *x, const char *fname);
/* Append each item of `iterable`, which must be ints in range(256)
 * (TypeError, or ValueError "bytes must be in range(0, 256)", which says
 * "byte must" when not `for_bytes`: the bytearray wording).  0 / -1. */
int mpy__bytes_fill_from_iterable(MpyStrBuilder *out, MpyObject *iterable, bool for_bytes);
/* bytes(x, encoding, errors) / bytearray(...): the three-argument forms.
 * Returns 0 / -1 (TypeError "string argument without an encoding" ...). */
int mpy__bytes_fill_from_args(MpyStrBuilder *out, MpyObject *const *args, size_t nargs,
                              MpyObject *kwnames, const char *fname);
/* repr of bytes data: b'...' with CPython's quote choice and escapes.
 * Returns 0 / -1. */
int mpy__bytes_repr_append(MpyStrBuilder *sb, const char *data, ptrdiff_t n);
/* Slots shared by bytes and bytearray (runtime/bytes.c): rich comparison
 * of any two bytes-like objects (NotImplemented otherwise), b[i] / b[i:j:k]
 * (`what` names the type in "byte indices must be integers..."), `x in b`,
 * and the count of b * count (-1 + TypeError for non-integers). */
MpyObject *mpy__bytes_compare_any(MpyObject *a, MpyObject *b, int op);
MpyObject *mpy__bytes_subscript(MpyObject *self, MpyObject *key, const char *what);
int mpy__bytes_contains(MpyObject *self, MpyObject *item);
ptrdiff_t mpy__bytes_repeat_count(MpyObject *count);

/* The methods the two types share (runtime/bytes_methods.c). */
#define MPY__BYTES_METHOD(name)                                                            \
    MpyObject *mpy__bytes_##name(MpyObject *self, MpyObject *const *args, size_t nargs,   \
                                 MpyObject *kwnames)
MPY__BYTES_METHOD(capitalize);
MPY__BYTES_METHOD(center);
MPY__BYTES_METHOD(count);
MPY__BYTES_METHOD(decode);
MPY__BYTES_METHOD(endswith);
MPY__BYTES_METHOD(expandtabs);
MPY__BYTES_METHOD(find);
MPY__BYTES_METHOD(fromhex);
MPY__BYTES_METHOD(hex);
MPY__BYTES_METHOD(index);
MPY__BYTES_METHOD(isalnum);
MPY__BYTES_METHOD(isalpha);
MPY__BYTES_METHOD(isascii);
MPY__BYTES_METHOD(isdigit);
MPY__BYTES_METHOD(islower);
MPY__BYTES_METHOD(isspace);
MPY__BYTES_METHOD(istitle);
MPY__BYTES_METHOD(isupper);
MPY__BYTES_METHOD(join);
MPY__BYTES_METHOD(ljust);
MPY__BYTES_METHOD(lower);
MPY__BYTES_METHOD(lstrip);
MPY__BYTES_METHOD(maketrans);
MPY__BYTES_METHOD(partition);
MPY__BYTES_METHOD(removeprefix);
MPY__BYTES_METHOD(removesuffix);
MPY__BYTES_METHOD(replace);
MPY__BYTES_METHOD(rfind);
MPY__BYTES_METHOD(rindex);
MPY__BYTES_METHOD(rjust);
MPY__BYTES_METHOD(rpartition);
MPY__BYTES_METHOD(rsplit);
MPY__BYTES_METHOD(rstrip);
MPY__BYTES_METHOD(split);
MPY__BYTES_METHOD(splitlines);
MPY__BYTES_METHOD(startswith);
MPY__BYTES_METHOD(strip);
MPY__BYTES_METHOD(swapcase);
MPY__BYTES_METHOD(title);
MPY__BYTES_METHOD(translate);
MPY__BYTES_METHOD(upper);
MPY__BYTES_METHOD(zfill);
#undef MPY__BYTES_METHOD

#endif
