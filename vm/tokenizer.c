/* vm/tokenizer.c: Python source text -> tokens.
 *
 * Models CPython 3.11's Parser/tokenizer.c (tok_get and its helpers), and
 * keeps its quirks where they show in error messages: the same messages,
 * the same error positions, the same order of checks.
 *
 * Reading characters: nextc() returns the next byte and, like CPython's
 * tok_nextc, moves to a new line (lineno + 1, line_start) only when the
 * first character *after* a '\n' is read, so backing up over a '\n' is
 * always safe.  `inp` marks the end of the current line.
 *
 * Invariants: the buffer is NUL-terminated, holds no other NUL, uses '\n'
 * line endings only and ends with '\n' (mpy__tok_init guarantees all four).
 */
#include "vm/tokenizer.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/error.h"

#define EOF_CHAR (-1)

static const char *const token_names[] = {
#define MPY_TOKEN_NAME(name, spelling) #name,
    MPY_TOKEN_LIST(MPY_TOKEN_NAME)
#undef MPY_TOKEN_NAME
};
static const char *const token_spellings[] = {
#define MPY_TOKEN_SPELLING(name, spelling) spelling,
    MPY_TOKEN_LIST(MPY_TOKEN_SPELLING)
#undef MPY_TOKEN_SPELLING
};

const char *
mpy__tok_type_name(int type)
{
    return type >= 0 && type < MPY_TOK_COUNT ? token_names[type] : "?";
}

const char *
mpy__tok_spelling(int type)
{
    return type >= 0 && type < MPY_TOK_COUNT ? token_spellings[type] : NULL;
}

