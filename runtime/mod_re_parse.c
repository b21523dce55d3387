/* runtime/mod_re_parse.c: regular expression syntax -> program.
 *
 * Models CPython's Lib/re/_parser.py and _compiler.py, in C.  Two steps:
 *
 *  1. A recursive-descent parser turns the pattern (an array of code
 *     points) into a tree of Nodes: literals, classes, anchors, sequences,
 *     alternatives, groups, repeats, backreferences, lookarounds.  Syntax
 *     errors carry CPython's message and position ("nothing to repeat at
 *     position 0").
 *  2. emit() flattens the tree into the instructions of mod_re.h.  Repeats
 *     are unrolled: a{2,4} becomes a a (a (a)?)?, and an unbounded repeat
 *     is a SPLIT loop; loops whose body can match the empty string get
 *     LOOP_MARK/LOOP_NEXT so that an empty iteration ends the loop.
 *
 * Nodes live in an arena freed after compilation.
 */
#include "runtime/mod_re.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/unicode.h"

#define RE_INF (-1)
#define RE_MAXREPEAT 4294967295LL
#define RE_MAXCODE 2000000 /* instructions: beyond this a pattern is refused */

typedef enum {
    N_EMPTY, N_CHAR, N_ANY, N_CLASS, N_AT, N_CONCAT, N_ALT, N_GROUP,
    N_REPEAT, N_BACKREF, N_LOOK, N_ATOMIC, N_COND,
} NodeKind;

typedef struct Node {
    NodeKind kind;
    int a, b;           /* CHAR: code point, ignorecase; ANY: dotall; CLASS:
                           index; AT: opcode; GROUP: index (-1: not capturing);
                           REPEAT: min, max; BACKREF: group, ignorecase;
                           LOOK: kind; COND: group */
    int mode;           /* REPEAT: 0 lazy, 1 greedy, 2 possessive */
    struct Node **kids;
    size_t nkids, capkids;
} Node;

typedef struct {
    const uint32_t *pat;
    size_t len, pos;
    int flags;          /* current flags (scoped ones included) */
    int global_flags;
    bool is_bytes;
    int ngroups;
    unsigned char *open_groups; /* 1 while a group is being parsed */
    size_t open_cap;
    MpyObject *groupindex;
    /* the arena */
    Node **nodes;
    size_t nnodes, capnodes;
    MpyReClass *classes;
    size_t nclasses, capclasses;
    /* errors */
    char *errmsg;
    size_t errsize;
    ptrdiff_t *errpos;
    bool failed;        /* syntax error recorded */
    bool pyerror;       /* Python exception set */
} Parser;

/* ------------------------------------------------------------------ */
/* Character tests                                                      */

bool mpy__re_is_word(uint32_t c, bool ascii)
{
    if (c < 128)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    return !ascii && mpy__unicode_is_alnum(c);
}

bool mpy__re_is_digit(uint32_t c, bool ascii)
{
    if (c < 128)
        return c >= '0' && c <= '9';
    return !ascii && mpy__unicode_is_decimal(c);
}

bool mpy__re_is_space(uint32_t c, bool ascii)
{
    if (c < 128)
        return c == ' ' || (c >= '\t' && c <= '\r');
    return !ascii && mpy__unicode_is_space(c);
}

uint32_t mpy__re_fold(uint32_t c, bool ascii)
{
    if (c < 128)
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    return ascii ? c : mpy__unicode_to_lower(c);
}

static bool class_match_one(const MpyReClass *cls, uint32_t c)
{
    for (size_t i = 0; i < cls->nranges; i++) {
        if (c >= cls->ranges[2 * i] && c <= cls->ranges[2 * i + 1])
            return true;
    }
    unsigned cat = cls->categories;
    if (cat == 0)
        return false;
    if ((cat & RE_CAT_DIGIT) && mpy__re_is_digit(c, cls->ascii))
        return true;
    if ((cat & RE_CAT_NOT_DIGIT) && !mpy__re_is_digit(c, cls->ascii))
        return true;
    if ((cat & RE_CAT_WORD) && mpy__re_is_word(c, cls->ascii))
        return true;
    if ((cat & RE_CAT_NOT_WORD) && !mpy__re_is_word(c, cls->ascii))
        return true;
    if ((cat & RE_CAT_SPACE) && mpy__re_is_space(c, cls->ascii))
        return true;
    if ((cat & RE_CAT_NOT_SPACE) && !mpy__re_is_space(c, cls->ascii))
        return true;
    return false;
}

bool mpy__re_class_match(const MpyReClass *cls, uint32_t c)
{
    bool in = class_match_one(cls, c);
    if (!in && cls->ignorecase) {
        /* Case-insensitive classes also accept the other case forms. */
        uint32_t lower = mpy__re_fold(c, cls->ascii);
        uint32_t upper = c < 128 ? (c >= 'a' && c <= 'z' ? c - 32 : c)
                                 : (cls->ascii ? c : mpy__unicode_to_upper(c));
        in = (lower != c && class_match_one(cls, lower)) || (upper != c && class_match_one(cls, upper));
    }
    return in != cls->negated;
}

/* ------------------------------------------------------------------ */
/* Errors and the arena                                                 */

static void fail_at(Parser *p, ptrdiff_t pos, const char *fmt, ...)
{
    if (p->failed || p->pyerror)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->errmsg, p->errsize, fmt, ap);
    va_end(ap);
    *p->errpos = pos;
    p->failed = true;
}

static bool bad(Parser *p)
{
    return p->failed || p->pyerror;
}

static Node *new_node(Parser *p, NodeKind kind)
{
    if (bad(p))
        return NULL;
    if (p->nnodes == p->capnodes) {
        size_t cap = p->capnodes ? p->capnodes * 2 : 64;
        Node **nodes = realloc(p->nodes, cap * sizeof(Node *));
        if (nodes == NULL)
            goto oom;
        p->nodes = nodes;
        p->capnodes = cap;
    }
    Node *n = calloc(1, sizeof(Node));
    if (n == NULL)
        goto oom;
    n->kind = kind;
    p->nodes[p->nnodes++] = n;
    return n;
oom:
    mpy_err_no_memory();
    p->pyerror = true;
    return NULL;
}

