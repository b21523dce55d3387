/* vm/parser_string.c: string, bytes and f-string literals.
 *
 * Models CPython 3.11's Parser/string_parser.c.  The tokenizer hands over
 * each literal whole (prefix, quotes, body); here adjacent literals are
 * concatenated, escapes decoded, and f-strings split into literal text and
 * replacement fields:
 *
 *   f"a{x!r:>{w}}b"  ->  JoinedStr([Constant('a'),
 *                          FormattedValue(x, 'r', JoinedStr([Constant('>'),
 *                                         FormattedValue(w)])),
 *                          Constant('b')])
 *
 * Each replacement field's expression is parsed by a nested parser over
 * the text "(expr)", as CPython 3.11 does, with its positions shifted to
 * where the expression sits in the file.  Literal pieces and replacement
 * fields get the position of the whole concatenated literal; the parts of
 * a format spec get the position of their own string token (CPython's
 * choices, visible with ast.dump(..., include_attributes=True)).
 */
#include "vm/parser.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/bytes.h"
#include "runtime/error.h"
#include "runtime/str.h"

/* ------------------------------------------------------------------ */
/* A growable byte buffer with a small inline start                      */

typedef struct {
    char *data;
    size_t len, cap;
    char inline_buf[256];
} Buf;

static void
buf_init(Buf *b)
{
    b->data = b->inline_buf;
    b->len = 0;
    b->cap = sizeof b->inline_buf;
}

static void
buf_free(Buf *b)
{
    if (b->data != b->inline_buf)
        free(b->data);
}