int
mpy__utf8_count(const char *s, int nbytes)
{
    int n = 0;
    for (int i = 0; i < nbytes && s[i] != '\0'; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

void
mpy__tok_set_error(MpyTokError *err, MpyTokErrKind kind, const char *line, int lineno,
                   int offset, int end_lineno, int end_offset, const char *fmt, ...)
{
    if (err->kind != MPY_TOKERR_NONE)
        return;
    err->kind = kind;
    err->line = line;
    err->lineno = lineno;
    err->offset = offset;
    err->end_lineno = end_lineno;
    err->end_offset = end_offset;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
}

/* ------------------------------------------------------------------ */
/* Source normalization                                                 */

/* Length of a valid UTF-8 sequence at s (of `avail` bytes), or 0. */
static int
utf8_valid_len(const unsigned char *s, size_t avail)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (n == 0 || c > 0xF4 || (size_t)n > avail)
        return 0;
    for (int i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if (c == 0xE0 && s[1] < 0xA0)
        return 0; // overlong
    if (c == 0xF0 && s[1] < 0x90)
        return 0;
    if (c == 0xF4 && s[1] >= 0x90)
        return 0; // beyond U+10FFFF
    return n;
}

/* The first byte offset where `s` is not valid UTF-8, or -1. */
static long
utf8_invalid_at(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        int n = utf8_valid_len((const unsigned char *)s + i, len - i);
        if (n == 0 || i + (size_t)n > len)
            return (long)i;
        i += (size_t)n;
    }
    return -1;
}

/* Find a PEP 263 coding declaration in the first two lines.  Writes the
 * lower-cased name into `name` ("" when there is none). */
static void
find_coding(const char *s, size_t len, char *name, size_t size)
{
    name[0] = 0;
    size_t pos = 0;
    for (int line = 0; line < 2 && pos < len; line++) {
        size_t eol = pos;
        while (eol < len && s[eol] != '\n' && s[eol] != '\r')
            eol++;
        size_t i = pos;
        while (i < eol && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f'))
            i++;
        if (i < eol && s[i] == '#') {
            for (size_t j = i; j + 6 < eol; j++) {
                if (memcmp(s + j, "coding", 6) != 0 || (s[j + 6] != ':' && s[j + 6] != '='))
                    continue;
                size_t k = j + 7, n = 0;
                while (k < eol && (s[k] == ' ' || s[k] == '\t'))
                    k++;
                while (k < eol && n + 1 < size &&
                       (s[k] == '-' || s[k] == '_' || s[k] == '.' ||
                        (s[k] >= '0' && s[k] <= '9') || (s[k] >= 'a' && s[k] <= 'z') ||
                        (s[k] >= 'A' && s[k] <= 'Z'))) {
                    char c = s[k++];
                    name[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : (c == '_' ? '-' : c));
                }
                name[n] = 0;
                return;
            }
        } else if (i < eol) {
            return; // a code line: the declaration may only be on the first two lines
        }
        pos = eol + 1;
        if (eol < len && s[eol] == '\r' && pos < len && s[pos] == '\n')
            pos++;
    }
}

static bool
starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* 0: UTF-8 (or ASCII), 1: latin-1, 2: cp1252, -1: unknown. */
static int
classify_coding(const char *name)
{
    if (name[0] == 0 || strcmp(name, "utf-8") == 0 || strcmp(name, "utf8") == 0 ||
        starts_with(name, "utf-8-") || strcmp(name, "ascii") == 0 ||
        strcmp(name, "us-ascii") == 0)
        return 0;
    if (strcmp(name, "latin-1") == 0 || strcmp(name, "latin1") == 0 ||
        strcmp(name, "iso-8859-1") == 0 || strcmp(name, "iso8859-1") == 0 ||
        strcmp(name, "iso-latin-1") == 0 || starts_with(name, "latin-1-") ||
        starts_with(name, "iso-8859-1-") || starts_with(name, "iso-latin-1-"))
        return 1;
    if (strcmp(name, "cp1252") == 0 || strcmp(name, "windows-1252") == 0)
        return 2;
    return -1;
}

/* cp1252 differs from latin-1 only in 0x80..0x9F (0: unassigned, kept as
 * the latin-1 control character). */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
    0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* Append the UTF-8 form of byte `c` of a latin-1 or cp1252 source. */
static char *
decode_8bit(char *out, unsigned char c, bool cp1252)
{
    unsigned cp = cp1252 && c >= 0x80 && c < 0xA0 && cp1252_high[c - 0x80] ? cp1252_high[c - 0x80] : c;
    if (cp < 0x800) {
        *out++ = (char)(0xC0 | (cp >> 6));
    } else {
        *out++ = (char)(0xE0 | (cp >> 12));
        *out++ = (char)(0x80 | ((cp >> 6) & 0x3F));
    }
    *out++ = (char)(0x80 | (cp & 0x3F));
    return out;
}

static int
tok_init_error(MpyTokenizer *tok, const char *fmt, const char *arg)
{
    mpy__tok_set_error(&tok->error, MPY_TOKERR_SYNTAX, NULL, 0, 0, 0, 0, fmt, arg);
    return -1;
}

int
mpy__tok_init(MpyTokenizer *tok, const char *source, size_t len)
{
    memset(tok, 0, sizeof *tok);
    if (len >= 3 && memcmp(source, "\xEF\xBB\xBF", 3) == 0) {
        source += 3;
        len -= 3;
    }
    if (memchr(source, '\0', len) != NULL)
        return tok_init_error(tok, "source code %scannot contain null bytes", "string ");
    char coding[64];
    find_coding(source, len, coding, sizeof coding);
    int kind = classify_coding(coding);
    if (kind < 0)
        return tok_init_error(tok, "unknown encoding: %s", coding);
    // A latin-1 (cp1252) declaration is honoured only when the bytes are not UTF-8
    // already: text that came from a str (compile(), exec) is UTF-8 even when
    // its first line still carries the original file's declaration.
    bool latin1 = kind >= 1 && utf8_invalid_at(source, len) >= 0;
    size_t cap = (latin1 ? 3 * len : len) + 2;
    tok->buf = malloc(cap);
    if (tok->buf == NULL) {
        mpy_err_no_memory();
        tok->error.kind = MPY_TOKERR_MEMORY;
        return -1;
    }
    char *out = tok->buf;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)source[i];
        if (c == '\r') {
            *out++ = '\n';
            if (i + 1 < len && source[i + 1] == '\n')
                i++;
        } else if (latin1 && c >= 0x80) {
            out = decode_8bit(out, c, kind == 2);
        } else {
            *out++ = (char)c;
        }
    }
    if (out == tok->buf || out[-1] != '\n')
        *out++ = '\n';
    *out = 0;
    tok->end = out;
    long bad = utf8_invalid_at(tok->buf, (size_t)(out - tok->buf));
    if (bad >= 0) {
        char msg[160];
        snprintf(msg, sizeof msg,
                 "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %ld: "
                 "invalid start byte",
                 (unsigned char)tok->buf[bad], bad);
        return tok_init_error(tok, "%s", msg);
    }
    tok->cur = tok->line_start = tok->buf;
    tok->inp = tok->buf; // the first nextc() loads line 1
    tok->lineno = 0;
    tok->atbol = true;
    return 0;
}

void
mpy__tok_fini(MpyTokenizer *tok)
{
    free(tok->buf);
    tok->buf = NULL;
}

/* ------------------------------------------------------------------ */
/* Reading characters                                                   */

static int
nextc(MpyTokenizer *tok)
{
    if (tok->cur == tok->inp) {
        if (*tok->cur == '\0')
            return EOF_CHAR;
        tok->line_start = tok->cur;
        tok->lineno++;
        const char *nl = strchr(tok->cur, '\n'); // always found: the buffer ends with '\n'
        tok->inp = nl + 1;
    }
    return (unsigned char)*tok->cur++;
}