static void add_kid(Parser *p, Node *n, Node *kid)
{
    if (bad(p) || n == NULL || kid == NULL)
        return;
    if (n->nkids == n->capkids) {
        size_t cap = n->capkids ? n->capkids * 2 : 4;
        Node **kids = realloc(n->kids, cap * sizeof(Node *));
        if (kids == NULL) {
            mpy_err_no_memory();
            p->pyerror = true;
            return;
        }
        n->kids = kids;
        n->capkids = cap;
    }
    n->kids[n->nkids++] = kid;
}

static MpyReClass *new_class(Parser *p, int *index)
{
    if (bad(p))
        return NULL;
    if (p->nclasses == p->capclasses) {
        size_t cap = p->capclasses ? p->capclasses * 2 : 8;
        MpyReClass *classes = realloc(p->classes, cap * sizeof(MpyReClass));
        if (classes == NULL) {
            mpy_err_no_memory();
            p->pyerror = true;
            return NULL;
        }
        p->classes = classes;
        p->capclasses = cap;
    }
    MpyReClass *cls = &p->classes[p->nclasses];
    memset(cls, 0, sizeof *cls);
    cls->ascii = (p->flags & MPY_RE_ASCII) != 0;
    cls->ignorecase = (p->flags & MPY_RE_IGNORECASE) != 0;
    *index = (int)p->nclasses++;
    return cls;
}

static void class_add_range(Parser *p, MpyReClass *cls, uint32_t lo, uint32_t hi)
{
    if (bad(p))
        return;
    uint32_t *ranges = realloc(cls->ranges, (cls->nranges + 1) * 2 * sizeof(uint32_t));
    if (ranges == NULL) {
        mpy_err_no_memory();
        p->pyerror = true;
        return;
    }
    cls->ranges = ranges;
    ranges[2 * cls->nranges] = lo;
    ranges[2 * cls->nranges + 1] = hi;
    cls->nranges++;
}

/* ------------------------------------------------------------------ */
/* Reading the pattern                                                  */

static bool at_end(Parser *p) { return p->pos >= p->len; }
static uint32_t peek(Parser *p) { return p->pos < p->len ? p->pat[p->pos] : 0; }
static uint32_t peek_at(Parser *p, size_t k) { return p->pos + k < p->len ? p->pat[p->pos + k] : 0; }

/* VERBOSE: skip whitespace and # comments between tokens. */
static void skip_verbose(Parser *p)
{
    if (!(p->flags & MPY_RE_VERBOSE))
        return;
    while (!at_end(p)) {
        uint32_t c = peek(p);
        if (c == '#') {
            while (!at_end(p) && peek(p) != '\n')
                p->pos++;
        } else if (c == ' ' || (c >= '\t' && c <= '\r')) {
            p->pos++;
        } else {
            break;
        }
    }
}

static int hexval(uint32_t c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c >= 'a' && c <= 'f')
        return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F')
        return (int)(c - 'A' + 10);
    return -1;
}