static bool
buf_add(MpyParser *p, Buf *b, const char *s, size_t n)
{
    if (b->len + n > b->cap) {
        size_t cap = b->cap * 2;
        while (cap < b->len + n)
            cap *= 2;
        char *d = b->data == b->inline_buf ? malloc(cap) : realloc(b->data, cap);
        if (d == NULL) {
            mpy_err_no_memory();
            mpy__p_keep(p, NULL);
            return false;
        }
        if (b->data == b->inline_buf)
            memcpy(d, b->inline_buf, b->len);
        b->data = d;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    return true;
}

static bool
buf_add_cp(MpyParser *p, Buf *b, uint32_t cp)
{
    char tmp[4];
    int n;
    // Generalized UTF-8: lone surrogates ('\ud800') are encoded like any
    // other code point, as minipy's str stores them.
    if (cp < 0x80) {
        tmp[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        tmp[0] = (char)(0xC0 | (cp >> 6));
        tmp[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        tmp[0] = (char)(0xE0 | (cp >> 12));
        tmp[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        tmp[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        tmp[0] = (char)(0xF0 | (cp >> 18));
        tmp[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        tmp[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        tmp[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return buf_add(p, b, tmp, (size_t)n);
}

/* ------------------------------------------------------------------ */
/* Errors                                                               */

/* String errors are reported where CPython's parser stood: at the token
 * after the literal (the furthest one read). */
static void *
string_error(MpyParser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void *
string_error(MpyParser *p, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    MpyToken t = p->tokens[p->furthest < p->ntokens ? p->furthest : p->ntokens - 1];
    bool f = p->fstring;
    p->fstring = false; // the message already says "f-string: " where it should
    mpy__p_error_tok(p, &t, "%s", msg);
    p->fstring = f;
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Escapes                                                              */

static int
hex_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decode the escapes of [s, end) into `out`: UTF-8 for str, raw bytes for
 * bytes.  Unknown escapes are kept as written (CPython 3.11 only warns). */
static bool
decode_escapes(MpyParser *p, Buf *out, const char *s, const char *end, bool bytes)
{
    const char *base = s;
    while (s < end) {
        const char *run = s;
        while (s < end && *s != '\\')
            s++;
        if (s > run && !buf_add(p, out, run, (size_t)(s - run)))
            return false;
        if (s >= end)
            break;
        const char *esc = s++; // at the backslash
        if (s >= end) {
            // A lone trailing backslash (an f-string literal piece before a
            // '{'): kept as is.
            if (!buf_add(p, out, "\\", 1))
                return false;
            break;
        }
        char c = *s++;
        uint32_t cp;
        int pos = (int)(esc - base);
        switch (c) {
        case '\n': continue;
        case '\\': cp = '\\'; break;
        case '\'': cp = '\''; break;
        case '"': cp = '"'; break;
        case 'a': cp = 7; break;
        case 'b': cp = 8; break;
        case 'f': cp = 12; break;
        case 'n': cp = 10; break;
        case 'r': cp = 13; break;
        case 't': cp = 9; break;
        case 'v': cp = 11; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            cp = (uint32_t)(c - '0');
            for (int i = 0; i < 2 && s < end && *s >= '0' && *s <= '7'; i++)
                cp = cp * 8 + (uint32_t)(*s++ - '0');
            if (bytes)
                cp &= 0xFF;
            break;
        case 'x':
        case 'u':
        case 'U': {
            if (bytes && c != 'x')
                goto unknown;
            int ndigits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            cp = 0;
            int i;
            for (i = 0; i < ndigits && s < end && hex_value(*s) >= 0; i++)
                cp = cp * 16 + (uint32_t)hex_value(*s++);
            if (i < ndigits) {
                if (bytes)
                    return string_error(p, "(value error) invalid \\x escape at position %d", pos) != NULL;
                const char *what = c == 'x' ? "truncated \\xXX escape"
                                   : c == 'u' ? "truncated \\uXXXX escape"
                                              : "truncated \\UXXXXXXXX escape";
                return string_error(p, "(unicode error) 'unicodeescape' codec can't decode bytes in "
                                       "position %d-%d: %s", pos, pos + 1 + i, what) != NULL;
            }
            if (cp > 0x10FFFF)
                return string_error(p, "(unicode error) 'unicodeescape' codec can't decode bytes in "
                                       "position %d-%d: illegal Unicode character", pos, pos + 9) != NULL;
            if (bytes) {
                char byte = (char)cp;
                if (!buf_add(p, out, &byte, 1))
                    return false;
                continue;
            }
            break;
        }
        case 'N': {
            if (bytes)
                goto unknown;
            const char *close = NULL;
            if (s < end && *s == '{')
                close = memchr(s, '}', (size_t)(end - s));
            long named = close ? mpy__unicode_lookup_name(s + 1, (size_t)(close - s - 1)) : -1;
            if (named < 0) {
                if (close == NULL || close == s + 1) // no braces, or \N{}
                    return string_error(p, "(unicode error) 'unicodeescape' codec can't decode bytes in "
                                           "position %d-%d: malformed \\N character escape",
                                        pos, close == NULL ? pos + 1 : pos + 2) != NULL;
                return string_error(p, "(unicode error) 'unicodeescape' codec can't decode bytes in "
                                       "position %d-%d: unknown Unicode character name",
                                    pos, (int)(close - base)) != NULL;
            }
            s = close + 1;
            cp = (uint32_t)named;
            break;
        }
        default:
        unknown:
            // Invalid escape: keep the backslash and the character.
            s = esc + 1;
            if (!buf_add(p, out, "\\", 1))
                return false;
            continue;
        }
        if (bytes) {
            char byte = (char)cp;
            if (!buf_add(p, out, &byte, 1))
                return false;
        } else if (!buf_add_cp(p, out, cp)) {
            return false;
        }
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* One literal token                                                    */

typedef struct {
    bool raw, bytes, fmt, u;
    const char *body, *end; /* between the quotes */
} Literal;

static void
split_literal(const MpyToken *t, Literal *lit)
{
    const char *s = t->start;
    memset(lit, 0, sizeof *lit);
    for (; *s != '\'' && *s != '"'; s++) {
        switch (*s) {
        case 'r': case 'R': lit->raw = true; break;
        case 'b': case 'B': lit->bytes = true; break;
        case 'f': case 'F': lit->fmt = true; break;
        case 'u': case 'U': lit->u = true; break;
        }
    }
    const char *end = t->start + t->len;
    int quote = (end - s >= 6 && s[0] == s[1] && s[1] == s[2]) ? 3 : 1;
    lit->body = s + quote;
    lit->end = end - quote;
}

/* ------------------------------------------------------------------ */
/* f-strings                                                            */

/* What the pieces of one JoinedStr are being collected into. */
typedef struct {
    Buf text;        /* literal text not yet flushed */
    int mark;        /* scratch mark of the values */
    MpyAstLoc loc;   /* position given to the pieces */
} Pieces;

static bool
flush_text(MpyParser *p, Pieces *pc)
{
    if (pc->text.len == 0)
        return true;
    MpyObject *s = mpy__p_keep(p, mpy_str_from_utf8_trusted(pc->text.data, pc->text.len));
    MpyAstExpr *c = s ? mpy__p_expr_new(p, MPY_AST_Constant, pc->loc) : NULL;
    if (c == NULL)
        return false;
    c->v.Constant.value = s;
    pc->text.len = 0;
    return mpy__p_push(p, c);
}

static bool fstring_body(MpyParser *p, Pieces *pc, const char **sp, const char *end, bool raw,
                         int level, const MpyToken *t);

/* Parse the expression text [start, end) with a nested parser. */
static MpyAstExpr *
fstring_expression(MpyParser *p, const char *start, const char *end, const MpyToken *t)
{
    const char *s = start;
    while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f'))
        s++;
    if (s == end) {
        if (*end == '!' || *end == ':' || *end == '=')
            return string_error(p, "f-string: expression required before '%c'", *end);
        return string_error(p, "f-string: empty expression not allowed");
    }
    // Where the expression sits: lines before it inside the token, and
    // the column of its '{' on that line (CPython's
    // fstring_find_expr_location, including its quirks).
    int lines = 0, cols = 0;
    bool newline_after_brace = true;
    for (const char *q = start; q < end && *q != '}' && *q != '\n'; q++) {
        if (*q != ' ' && *q != '\t' && *q != '\f') {
            newline_after_brace = false;
            break;
        }
    }
    const char *brace = start - 1;
    if (!newline_after_brace) {
        const char *q = brace;
        while (q > t->start && *q != '\n')
            q--;
        cols = (int)(brace - q);
        if (*q == '\n')
            cols--;
    }
    for (const char *q = t->start; q < brace; q++)
        lines += *q == '\n';

    size_t len = (size_t)(end - start);
    char small[256];
    char *text = len + 3 <= sizeof small ? small : malloc(len + 3);
    if (text == NULL) {
        mpy_err_no_memory();
        mpy__p_keep(p, NULL);
        return NULL;
    }
    text[0] = '(';
    memcpy(text + 1, start, len);
    text[len + 1] = ')';
    text[len + 2] = 0;

    MpyTokenizer tok;
    MpyParser sub = {0};
    sub.tok = &tok;
    sub.arena = p->arena;
    sub.mode = MPY_PARSE_EVAL;
    sub.filename = p->filename;
    sub.fstring = true;
    sub.line_shift = t->lineno + lines - 1;
    sub.col_shift = lines == 0 ? t->col + cols : cols;
    sub.depth = p->depth;
    MpyAstExpr *e = NULL;
    if (mpy__tok_init(&tok, text, len + 2) == 0) {
        e = mpy__p_star_expressions(&sub);
        if (e != NULL && !mpy__p_at(&sub, MPY_TOK_NEWLINE) && !mpy__p_at(&sub, MPY_TOK_ENDMARKER))
            e = mpy__p_invalid_syntax(&sub);
    } else {
        sub.err = tok.error;
        sub.error = true;
    }
    if (e == NULL && !p->error) {
        p->err = sub.err;
        p->error = true;
        p->tok_error |= sub.tok_error;
        free(p->err_text); /* an earlier error that backtracking discarded */
        p->err_text = NULL;
        if (sub.err_text != NULL) {
            p->err_text = sub.err_text;
            sub.err_text = NULL;
        } else if (sub.err.line != NULL) {
            const char *nl = strchr(sub.err.line, '\n');
            size_t n = nl ? (size_t)(nl - sub.err.line) + 1 : strlen(sub.err.line);
            p->err_text = malloc(n + 1);
            if (p->err_text != NULL) {
                memcpy(p->err_text, sub.err.line, n);
                p->err_text[n] = 0;
            }
        }
        p->err.line = p->err_text;
    }
    free(sub.tokens);
    free(sub.scratch);
    free(sub.err_text);
    mpy__tok_fini(&tok);
    if (text != small)
        free(text);
    return e;
}

/* Find where a replacement field's expression ends (CPython's
 * fstring_find_expr): at '!', ':', '=' or '}' outside brackets and
 * strings.  Returns the end, or NULL with the error recorded. */
static const char *
expression_end(MpyParser *p, const char *s, const char *end)
{
    char quote = 0;
    int quote_size = 0;
    char parens[200];
    int depth = 0;
    for (; s < end; s++) {
        char ch = *s;
        if (ch == '\\')
            return string_error(p, "f-string expression part cannot include a backslash");
        if (quote) {
            if (ch == quote) {
                if (quote_size == 3) {
                    if (s + 2 < end && s[1] == ch && s[2] == ch) {
                        s += 2;
                        quote = 0;
                    }
                } else {
                    quote = 0;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            if (s + 2 < end && s[1] == ch && s[2] == ch) {
                quote_size = 3;
                s += 2;
            } else {
                quote_size = 1;
            }
            quote = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= (int)sizeof parens)
                return string_error(p, "f-string: too many nested parenthesis");
            parens[depth++] = ch;
        } else if (ch == '#') {
            return string_error(p, "f-string expression part cannot include '#'");
        } else if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' ||
                                  ch == '<')) {
            if (s + 1 < end && s[1] == '=' && (ch == '!' || ch == '=' || ch == '<' || ch == '>')) {
                s++;
                continue;
            }
            if (ch == '>' || ch == '<')
                continue;
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (depth == 0)
                return string_error(p, "f-string: unmatched '%c'", ch);
            char open = parens[--depth];
            if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') || (open == '{' && ch == '}')))
                return string_error(p, "f-string: closing parenthesis '%c' does not match opening "
                                       "parenthesis '%c'", ch, open);
        }
    }
    if (quote)
        return string_error(p, "f-string: unterminated string");
    if (depth > 0)
        return string_error(p, "f-string: unmatched '%c'", parens[depth - 1]);
    if (s >= end)
        return string_error(p, "f-string: expecting '}'");
    return s;
}

/* One replacement field; *sp is just after its '{'.  Pushes the pieces
 * (the `x=` text, then the FormattedValue). */
static bool
replacement_field(MpyParser *p, Pieces *pc, const char **sp, const char *end, bool raw, int level,
                  const MpyToken *t)
{
    if (level >= 2) {
        string_error(p, "f-string: expressions nested too deeply");
        return false;
    }
    const char *start = *sp;
    const char *s = expression_end(p, start, end);
    if (s == NULL)
        return false;
    MpyAstExpr *value = fstring_expression(p, start, s, t);
    if (value == NULL)
        return false;
    bool debug = false;
    if (*s == '=') {
        // f"{x = }": the text up to here is printed before the value.
        s++;
        while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f' || *s == '\r' || *s == '\v'))
            s++;
        if (s >= end) {
            string_error(p, "f-string: expecting '}'");
            return false;
        }
        if (!buf_add(p, &pc->text, start, (size_t)(s - start)))
            return false;
        debug = true;
    }
    int conversion = -1;
    if (*s == '!') {
        s++;
        if (s >= end) {
            string_error(p, "f-string: expecting '}'");
            return false;
        }
        conversion = (unsigned char)*s++;
        if (conversion != 's' && conversion != 'r' && conversion != 'a') {
            string_error(p, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            return false;
        }
    }
    MpyAstExpr *spec = NULL;
    if (s < end && *s == ':') {
        s++;
        if (s >= end) {
            string_error(p, "f-string: expecting '}'");
            return false;
        }
        Pieces inner;
        buf_init(&inner.text);
        inner.mark = mpy__p_scratch_mark(p);
        inner.loc = mpy__p_tok_loc(t);
        bool ok = fstring_body(p, &inner, &s, end, raw, level + 1, t) && flush_text(p, &inner);
        buf_free(&inner.text);
        MpyAstSeq *values = ok ? mpy__p_seq_from(p, inner.mark) : NULL;
        p->nscratch = inner.mark;
        spec = values ? mpy__p_expr_new(p, MPY_AST_JoinedStr, inner.loc) : NULL;
        if (spec == NULL)
            return false;
        spec->v.JoinedStr.values = values;
    }
    if (s >= end || *s != '}') {
        string_error(p, "f-string: expecting '}'");
        return false;
    }
    *sp = s + 1;
    if (debug && spec == NULL && conversion == -1)
        conversion = 'r';
    if (!flush_text(p, pc))
        return false;
    MpyAstExpr *fv = mpy__p_expr_new(p, MPY_AST_FormattedValue, pc->loc);
    if (fv == NULL)
        return false;
    fv->v.FormattedValue.value = value;
    fv->v.FormattedValue.conversion = conversion;
    fv->v.FormattedValue.format_spec = spec;
    return mpy__p_push(p, fv);
}

/* The text of an f-string (or of a format spec when level > 0) from *sp:
 * literal pieces and replacement fields, up to `end` or, in a format spec,
 * the '}' that closes it (left unconsumed). */
static bool
fstring_body(MpyParser *p, Pieces *pc, const char **sp, const char *end, bool raw, int level,
             const MpyToken *t)
{
    const char *s = *sp;
    while (s < end) {
        const char *lit = s;
        // Literal text: up to '{' or '}' (skipping \N{...} names).
        while (s < end) {
            char ch = *s;
            if (!raw && ch == '\\' && s + 1 < end) {
                if (s[1] == 'N' && s + 2 < end && s[2] == '{') {
                    const char *close = memchr(s + 3, '}', (size_t)(end - s - 3));
                    s = close ? close + 1 : end;
                    continue;
                }
                if (s[1] != '{' && s[1] != '}') {
                    s += 2;
                    continue;
                }
                s++; // "\{": the backslash stays literal, the brace is a brace
                continue;
            }
            if (ch == '{' || ch == '}')
                break;
            s++;
        }
        if (s > lit) {
            bool ok = raw ? buf_add(p, &pc->text, lit, (size_t)(s - lit))
                          : decode_escapes(p, &pc->text, lit, s, false);
            if (!ok)
                return false;
        }
        if (s >= end)
            break;
        char ch = *s;
        if (level == 0 && s + 1 < end && s[1] == ch) {
            // "{{" and "}}" are literal braces (only at the top level).
            if (!buf_add(p, &pc->text, s, 1))
                return false;
            s += 2;
            continue;
        }
        if (ch == '}') {
            if (level == 0) {
                string_error(p, "f-string: single '}' is not allowed");
                return false;
            }
            break; // the end of this format spec
        }
        s++; // '{'
        if (!replacement_field(p, pc, &s, end, raw, level, t))
            return false;
    }
    *sp = s;
    return true;
}

/* ------------------------------------------------------------------ */
/* Concatenation                                                        */

MpyAstExpr *
mpy__p_strings(MpyParser *p)
{
    MpyToken first = *mpy__p_peek(p, 0);
    int first_idx = p->pos;
    int n = 0;
    bool any_f = false, bytes = false;
    Literal lit;
    while (mpy__p_at(p, MPY_TOK_STRING)) {
        MpyToken t = mpy__p_next(p);
        split_literal(&t, &lit);
        if (n == 0)
            bytes = lit.bytes;
        else if (lit.bytes != bytes) {
            while (mpy__p_at(p, MPY_TOK_STRING))
                mpy__p_next(p);
            mpy__p_peek(p, 0);
            return string_error(p, "cannot mix bytes and nonbytes literals");
        }
        any_f |= lit.fmt;
        n++;
    }
    mpy__p_peek(p, 0); // CPython reads the next token before it decodes
    MpyAstLoc loc = mpy__p_loc_from(p, &first);
    Pieces pc;
    buf_init(&pc.text);
    pc.mark = mpy__p_scratch_mark(p);
    pc.loc = loc;
    bool u_kind = false;
    bool ok = true;
    for (int i = 0; i < n && ok; i++) {
        MpyToken t = p->tokens[first_idx + i];
        split_literal(&t, &lit);
        if (i == 0)
            u_kind = lit.u;
        if (lit.bytes) {
            for (const char *c = lit.body; c < lit.end; c++) {
                if ((unsigned char)*c >= 0x80) {
                    buf_free(&pc.text);
                    return mpy__p_error_tok(p, &t, "bytes can only contain ASCII literal characters");
                }
            }
        }
        if (lit.fmt) {
            const char *s = lit.body;
            ok = fstring_body(p, &pc, &s, lit.end, lit.raw, 0, &t);
        } else if (lit.raw) {
            ok = buf_add(p, &pc.text, lit.body, (size_t)(lit.end - lit.body));
        } else {
            ok = decode_escapes(p, &pc.text, lit.body, lit.end, lit.bytes);
        }
    }
    MpyAstExpr *e = NULL;
    if (!ok) {
        p->nscratch = pc.mark;
    } else if (any_f) {
        MpyAstSeq *values = flush_text(p, &pc) ? mpy__p_seq_from(p, pc.mark) : NULL;
        e = values ? mpy__p_expr_new(p, MPY_AST_JoinedStr, loc) : NULL;
        if (e != NULL)
            e->v.JoinedStr.values = values;
    } else {
        MpyObject *value = bytes ? mpy_bytes_from(pc.text.data, pc.text.len)
                                 : mpy_str_from_utf8_trusted(pc.text.data, pc.text.len);
        value = mpy__p_keep(p, value);
        e = value ? mpy__p_expr_new(p, MPY_AST_Constant, loc) : NULL;
        if (e != NULL) {
            e->v.Constant.value = value;
            if (u_kind)
                e->v.Constant.kind = mpy__p_identifier(p, "u", 1);
        }
    }
    buf_free(&pc.text);
    return e;
}
