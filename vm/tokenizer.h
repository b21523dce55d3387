/* vm/tokenizer.h: splitting Python source into tokens.
 *
 * Models CPython 3.11's Parser/tokenizer.c.  The tokenizer works on the
 * whole source held in memory (after mpy__tok_init has normalized it: BOM
 * skipped, CRLF and CR turned into LF, a final newline added, latin-1
 * sources converted to UTF-8) and hands out one token at a time.  It keeps
 * the indentation stack (INDENT/DEDENT, tab size 8, CPython's tab/space
 * consistency check), the bracket stack (implicit line joining, "unmatched
 * ')'", at most 200 nested brackets) and classifies keywords.
 *
 * Strings, including f-strings, are one STRING token, as in 3.11: the
 * parser (vm/parser_string.c) decodes them.  Tokens point into the
 * normalized buffer; nothing is allocated per token.
 *
 * Errors are recorded in the tokenizer (MpyTokError) with CPython's message
 * and position; the parser turns them into the SyntaxError it raises.
 */
#ifndef MINIPY_VM_TOKENIZER_H
#define MINIPY_VM_TOKENIZER_H

#include <stdbool.h>
#include <stddef.h>

/* Every token type: name, spelling (NULL for tokens without one). */
#define MPY_TOKEN_LIST(X)                                                                  \
    X(ENDMARKER, NULL)                                                                     \
    X(NAME, NULL)                                                                          \
    X(NUMBER, NULL)                                                                        \
    X(STRING, NULL)                                                                        \
    X(NEWLINE, NULL)                                                                       \
    X(INDENT, NULL)                                                                        \
    X(DEDENT, NULL)                                                                        \
    X(LPAR, "(")                                                                           \
    X(RPAR, ")")                                                                           \
    X(LSQB, "[")                                                                           \
    X(RSQB, "]")                                                                           \
    X(COLON, ":")                                                                          \
    X(COMMA, ",")                                                                          \
    X(SEMI, ";")                                                                           \
    X(PLUS, "+")                                                                           \
    X(MINUS, "-")                                                                          \
    X(STAR, "*")                                                                           \
    X(SLASH, "/")                                                                          \
    X(VBAR, "|")                                                                           \
    X(AMPER, "&")                                                                          \
    X(LESS, "<")                                                                           \
    X(GREATER, ">")                                                                        \
    X(EQUAL, "=")                                                                          \
    X(DOT, ".")                                                                            \
    X(PERCENT, "%")                                                                        \
    X(LBRACE, "{")                                                                         \
    X(RBRACE, "}")                                                                         \
    X(EQEQUAL, "==")                                                                       \
    X(NOTEQUAL, "!=")                                                                      \
    X(LESSEQUAL, "<=")                                                                     \
    X(GREATEREQUAL, ">=")                                                                  \
    X(TILDE, "~")                                                                          \
    X(CIRCUMFLEX, "^")                                                                     \
    X(LEFTSHIFT, "<<")                                                                     \
    X(RIGHTSHIFT, ">>")                                                                    \
    X(DOUBLESTAR, "**")                                                                    \
    X(PLUSEQUAL, "+=")                                                                     \
    X(MINEQUAL, "-=")                                                                      \
    X(STAREQUAL, "*=")                                                                     \
    X(SLASHEQUAL, "/=")                                                                    \
    X(PERCENTEQUAL, "%=")                                                                  \
    X(AMPEREQUAL, "&=")                                                                    \
    X(VBAREQUAL, "|=")                                                                     \
    X(CIRCUMFLEXEQUAL, "^=")                                                               \
    X(LEFTSHIFTEQUAL, "<<=")                                                               \
    X(RIGHTSHIFTEQUAL, ">>=")                                                              \
    X(DOUBLESTAREQUAL, "**=")                                                              \
    X(DOUBLESLASH, "//")                                                                   \
    X(DOUBLESLASHEQUAL, "//=")                                                             \
    X(AT, "@")                                                                             \
    X(ATEQUAL, "@=")                                                                       \
    X(RARROW, "->")                                                                        \
    X(ELLIPSIS, "...")                                                                     \
    X(COLONEQUAL, ":=")                                                                    \
    X(ERRORTOKEN, NULL)                                                                    \
    /* keywords: a NAME the tokenizer recognized */                                        \
    X(KW_FALSE, "False")                                                                   \
    X(KW_NONE, "None")                                                                     \
    X(KW_TRUE, "True")                                                                     \
    X(KW_AND, "and")                                                                       \
    X(KW_AS, "as")                                                                         \
    X(KW_ASSERT, "assert")                                                                 \
    X(KW_ASYNC, "async")                                                                   \
    X(KW_AWAIT, "await")                                                                   \
    X(KW_BREAK, "break")                                                                   \
    X(KW_CLASS, "class")                                                                   \
    X(KW_CONTINUE, "continue")                                                             \
    X(KW_DEF, "def")                                                                       \
    X(KW_DEL, "del")                                                                       \
    X(KW_ELIF, "elif")                                                                     \
    X(KW_ELSE, "else")                                                                     \
    X(KW_EXCEPT, "except")                                                                 \
    X(KW_FINALLY, "finally")                                                               \
    X(KW_FOR, "for")                                                                       \
    X(KW_FROM, "from")                                                                     \
    X(KW_GLOBAL, "global")                                                                 \
    X(KW_IF, "if")                                                                         \
    X(KW_IMPORT, "import")                                                                 \
    X(KW_IN, "in")                                                                         \
    X(KW_IS, "is")                                                                         \
    X(KW_LAMBDA, "lambda")                                                                 \
    X(KW_NONLOCAL, "nonlocal")                                                             \
    X(KW_NOT, "not")                                                                       \
    X(KW_OR, "or")                                                                         \
    X(KW_PASS, "pass")                                                                     \
    X(KW_RAISE, "raise")                                                                   \
    X(KW_RETURN, "return")                                                                 \
    X(KW_TRY, "try")                                                                       \
    X(KW_WHILE, "while")                                                                   \
    X(KW_WITH, "with")                                                                     \
    X(KW_YIELD, "yield")

