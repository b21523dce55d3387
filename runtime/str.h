/* runtime/str.h: Python str (immutable Unicode text) and the string builder.
 *
 * Models CPython's Objects/unicodeobject.c, with a different storage choice:
 * text is kept as UTF-8 (NUL-terminated, so C code can print it directly)
 * plus its length in code points.  `len(s)`, indexing and slicing count code
 * points as Python requires; for pure-ASCII strings (the common case) a code
 * point index is a byte index, so they are O(1).  Lone surrogates
 * ('\ud800') are stored in the generalized UTF-8 form ("WTF-8") and refused
 * only when encoding.
 *
 * Hashes match CPython run with PYTHONHASHSEED=0 (SipHash-1-3 with a zero
 * key over the same code-unit bytes CPython hashes), so sets of strings
 * iterate in the same order as under `PYTHONHASHSEED=0 python3`.
 *
 * Interned strings (identifiers, attribute names) are immortal and unique
 * per value, so name lookups can compare pointers first.
 */
#ifndef MINIPY_RUNTIME_STR_H
#define MINIPY_RUNTIME_STR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "runtime/object.h"

typedef struct MpyStrObject {
    MpyObject ob_base;
    ptrdiff_t length;   /* code points */
    ptrdiff_t size;     /* UTF-8 bytes, without the terminating NUL */
    MpyHash hash;       /* -1 until computed */
    uint8_t ascii;      /* every code point < 128: byte index == char index */
    uint8_t kind;       /* 1, 2 or 4: bytes per code unit CPython would use */
    uint8_t interned;
    char data[];        /* UTF-8, NUL-terminated */
} MpyStrObject;

extern MpyType mpy_str_type;

static inline bool mpy_str_check(const MpyObject *o)
{
    return !mpy_is_small_int(o) && mpy_type_has_flag(o->ob_type, MPY_TPFLAGS_STR_SUBCLASS);
}
static inline bool mpy_str_check_exact(const MpyObject *o)
{
    return !mpy_is_small_int(o) && o->ob_type == &mpy_str_type;
}
/* Borrowed view of the UTF-8 text; valid while the str lives. */
static inline const char *mpy_str_utf8(const MpyObject *o) { return ((const MpyStrObject *)o)->data; }
static inline ptrdiff_t mpy_str_size(const MpyObject *o) { return ((const MpyStrObject *)o)->size; }
static inline ptrdiff_t mpy_str_length(const MpyObject *o) { return ((const MpyStrObject *)o)->length; }

/* Constructors.  Returns: new reference or NULL + exception. */
/* Validates (UnicodeDecodeError "'utf-8' codec can't decode byte 0x.. in
 * position N: invalid start byte" on bad input). */
MpyObject *mpy_str_from_utf8(const char *s, size_t n);
/* For text already known to be valid (generalized) UTF-8. */
MpyObject *mpy_str_from_utf8_trusted(const char *s, size_t n);
MpyObject *mpy_str_from_cstr(const char *s);
MpyObject *mpy_str_from_codepoint(uint32_t cp);
/* The empty string (immortal).  Returns: new reference. */
MpyObject *mpy_str_empty(void);

/* Interning.  Returns: new reference to the unique interned str equal to
 * `s` (consumes the caller's reference to `s`). */
MpyObject *mpy_str_intern_take(MpyObject *s);
/* Returns: borrowed reference to an immortal interned str. */
MpyObject *mpy_str_intern_cstr(const char *s);

/* Common identifiers, interned once at startup: MPY_ID(__init__) is a
 * borrowed, immortal str "__init__".  The list is runtime/names.def. */
#define MPY_NAME(n) MpyObject *id_##n;
struct MpyNames {
#include "runtime/names.def"
};
#undef MPY_NAME
extern struct MpyNames mpy__names;
#define MPY_ID(n) (mpy__names.id_##n)

/* Comparisons and hashing. */
bool mpy_str_equal(MpyObject *a, MpyObject *b);       /* both str */
bool mpy_str_equal_cstr(MpyObject *a, const char *s);
int mpy_str_compare(MpyObject *a, MpyObject *b);      /* code point order: <0, 0, >0 */
MpyHash mpy_str_hash(MpyObject *s);
/* Hash of raw bytes with the same algorithm (bytes.__hash__). */
MpyHash mpy__hash_bytes(const char *data, size_t n);

/* Operations.  Returns: new reference or NULL + exception. */
MpyObject *mpy_str_concat(MpyObject *a, MpyObject *b);
/* left + right, growing left in place when the caller holds the only
 * reference to it (`s += t` in the eval loop).  Both must be strs.
 * Returns: new reference or NULL.  Refs: consumes `left` (also on
 * failure), borrows `right`.  (runtime/str_type.c) */