static void
backup(MpyTokenizer *tok, int c)
{
    if (c != EOF_CHAR)
        tok->cur--;
}

/* Code points from line_start to cur: the offset CPython's tokenizer
 * reports for errors found "here". */
static int
cur_offset(MpyTokenizer *tok)
{
    return mpy__utf8_count(tok->line_start, (int)(tok->cur - tok->line_start));
}

/* The errors the tokenizer itself detects carry the line without its
 * newline as their text (CPython's tokenizer cuts it at '\n'); call just
 * before setting such an error (the first error set wins). */
static void
text_without_newline(MpyTokenizer *tok)
{
    if (tok->error.kind == MPY_TOKERR_NONE)
        tok->error.text_without_newline = true;
}

/* CPython's syntaxerror(tok, ...): positioned at the current character. */
static int
syntax_error(MpyTokenizer *tok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int
syntax_error(MpyTokenizer *tok, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int off = cur_offset(tok);
    text_without_newline(tok);
    mpy__tok_set_error(&tok->error, MPY_TOKERR_SYNTAX, tok->line_start, tok->lineno, off,
                       tok->lineno, off, "%s", msg);
    tok->done = true;
    return MPY_TOK_ERRORTOKEN;
}

/* Errors of the indentation kind: CPython reports them at column 1 with
 * end offset 0 (TabError, too deep). */
static int
indent_error(MpyTokenizer *tok, MpyTokErrKind kind, const char *msg)
{
    mpy__tok_set_error(&tok->error, kind, tok->line_start, tok->lineno, 1, tok->lineno, 0, "%s",
                       msg);
    tok->done = true;
    return MPY_TOK_ERRORTOKEN;
}

static bool
is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static bool
is_xdigit(int c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static bool
is_id_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}

static bool
is_id_char(int c)
{
    return is_id_start(c) || is_digit(c);
}

/* ------------------------------------------------------------------ */
/* Keywords                                                             */

static int
keyword_type(const char *s, int len)
{
    // Linear in the keywords of the same first letter: short lists.
    for (int t = MPY_TOK_FIRST_KEYWORD; t < MPY_TOK_COUNT; t++) {
        const char *kw = token_spellings[t];
        if (kw[0] == s[0] && (int)strlen(kw) == len && memcmp(kw, s, (size_t)len) == 0)
            return t;
    }
    return MPY_TOK_NAME;
}

/* Check that a non-ASCII identifier is made of identifier characters
 * (CPython's verify_identifier).  Returns false with the error set. */
static bool
verify_identifier(MpyTokenizer *tok, const char *start)
{
    const char *p = start;
    bool first = true;
    while (p < tok->cur) {
        int n;
        uint32_t cp;
        unsigned char c = (unsigned char)*p;
        if (c < 0x80) {
            cp = c;
            n = 1;
        } else {
            n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            cp = c & (0x3F >> (n - 1));
            for (int i = 1; i < n; i++)
                cp = (cp << 6) | ((unsigned char)p[i] & 0x3F);
        }
        if (!mpy__tok_is_id_char(cp, first)) {
            tok->cur = p + n;
            // Printable: anything but controls, separators and unassigned
            // code points; the few non-printables one meets are U+00A0-like
            // spaces and format characters.
            bool printable = cp > 0xA0 && cp != 0xAD && !(cp >= 0x2000 && cp <= 0x200F) &&
                             !(cp >= 0x2028 && cp <= 0x202F) && cp != 0xFEFF && cp != 0x3000;
            if (printable)
                syntax_error(tok, "invalid character '%.*s' (U+%04X)", n, p, cp);
            else
                syntax_error(tok, "invalid non-printable character U+%04X", cp);
            return false;
        }
        first = false;
        p += n;
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* Numbers                                                              */

static bool
lookahead(MpyTokenizer *tok, const char *test)
{
    const char *s = test;
    int res = 0;
    while (1) {
        int c = nextc(tok);
        if (*s == 0) {
            res = !is_id_char(c);
        } else if (c == (unsigned char)*s) {
            s++;
            continue;
        }
        backup(tok, c);
        while (s != test) {
            backup(tok, (unsigned char)*--s);
        }
        return res;
    }
}

/* A number may not run into an identifier ("1abc"), except before the
 * keywords valid code can put there ("1if x else y", which CPython 3.11
 * accepts with a warning we do not print). */
static bool
verify_end_of_number(MpyTokenizer *tok, int c, const char *kind)
{
    bool r = false;
    if (c == 'a')
        r = lookahead(tok, "nd");
    else if (c == 'e')
        r = lookahead(tok, "lse");
    else if (c == 'f')
        r = lookahead(tok, "or");
    else if (c == 'i') {
        int c2 = nextc(tok);
        if (c2 == 'f' || c2 == 'n' || c2 == 's')
            r = true;
        backup(tok, c2);
    } else if (c == 'o')
        r = lookahead(tok, "r");
    else if (c == 'n')
        r = lookahead(tok, "ot");
    if (r)
        return true;
    if (c < 128 && is_id_char(c)) { // non-ASCII: the next token reports it
        backup(tok, c);
        syntax_error(tok, "invalid %s literal", kind);
        return false;
    }
    return true;
}

/* Digits with single underscores between them.  Returns the character
 * after them, or 0 after an error. */
static int
decimal_tail(MpyTokenizer *tok)
{
    int c;
    while (1) {
        do {
            c = nextc(tok);
        } while (is_digit(c));
        if (c != '_')
            break;
        c = nextc(tok);
        if (!is_digit(c)) {
            backup(tok, c);
            syntax_error(tok, "invalid decimal literal");
            return 0;
        }
    }
    return c;
}

/* 0x / 0o / 0b literals; `c` is the character after the prefix. */
static int
radix_number(MpyTokenizer *tok, int c, int radix)
{
    const char *kind = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary";
    int limit = radix == 8 ? '8' : '2';
    do {
        if (c == '_')
            c = nextc(tok);
        bool ok = radix == 16 ? is_xdigit(c) : (c >= '0' && c < limit);
        if (!ok) {
            if (radix != 16 && is_digit(c))
                return syntax_error(tok, "invalid digit '%c' in %s literal", c, kind);
            backup(tok, c);
            return syntax_error(tok, "invalid %s literal", kind);
        }
        do {
            c = nextc(tok);
        } while (radix == 16 ? is_xdigit(c) : (c >= '0' && c < limit));
    } while (c == '_');
    if (radix != 16 && is_digit(c))
        return syntax_error(tok, "invalid digit '%c' in %s literal", c, kind);
    if (!verify_end_of_number(tok, c, kind))
        return MPY_TOK_ERRORTOKEN;
    backup(tok, c);
    return MPY_TOK_NUMBER;
}

/* The fraction, exponent and imaginary parts, entered at `state`:
 * 0 after the integer part (c is the next char), 1 after the '.' (c is the
 * char after it), 2 at an exponent letter c, 3 at a 'j'. */
static int
number_tail(MpyTokenizer *tok, int c, int state)
{
    if (state == 0 && c == '.') {
        c = nextc(tok);
        state = 1;
    }
    if (state == 1 && is_digit(c)) {
        c = decimal_tail(tok);
        if (c == 0)
            return MPY_TOK_ERRORTOKEN;
    }
    if (state <= 2 && (c == 'e' || c == 'E')) {
        int e = c;
        c = nextc(tok);
        if (c == '+' || c == '-') {
            c = nextc(tok);
            if (!is_digit(c)) {
                backup(tok, c);
                return syntax_error(tok, "invalid decimal literal");
            }
        } else if (!is_digit(c)) {
            backup(tok, c);
            if (!verify_end_of_number(tok, e, "decimal"))
                return MPY_TOK_ERRORTOKEN;
            backup(tok, e);
            return MPY_TOK_NUMBER;
        }
        c = decimal_tail(tok);
        if (c == 0)
            return MPY_TOK_ERRORTOKEN;
    }
    if (c == 'j' || c == 'J') {
        c = nextc(tok);
        if (!verify_end_of_number(tok, c, "imaginary"))
            return MPY_TOK_ERRORTOKEN;
    } else if (!verify_end_of_number(tok, c, "decimal")) {
        return MPY_TOK_ERRORTOKEN;
    }
    backup(tok, c);
    return MPY_TOK_NUMBER;
}

/* A number starting with the digit `c` (already read). */
static int
number(MpyTokenizer *tok, int c, const char *start)
{
    if (c != '0') {
        c = decimal_tail(tok);
        if (c == 0)
            return MPY_TOK_ERRORTOKEN;
        return number_tail(tok, c, 0);
    }
    c = nextc(tok);
    if (c == 'x' || c == 'X')
        return radix_number(tok, nextc(tok), 16);
    if (c == 'o' || c == 'O')
        return radix_number(tok, nextc(tok), 8);
    if (c == 'b' || c == 'B')
        return radix_number(tok, nextc(tok), 2);
    // "0", "00", "0_0", "0.5", "0e1", "0j"; "0777" is an error.
    bool nonzero = false;
    while (1) {
        if (c == '_') {
            c = nextc(tok);
            if (!is_digit(c)) {
                backup(tok, c);
                return syntax_error(tok, "invalid decimal literal");
            }
        }
        if (c != '0')
            break;
        c = nextc(tok);
    }
    const char *zeros_end = tok->cur;
    if (is_digit(c)) {
        nonzero = true;
        c = decimal_tail(tok);
        if (c == 0)
            return MPY_TOK_ERRORTOKEN;
    }
    if (c == '.')
        return number_tail(tok, nextc(tok), 1);
    if (c == 'e' || c == 'E')
        return number_tail(tok, c, 2);
    if (c == 'j' || c == 'J')
        return number_tail(tok, c, 3);
    if (nonzero) {
        backup(tok, c);
        int off = mpy__utf8_count(tok->line_start, (int)(start - tok->line_start)) + 1;
        int end = mpy__utf8_count(tok->line_start, (int)(zeros_end - tok->line_start));
        text_without_newline(tok);
        mpy__tok_set_error(&tok->error, MPY_TOKERR_SYNTAX, tok->line_start, tok->lineno, off,
                           tok->lineno, end,
                           "leading zeros in decimal integer literals are not permitted; "
                           "use an 0o prefix for octal integers");
        tok->done = true;
        return MPY_TOK_ERRORTOKEN;
    }
    if (!verify_end_of_number(tok, c, "decimal"))
        return MPY_TOK_ERRORTOKEN;
    backup(tok, c);
    return MPY_TOK_NUMBER;
}

/* ------------------------------------------------------------------ */
/* Strings                                                              */

/* The body of a string literal; the opening quote `quote` was just read.
 * Escapes are only skipped here: vm/parser_string.c decodes them. */
static int
string_body(MpyTokenizer *tok, int quote, const char *start, int start_lineno,
            const char *start_line)
{
    int quote_size = 1;
    int end_quote_size = 0;
    int c = nextc(tok);
    if (c == quote) {
        c = nextc(tok);
        if (c == quote)
            quote_size = 3;
        else
            end_quote_size = 1; // the empty string
    }
    if (c != quote)
        backup(tok, c);
    while (end_quote_size != quote_size) {
        c = nextc(tok);
        if (c == EOF_CHAR || (quote_size == 1 && c == '\n')) {
            // CPython reports the error at the opening quote, on the line
            // where the string started, naming the line where it noticed.
            int detected = tok->lineno;
            int off = mpy__utf8_count(start_line, (int)(start - start_line)) + 1;
            const char *what = quote_size == 3 ? "unterminated triple-quoted string literal"
                                               : "unterminated string literal";
            text_without_newline(tok);
            mpy__tok_set_error(&tok->error, MPY_TOKERR_SYNTAX, start_line, start_lineno, off,
                               start_lineno, off, "%s (detected at line %d)", what, detected);
            tok->error.incomplete = quote_size == 3;
            tok->done = true;
            return MPY_TOK_ERRORTOKEN;
        }
        if (c == quote) {
            end_quote_size++;
        } else {
            end_quote_size = 0;
            if (c == '\\')
                nextc(tok); // skip the escaped character, a newline included
        }
    }
    return MPY_TOK_STRING;
}

/* ------------------------------------------------------------------ */
/* Operators                                                            */

static int
one_char(int c)
{
    switch (c) {
    case '%': return MPY_TOK_PERCENT;
    case '&': return MPY_TOK_AMPER;
    case '(': return MPY_TOK_LPAR;
    case ')': return MPY_TOK_RPAR;
    case '*': return MPY_TOK_STAR;
    case '+': return MPY_TOK_PLUS;
    case ',': return MPY_TOK_COMMA;
    case '-': return MPY_TOK_MINUS;
    case '.': return MPY_TOK_DOT;
    case '/': return MPY_TOK_SLASH;
    case ':': return MPY_TOK_COLON;
    case ';': return MPY_TOK_SEMI;
    case '<': return MPY_TOK_LESS;
    case '=': return MPY_TOK_EQUAL;
    case '>': return MPY_TOK_GREATER;
    case '@': return MPY_TOK_AT;
    case '[': return MPY_TOK_LSQB;
    case ']': return MPY_TOK_RSQB;
    case '^': return MPY_TOK_CIRCUMFLEX;
    case '{': return MPY_TOK_LBRACE;
    case '|': return MPY_TOK_VBAR;
    case '}': return MPY_TOK_RBRACE;
    case '~': return MPY_TOK_TILDE;
    }
    return MPY_TOK_ERRORTOKEN;
}

static int
two_chars(int c1, int c2)
{
    switch (c1) {
    case '!': return c2 == '=' ? MPY_TOK_NOTEQUAL : -1;
    case '%': return c2 == '=' ? MPY_TOK_PERCENTEQUAL : -1;
    case '&': return c2 == '=' ? MPY_TOK_AMPEREQUAL : -1;
    case '*': return c2 == '*' ? MPY_TOK_DOUBLESTAR : c2 == '=' ? MPY_TOK_STAREQUAL : -1;
    case '+': return c2 == '=' ? MPY_TOK_PLUSEQUAL : -1;
    case '-': return c2 == '=' ? MPY_TOK_MINEQUAL : c2 == '>' ? MPY_TOK_RARROW : -1;
    case '/': return c2 == '/' ? MPY_TOK_DOUBLESLASH : c2 == '=' ? MPY_TOK_SLASHEQUAL : -1;
    case ':': return c2 == '=' ? MPY_TOK_COLONEQUAL : -1;
    case '<':
        return c2 == '<' ? MPY_TOK_LEFTSHIFT : c2 == '=' ? MPY_TOK_LESSEQUAL
               : c2 == '>' ? MPY_TOK_NOTEQUAL : -1;
    case '=': return c2 == '=' ? MPY_TOK_EQEQUAL : -1;
    case '>': return c2 == '=' ? MPY_TOK_GREATEREQUAL : c2 == '>' ? MPY_TOK_RIGHTSHIFT : -1;
    case '@': return c2 == '=' ? MPY_TOK_ATEQUAL : -1;
    case '^': return c2 == '=' ? MPY_TOK_CIRCUMFLEXEQUAL : -1;
    case '|': return c2 == '=' ? MPY_TOK_VBAREQUAL : -1;
    }
    return -1;
}

static int
three_chars(int t, int c3)
{
    if (c3 != '=')
        return -1;
    switch (t) {
    case MPY_TOK_LEFTSHIFT: return MPY_TOK_LEFTSHIFTEQUAL;
    case MPY_TOK_RIGHTSHIFT: return MPY_TOK_RIGHTSHIFTEQUAL;
    case MPY_TOK_DOUBLESTAR: return MPY_TOK_DOUBLESTAREQUAL;
    case MPY_TOK_DOUBLESLASH: return MPY_TOK_DOUBLESLASHEQUAL;
    }
    return -1;
}

/* Brackets: keep the stack for implicit line joining and the errors. */
static int
open_bracket(MpyTokenizer *tok, int c, const char *start)
{
    if (tok->level >= MPY_TOK_MAXLEVEL)
        return syntax_error(tok, "too many nested parentheses");
    tok->parenstack[tok->level] = (char)c;
    tok->parenlinenostack[tok->level] = tok->lineno;
    tok->parencolstack[tok->level] = (int)(start - tok->line_start);
    tok->level++;
    return 0;
}

static int
close_bracket(MpyTokenizer *tok, int c)
{
    if (tok->level == 0)
        return syntax_error(tok, "unmatched '%c'", c);
    tok->level--;
    int opening = tok->parenstack[tok->level];
    if ((opening == '(' && c == ')') || (opening == '[' && c == ']') ||
        (opening == '{' && c == '}'))
        return 0;
    if (tok->parenlinenostack[tok->level] != tok->lineno)
        return syntax_error(tok,
                            "closing parenthesis '%c' does not match opening parenthesis "
                            "'%c' on line %d",
                            c, opening, tok->parenlinenostack[tok->level]);
    return syntax_error(tok, "closing parenthesis '%c' does not match opening parenthesis '%c'",
                        c, opening);
}

/* ------------------------------------------------------------------ */
/* Indentation                                                          */

/* At the start of a line: measure its indentation and queue INDENT/DEDENT
 * tokens.  Returns 1 if the line is blank (or a comment), 0 otherwise,
 * -1 on error. */
static int
measure_indent(MpyTokenizer *tok)
{
    int col = 0, altcol = 0, c;
    for (;;) {
        c = nextc(tok);
        if (c == ' ') {
            col++;
            altcol++;
        } else if (c == '\t') {
            col = (col / 8 + 1) * 8;
            altcol++;
        } else if (c == '\014') { // form feed: resets the count, as in CPython
            col = altcol = 0;
        } else {
            break;
        }
    }
    backup(tok, c);
    if (c == '#' || c == '\n')
        return 1; // blank and comment-only lines do not change indentation
    if (c == EOF_CHAR)
        col = altcol = 0;
    if (tok->level > 0)
        return 0;
    if (col == tok->indstack[tok->indent]) {
        if (altcol != tok->altindstack[tok->indent])
            return indent_error(tok, MPY_TOKERR_TAB,
                                "inconsistent use of tabs and spaces in indentation"), -1;
    } else if (col > tok->indstack[tok->indent]) {
        if (tok->indent + 1 >= MPY_TOK_MAXINDENT)
            return indent_error(tok, MPY_TOKERR_INDENT, "too many levels of indentation"), -1;
        if (altcol <= tok->altindstack[tok->indent])
            return indent_error(tok, MPY_TOKERR_TAB,
                                "inconsistent use of tabs and spaces in indentation"), -1;
        tok->pendin++;
        tok->indent++;
        tok->indstack[tok->indent] = col;
        tok->altindstack[tok->indent] = altcol;
    } else {
        while (tok->indent > 0 && col < tok->indstack[tok->indent]) {
            tok->pendin--;
            tok->indent--;
        }
        if (col != tok->indstack[tok->indent]) {
            // CPython: the whole line was read; offset = its length in bytes.
            int len = (int)(tok->inp - tok->line_start);
            mpy__tok_set_error(&tok->error, MPY_TOKERR_INDENT, tok->line_start, tok->lineno,
                               len, tok->lineno, -1,
                               "unindent does not match any outer indentation level");
            tok->done = true;
            return -1;
        }
        if (altcol != tok->altindstack[tok->indent])
            return indent_error(tok, MPY_TOKERR_TAB,
                                "inconsistent use of tabs and spaces in indentation"), -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* The main loop                                                        */

static void
set_token(MpyTokenizer *tok, MpyToken *out, int type, const char *start, int lineno,
          const char *line_start)
{
    out->type = type;
    out->start = start;
    out->len = (int)(tok->cur - start);
    out->lineno = lineno;
    out->col = (int)(start - line_start);
    out->end_lineno = tok->lineno;
    out->end_col = (int)(tok->cur - tok->line_start);
    out->level = tok->level;
}

/* A token without text at the current position (INDENT, DEDENT,
 * ENDMARKER). */
static int
empty_token(MpyTokenizer *tok, MpyToken *out, int type)
{
    set_token(tok, out, type, tok->cur, tok->lineno, tok->line_start);
    return type;
}

static int
tok_get(MpyTokenizer *tok, MpyToken *out)
{
    int c;
    bool blankline = false;
nextline:
    if (tok->atbol) {
        tok->atbol = false;
        int r = measure_indent(tok);
        if (r < 0)
            return MPY_TOK_ERRORTOKEN;
        blankline = r == 1;
    }
    if (tok->pendin != 0) {
        // Positions of INDENT/DEDENT: where the line's code starts.
        if (tok->pendin < 0) {
            tok->pendin++;
            return empty_token(tok, out, MPY_TOK_DEDENT);
        }
        tok->pendin--;
        return empty_token(tok, out, MPY_TOK_INDENT);
    }
again:
    do {
        c = nextc(tok);
    } while (c == ' ' || c == '\t' || c == '\014');
    const char *start = tok->cur - 1;
    if (c == '#') {
        while (c != EOF_CHAR && c != '\n')
            c = nextc(tok);
        start = tok->cur - 1;
    }
    if (c == EOF_CHAR) {
        if (tok->level > 0) {
            // Inside brackets at the end: the parser reports "'(' was never closed".
            tok->error.incomplete = true;
            tok->done = true;
            return empty_token(tok, out, MPY_TOK_ERRORTOKEN);
        }
        tok->done = true;
        return empty_token(tok, out, MPY_TOK_ENDMARKER);
    }
    if (is_id_start(c)) {
        // String prefixes: the letters r, b, u, f in the combinations Python allows.
        bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
        while (1) {
            if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B'))
                saw_b = true;
            else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U'))
                saw_u = true;
            else if (!(saw_r || saw_u) && (c == 'r' || c == 'R'))
                saw_r = true;
            else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F'))
                saw_f = true;
            else
                break;
            c = nextc(tok);
            if (c == '"' || c == '\'') {
                int lineno = tok->lineno;
                const char *line = tok->line_start;
                int t = string_body(tok, c, start, lineno, line);
                if (t == MPY_TOK_STRING)
                    set_token(tok, out, t, start, lineno, line);
                return t;
            }
        }
        bool nonascii = false;
        while (is_id_char(c)) {
            nonascii |= c >= 128;
            c = nextc(tok);
        }
        backup(tok, c);
        if (nonascii && !verify_identifier(tok, start))
            return MPY_TOK_ERRORTOKEN;
        set_token(tok, out, MPY_TOK_NAME, start, tok->lineno, tok->line_start);
        out->type = keyword_type(start, out->len);
        return out->type;
    }
    if (c == '\n') {
        tok->atbol = true;
        if (blankline || tok->level > 0)
            goto nextline;
        set_token(tok, out, MPY_TOK_NEWLINE, start, tok->lineno, tok->line_start);
        out->end_col = out->col; // CPython leaves the '\n' out of the token
        out->len = 0;
        tok->cont_line = false;
        return MPY_TOK_NEWLINE;
    }
    if (c == '.') {
        c = nextc(tok);
        if (is_digit(c)) {
            int t = number_tail(tok, c, 1);
            if (t == MPY_TOK_NUMBER)
                set_token(tok, out, t, start, tok->lineno, tok->line_start);
            return t;
        }
        if (c == '.') {
            int c3 = nextc(tok);
            if (c3 == '.') {
                set_token(tok, out, MPY_TOK_ELLIPSIS, start, tok->lineno, tok->line_start);
                return MPY_TOK_ELLIPSIS;
            }
            backup(tok, c3);
        }
        backup(tok, c);
        set_token(tok, out, MPY_TOK_DOT, start, tok->lineno, tok->line_start);
        return MPY_TOK_DOT;
    }
    if (is_digit(c)) {
        int t = number(tok, c, start);
        if (t == MPY_TOK_NUMBER)
            set_token(tok, out, t, start, tok->lineno, tok->line_start);
        return t;
    }
    if (c == '"' || c == '\'') {
        int lineno = tok->lineno;
        const char *line = tok->line_start;
        int t = string_body(tok, c, start, lineno, line);
        if (t == MPY_TOK_STRING)
            set_token(tok, out, t, start, lineno, line);
        return t;
    }
    if (c == '\\') {
        c = nextc(tok);
        if (c != '\n') {
            // CPython: offset counts from the start of the line to just past
            // the offending character, end offset 0.
            int off = cur_offset(tok);
            mpy__tok_set_error(&tok->error, MPY_TOKERR_SYNTAX, tok->line_start, tok->lineno,
                               off, tok->lineno, 0,
                               "unexpected character after line continuation character");
            tok->done = true;
            return MPY_TOK_ERRORTOKEN;
        }
        c = nextc(tok);
        if (c == EOF_CHAR) {
            // "unexpected EOF while parsing": the REPL reads another line.
            mpy__tok_set_error(&tok->error, MPY_TOKERR_SYNTAX, tok->line_start, tok->lineno,
                               cur_offset(tok), tok->lineno, -1, "unexpected EOF while parsing");
            tok->error.incomplete = true;
            tok->done = true;
            return MPY_TOK_ERRORTOKEN;
        }
        backup(tok, c);
        tok->cont_line = true;
        goto again;
    }
    // Operators: try two and three characters before one.
    int c2 = nextc(tok);
    int t2 = two_chars(c, c2);
    if (t2 >= 0) {
        int c3 = nextc(tok);
        int t3 = three_chars(t2, c3);
        if (t3 >= 0) {
            set_token(tok, out, t3, start, tok->lineno, tok->line_start);
            return t3;
        }
        backup(tok, c3);
        set_token(tok, out, t2, start, tok->lineno, tok->line_start);
        if (t2 == MPY_TOK_NOTEQUAL && c == '<') {
            // `<>` is only valid with `from __future__ import barry_as_FLUFL`.
            out->type = MPY_TOK_ERRORTOKEN;
            out->len = 2;
            return MPY_TOK_ERRORTOKEN;
        }
        return t2;
    }
    backup(tok, c2);
    int t = one_char(c);
    if (t == MPY_TOK_LPAR || t == MPY_TOK_LSQB || t == MPY_TOK_LBRACE) {
        if (open_bracket(tok, c, start) != 0)
            return MPY_TOK_ERRORTOKEN;
    } else if (t == MPY_TOK_RPAR || t == MPY_TOK_RSQB || t == MPY_TOK_RBRACE) {
        if (close_bracket(tok, c) != 0)
            return MPY_TOK_ERRORTOKEN;
    }
    set_token(tok, out, t, start, tok->lineno, tok->line_start);
    return t; // an unknown character is an ERRORTOKEN the parser reports as "invalid syntax"
}

int
mpy__tok_get(MpyTokenizer *tok, MpyToken *out)
{
    if (tok->error.kind != MPY_TOKERR_NONE) {
        empty_token(tok, out, MPY_TOK_ERRORTOKEN);
        return MPY_TOK_ERRORTOKEN;
    }
    if (tok->done && tok->last.type == MPY_TOK_ENDMARKER) {
        *out = tok->last;
        return MPY_TOK_ENDMARKER;
    }
    int t = tok_get(tok, out);
    if (t == MPY_TOK_ERRORTOKEN && tok->error.kind != MPY_TOKERR_NONE) {
        out->type = t;
        out->start = tok->cur;
        out->len = 0;
        out->lineno = out->end_lineno = tok->lineno;
        out->col = out->end_col = (int)(tok->cur - tok->line_start);
    }
    tok->last = *out;
    return t;
}