typedef enum {
#define MPY_TOKEN_ENUM(name, spelling) MPY_TOK_##name,
    MPY_TOKEN_LIST(MPY_TOKEN_ENUM)
#undef MPY_TOKEN_ENUM
    MPY_TOK_COUNT
} MpyTokType;

#define MPY_TOK_FIRST_KEYWORD MPY_TOK_KW_FALSE

/* One token.  Columns are 0-based UTF-8 byte offsets into the line, as in
 * the AST.  `start`/`len` point into the tokenizer's buffer. */
typedef struct MpyToken {
    int type;  /* MpyTokType */
    int level; /* brackets open after this token */
    int lineno, col, end_lineno, end_col;
    const char *start;
    int len;
} MpyToken;

/* Error kinds, as the exception type they become. */
typedef enum {
    MPY_TOKERR_NONE = 0,
    MPY_TOKERR_SYNTAX,
    MPY_TOKERR_INDENT, /* IndentationError */
    MPY_TOKERR_TAB,    /* TabError */
    MPY_TOKERR_MEMORY, /* MemoryError already set */
} MpyTokErrKind;

/* A syntax error, positioned as CPython reports it: lineno/offset are
 * 1-based with offset in code points; end_offset may be 0 or -1 exactly as
 * CPython gives them.  `line` points at the start of the erroneous line in
 * the tokenizer's buffer (the SyntaxError's text). */
typedef struct MpyTokError {
    MpyTokErrKind kind;
    char msg[256];
    int lineno, offset, end_lineno, end_offset;
    const char *line;
    bool incomplete; /* the input ended too early (REPL: read more) */
    bool text_without_newline; /* the tokenizer's own errors: CPython's text stops before '\n' */
} MpyTokError;

#define MPY_TOK_MAXINDENT 100
#define MPY_TOK_MAXLEVEL 200

typedef struct MpyTokenizer {
    char *buf;             /* the normalized source, NUL-terminated (owned) */
    const char *end;       /* buf + its length */
    const char *cur;       /* next character to read */
    const char *inp;       /* end of the current line (just past its '\n') */
    const char *line_start;
    int lineno;
    bool atbol;            /* at the beginning of a line */
    int pendin;            /* >0: INDENTs to emit, <0: DEDENTs to emit */
    int indent;            /* top of the indentation stacks */
    int indstack[MPY_TOK_MAXINDENT];    /* columns, tabs to multiples of 8 */
    int altindstack[MPY_TOK_MAXINDENT]; /* columns, tabs counted as 1 */
    int level;             /* open brackets */
    char parenstack[MPY_TOK_MAXLEVEL];
    int parenlinenostack[MPY_TOK_MAXLEVEL];
    int parencolstack[MPY_TOK_MAXLEVEL]; /* byte column of the bracket */
    bool cont_line;        /* the line continues a backslash-joined one */
    bool done;             /* ENDMARKER or an error was returned */
    MpyToken last;         /* the last token returned (for NEWLINE decisions) */
    MpyTokError error;
} MpyTokenizer;

/* Prepare `tok` to read `len` bytes of `source` (copied and normalized).
 * Returns 0, or -1 with tok->error set (MemoryError is also raised;
 * a bad coding declaration or invalid UTF-8 is a SyntaxError record). */
int mpy__tok_init(MpyTokenizer *tok, const char *source, size_t len);
/* Release the buffer.  Safe after a failed init. */
void mpy__tok_fini(MpyTokenizer *tok);

/* Read the next token into *out.  Returns its type; MPY_TOK_ERRORTOKEN
 * means tok->error holds the error (and every later call returns it too).
 * After ENDMARKER, keeps returning ENDMARKER. */
int mpy__tok_get(MpyTokenizer *tok, MpyToken *out);

/* "NAME", "LPAR" ...  for tests and debugging.  Cannot fail. */
const char *mpy__tok_type_name(int type);
/* "(" or "if" for operators and keywords, NULL for the others. */
const char *mpy__tok_spelling(int type);

/* Record an error in `err` unless one is already there (the first error
 * wins).  Positions are final CPython values (1-based code point offsets;
 * see MpyTokError).  Shared with the parser, which reports through the
 * same record.  Cannot fail. */
void mpy__tok_set_error(MpyTokError *err, MpyTokErrKind kind, const char *line, int lineno,
                        int offset, int end_lineno, int end_offset, const char *fmt, ...)
    __attribute__((format(printf, 8, 9)));

/* Code points in the first `nbytes` bytes of UTF-8 `s` (stops at NUL or
 * a newline).  Cannot fail. */
int mpy__utf8_count(const char *s, int nbytes);

/* Is code point `cp` allowed to start (`start`) or continue an identifier
 * (Unicode XID_Start / XID_Continue, plus '_')?  Cannot fail. */
bool mpy__tok_is_id_char(unsigned cp, bool start);

/* The code point named `name` (`len` bytes, any case) for \N{...}, from a
 * small table of common names (vm/tokenizer_unicode.c).
 * Returns: the code point, or -1 when the name is unknown. */
long mpy__unicode_lookup_name(const char *name, size_t len);

#endif
