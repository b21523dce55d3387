#!/usr/bin/env python3
"""Generate runtime/unicode_db.c: minipy's Unicode character database.

Run once, offline, with the CPython whose behaviour minipy follows:

    python3 tests/tools/gen_unicode.py > runtime/unicode_db.c

The tables are derived from CPython's own str methods (c.isalpha(),
c.lower(), ...), not from the UCD text files, so minipy's str methods agree
with the CPython that ran this script, including its Unicode version.

Three kinds of tables come out, all searched by bisection:

  * a flags table for Latin-1 (the fast path);
  * property ranges: sorted (first code point, flags) pairs; a code point
    has the flags of the last pair that starts at or before it.
  * case-mapping runs: (first, last, delta, stride): every stride-th code
    point of [first, last] maps to itself + delta (stride 2 covers the
    alternating upper/lower pairs of Latin Extended-A and friends).
  * special mappings: the code points whose lower/upper/title/casefold is
    more than one character ('ß'.upper() == 'SS').
"""
import sys
import unicodedata

N = 0x110000

# Flag bits; runtime/unicode.h declares the same values.
ALPHA, DECIMAL, DIGIT, NUMERIC, SPACE, LOWER, UPPER, TITLE = (1 << i for i in range(8))
PRINTABLE, XID_START, XID_CONTINUE, CASED, CASE_IGNORABLE = (1 << i for i in range(8, 13))
FLAG_NAMES = ["ALPHA", "DECIMAL", "DIGIT", "NUMERIC", "SPACE", "LOWER", "UPPER", "TITLE",
              "PRINTABLE", "XID_START", "XID_CONTINUE", "CASED", "CASE_IGNORABLE"]


def is_cased(ch):
    # title() lowercases a letter that follows a cased character.
    return ("%sa" % ch).title()[-1] == "a"


def is_case_ignorable(ch, cased):
    # Final sigma: a sigma is final when a cased letter precedes it (case
    # ignorable characters skipped) and no cased letter follows it.
    if not cased:
        return ("A%s\u03a3" % ch).lower()[-1] == "\u03c2"
    return ("A\u03a3%s" % ch).lower()[1] == "\u03c2"


def flags_of(c):
    ch = chr(c)
    f = 0
    if ch.isalpha(): f |= ALPHA
    if ch.isdecimal(): f |= DECIMAL
    if ch.isdigit(): f |= DIGIT
    if ch.isnumeric(): f |= NUMERIC
    if ch.isspace(): f |= SPACE
    if ch.islower(): f |= LOWER
    if ch.isupper(): f |= UPPER
    if unicodedata.category(ch) == "Lt": f |= TITLE
    if ch.isprintable(): f |= PRINTABLE
    if ch.isidentifier(): f |= XID_START
    if ("a" + ch).isidentifier(): f |= XID_CONTINUE
    cased = is_cased(ch)
    if cased: f |= CASED
    if is_case_ignorable(ch, cased): f |= CASE_IGNORABLE
    return f


def property_ranges():
    out, prev = [], None
    for c in range(N):
        f = flags_of(c)
        if f != prev:
            out.append((c, f))
            prev = f
    return out


def mapping_runs(mapping):
    """Single-character mappings as (first, last, delta, stride) runs."""
    pairs = []
    for c in range(N):
        if 0xD800 <= c <= 0xDFFF:
            continue
        m = mapping(chr(c))
        if len(m) == 1 and ord(m) != c:
            pairs.append((c, ord(m) - c))
    runs = []
    i = 0
    while i < len(pairs):
        c, d = pairs[i]
        # Try a stride-1 run, then a stride-2 run; keep the longer.
        best_len, best_stride = 1, 1
        for stride in (1, 2):
            j = i
            while j + 1 < len(pairs) and pairs[j + 1] == (pairs[j][0] + stride, d):
                j += 1
            if j - i + 1 > best_len:
                best_len, best_stride = j - i + 1, stride
        runs.append((c, c + (best_len - 1) * best_stride, d, best_stride))
        i += best_len
    return runs


def special_mappings():
    """Code points with a multi-character lower/upper/title/casefold."""
    out = []
    for c in range(N):
        if 0xD800 <= c <= 0xDFFF:
            continue
        ch = chr(c)
        maps = [ch.lower(), ch.upper(), ch.title(), ch.casefold()]
        if any(len(m) > 1 for m in maps):
            out.append((c, maps))
    return out


