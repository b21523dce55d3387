/* runtime/unicode.h: Unicode character properties and case mappings.
 *
 * Models CPython's Objects/unicodectype.c (the _PyUnicode_Is* and
 * _PyUnicode_To* functions).  The data is runtime/unicode_db.c, generated
 * offline by tests/tools/gen_unicode.py from CPython 3.11's own str
 * methods.  ASCII and Latin-1 answers come from a 256-entry table, so the
 * common case never searches the big tables.
 *
 * All functions take a code point and cannot fail.
 */
#ifndef MINIPY_RUNTIME_UNICODE_H
#define MINIPY_RUNTIME_UNICODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Property flags of one code point (the table format of unicode_db.c). */
enum {
    MPY_UCD_ALPHA = 1 << 0,          /* str.isalpha */
    MPY_UCD_DECIMAL = 1 << 1,        /* str.isdecimal */
    MPY_UCD_DIGIT = 1 << 2,          /* str.isdigit */
    MPY_UCD_NUMERIC = 1 << 3,        /* str.isnumeric */
    MPY_UCD_SPACE = 1 << 4,          /* str.isspace */
    MPY_UCD_LOWER = 1 << 5,          /* lowercase letter */
    MPY_UCD_UPPER = 1 << 6,          /* uppercase letter */
    MPY_UCD_TITLE = 1 << 7,          /* titlecase letter (category Lt) */
    MPY_UCD_PRINTABLE = 1 << 8,      /* str.isprintable */
    MPY_UCD_XID_START = 1 << 9,      /* may start an identifier ('_' included) */
    MPY_UCD_XID_CONTINUE = 1 << 10,  /* may continue an identifier */
    MPY_UCD_CASED = 1 << 11,         /* Unicode "Cased" (title(), final sigma) */
    MPY_UCD_CASE_IGNORABLE = 1 << 12, /* Unicode "Case_Ignorable" (final sigma) */
};

/* The flags of `cp` (0 beyond U+10FFFF). */
unsigned mpy__unicode_flags(uint32_t cp);

static inline bool mpy__unicode_is_alpha(uint32_t cp) { return mpy__unicode_flags(cp) & MPY_UCD_ALPHA; }
static inline bool mpy__unicode_is_decimal(uint32_t cp) { return mpy__unicode_flags(cp) & MPY_UCD_DECIMAL; }
static inline bool mpy__unicode_is_digit(uint32_t cp) { return mpy__unicode_flags(cp) & MPY_UCD_DIGIT; }
static inline bool mpy__unicode_is_numeric(uint32_t cp) { return mpy__unicode_flags(cp) & MPY_UCD_NUMERIC; }
static inline bool mpy__unicode_is_space(uint32_t cp) { return mpy__unicode_flags(cp) & MPY_UCD_SPACE; }
static inline bool mpy__unicode_is_lower(uint32_t cp) { return mpy__unicode_flags(cp) & MPY_UCD_LOWER; }
static inline bool mpy__unicode_is_upper(uint32_t cp) { return mpy__unicode_flags(cp) & MPY_UCD_UPPER; }
static inline bool mpy__unicode_is_title(uint32_t cp) { return mpy__unicode_flags(cp) & MPY_UCD_TITLE; }
static inline bool mpy__unicode_is_cased(uint32_t cp) { return mpy__unicode_flags(cp) & MPY_UCD_CASED; }
static inline bool mpy__unicode_is_case_ignorable(uint32_t cp) { return mpy__unicode_flags(cp) & MPY_UCD_CASE_IGNORABLE; }
static inline bool mpy__unicode_is_xid_start(uint32_t cp) { return mpy__unicode_flags(cp) & MPY_UCD_XID_START; }
static inline bool mpy__unicode_is_xid_continue(uint32_t cp) { return mpy__unicode_flags(cp) & MPY_UCD_XID_CONTINUE; }
/* str.isalnum for one character: alpha, decimal, digit or numeric. */
static inline bool mpy__unicode_is_alnum(uint32_t cp)
{
    return mpy__unicode_flags(cp) & (MPY_UCD_ALPHA | MPY_UCD_DECIMAL | MPY_UCD_DIGIT | MPY_UCD_NUMERIC);
}
/* Line boundaries of str.splitlines (\n \r \v \f \x1c-\x1e \x85 \u2028 \u2029). */
bool mpy__unicode_is_linebreak(uint32_t cp);

/* The value of a decimal digit ('7', '٧') or any digit ('²'), or -1. */
int mpy__unicode_decimal_value(uint32_t cp);
int mpy__unicode_digit_value(uint32_t cp);

/* Case mappings.  The full mapping may be up to 3 code points: it is
 * stored in out[0..n) and n is returned.  The simple forms return the
 * one-character mapping (cp itself when the full one is longer). */
enum { MPY_CASE_LOWER, MPY_CASE_UPPER, MPY_CASE_TITLE, MPY_CASE_FOLD };
int mpy__unicode_case_full(uint32_t cp, int which, uint32_t out[3]);
uint32_t mpy__unicode_to_lower(uint32_t cp);
uint32_t mpy__unicode_to_upper(uint32_t cp);

/* ---- the generated tables (runtime/unicode_db.c) ---- */
typedef struct MpyUcdRange {
    uint32_t first;
    uint16_t flags;
} MpyUcdRange;
typedef struct MpyUcdCaseRun {
    uint32_t first, last;
    int32_t delta;
    uint8_t stride;
} MpyUcdCaseRun;
typedef struct MpyUcdSpecial {
    uint32_t cp;
    uint32_t map[4][3]; /* lower, upper, title, casefold; 0-terminated if shorter */
} MpyUcdSpecial;

extern const uint16_t mpy__ucd_latin1_flags[256];
extern const MpyUcdRange mpy__ucd_ranges[];
extern const size_t mpy__ucd_ranges_len;
extern const MpyUcdCaseRun mpy__ucd_lower_runs[], mpy__ucd_upper_runs[];
extern const MpyUcdCaseRun mpy__ucd_title_runs[], mpy__ucd_fold_runs[];
extern const size_t mpy__ucd_lower_runs_len, mpy__ucd_upper_runs_len;
extern const size_t mpy__ucd_title_runs_len, mpy__ucd_fold_runs_len;
extern const MpyUcdSpecial mpy__ucd_specials[];
extern const size_t mpy__ucd_specials_len;
extern const uint32_t mpy__ucd_decimal_runs[][2];
extern const size_t mpy__ucd_decimal_runs_len;
extern const uint32_t mpy__ucd_digit_values[][2];
extern const size_t mpy__ucd_digit_values_len;

#endif
