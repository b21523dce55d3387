/* runtime/mod_re.h: the regular expression engine behind re.py, shared by
 * runtime/mod_re_parse.c (pattern text -> program) and runtime/mod_re.c
 * (running programs, and the _re module).
 *
 * A compiled pattern is a program for a small backtracking machine (see
 * the opcode list below), run over the text as an array of code points.
 * This replaces CPython's _sre; the pattern syntax and the match results
 * are Python's.
 */
#ifndef MINIPY_RUNTIME_MOD_RE_H
#define MINIPY_RUNTIME_MOD_RE_H

#include "runtime/object.h"

/* The flags of re.py (CPython's SRE_FLAG_* values). */
enum {
    MPY_RE_TEMPLATE = 1,
    MPY_RE_IGNORECASE = 2,
    MPY_RE_LOCALE = 4,
    MPY_RE_MULTILINE = 8,
    MPY_RE_DOTALL = 16,
    MPY_RE_UNICODE = 32,
    MPY_RE_VERBOSE = 64,
    MPY_RE_DEBUG = 128,
    MPY_RE_ASCII = 256,
};

/* Program instructions.  Operands follow the opcode in the code array;
 * jump targets are absolute indexes into it. */
enum {
    RE_MATCH,         /* success */
    RE_CHAR,          /* c: one code point */
    RE_CHAR_I,        /* c (folded): one code point, ignoring case */
    RE_ANY,           /* any code point but '\n' */
    RE_ANY_ALL,       /* any code point */
    RE_CLASS,         /* k: a code point in character class k */
    RE_AT_BEGIN,      /* ^ and \A: position 0 */
    RE_AT_BEGIN_LINE, /* ^ with MULTILINE */
    RE_AT_END,        /* $: the end, or just before a final '\n' */
    RE_AT_END_LINE,   /* $ with MULTILINE */
    RE_AT_END_STRING, /* \Z */
    RE_WORD_BOUNDARY, /* ascii: \b */
    RE_NOT_WORD_BOUNDARY, /* ascii: \B */
    RE_SPLIT,         /* x, y: try x, on failure y */
    RE_JUMP,          /* x */
    RE_SAVE,          /* slot: record the position (group starts/ends) */
    RE_BACKREF,       /* group, ignorecase: the text group matched */
    RE_ASSERT,        /* kind, start, end, width: lookaround on code[start..end) */
    RE_ATOMIC,        /* start, end: (?>...), no backtracking into it */
    RE_GROUP_EXISTS,  /* group, no: continue if the group matched, else jump */
    RE_LOOP_MARK,     /* reg: remember where a loop iteration started */
    RE_LOOP_NEXT,     /* reg, again, out: jump `again` unless the iteration was empty */
};

/* Lookaround kinds of RE_ASSERT. */
enum { RE_LOOKAHEAD, RE_NEG_LOOKAHEAD, RE_LOOKBEHIND, RE_NEG_LOOKBEHIND };

/* A character class: ranges plus category tests. */
enum {
    RE_CAT_DIGIT = 1, RE_CAT_NOT_DIGIT = 2,
    RE_CAT_WORD = 4, RE_CAT_NOT_WORD = 8,
    RE_CAT_SPACE = 16, RE_CAT_NOT_SPACE = 32,
};

typedef struct MpyReClass {
    uint32_t *ranges;     /* pairs lo, hi (inclusive) */
    size_t nranges;
    unsigned categories;  /* RE_CAT_* */
    bool negated;
    bool ignorecase;
    bool ascii;           /* categories use ASCII definitions */
} MpyReClass;

typedef struct MpyReProgram {
    int32_t *code;
    size_t len;
    MpyReClass *classes;
    size_t nclasses;
    int ngroups;          /* capturing groups, not counting group 0 */
    int nregs;            /* RE_LOOP_MARK registers */
    int flags;            /* final flags, with inline ones */
    MpyObject *groupindex; /* dict name -> group number */
} MpyReProgram;

/* Compile `pattern` (code points) with `flags` into `prog`; `is_bytes`
 * selects the rules of bytes patterns.
 * Returns 0; -1 for a syntax error described by errmsg (a buffer of
 * errsize bytes) and *errpos (-1: no position); -2 with a Python
 * exception set (MemoryError, OverflowError). */
int mpy__re_compile(const uint32_t *pattern, size_t len, int flags, bool is_bytes,
                    MpyReProgram *prog, char *errmsg, size_t errsize, ptrdiff_t *errpos);
void mpy__re_program_free(MpyReProgram *prog);

/* Character tests shared by the compiler and the matcher. */
bool mpy__re_is_word(uint32_t c, bool ascii);
bool mpy__re_is_digit(uint32_t c, bool ascii);
bool mpy__re_is_space(uint32_t c, bool ascii);
uint32_t mpy__re_fold(uint32_t c, bool ascii);
bool mpy__re_class_match(const MpyReClass *cls, uint32_t c);

#endif