def decimal_runs():
    """Decimal digits come in runs of ten: (first, last) with value c - first."""
    runs = []
    c = 0
    while c < N:
        ch = chr(c)
        if ch.isdecimal():
            assert unicodedata.decimal(ch) == 0, hex(c)
            first = c
            while c + 1 < N and chr(c + 1).isdecimal() and \
                    unicodedata.decimal(chr(c + 1)) == c + 1 - first:
                c += 1
            runs.append((first, c))
        c += 1
    return runs


def digit_values():
    """Digits that are not decimal ('²', '①'): (code point, value)."""
    return [(c, unicodedata.digit(chr(c))) for c in range(N)
            if chr(c).isdigit() and not chr(c).isdecimal()]


def c_string(s):
    return "{" + ", ".join("0x%X" % ord(x) for x in s) + "}"


def emit(out):
    w = out.write
    w("/* runtime/unicode_db.c: the Unicode character database of minipy.\n")
    w(" *\n")
    w(" * GENERATED FILE, do not edit.  Produced by\n")
    w(" *     python3 tests/tools/gen_unicode.py > runtime/unicode_db.c\n")
    w(" * with CPython %s (Unicode %s), from CPython's own str methods,\n"
      % (sys.version.split()[0], unicodedata.unidata_version))
    w(" * so minipy's str.isalpha()/lower()/... agree with that CPython.  See the\n")
    w(" * script for the table formats; runtime/unicode.c searches them.\n")
    w(" */\n")
    w('#include "runtime/unicode.h"\n\n')

    w("/* Flags of U+0000..U+00FF, for the fast path. */\n")
    w("const uint16_t mpy__ucd_latin1_flags[256] = {\n")
    latin1 = [flags_of(c) for c in range(256)]
    for i in range(0, 256, 8):
        w("    " + " ".join("0x%X," % f for f in latin1[i:i + 8]) + "\n")
    w("};\n\n")

    props = property_ranges()
    w("/* (first code point, MPY_UCD_* flags) */\n")
    w("const MpyUcdRange mpy__ucd_ranges[] = {\n")
    for i in range(0, len(props), 6):
        w("    " + " ".join("{0x%X, 0x%X}," % p for p in props[i:i + 6]) + "\n")
    w("};\n")
    w("const size_t mpy__ucd_ranges_len = %d;\n\n" % len(props))

    for name, fn in (("lower", str.lower), ("upper", str.upper), ("title", str.title),
                     ("fold", str.casefold)):
        runs = mapping_runs(fn)
        w("/* %s(): (first, last, delta, stride) */\n" % name)
        w("const MpyUcdCaseRun mpy__ucd_%s_runs[] = {\n" % name)
        for i in range(0, len(runs), 3):
            w("    " + " ".join("{0x%X, 0x%X, %d, %d}," % r for r in runs[i:i + 3]) + "\n")
        w("};\n")
        w("const size_t mpy__ucd_%s_runs_len = %d;\n\n" % (name, len(runs)))

    specials = special_mappings()
    w("/* Multi-character mappings: code point, then lower, upper, title and\n")
    w(" * casefold, each up to 3 code points (0-terminated when shorter). */\n")
    w("const MpyUcdSpecial mpy__ucd_specials[] = {\n")
    for c, maps in specials:
        assert all(len(m) <= 3 for m in maps)
        w("    {0x%X, {%s}},\n" % (c, ", ".join(c_string(m) for m in maps)))
    w("};\n")
    w("const size_t mpy__ucd_specials_len = %d;\n\n" % len(specials))

    dec = decimal_runs()
    w("/* Decimal digits: (first, last); the value is cp - first. */\n")
    w("const uint32_t mpy__ucd_decimal_runs[][2] = {\n")
    for i in range(0, len(dec), 6):
        w("    " + " ".join("{0x%X, 0x%X}," % r for r in dec[i:i + 6]) + "\n")
    w("};\n")
    w("const size_t mpy__ucd_decimal_runs_len = %d;\n\n" % len(dec))

    dig = digit_values()
    w("/* Digits that are not decimal digits: (code point, value). */\n")
    w("const uint32_t mpy__ucd_digit_values[][2] = {\n")
    for i in range(0, len(dig), 6):
        w("    " + " ".join("{0x%X, %d}," % r for r in dig[i:i + 6]) + "\n")
    w("};\n")
    w("const size_t mpy__ucd_digit_values_len = %d;\n" % len(dig))


if __name__ == "__main__":
    emit(sys.stdout)