static bool is_octal(uint32_t c) { return c >= '0' && c <= '7'; }
static bool is_digit(uint32_t c) { return c >= '0' && c <= '9'; }
static bool is_ascii_letter(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* The text of the pattern from `start` for messages, as UTF-8. */
static void pattern_text(Parser *p, size_t start, size_t end, char *buf, size_t size)
{
    size_t n = 0;
    for (size_t i = start; i < end && i < p->len; i++) {
        char tmp[4];
        int k = mpy_utf8_encode(p->pat[i], tmp);
        if (n + (size_t)k + 1 >= size)
            break;
        memcpy(buf + n, tmp, (size_t)k);
        n += (size_t)k;
    }
    buf[n] = '\0';
}

/* \xhh, \uhhhh, \Uhhhhhhhh: `digits` hex digits after the letter at
 * p->pos; start is the backslash.  Returns the code point or -1. */
static long parse_hex_escape(Parser *p, size_t start, int digits)
{
    long v = 0;
    for (int i = 0; i < digits; i++) {
        int h = hexval(peek_at(p, 1 + (size_t)i));
        if (h < 0) {
            char text[32];
            pattern_text(p, start, p->pos + 1 + (size_t)i, text, sizeof text);
            fail_at(p, (ptrdiff_t)start, "incomplete escape %s", text);
            return -1;
        }
        v = v * 16 + h;
    }
    p->pos += 1 + (size_t)digits;
    if (v > 0x10FFFF) {
        char text[32];
        pattern_text(p, start, p->pos, text, sizeof text);
        fail_at(p, (ptrdiff_t)start, "bad escape %s", text);
        return -1;
    }
    return v;
}

/* ------------------------------------------------------------------ */
/* Escapes                                                              */

/* Class-like escapes \d \w \s and their negations.  Returns the category
 * bit, or 0. */
static unsigned category_of(uint32_t c)
{
    switch (c) {
    case 'd': return RE_CAT_DIGIT;
    case 'D': return RE_CAT_NOT_DIGIT;
    case 'w': return RE_CAT_WORD;
    case 'W': return RE_CAT_NOT_WORD;
    case 's': return RE_CAT_SPACE;
    case 'S': return RE_CAT_NOT_SPACE;
    default: return 0;
    }
}

/* The simple escapes shared by classes and the rest: \a \f \n \r \t \v
 * \\ \x \u \U and octal.  p->pos is at the letter.  Returns the code
 * point, -1 on error, -2 if it is not one of them. */
static long simple_escape(Parser *p, size_t start, bool in_class)
{
    uint32_t c = peek(p);
    switch (c) {
    case 'a': p->pos++; return 7;
    case 'f': p->pos++; return 12;
    case 'n': p->pos++; return 10;
    case 'r': p->pos++; return 13;
    case 't': p->pos++; return 9;
    case 'v': p->pos++; return 11;
    case '\\': p->pos++; return '\\';
    case 'x': return parse_hex_escape(p, start, 2);
    case 'u':
    case 'U':
        if (p->is_bytes)
            break;
        return parse_hex_escape(p, start, c == 'u' ? 4 : 8);
    case '0': {
        /* \0 followed by up to two more octal digits. */
        long v = 0;
        p->pos++;
        for (int i = 0; i < 2 && is_octal(peek(p)); i++)
            v = v * 8 + (peek(p) - '0'), p->pos++;
        return v;
    }
    default:
        break;
    }
    if (is_digit(c) && (in_class || (is_octal(c) && is_octal(peek_at(p, 1)) && is_octal(peek_at(p, 2))))) {
        if (in_class && !is_octal(c)) {
            char text[8];
            pattern_text(p, start, p->pos + 1, text, sizeof text);
            fail_at(p, (ptrdiff_t)start, "bad escape %s", text);
            return -1;
        }
        long v = 0;
        size_t k = 0;
        while (k < 3 && is_octal(peek(p)))
            v = v * 8 + (peek(p) - '0'), p->pos++, k++;
        if (v > 0377) {
            char text[8];
            pattern_text(p, start, p->pos, text, sizeof text);
            fail_at(p, (ptrdiff_t)start, "octal escape value %s outside of range 0-0o377", text);
            return -1;
        }
        return v;
    }
    return -2;
}

/* An escape outside a class; p->pos is at the backslash. */
static Node *parse_escape(Parser *p)
{
    size_t start = p->pos++;
    if (at_end(p)) {
        fail_at(p, (ptrdiff_t)start, "bad escape (end of pattern)");
        return NULL;
    }
    uint32_t c = peek(p);
    unsigned cat = category_of(c);
    if (cat) {
        p->pos++;
        int idx;
        MpyReClass *cls = new_class(p, &idx);
        if (cls == NULL)
            return NULL;
        cls->categories = cat;
        cls->ignorecase = false;
        Node *n = new_node(p, N_CLASS);
        if (n)
            n->a = idx;
        return n;
    }
    int at = -1;
    switch (c) {
    case 'A': at = RE_AT_BEGIN; break;
    case 'Z': at = RE_AT_END_STRING; break;
    case 'b': at = RE_WORD_BOUNDARY; break;
    case 'B': at = RE_NOT_WORD_BOUNDARY; break;
    default: break;
    }
    if (at >= 0) {
        p->pos++;
        Node *n = new_node(p, N_AT);
        if (n)
            n->a = at;
        return n;
    }
    long v = simple_escape(p, start, false);
    if (v == -1)
        return NULL;
    if (v == -2 && is_digit(c)) {
        /* A backreference \1 .. \99. */
        size_t dstart = p->pos;
        int group = 0;
        for (int i = 0; i < 2 && is_digit(peek(p)); i++)
            group = group * 10 + (int)(peek(p) - '0'), p->pos++;
        if (group > p->ngroups) {
            fail_at(p, (ptrdiff_t)dstart, "invalid group reference %d", group);
            return NULL;
        }
        if ((size_t)group < p->open_cap && p->open_groups[group]) {
            fail_at(p, (ptrdiff_t)dstart, "cannot refer to an open group");
            return NULL;
        }
        Node *n = new_node(p, N_BACKREF);
        if (n) {
            n->a = group;
            n->b = (p->flags & MPY_RE_IGNORECASE) != 0;
        }
        return n;
    }
    if (v == -2) {
        if (c < 128 && is_ascii_letter(c)) {
            fail_at(p, (ptrdiff_t)start, "bad escape \\%c", (char)c);
            return NULL;
        }
        v = c;
        p->pos++;
    }
    Node *n = new_node(p, N_CHAR);
    if (n) {
        n->a = (int)v;
        n->b = (p->flags & MPY_RE_IGNORECASE) != 0;
    }
    return n;
}

/* ------------------------------------------------------------------ */
/* Character classes                                                    */

/* One item of a class: a code point (>= 0) or a category (-1 - bit). */
static long class_item(Parser *p, size_t set_start)
{
    if (at_end(p)) {
        fail_at(p, (ptrdiff_t)set_start, "unterminated character set");
        return LONG_MIN;
    }
    uint32_t c = peek(p);
    if (c != '\\') {
        p->pos++;
        return c;
    }
    size_t start = p->pos++;
    if (at_end(p)) {
        fail_at(p, (ptrdiff_t)start, "bad escape (end of pattern)");
        return LONG_MIN;
    }
    c = peek(p);
    unsigned cat = category_of(c);
    if (cat) {
        p->pos++;
        return -1 - (long)cat;
    }
    if (c == 'b') {
        p->pos++;
        return 8;
    }
    long v = simple_escape(p, start, true);
    if (v == -1)
        return LONG_MIN;
    if (v == -2) {
        if (c < 128 && is_ascii_letter(c)) {
            fail_at(p, (ptrdiff_t)start, "bad escape \\%c", (char)c);
            return LONG_MIN;
        }
        p->pos++;
        return c;
    }
    return v;
}

static Node *parse_class(Parser *p)
{
    size_t set_start = p->pos++;
    int idx;
    MpyReClass *cls = new_class(p, &idx);
    if (cls == NULL)
        return NULL;
    if (peek(p) == '^' && !at_end(p)) {
        cls->negated = true;
        p->pos++;
    }
    bool first = true;
    for (;;) {
        if (at_end(p)) {
            fail_at(p, (ptrdiff_t)set_start, "unterminated character set");
            return NULL;
        }
        if (peek(p) == ']' && !first)
            break;
        first = false;
        size_t item_start = p->pos;
        long lo = class_item(p, set_start);
        if (lo == LONG_MIN)
            return NULL;
        cls = &p->classes[idx]; /* the table may have moved */
        if (peek(p) == '-' && peek_at(p, 1) != ']' && p->pos + 1 < p->len) {
            p->pos++;
            long hi = class_item(p, set_start);
            if (hi == LONG_MIN)
                return NULL;
            if (lo < 0 || hi < 0) {
                char text[64];
                pattern_text(p, item_start, p->pos, text, sizeof text);
                fail_at(p, (ptrdiff_t)item_start, "bad character range %s", text);
                return NULL;
            }
            if (hi < lo) {
                char text[64];
                pattern_text(p, item_start, p->pos, text, sizeof text);
                fail_at(p, (ptrdiff_t)item_start, "bad character range %s", text);
                return NULL;
            }
            class_add_range(p, cls, (uint32_t)lo, (uint32_t)hi);
        } else if (lo < 0) {
            cls->categories |= (unsigned)(-1 - lo);
        } else {
            class_add_range(p, cls, (uint32_t)lo, (uint32_t)lo);
        }
    }
    p->pos++; /* ']' */
    Node *n = new_node(p, N_CLASS);
    if (n)
        n->a = idx;
    return n;
}

/* ------------------------------------------------------------------ */
/* Groups                                                               */

static Node *parse_alt(Parser *p, int depth);

/* A group name up to `term`; returns it as a new str or NULL. */
static MpyObject *parse_name(Parser *p, uint32_t term, size_t *name_start)
{
    *name_start = p->pos;
    while (!at_end(p) && peek(p) != term)
        p->pos++;
    if (at_end(p)) {
        fail_at(p, (ptrdiff_t)*name_start,
                term == '>' ? "missing >, unterminated name" : "missing ), unterminated name");
        return NULL;
    }
    size_t end = p->pos;
    p->pos++;
    if (end == *name_start) {
        fail_at(p, (ptrdiff_t)*name_start, "missing group name");
        return NULL;
    }
    bool ok = true;
    for (size_t i = *name_start; i < end; i++) {
        uint32_t c = p->pat[i];
        bool start_ok = c == '_' || (c < 128 ? is_ascii_letter(c) : (!p->is_bytes && mpy__unicode_is_xid_start(c)));
        bool cont_ok = start_ok || (c < 128 ? is_digit(c) : (!p->is_bytes && mpy__unicode_is_xid_continue(c)));
        if (i == *name_start ? !start_ok : !cont_ok)
            ok = false;
    }
    char text[256];
    pattern_text(p, *name_start, end, text, sizeof text);
    if (!ok) {
        fail_at(p, (ptrdiff_t)*name_start, "bad character in group name '%s'", text);
        return NULL;
    }
    MpyObject *name = mpy_str_from_cstr(text);
    if (name == NULL)
        p->pyerror = true;
    return name;
}

static int group_of_name(Parser *p, MpyObject *name, size_t pos)
{
    MpyObject *v = mpy_dict_get(p->groupindex, name);
    if (v == NULL) {
        if (mpy_err_occurred()) {
            p->pyerror = true;
        } else {
            fail_at(p, (ptrdiff_t)pos, "unknown group name '%s'", mpy_str_utf8(name));
        }
        return -1;
    }
    int g = (int)mpy_int_as_long(v);
    MPY_DECREF(v);
    return g;
}

static void set_open(Parser *p, int group, bool open)
{
    if ((size_t)group >= p->open_cap) {
        size_t cap = (size_t)group * 2 + 8;
        unsigned char *g = realloc(p->open_groups, cap);
        if (g == NULL) {
            mpy_err_no_memory();
            p->pyerror = true;
            return;
        }
        memset(g + p->open_cap, 0, cap - p->open_cap);
        p->open_groups = g;
        p->open_cap = cap;
    }
    p->open_groups[group] = open;
}

/* Inline flags after "(?": letters, optionally "-letters", then ")" or ":".
 * Returns the group node for scoped flags, NULL otherwise (check bad()). */
static int flag_bit(uint32_t c)
{
    switch (c) {
    case 'a': return MPY_RE_ASCII;
    case 'i': return MPY_RE_IGNORECASE;
    case 'L': return MPY_RE_LOCALE;
    case 'm': return MPY_RE_MULTILINE;
    case 's': return MPY_RE_DOTALL;
    case 'u': return MPY_RE_UNICODE;
    case 'x': return MPY_RE_VERBOSE;
    default: return 0;
    }
}

static Node *parse_flags(Parser *p, size_t group_start, int depth, bool *is_global)
{
    int add = 0, del = 0;
    while (!at_end(p) && flag_bit(peek(p))) {
        uint32_t c = peek(p);
        if (c == 'L' && !p->is_bytes) {
            fail_at(p, (ptrdiff_t)p->pos + 1, "bad inline flags: cannot use 'L' flag with a str pattern");
            return NULL;
        }
        if (c == 'u' && p->is_bytes) {
            fail_at(p, (ptrdiff_t)p->pos + 1, "bad inline flags: cannot use 'u' flag with a bytes pattern");
            return NULL;
        }
        add |= flag_bit(c);
        p->pos++;
    }
    if (peek(p) == '-') {
        p->pos++;
        while (!at_end(p) && flag_bit(peek(p))) {
            uint32_t c = peek(p);
            if (c == 'a' || c == 'u' || c == 'L') {
                fail_at(p, (ptrdiff_t)p->pos + 1, "bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
                return NULL;
            }
            del |= flag_bit(c);
            p->pos++;
        }
        if (del == 0) {
            fail_at(p, (ptrdiff_t)p->pos, at_end(p) ? "missing flag" : "unknown flag");
            return NULL;
        }
        if (peek(p) != ':') {
            fail_at(p, (ptrdiff_t)p->pos, at_end(p) ? "missing :" : "missing :");
            return NULL;
        }
    }
    if (at_end(p)) {
        fail_at(p, (ptrdiff_t)p->pos, "missing -, : or )");
        return NULL;
    }
    uint32_t c = peek(p);
    p->pos++;
    if (c == ')') {
        /* Global flags: only at the very start of the pattern. */
        if (group_start != 0) {
            fail_at(p, (ptrdiff_t)group_start, "global flags not at the start of the expression");
            return NULL;
        }
        p->flags |= add;
        p->global_flags |= add;
        *is_global = true;
        return NULL;
    }
    if (c != ':') {
        fail_at(p, (ptrdiff_t)p->pos - 1, "unknown flag");
        return NULL;
    }
    int saved = p->flags;
    p->flags = (p->flags | add) & ~del;
    Node *inner = parse_alt(p, depth + 1);
    p->flags = saved;
    if (bad(p))
        return NULL;
    if (peek(p) != ')' || at_end(p)) {
        fail_at(p, (ptrdiff_t)group_start, "missing ), unterminated subpattern");
        return NULL;
    }
    p->pos++;
    return inner;
}

static Node *finish_group(Parser *p, Node *n, size_t group_start, int depth)
{
    Node *inner = parse_alt(p, depth + 1);
    if (bad(p))
        return NULL;
    if (at_end(p) || peek(p) != ')') {
        fail_at(p, (ptrdiff_t)group_start, "missing ), unterminated subpattern");
        return NULL;
    }
    p->pos++;
    add_kid(p, n, inner);
    return n;
}

static Node *parse_group(Parser *p, int depth)
{
    size_t start = p->pos++; /* '(' */
    if (peek(p) != '?' || at_end(p)) {
        int g = ++p->ngroups;
        Node *n = new_node(p, N_GROUP);
        if (n == NULL)
            return NULL;
        n->a = g;
        set_open(p, g, true);
        n = finish_group(p, n, start, depth);
        set_open(p, g, false);
        return n;
    }
    p->pos++; /* '?' */
    if (at_end(p)) {
        fail_at(p, (ptrdiff_t)p->pos, "unexpected end of pattern");
        return NULL;
    }
    uint32_t c = peek(p);
    p->pos++;
    if (c == ':') {
        Node *n = new_node(p, N_GROUP);
        if (n)
            n->a = -1;
        return finish_group(p, n, start, depth);
    }
    if (c == 'P') {
        uint32_t d = peek(p);
        if (d == '<') {
            p->pos++;
            size_t name_pos;
            MpyObject *name = parse_name(p, '>', &name_pos);
            if (name == NULL)
                return NULL;
            int g = ++p->ngroups;
            MpyObject *old = mpy_dict_get(p->groupindex, name);
            if (old != NULL) {
                fail_at(p, (ptrdiff_t)name_pos, "redefinition of group name '%s' as group %d; was group %d",
                        mpy_str_utf8(name), g, (int)mpy_int_as_long(old));
                MPY_DECREF(old);
                MPY_DECREF(name);
                return NULL;
            }
            MpyObject *num = mpy_int_from_long(g);
            if (num == NULL || mpy_dict_set(p->groupindex, name, num) < 0)
                p->pyerror = true;
            MPY_XDECREF(num);
            MPY_DECREF(name);
            Node *n = new_node(p, N_GROUP);
            if (n == NULL)
                return NULL;
            n->a = g;
            set_open(p, g, true);
            n = finish_group(p, n, start, depth);
            set_open(p, g, false);
            return n;
        }
        if (d == '=') {
            p->pos++;
            size_t name_pos;
            MpyObject *name = parse_name(p, ')', &name_pos);
            if (name == NULL)
                return NULL;
            int g = group_of_name(p, name, name_pos);
            MPY_DECREF(name);
            if (g < 0)
                return NULL;
            if ((size_t)g < p->open_cap && p->open_groups[g]) {
                fail_at(p, (ptrdiff_t)name_pos, "cannot refer to an open group");
                return NULL;
            }
            Node *n = new_node(p, N_BACKREF);
            if (n) {
                n->a = g;
                n->b = (p->flags & MPY_RE_IGNORECASE) != 0;
            }
            return n;
        }
        if (at_end(p))
            fail_at(p, (ptrdiff_t)p->pos, "unexpected end of pattern");
        else
            fail_at(p, (ptrdiff_t)p->pos, "unknown extension ?P%c", (char)d);
        return NULL;
    }
    if (c == '=' || c == '!' || (c == '<' && (peek(p) == '=' || peek(p) == '!'))) {
        int kind;
        if (c == '<') {
            kind = peek(p) == '=' ? RE_LOOKBEHIND : RE_NEG_LOOKBEHIND;
            p->pos++;
        } else {
            kind = c == '=' ? RE_LOOKAHEAD : RE_NEG_LOOKAHEAD;
        }
        Node *n = new_node(p, N_LOOK);
        if (n)
            n->a = kind;
        return finish_group(p, n, start, depth);
    }
    if (c == '<') {
        if (at_end(p))
            fail_at(p, (ptrdiff_t)p->pos, "unexpected end of pattern");
        else
            fail_at(p, (ptrdiff_t)p->pos - 1, "unknown extension ?<%c", (char)peek(p));
        return NULL;
    }
    if (c == '#') {
        while (!at_end(p) && peek(p) != ')')
            p->pos++;
        if (at_end(p)) {
            fail_at(p, (ptrdiff_t)start, "missing ), unterminated comment");
            return NULL;
        }
        p->pos++;
        return new_node(p, N_EMPTY);
    }
    if (c == '>') {
        Node *n = new_node(p, N_ATOMIC);
        return finish_group(p, n, start, depth);
    }
    if (c == '(') {
        /* (?(group)yes|no): a group number or name. */
        size_t name_pos = p->pos;
        bool numeric = true;
        size_t k = p->pos;
        while (k < p->len && p->pat[k] != ')') {
            numeric = numeric && is_digit(p->pat[k]);
            k++;
        }
        int g;
        if (numeric && k < p->len && k > p->pos) {
            g = 0;
            for (; p->pos < k; p->pos++)
                g = g * 10 + (int)(p->pat[p->pos] - '0');
            p->pos++;
            if (g == 0 || g > p->ngroups) {
                fail_at(p, (ptrdiff_t)name_pos, "invalid group reference %d", g);
                return NULL;
            }
        } else {
            MpyObject *name = parse_name(p, ')', &name_pos);
            if (name == NULL)
                return NULL;
            g = group_of_name(p, name, name_pos);
            MPY_DECREF(name);
            if (g < 0)
                return NULL;
        }
        Node *n = new_node(p, N_COND);
        if (n == NULL)
            return NULL;
        n->a = g;
        /* The branches: at most two, separated by one '|'. */
        Node *alt = parse_alt(p, depth + 1);
        if (bad(p))
            return NULL;
        if (alt->kind == N_ALT && alt->nkids > 2) {
            fail_at(p, (ptrdiff_t)start, "conditional backref with more than two branches");
            return NULL;
        }
        if (at_end(p) || peek(p) != ')') {
            fail_at(p, (ptrdiff_t)start, "missing ), unterminated subpattern");
            return NULL;
        }
        p->pos++;
        if (alt->kind == N_ALT) {
            add_kid(p, n, alt->kids[0]);
            add_kid(p, n, alt->kids[1]);
        } else {
            add_kid(p, n, alt);
            add_kid(p, n, new_node(p, N_EMPTY));
        }
        return n;
    }
    if (flag_bit(c) || c == '-') {
        p->pos--;
        bool is_global = false;
        Node *inner = parse_flags(p, start, depth, &is_global);
        if (bad(p))
            return NULL;
        if (is_global)
            return new_node(p, N_EMPTY);
        Node *n = new_node(p, N_GROUP);
        if (n) {
            n->a = -1;
            add_kid(p, n, inner);
        }
        return n;
    }
    fail_at(p, (ptrdiff_t)p->pos - 2, "unknown extension ?%c", (char)c);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Sequences, repeats and alternatives                                  */

/* Does {m,n} start at p->pos (at '{')?  Fills min/max (RE_INF). */
static bool brace_quantifier(Parser *p, long long *min, long long *max, size_t *len)
{
    size_t i = p->pos + 1;
    long long lo = -1, hi = -1;
    /* Numbers saturate just above the limit, which is then reported. */
    while (i < p->len && is_digit(p->pat[i])) {
        lo = (lo < 0 ? 0 : lo) * 10 + (p->pat[i] - '0');
        if (lo > RE_MAXREPEAT)
            lo = RE_MAXREPEAT + 1;
        i++;
    }
    bool comma = false;
    if (i < p->len && p->pat[i] == ',') {
        comma = true;
        i++;
        while (i < p->len && is_digit(p->pat[i])) {
            hi = (hi < 0 ? 0 : hi) * 10 + (p->pat[i] - '0');
            if (hi > RE_MAXREPEAT)
                hi = RE_MAXREPEAT + 1;
            i++;
        }
    }
    if (i >= p->len || p->pat[i] != '}')
        return false;
    if (!comma && lo < 0)
        return false;
    *min = lo < 0 ? 0 : lo;
    *max = comma ? hi : lo;
    *len = i + 1 - p->pos;
    return true;
}

static bool is_quantifier_start(Parser *p)
{
    uint32_t c = peek(p);
    if (at_end(p))
        return false;
    if (c == '*' || c == '+' || c == '?')
        return true;
    long long a, b;
    size_t len;
    return c == '{' && brace_quantifier(p, &a, &b, &len);
}

static Node *parse_atom(Parser *p, int depth)
{
    uint32_t c = peek(p);
    switch (c) {
    case '(':
        return parse_group(p, depth);
    case '[':
        return parse_class(p);
    case '.': {
        p->pos++;
        Node *n = new_node(p, N_ANY);
        if (n)
            n->a = (p->flags & MPY_RE_DOTALL) != 0;
        return n;
    }
    case '^':
    case '$': {
        p->pos++;
        Node *n = new_node(p, N_AT);
        if (n) {
            bool ml = (p->flags & MPY_RE_MULTILINE) != 0;
            n->a = c == '^' ? (ml ? RE_AT_BEGIN_LINE : RE_AT_BEGIN) : (ml ? RE_AT_END_LINE : RE_AT_END);
        }
        return n;
    }
    case '\\':
        return parse_escape(p);
    default:
        break;
    }
    if (is_quantifier_start(p)) {
        fail_at(p, (ptrdiff_t)p->pos, "nothing to repeat");
        return NULL;
    }
    p->pos++;
    Node *n = new_node(p, N_CHAR);
    if (n) {
        n->a = (int)c;
        n->b = (p->flags & MPY_RE_IGNORECASE) != 0;
    }
    return n;
}

static Node *parse_quantified(Parser *p, int depth)
{
    Node *atom = parse_atom(p, depth);
    if (atom == NULL)
        return NULL;
    skip_verbose(p);
    if (!is_quantifier_start(p))
        return atom;
    size_t qpos = p->pos;
    long long min, max;
    uint32_t c = peek(p);
    if (c == '*') {
        min = 0, max = RE_INF, p->pos++;
    } else if (c == '+') {
        min = 1, max = RE_INF, p->pos++;
    } else if (c == '?') {
        min = 0, max = 1, p->pos++;
    } else {
        size_t len;
        brace_quantifier(p, &min, &max, &len);
        if (min >= RE_MAXREPEAT || max >= RE_MAXREPEAT) {
            mpy_err_set(mpy_exc_OverflowError, "the repetition number is too large");
            p->pyerror = true;
            return NULL;
        }
        if (max != RE_INF && max < min) {
            fail_at(p, (ptrdiff_t)qpos + 1, "min repeat greater than max repeat");
            return NULL;
        }
        p->pos += len;
    }
    if (atom->kind == N_AT || atom->kind == N_EMPTY) {
        fail_at(p, (ptrdiff_t)qpos, "nothing to repeat");
        return NULL;
    }
    int mode = 1;
    if (peek(p) == '?' && !at_end(p)) {
        mode = 0;
        p->pos++;
    } else if (peek(p) == '+' && !at_end(p)) {
        mode = 2;
        p->pos++;
    }
    skip_verbose(p);
    if (is_quantifier_start(p)) {
        fail_at(p, (ptrdiff_t)p->pos, "multiple repeat");
        return NULL;
    }
    Node *n = new_node(p, N_REPEAT);
    if (n == NULL)
        return NULL;
    n->a = (int)min;
    n->b = (int)max;
    n->mode = mode;
    add_kid(p, n, atom);
    return n;
}

static Node *parse_seq(Parser *p, int depth)
{
    Node *seq = new_node(p, N_CONCAT);
    for (;;) {
        skip_verbose(p);
        if (at_end(p) || bad(p))
            break;
        uint32_t c = peek(p);
        if (c == '|')
            break;
        if (c == ')') {
            if (depth == 0) {
                fail_at(p, (ptrdiff_t)p->pos, "unbalanced parenthesis");
                return NULL;
            }
            break;
        }
        Node *item = parse_quantified(p, depth);
        if (item == NULL)
            return NULL;
        add_kid(p, seq, item);
    }
    return seq;
}

static Node *parse_alt(Parser *p, int depth)
{
    if (depth > 200) {
        mpy_err_set(mpy_exc_RecursionError, "maximum recursion depth exceeded while parsing a regular expression");
        p->pyerror = true;
        return NULL;
    }
    Node *first = parse_seq(p, depth);
    if (first == NULL || bad(p) || peek(p) != '|' || at_end(p))
        return first;
    Node *alt = new_node(p, N_ALT);
    add_kid(p, alt, first);
    while (!bad(p) && !at_end(p) && peek(p) == '|') {
        p->pos++;
        add_kid(p, alt, parse_seq(p, depth));
    }
    return bad(p) ? NULL : alt;
}

/* ------------------------------------------------------------------ */
/* Widths                                                               */

/* Minimum and maximum length matched by n (max -1: unbounded). */
static void width(Node *n, long long *min, long long *max)
{
    long long lo = 0, hi = 0;
    switch (n->kind) {
    case N_EMPTY:
    case N_AT:
    case N_LOOK:
        break;
    case N_CHAR:
    case N_ANY:
    case N_CLASS:
        lo = hi = 1;
        break;
    case N_CONCAT:
        for (size_t i = 0; i < n->nkids; i++) {
            long long a, b;
            width(n->kids[i], &a, &b);
            lo += a;
            hi = (hi < 0 || b < 0) ? -1 : hi + b;
        }
        break;
    case N_ALT:
    case N_COND:
        for (size_t i = 0; i < n->nkids; i++) {
            long long a, b;
            width(n->kids[i], &a, &b);
            if (i == 0 || a < lo)
                lo = a;
            if (i == 0)
                hi = b;
            else if (hi >= 0 && (b < 0 || b > hi))
                hi = b;
        }
        break;
    case N_GROUP:
    case N_ATOMIC:
        width(n->kids[0], &lo, &hi);
        break;
    case N_REPEAT: {
        long long a, b;
        width(n->kids[0], &a, &b);
        lo = a * n->a;
        hi = (n->b == RE_INF) ? (b == 0 ? 0 : -1) : (b < 0 ? -1 : b * n->b);
        break;
    }
    case N_BACKREF:
        lo = 0;
        hi = -1;
        break;
    }
    *min = lo;
    *max = hi;
}

/* ------------------------------------------------------------------ */
/* Emitting code                                                        */

typedef struct {
    int32_t *code;
    size_t len, cap;
    int nregs;
    int flags;
    bool failed;
} Emitter;

static size_t emit(Emitter *e, int32_t word)
{
    if (e->failed)
        return e->len;
    if (e->len == e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 64;
        if (cap > RE_MAXCODE * 2) {
            e->failed = true;
            return e->len;
        }
        int32_t *code = realloc(e->code, cap * sizeof(int32_t));
        if (code == NULL) {
            e->failed = true;
            return e->len;
        }
        e->code = code;
        e->cap = cap;
    }
    e->code[e->len] = word;
    return e->len++;
}

static void patch(Emitter *e, size_t at, size_t target)
{
    if (!e->failed)
        e->code[at] = (int32_t)target;
}

static void emit_node(Emitter *e, Parser *p, Node *n);

/* A sub-program ending in MATCH, after a header whose two last words are
 * patched to its [start, end). */
static void emit_sub(Emitter *e, Parser *p, Node *n, size_t start_slot, size_t end_slot)
{
    patch(e, start_slot, e->len);
    emit_node(e, p, n);
    emit(e, RE_MATCH);
    patch(e, end_slot, e->len);
}

static void emit_repeat(Emitter *e, Parser *p, Node *n)
{
    Node *kid = n->kids[0];
    int min = n->a, max = n->b;
    bool greedy = n->mode != 0;
    if (n->mode == 2) {
        /* Possessive: the greedy repeat inside an atomic group. */
        Node copy = *n;
        copy.mode = 1;
        emit(e, RE_ATOMIC);
        size_t s = emit(e, 0), t = emit(e, 0);
        emit_sub(e, p, &copy, s, t);
        return;
    }
    for (int i = 0; i < min && !e->failed; i++)
        emit_node(e, p, kid);
    long long kmin, kmax;
    width(kid, &kmin, &kmax);
    if (max == RE_INF) {
        size_t loop = emit(e, RE_SPLIT);
        size_t x = emit(e, 0), y = emit(e, 0);
        size_t body = e->len;
        int reg = -1;
        if (kmin == 0) {
            reg = e->nregs++;
            emit(e, RE_LOOP_MARK);
            emit(e, reg);
        }
        emit_node(e, p, kid);
        if (reg >= 0) {
            emit(e, RE_LOOP_NEXT);
            emit(e, reg);
            emit(e, (int32_t)loop);
            size_t out = emit(e, 0);
            patch(e, out, e->len);
        } else {
            emit(e, RE_JUMP);
            emit(e, (int32_t)loop);
        }
        patch(e, greedy ? x : y, body);
        patch(e, greedy ? y : x, e->len);
        return;
    }
    /* Up to max - min optional copies, each nested in the previous one. */
    size_t nopt = (size_t)(max - min);
    size_t *exits = nopt ? malloc(nopt * sizeof(size_t)) : NULL;
    if (nopt && exits == NULL) {
        e->failed = true;
        return;
    }
    for (size_t i = 0; i < nopt && !e->failed; i++) {
        emit(e, RE_SPLIT);
        size_t x = emit(e, 0), y = emit(e, 0);
        patch(e, greedy ? x : y, e->len);
        exits[i] = greedy ? y : x;
        emit_node(e, p, kid);
    }
    for (size_t i = 0; i < nopt; i++)
        patch(e, exits[i], e->len);
    free(exits);
}

static void emit_node(Emitter *e, Parser *p, Node *n)
{
    if (e->failed || e->len > RE_MAXCODE) {
        e->failed = true;
        return;
    }
    bool ascii = (e->flags & MPY_RE_ASCII) != 0;
    switch (n->kind) {
    case N_EMPTY:
        break;
    case N_CHAR: {
        uint32_t c = (uint32_t)n->a;
        uint32_t folded = mpy__re_fold(c, ascii);
        uint32_t upper = c < 128 ? (c >= 'a' && c <= 'z' ? c - 32 : c)
                                 : (ascii ? c : mpy__unicode_to_upper(c));
        if (n->b && (folded != c || upper != c)) {
            emit(e, RE_CHAR_I);
            emit(e, (int32_t)folded);
        } else {
            emit(e, RE_CHAR);
            emit(e, (int32_t)c);
        }
        break;
    }
    case N_ANY:
        emit(e, n->a ? RE_ANY_ALL : RE_ANY);
        break;
    case N_CLASS:
        emit(e, RE_CLASS);
        emit(e, n->a);
        break;
    case N_AT:
        emit(e, n->a);
        break;
    case N_CONCAT:
        for (size_t i = 0; i < n->nkids; i++)
            emit_node(e, p, n->kids[i]);
        break;
    case N_ALT: {
        size_t *jumps = malloc(n->nkids * sizeof(size_t));
        if (jumps == NULL) {
            e->failed = true;
            return;
        }
        for (size_t i = 0; i < n->nkids; i++) {
            if (i + 1 < n->nkids) {
                emit(e, RE_SPLIT);
                size_t x = emit(e, 0), y = emit(e, 0);
                patch(e, x, e->len);
                emit_node(e, p, n->kids[i]);
                emit(e, RE_JUMP);
                jumps[i] = emit(e, 0);
                patch(e, y, e->len);
            } else {
                emit_node(e, p, n->kids[i]);
            }
        }
        for (size_t i = 0; i + 1 < n->nkids; i++)
            patch(e, jumps[i], e->len);
        free(jumps);
        break;
    }
    case N_GROUP:
        if (n->a >= 0) {
            emit(e, RE_SAVE);
            emit(e, 2 * n->a);
        }
        emit_node(e, p, n->kids[0]);
        if (n->a >= 0) {
            emit(e, RE_SAVE);
            emit(e, 2 * n->a + 1);
        }
        break;
    case N_REPEAT:
        emit_repeat(e, p, n);
        break;
    case N_BACKREF:
        emit(e, RE_BACKREF);
        emit(e, n->a);
        emit(e, n->b);
        break;
    case N_LOOK: {
        long long lo = 0, hi = 0;
        if (n->a == RE_LOOKBEHIND || n->a == RE_NEG_LOOKBEHIND) {
            width(n->kids[0], &lo, &hi);
            if (lo != hi) {
                fail_at(p, -1, "look-behind requires fixed-width pattern");
                e->failed = true;
                return;
            }
        }
        emit(e, RE_ASSERT);
        emit(e, n->a);
        size_t s = emit(e, 0), t = emit(e, 0);
        emit(e, (int32_t)lo);
        /* The header is 5 words: patch start/end to follow it. */
        size_t start = e->len;
        emit_node(e, p, n->kids[0]);
        emit(e, RE_MATCH);
        patch(e, s, start);
        patch(e, t, e->len);
        break;
    }
    case N_ATOMIC: {
        emit(e, RE_ATOMIC);
        size_t s = emit(e, 0), t = emit(e, 0);
        emit_sub(e, p, n->kids[0], s, t);
        break;
    }
    case N_COND: {
        emit(e, RE_GROUP_EXISTS);
        emit(e, n->a);
        size_t no = emit(e, 0);
        emit_node(e, p, n->kids[0]);
        emit(e, RE_JUMP);
        size_t end = emit(e, 0);
        patch(e, no, e->len);
        emit_node(e, p, n->kids[1]);
        patch(e, end, e->len);
        break;
    }
    }
}

/* ------------------------------------------------------------------ */
/* Entry point                                                          */

static void free_parser(Parser *p)
{
    for (size_t i = 0; i < p->nnodes; i++) {
        free(p->nodes[i]->kids);
        free(p->nodes[i]);
    }
    free(p->nodes);
    free(p->open_groups);
}

void mpy__re_program_free(MpyReProgram *prog)
{
    free(prog->code);
    for (size_t i = 0; i < prog->nclasses; i++)
        free(prog->classes[i].ranges);
    free(prog->classes);
    MPY_CLEAR(prog->groupindex);
    memset(prog, 0, sizeof *prog);
}

int mpy__re_compile(const uint32_t *pattern, size_t len, int flags, bool is_bytes,
                    MpyReProgram *prog, char *errmsg, size_t errsize, ptrdiff_t *errpos)
{
    memset(prog, 0, sizeof *prog);
    Parser p = {0};
    p.pat = pattern;
    p.len = len;
    p.is_bytes = is_bytes;
    if (!is_bytes && !(flags & MPY_RE_ASCII))
        flags |= MPY_RE_UNICODE;
    p.flags = flags;
    p.errmsg = errmsg;
    p.errsize = errsize;
    p.errpos = errpos;
    errmsg[0] = '\0';
    *errpos = -1;
    p.groupindex = mpy_dict_new();
    if (p.groupindex == NULL)
        return -1;
    Node *root = parse_alt(&p, 0);
    if (!bad(&p) && !at_end(&p))
        fail_at(&p, (ptrdiff_t)p.pos, "unbalanced parenthesis");
    int result = -1;
    if (!bad(&p) && root != NULL) {
        Emitter e = {0};
        e.flags = p.flags;
        emit_node(&e, &p, root);
        emit(&e, RE_MATCH);
        if (e.failed && !bad(&p)) {
            if (e.len > RE_MAXCODE)
                fail_at(&p, -1, "pattern too large");
            else {
                mpy_err_no_memory();
                p.pyerror = true;
            }
        }
        if (bad(&p)) {
            free(e.code);
        } else {
            prog->code = e.code;
            prog->len = e.len;
            prog->nregs = e.nregs;
            result = 0;
        }
    }
    prog->classes = p.classes;
    prog->nclasses = p.nclasses;
    prog->ngroups = p.ngroups;
    prog->flags = flags | p.global_flags;
    if (prog->flags & MPY_RE_ASCII)
        prog->flags &= ~MPY_RE_UNICODE; /* (?a) replaces the default */
    prog->groupindex = p.groupindex;
    free_parser(&p);
    if (result < 0) {
        mpy__re_program_free(prog);
        if (!p.pyerror && !mpy_err_occurred())
            return -1; /* syntax error in errmsg/errpos */
        return -2;     /* Python exception set */
    }
    return 0;
}