MpyObject *mpy_str_concat_take(MpyObject *left, MpyObject *right);
MpyObject *mpy_str_join(MpyObject *sep, MpyObject *iterable);
/* items[0] + items[1] + ... for n strs (f-strings, BUILD_STRING), copying
 * each once and without scanning the text.  Returns: new reference or
 * NULL.  Refs: borrows the items.  (runtime/str_builder.c) */
MpyObject *mpy_str_concat_array(MpyObject *const *items, ptrdiff_t n);
/* s[start:stop] in code points (already clamped by the caller). */
MpyObject *mpy_str_substring(MpyObject *s, ptrdiff_t start, ptrdiff_t stop);
/* The code point at index i (0 <= i < length). */
uint32_t mpy_str_char_at(MpyObject *s, ptrdiff_t i);
/* Byte offset of code point index i (0 <= i <= length). */
ptrdiff_t mpy_str_byte_offset(MpyObject *s, ptrdiff_t i);
/* Bytes taken by `nchars` code points starting at byte offset byte_start. */
ptrdiff_t mpy_str_byte_offset_from(MpyObject *s, ptrdiff_t byte_start, ptrdiff_t nchars);
/* repr(s) with Python's quoting rules.  Returns: new str. */
MpyObject *mpy_str_repr(MpyObject *s);
/* format(value, spec) for the built-in types (the format-spec mini-language:
 * fill, align, sign, #, 0, width, grouping, precision, type).  Used by
 * int/float/str __format__ and by FORMAT_VALUE.  Returns: new str. */
MpyObject *mpy_format_int(MpyObject *value, MpyObject *spec);
MpyObject *mpy_format_float(MpyObject *value, MpyObject *spec);
MpyObject *mpy_format_str(MpyObject *value, MpyObject *spec);
/* format(value, spec): calls type(value).__format__.  spec may be NULL. */
MpyObject *mpy_object_format(MpyObject *value, MpyObject *spec);
/* printf-style `fmt % args`.  Returns: new str. */
MpyObject *mpy_str_printf_format(MpyObject *fmt, MpyObject *args);

/* Unicode character properties (runtime/unicode.c). */
bool mpy__unicode_is_printable(uint32_t cp);   /* str.isprintable / repr escaping */

/* Startup: "", one-character strings, the MPY_ID names.  Returns 0 / -1. */
int mpy__str_init(void);

/* UTF-8 helpers. */
/* Decode one code point at s (generalized UTF-8, already valid); stores its
 * byte length in *len.  Cannot fail. */
uint32_t mpy_utf8_decode(const char *s, int *len);
/* Encode cp into buf (>= 4 bytes).  Returns: byte count. */
int mpy_utf8_encode(uint32_t cp, char *buf);

/* ------------------------------------------------------------------ */
/* Building strings piece by piece, with one allocation at the end.
 * Every append returns 0, or -1 with MemoryError (or the error of the
 * repr/str it called) set; after an error call mpy_sb_discard. */
typedef struct MpyStrBuilder {
    char *buf;
    size_t len, cap;
    ptrdiff_t nchars;
    bool ascii;
    char inline_buf[200];
} MpyStrBuilder;

void mpy_sb_init(MpyStrBuilder *sb);
/* Make room for `extra` more bytes in one step, for a caller that knows
 * the final size (bytes(10**12) fails at once instead of growing until
 * the machine runs out).  Returns: 0, or -1 with MemoryError set. */
int mpy_sb_reserve(MpyStrBuilder *sb, size_t extra);
int mpy_sb_append(MpyStrBuilder *sb, const char *utf8, size_t n);
int mpy_sb_append_cstr(MpyStrBuilder *sb, const char *utf8);
int mpy_sb_append_char(MpyStrBuilder *sb, uint32_t cp);
int mpy_sb_append_str(MpyStrBuilder *sb, MpyObject *str);
int mpy_sb_append_repr(MpyStrBuilder *sb, MpyObject *o);
int mpy_sb_append_obj_str(MpyStrBuilder *sb, MpyObject *o);
int mpy_sb_printf(MpyStrBuilder *sb, const char *fmt, ...) MPY_PRINTF(2, 3);
/* Returns: new str with the built text (the builder is reset), or NULL. */
MpyObject *mpy_sb_finish(MpyStrBuilder *sb);
void mpy_sb_discard(MpyStrBuilder *sb);

#endif
