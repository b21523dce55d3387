/* runtime/unicode.c: Unicode character properties (letters, digits, spaces,
 * printable, identifiers) and case mappings for the str methods and repr.
 *
 * Models CPython's Objects/unicodectype.c.  CPython indexes a two-level
 * array per code point; we keep sorted ranges (runtime/unicode_db.c, about
 * 100 KB of source) and search them by bisection, with a 256-entry table
 * for Latin-1 so ASCII text never reaches the search.
 */
#include "runtime/unicode.h"

#include "runtime/str.h"

unsigned mpy__unicode_flags(uint32_t cp)
{
    if (cp < 256)
        return mpy__ucd_latin1_flags[cp];
    if (cp >= 0x110000)
        return 0;
    // The last range that starts at or before cp.
    size_t lo = 0, hi = mpy__ucd_ranges_len;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (mpy__ucd_ranges[mid].first <= cp)
            lo = mid;
        else
            hi = mid;
    }
    return mpy__ucd_ranges[lo].flags;
}

bool mpy__unicode_is_printable(uint32_t cp)
{
    return (mpy__unicode_flags(cp) & MPY_UCD_PRINTABLE) != 0;
}

bool mpy__unicode_is_linebreak(uint32_t cp)
{
    switch (cp) {
    case '\n': case '\r': case 0x0B: case 0x0C: case 0x1C: case 0x1D: case 0x1E:
    case 0x85: case 0x2028: case 0x2029:
        return true;
    default:
        return false;
    }
}

int mpy__unicode_decimal_value(uint32_t cp)
{
    if (cp < 128)
        return cp >= '0' && cp <= '9' ? (int)(cp - '0') : -1;
    if (!(mpy__unicode_flags(cp) & MPY_UCD_DECIMAL))
        return -1;
    size_t lo = 0, hi = mpy__ucd_decimal_runs_len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (mpy__ucd_decimal_runs[mid][1] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < mpy__ucd_decimal_runs_len && mpy__ucd_decimal_runs[lo][0] <= cp)
        return (int)(cp - mpy__ucd_decimal_runs[lo][0]);
    return -1;
}

int mpy__unicode_digit_value(uint32_t cp)
{
    int d = mpy__unicode_decimal_value(cp);
    if (d >= 0 || !(mpy__unicode_flags(cp) & MPY_UCD_DIGIT))
        return d;
    size_t lo = 0, hi = mpy__ucd_digit_values_len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (mpy__ucd_digit_values[mid][0] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < mpy__ucd_digit_values_len && mpy__ucd_digit_values[lo][0] == cp)
        return (int)mpy__ucd_digit_values[lo][1];
    return -1;
}

/* ------------------------------------------------------------------ */
/* Case mappings                                                        */

/* The simple mapping of cp through a table of runs (cp when unmapped). */
static uint32_t map_runs(const MpyUcdCaseRun *runs, size_t n, uint32_t cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (runs[mid].last < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == n || runs[lo].first > cp)
        return cp;
    const MpyUcdCaseRun *r = &runs[lo];
    if ((cp - r->first) % r->stride != 0)
        return cp;
    return (uint32_t)((int32_t)cp + r->delta);
}

static const MpyUcdSpecial *find_special(uint32_t cp)
{
    size_t lo = 0, hi = mpy__ucd_specials_len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (mpy__ucd_specials[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < mpy__ucd_specials_len && mpy__ucd_specials[lo].cp == cp)
        return &mpy__ucd_specials[lo];
    return NULL;
}

static uint32_t map_simple(uint32_t cp, int which)
{
    switch (which) {
    case MPY_CASE_LOWER: return map_runs(mpy__ucd_lower_runs, mpy__ucd_lower_runs_len, cp);
    case MPY_CASE_UPPER: return map_runs(mpy__ucd_upper_runs, mpy__ucd_upper_runs_len, cp);
    case MPY_CASE_TITLE: return map_runs(mpy__ucd_title_runs, mpy__ucd_title_runs_len, cp);
    default: return map_runs(mpy__ucd_fold_runs, mpy__ucd_fold_runs_len, cp);
    }
}

int mpy__unicode_case_full(uint32_t cp, int which, uint32_t out[3])
{
    if (cp < 128) {
        bool to_upper = which == MPY_CASE_UPPER || which == MPY_CASE_TITLE;
        if (to_upper && cp >= 'a' && cp <= 'z')
            cp -= 32;
        else if (!to_upper && cp >= 'A' && cp <= 'Z')
            cp += 32;
        out[0] = cp;
        return 1;
    }
    const MpyUcdSpecial *sp = find_special(cp);
    if (sp != NULL) {
        int n = 0;
        while (n < 3 && sp->map[which][n] != 0) {
            out[n] = sp->map[which][n];
            n++;
        }
        return n;
    }
    out[0] = map_simple(cp, which);
    return 1;
}

uint32_t mpy__unicode_to_lower(uint32_t cp)
{
    if (cp < 128)
        return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    return map_simple(cp, MPY_CASE_LOWER);
}

uint32_t mpy__unicode_to_upper(uint32_t cp)
{
    if (cp < 128)
        return cp >= 'a' && cp <= 'z' ? cp - 32 : cp;
    return map_simple(cp, MPY_CASE_UPPER);
}
