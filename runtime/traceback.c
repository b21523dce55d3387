/* runtime/traceback.c: traceback objects and the printing of uncaught
 * exceptions, in CPython 3.11's exact format.
 *
 * Models Python/traceback.c and print_exception in Python/pythonrun.c.
 * Each traceback entry keeps the code object and instruction index of one
 * frame; the source line is read back from the file (a tiny linecache),
 * and the instruction's column range (vm/code.h locations) decides the
 * "^^^^" marker line; for a binary operation or a subscript the segment is
 * re-parsed to mark the operator with ^ and its operands with ~.
 */
#include "runtime/traceback.h"
#include <stdint.h>
#include <stdlib.h>

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/ast.h"
#include "vm/code.h"

/* ------------------------------------------------------------------ */
/* Traceback objects                                                    */

static void tb_dealloc(MpyObject *o)
{
    MpyTracebackObject *tb = (MpyTracebackObject *)o;
    mpy_gc_untrack(o);
    MPY_XDECREF(tb->next);
    MPY_XDECREF(tb->code);
    MPY_XDECREF(tb->frame);
    MPY_XDECREF(tb->globals);
    mpy_object_free(o);
}

static int tb_traverse(MpyObject *o, MpyVisitFunc visit, void *arg)
{
    MpyTracebackObject *tb = (MpyTracebackObject *)o;
    MPY_VISIT(tb->next);
    MPY_VISIT(tb->code);
    MPY_VISIT(tb->frame);
    MPY_VISIT(tb->globals);
    return 0;
}

static MpyObject *tb_get_next(MpyObject *o, void *c)
{
    MpyObject *n = ((MpyTracebackObject *)o)->next;
    return MPY_NEWREF(n ? n : MPY_NONE);
}

static int tb_set_next(MpyObject *o, MpyObject *v, void *c)
{
    if (v == NULL) {
        mpy_err_set(mpy_exc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (v == MPY_NONE)
        v = NULL;
    else if (MPY_TYPE(v) != &mpy_traceback_type) {
        mpy_err_format(mpy_exc_TypeError, "expected traceback object or None, got '%T'", v);
        return -1;
    }
    MPY_XINCREF(v);
    MPY_SETREF(((MpyTracebackObject *)o)->next, v);
    return 0;
}

static MpyObject *tb_get_lineno(MpyObject *o, void *c) { return mpy_int_from_long(((MpyTracebackObject *)o)->lineno); }
static MpyObject *tb_get_lasti(MpyObject *o, void *c) { return mpy_int_from_long(((MpyTracebackObject *)o)->lasti * 2); }
static MpyObject *tb_get_code(MpyObject *o, void *c) { return MPY_NEWREF(((MpyTracebackObject *)o)->code); }
static MpyObject *tb_get_frame(MpyObject *o, void *c)
{
    MpyObject *f = ((MpyTracebackObject *)o)->frame;
    return MPY_NEWREF(f ? f : MPY_NONE);
}

static const MpyGetSetDef tb_getset[] = {
    {"tb_next", tb_get_next, tb_set_next, NULL, NULL},
    {"tb_lineno", tb_get_lineno, NULL, NULL, NULL},
    {"tb_lasti", tb_get_lasti, NULL, NULL, NULL},
    {"tb_frame", tb_get_frame, NULL, NULL, NULL},
    {"tb_code", tb_get_code, NULL, NULL, NULL},
    {NULL},
};

MpyType mpy_traceback_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "traceback",
    .basicsize = sizeof(MpyTracebackObject),
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = tb_dealloc,
    .traverse = tb_traverse,
    .getset = tb_getset,
};

int mpy__traceback_here(MpyThreadState *tstate, MpyFrame *frame)
{
    MpyObject *exc = tstate->curexc;
    if (exc == NULL)
        return 0;
    MpyTracebackObject *tb = (MpyTracebackObject *)mpy_object_alloc(&mpy_traceback_type);
    if (tb == NULL)
        return -1;
    MpyObject *old = mpy_exc_get_traceback(exc);
    tb->next = old ? MPY_NEWREF(old) : NULL;
    tb->code = MPY_NEWREF(frame->code);
    tb->frame = NULL; /* frame objects are made on demand (vm/frame.c) */
    tb->globals = frame->globals ? MPY_NEWREF(frame->globals) : NULL;
    tb->lasti = (int)mpy_frame_lasti(frame);
    tb->lineno = mpy_code_line_of(frame->code, tb->lasti);
    mpy_gc_track((MpyObject *)tb);
    mpy_exc_set_traceback(exc, (MpyObject *)tb);
    MPY_DECREF(tb);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Source lines                                                         */

/* filename -> list of lines (str), for files read so far. */
static MpyObject *line_cache;

static MpyObject *read_lines(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    MpyObject *lines = mpy_list_new(0);
    char *buf = NULL;
    size_t cap = 0;
    ssize_t n;
    while (lines != NULL && (n = getline(&buf, &cap, f)) >= 0) {
        while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
            n--;
        MpyObject *s = mpy_str_from_utf8(buf, (size_t)n);
        if (s == NULL) {
            mpy_err_clear();
            s = mpy_str_empty();
        }
        if (mpy_list_append_take(lines, s) < 0)
            MPY_CLEAR(lines);
    }
    free(buf);
    fclose(f);
    return lines;
}

MpyObject *mpy__source_line(MpyObject *filename, int lineno)
{
    if (filename == NULL || !mpy_str_check(filename) || lineno < 1)
        return NULL;
    const char *path = mpy_str_utf8(filename);
    if (path[0] == '<')
        return NULL;
    MpyObject *saved = mpy_err_fetch();
    if (line_cache == NULL)
        line_cache = mpy_dict_new();
    MpyObject *lines = line_cache ? mpy_dict_get(line_cache, filename) : NULL;
    if (lines == NULL) {
        lines = read_lines(path);
        if (lines != NULL && line_cache != NULL)
            mpy_dict_set(line_cache, filename, lines);
    }
    MpyObject *line = NULL;
    if (lines != NULL && lineno <= mpy_list_size(lines))
        line = MPY_NEWREF(((MpyListObject *)lines)->items[lineno - 1]);
    MPY_XDECREF(lines);
    mpy_err_clear();
    mpy_err_restore_raw(saved);
    return line;
}

/* Drop the cache (finalization; a script may have rewritten its files). */
void mpy__traceback_fini(void)
{
    MPY_CLEAR(line_cache);
}

/* ------------------------------------------------------------------ */
/* Output                                                               */

void mpy__stderr_write(const char *text, size_t n)
{
    MpyObject *saved = mpy_err_fetch();
    MpyInterp *interp = mpy__interp_get();
    MpyObject *err = interp && interp->sysdict ? mpy_dict_get_str_borrowed(interp->sysdict,
                                                  mpy_str_intern_cstr("stderr")) : NULL;
    bool done = false;
    if (err != NULL && err != MPY_NONE) {
        MpyObject *s = mpy_str_from_utf8_trusted(text, n);
        MpyObject *r = s ? mpy_object_call_method_cstr(err, "write", &s, 1) : NULL;
        MPY_XDECREF(s);
        done = r != NULL;
        MPY_XDECREF(r);
        mpy_err_clear();
    }
    if (!done) {
        ssize_t w = write(2, text, n);
        MPY_UNUSED(w);
    }
    mpy_err_restore_raw(saved);
}

/* sys.stderr = None silences tracebacks and unraisable reports (CPython's
 * PyErr_Display and default unraisable hook print nothing then). */
static bool stderr_is_none(void)
{
    MpyInterp *interp = mpy__interp_get();
    MpyObject *err = interp && interp->sysdict ? mpy_dict_get_str_borrowed(interp->sysdict,
                                                  mpy_str_intern_cstr("stderr")) : NULL;
    return err == MPY_NONE;
}

static void flush_stderr(void)
{
    MpyObject *saved = mpy_err_fetch();
    MpyInterp *interp = mpy__interp_get();
    MpyObject *err = interp && interp->sysdict ? mpy_dict_get_str_borrowed(interp->sysdict,
                                                  mpy_str_intern_cstr("stderr")) : NULL;
    if (err != NULL && err != MPY_NONE) {
        MpyObject *r = mpy_object_call_method_cstr(err, "flush", NULL, 0);
        MPY_XDECREF(r);
        mpy_err_clear();
    }
    mpy_err_restore_raw(saved);
}

/* ------------------------------------------------------------------ */
/* The caret line                                                       */

/* Character (code point) count of the first `bytes` bytes of `s`. */
static int char_offset(const char *s, int bytes)
{
    int n = 0;
    for (int i = 0; i < bytes && s[i]; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    }
    return n;
}

/* Find ~~^~~ anchors in `segment` (UTF-8, one line): a binary operator or
 * a subscript.  Offsets are in bytes of the segment.  Returns 1 if found. */
static int segment_anchors(const char *segment, size_t n, int *left, int *right)
{
    MpyArena *arena = mpy__arena_new();
    if (arena == NULL)
        return 0;
    int found = 0;
    MpyAstMod *mod = mpy__parse(segment, n, NULL, MPY_PARSE_FILE, arena, NULL);
    if (mod != NULL && MPY_AST_SEQ_LEN(mod->v.Module.body) == 1) {
        MpyAstStmt *st = MPY_AST_SEQ_GET(mod->v.Module.body, 0);
        if (st->kind == MPY_AST_Expr && st->loc.lineno == 1) {
            MpyAstExpr *e = st->v.Expr.value;
            if (e->kind == MPY_AST_BinOp) {
                int from = e->v.BinOp.left->loc.end_col_offset, to = e->v.BinOp.right->loc.col_offset;
                for (int i = from; i < to && i < (int)n; i++) {
                    if (segment[i] == ' ' || segment[i] == '\t' || segment[i] == '\f')
                        continue;
                    *left = i;
                    *right = i + 1;
                    if (i + 1 < to && segment[i + 1] != ' ' && segment[i + 1] != '\t')
                        (*right)++;
                    found = 1;
                    break;
                }
            } else if (e->kind == MPY_AST_Subscript) {
                *left = e->v.Subscript.value->loc.end_col_offset;
                *right = e->v.Subscript.slice->loc.end_col_offset + 1;
                found = 1;
            }
        }
    }
    mpy_err_clear();
    mpy__arena_free(arena);
    return found;
}

/* Append the "    ~~^~~" line for one entry, if CPython would show one. */
static int append_carets(MpyStrBuilder *sb, const char *line, MpyCodeLocation *loc)
{
    if (loc->line < 0 || loc->end_line < 0 || loc->col < 0 || loc->end_col < 0)
        return 0;
    int linelen = (int)strlen(line);
    if (loc->col > linelen)
        return 0;
    int indent = 0;
    while (line[indent] == ' ' || line[indent] == '\t' || line[indent] == '\f')
        indent++;
    int stripped_end = linelen;
    while (stripped_end > indent && (line[stripped_end - 1] == ' ' || line[stripped_end - 1] == '\t'))
        stripped_end--;
    int start_b = loc->col;
    int end_b = loc->line == loc->end_line ? (loc->end_col > linelen ? linelen : loc->end_col) : stripped_end;
    int left = -1, right = -1;
    if (loc->line == loc->end_line && end_b > start_b)
        segment_anchors(line + start_b, (size_t)(end_b - start_b), &left, &right);
    int start = char_offset(line, start_b), end = char_offset(line, end_b);
    int stripped_len = char_offset(line, stripped_end) - char_offset(line, indent);
    if (end - start >= stripped_len && left < 0)
        return 0;
    if (mpy_sb_append_cstr(sb, "    ") < 0)
        return -1;
    for (int i = char_offset(line, indent); i < start; i++) {
        if (mpy_sb_append(sb, " ", 1) < 0)
            return -1;
    }
    if (left >= 0) {
        const char *seg = line + start_b;
        int l = char_offset(seg, left), r = char_offset(seg, right);
        for (int i = 0; i < end - start; i++) {
            if (mpy_sb_append(sb, i >= l && i < r ? "^" : "~", 1) < 0)
                return -1;
        }
    } else {
        for (int i = start; i < end; i++) {
            if (mpy_sb_append(sb, "^", 1) < 0)
                return -1;
        }
    }
    return mpy_sb_append(sb, "\n", 1);
}

/* ------------------------------------------------------------------ */
/* Formatting one exception                                             */

static int append_entry(MpyStrBuilder *sb, MpyTracebackObject *tb)
{
    MpyCodeObject *code = (MpyCodeObject *)tb->code;
    if (mpy_sb_printf(sb, "  File \"%s\", line %d, in %s\n", mpy_str_utf8(code->filename),
                      tb->lineno, mpy_str_utf8(code->name)) < 0)
        return -1;
    MpyObject *line = mpy__source_line(code->filename, tb->lineno);
    if (line == NULL)
        return 0;
    const char *text = mpy_str_utf8(line);
    const char *p = text;
    while (*p == ' ' || *p == '\t' || *p == '\f')
        p++;
    size_t len = strlen(p);
    while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
        len--;
    int r = 0;
    if (len > 0) {
        r = mpy_sb_append_cstr(sb, "    ") < 0 || mpy_sb_append(sb, p, len) < 0 ||
                    mpy_sb_append(sb, "\n", 1) < 0 ? -1 : 0;
        if (r == 0 && tb->lasti >= 0 && tb->lasti < code->ninstrs)
            r = append_carets(sb, text, &code->locations[tb->lasti]);
    }
    MPY_DECREF(line);
    return r;
}

/* Entries, collapsing runs of identical ones as CPython does. */
static int append_traceback(MpyStrBuilder *sb, MpyObject *tbobj)
{
    if (mpy_sb_append_cstr(sb, "Traceback (most recent call last):\n") < 0)
        return -1;
    MpyTracebackObject *prev = NULL;
    int repeats = 0;
    for (MpyObject *t = tbobj; t != NULL; t = ((MpyTracebackObject *)t)->next) {
        MpyTracebackObject *tb = (MpyTracebackObject *)t;
        bool same = prev != NULL && prev->code != NULL &&
                    mpy_str_equal(((MpyCodeObject *)prev->code)->filename, ((MpyCodeObject *)tb->code)->filename) &&
                    prev->lineno == tb->lineno &&
                    mpy_str_equal(((MpyCodeObject *)prev->code)->name, ((MpyCodeObject *)tb->code)->name);
        if (!same) {
            if (repeats > 3 &&
                mpy_sb_printf(sb, "  [Previous line repeated %d more time%s]\n", repeats - 3,
                              repeats - 3 > 1 ? "s" : "") < 0)
                return -1;
            repeats = 0;
        }
        prev = tb;
        repeats++;
        if (repeats <= 3 && append_entry(sb, tb) < 0)
            return -1;
    }
    if (repeats > 3 && mpy_sb_printf(sb, "  [Previous line repeated %d more time%s]\n", repeats - 3,
                                     repeats - 3 > 1 ? "s" : "") < 0)
        return -1;
    return 0;
}

/* "module.Name" unless builtins / __main__. */
static int append_type_name(MpyStrBuilder *sb, MpyObject *exc)
{
    MpyType *t = MPY_TYPE(exc);
    MpyObject *module = mpy_type_module_name(t);
    MpyObject *qual = mpy_type_qualname(t);
    int r = -1;
    if (module != NULL && qual != NULL) {
        if (!mpy_str_equal_cstr(module, "builtins") && !mpy_str_equal_cstr(module, "__main__"))
            r = mpy_sb_printf(sb, "%s.%s", mpy_str_utf8(module), mpy_str_utf8(qual));
        else
            r = mpy_sb_append_str(sb, qual);
    }
    MPY_XDECREF(module);
    MPY_XDECREF(qual);
    mpy_err_clear();
    return r;
}

/* The "  File ..., line N\n    text\n    ^\n" block of a SyntaxError. */
static int append_syntax_location(MpyStrBuilder *sb, MpyObject *exc)
{
    MpyObject *file = mpy__exc_extra(exc, MPY_EXC_SYNTAX_FILENAME);
    MpyObject *line = mpy__exc_extra(exc, MPY_EXC_SYNTAX_LINENO);
    MpyObject *text = mpy__exc_extra(exc, MPY_EXC_SYNTAX_TEXT);
    MpyObject *off = mpy__exc_extra(exc, MPY_EXC_SYNTAX_OFFSET);
    MpyObject *end_off = mpy__exc_extra(exc, MPY_EXC_SYNTAX_END_OFFSET);
    MpyObject *end_line = mpy__exc_extra(exc, MPY_EXC_SYNTAX_END_LINENO);
    if (file == NULL || !mpy_str_check(file) || line == NULL || !mpy_int_check(line))
        return 0;
    if (mpy_sb_printf(sb, "  File \"%s\", line %lld\n", mpy_str_utf8(file), mpy_int_as_long(line)) < 0)
        return -1;
    if (text == NULL || !mpy_str_check(text))
        return 0;
    /* Only the first line of the text, stripped on the left like CPython. */
    const char *t = mpy_str_utf8(text);
    const char *nl = strchr(t, '\n');
    size_t len = nl ? (size_t)(nl - t) : strlen(t);
    const char *p = t;
    while ((size_t)(p - t) < len && (*p == ' ' || *p == '\t' || *p == '\f'))
        p++;
    int stripped = char_offset(t, (int)(p - t));
    size_t plen = len - (size_t)(p - t);
    while (plen > 0 && (p[plen - 1] == ' ' || p[plen - 1] == '\t' || p[plen - 1] == '\r'))
        plen--;
    if (mpy_sb_append_cstr(sb, "    ") < 0 || mpy_sb_append(sb, p, plen) < 0 || mpy_sb_append(sb, "\n", 1) < 0)
        return -1;
    if (off == NULL || !mpy_int_check(off))
        return 0;
    long long start = mpy_int_as_long(off), end = start + 1;
    if (end_off != NULL && mpy_int_check(end_off) && mpy_int_as_long(end_off) > 0 &&
        (end_line == NULL || !mpy_int_check(end_line) || mpy_int_as_long(end_line) == mpy_int_as_long(line)))
        end = mpy_int_as_long(end_off);
    // CPython's default display draws one caret for an IndentationError
    // (and TabError), whatever its end_offset.
    if (mpy_err_given_matches(exc, (MpyObject *)mpy_exc_IndentationError))
        end = start + 1;
    long long width = (long long)char_offset(p, (int)plen);
    start -= stripped;
    end -= stripped;
    // CPython draws no caret that would point left of the stripped text
    // (a TabError's offset 1 on an indented line, or an unknown offset 0).
    if (start < 1)
        return 0;
    if (start > width + 1)
        start = width + 1;
    if (end <= start)
        end = start + 1;
    if (end > width + 1)
        end = width + 1 > start ? width + 1 : start + 1;
    if (mpy_sb_append_cstr(sb, "    ") < 0)
        return -1;
    for (long long i = 1; i < start; i++)
        if (mpy_sb_append(sb, " ", 1) < 0)
            return -1;
    for (long long i = start; i < end; i++)
        if (mpy_sb_append(sb, "^", 1) < 0)
            return -1;
    return mpy_sb_append(sb, "\n", 1);
}

/* ------------------------------------------------------------------ */
/* "Did you mean" suggestions (CPython 3.11's Python/suggestions.c)      */
/*
 * The default exception display (uncaught exceptions, sys.excepthook,
 * threading's excepthook) ends the line of a NameError or AttributeError
 * with ". Did you mean: 'print'?" when a known name is close to the
 * missing one.  Closeness is a Levenshtein distance where changing the
 * case of a letter costs 1 and any other edit 2; a candidate may differ
 * in at most a third of the characters involved.  The traceback module's
 * formatting functions do not add it (as in 3.11).
 */
#define SUGGEST_MAX_CANDIDATES 750
#define SUGGEST_MAX_LENGTH 40
#define EDIT_COST 2
#define CASE_COST 1

static size_t substitution_cost(char a, char b)
{
    if (a == b)
        return 0;
    if ((a & 31) == (b & 31)) {
        char la = a >= 'A' && a <= 'Z' ? (char)(a + 32) : a;
        char lb = b >= 'A' && b <= 'Z' ? (char)(b + 32) : b;
        if (la == lb)
            return CASE_COST;
    }
    return EDIT_COST;
}

/* Edit distance between a[0..na) and b[0..nb), or any value above
 * `limit` when it is larger than `limit`. */
static size_t edit_distance(const char *a, size_t na, const char *b, size_t nb, size_t limit)
{
    // Shared prefixes and suffixes cost nothing.
    while (na > 0 && nb > 0 && a[0] == b[0]) {
        a++, b++;
        na--, nb--;
    }
    while (na > 0 && nb > 0 && a[na - 1] == b[nb - 1])
        na--, nb--;
    if (na == 0 || nb == 0)
        return (na + nb) * EDIT_COST;
    if (na > SUGGEST_MAX_LENGTH || nb > SUGGEST_MAX_LENGTH)
        return limit + 1;
    if (na > nb) { // keep `a` the shorter one: it sizes the row
        const char *t = a; a = b; b = t;
        size_t tn = na; na = nb; nb = tn;
    }
    if ((nb - na) * EDIT_COST > limit)
        return limit + 1;
    // row[i]: cost of turning b[0..j) into a[0..i+1), for the current j.
    size_t row[SUGGEST_MAX_LENGTH];
    for (size_t i = 0; i < na; i++)
        row[i] = (i + 1) * EDIT_COST;
    size_t result = 0;
    for (size_t j = 0; j < nb; j++) {
        size_t diagonal = j * EDIT_COST; // cost(b[0..j), a[0..i))
        size_t left = diagonal + EDIT_COST;  // cost(b[0..j+1), a[0..0))
        size_t best_in_row = SIZE_MAX;
        for (size_t i = 0; i < na; i++) {
            size_t substitute = diagonal + substitution_cost(b[j], a[i]);
            size_t up = row[i];
            size_t insert_delete = (left < up ? left : up) + EDIT_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            diagonal = up;
            row[i] = left = result;
            if (result < best_in_row)
                best_in_row = result;
        }
        if (best_in_row > limit)
            return limit + 1;
    }
    return result;
}

/* The closest str in `candidates` (a list) to `name`, or NULL.
 * Returns: borrowed reference (kept alive by the list). */
static MpyObject *closest_name(MpyObject *candidates, MpyObject *name)
{
    ptrdiff_t n = mpy_list_size(candidates);
    if (n >= SUGGEST_MAX_CANDIDATES)
        return NULL;
    const char *target = mpy_str_utf8(name);
    size_t target_len = (size_t)mpy_str_size(name);
    MpyObject *best = NULL;
    size_t best_distance = SIZE_MAX;
    for (ptrdiff_t i = 0; i < n; i++) {
        MpyObject *item = ((MpyListObject *)candidates)->items[i];
        if (!mpy_str_check(item))
            continue;
        const char *s = mpy_str_utf8(item);
        size_t len = (size_t)mpy_str_size(item);
        if (len == target_len && memcmp(s, target, len) == 0)
            continue;
        // At most a third of the characters may change; only beat the best.
        size_t limit = (target_len + len + 3) * EDIT_COST / 6;
        if (best_distance - 1 < limit)
            limit = best_distance - 1;
        size_t d = edit_distance(target, target_len, s, len, limit);
        if (d <= limit && (best == NULL || d < best_distance)) {
            best = item;
            best_distance = d;
        }
    }
    return best;
}

/* Suggestion from the keys of a namespace (a dict or a module). */
static MpyObject *closest_key(MpyObject *ns, MpyObject *name)
{
    if (ns != NULL && mpy_module_check(ns))
        ns = mpy_module_get_dict(ns);
    if (ns == NULL || !mpy_dict_check(ns))
        return NULL;
    MpyObject *keys = mpy_dict_keys(ns);
    MpyObject *best = keys ? closest_name(keys, name) : NULL;
    MPY_XINCREF(best);
    MPY_XDECREF(keys);
    return best;
}

/* Returns: new reference to the suggested name, or NULL (no exception). */
static MpyObject *suggestion_for(MpyObject *exc)
{
    MpyObject *best = NULL;
    if (mpy_type_is_subtype(MPY_TYPE(exc), mpy_exc_AttributeError)) {
        MpyObject *name = mpy__exc_extra(exc, MPY_EXC_ATTR_NAME);
        MpyObject *obj = mpy__exc_extra(exc, MPY_EXC_ATTR_OBJ);
        if (name == NULL || obj == NULL || !mpy_str_check(name))
            return NULL;
        MpyObject *names = mpy_object_dir(obj);
        best = names && mpy_list_check(names) ? closest_name(names, name) : NULL;
        MPY_XINCREF(best);
        MPY_XDECREF(names);
    } else if (mpy_type_is_subtype(MPY_TYPE(exc), mpy_exc_NameError)) {
        MpyObject *name = mpy__exc_extra(exc, MPY_EXC_NAME_NAME);
        MpyTracebackObject *tb = (MpyTracebackObject *)mpy_exc_get_traceback(exc);
        if (name == NULL || !mpy_str_check(name) || tb == NULL)
            return NULL;
        while (tb->next != NULL)
            tb = (MpyTracebackObject *)tb->next;
        // The innermost frame's locals, then its globals, then builtins.
        MpyObject *locals = mpy_list_from_iterable(((MpyCodeObject *)tb->code)->varnames);
        best = locals ? closest_name(locals, name) : NULL;
        MPY_XINCREF(best);
        MPY_XDECREF(locals);
        if (best == NULL)
            best = closest_key(tb->globals, name);
        if (best == NULL) {
            MpyObject *builtins = tb->globals ? mpy_dict_get_str_borrowed(tb->globals, MPY_ID(__builtins__)) : NULL;
            best = closest_key(builtins ? builtins : mpy__interp_get()->builtins, name);
        }
    }
    mpy_err_clear();
    return best;
}

static int append_exception_line(MpyStrBuilder *sb, MpyObject *exc, bool suggest)
{
    bool syntax = mpy_type_is_subtype(MPY_TYPE(exc), mpy_exc_SyntaxError);
    if (syntax && append_syntax_location(sb, exc) < 0)
        return -1;
    if (append_type_name(sb, exc) < 0)
        return -1;
    MpyObject *msg;
    if (syntax) {
        MpyObject *m = mpy__exc_extra(exc, MPY_EXC_SYNTAX_MSG);
        msg = m != NULL ? mpy_object_str(m) : mpy_object_str(exc);
    } else {
        msg = mpy_object_str(exc);
    }
    if (msg == NULL) {
        mpy_err_clear();
        return mpy_sb_append_cstr(sb, ": <exception str() failed>\n");
    }
    int r = 0;
    if (mpy_str_length(msg) > 0)
        r = mpy_sb_append(sb, ": ", 2) < 0 || mpy_sb_append_str(sb, msg) < 0 ? -1 : 0;
    MPY_DECREF(msg);
    MpyObject *suggestion = suggest && r == 0 ? suggestion_for(exc) : NULL;
    if (suggestion != NULL) {
        r = mpy_sb_printf(sb, ". Did you mean: '%s'?", mpy_str_utf8(suggestion));
        MPY_DECREF(suggestion);
    }
    if (r == 0)
        r = mpy_sb_append(sb, "\n", 1);
    /* __notes__ (3.11), one per line */
    MpyObject *notes = mpy_object_lookup_attr(exc, MPY_ID(__notes__));
    if (notes != NULL && mpy_list_check(notes)) {
        for (ptrdiff_t i = 0; r == 0 && i < mpy_list_size(notes); i++) {
            MpyObject *note = ((MpyListObject *)notes)->items[i];
            r = mpy_sb_append_obj_str(sb, note) < 0 || mpy_sb_append(sb, "\n", 1) < 0 ? -1 : 0;
        }
    }
    MPY_XDECREF(notes);
    mpy_err_clear();
    return r;
}

/* `seen` is a dict keyed by object addresses (as tagged ints). */
static MpyObject *address_key(MpyObject *o)
{
    return mpy_small_int((intptr_t)((uintptr_t)o >> 3));
}

static int seen_add(MpyObject *seen, MpyObject *o)
{
    return mpy_dict_set(seen, address_key(o), MPY_NONE);
}

static bool seen_has(MpyObject *seen, MpyObject *o)
{
    return mpy_dict_contains(seen, address_key(o)) == 1;
}

/* Exception groups (PEP 654) are shown as a tree, each level indented and
 * given a "| " margin, as CPython's print_exception_group does. */
#define GROUP_MAX_WIDTH 15
#define GROUP_MAX_DEPTH 10

/* The BaseExceptionGroup class, or NULL while no program has used one
 * (minipy loads it on first use: runtime/lib/_exceptiongroup.py). */
static MpyObject *exception_group_class(void)
{
    MpyInterp *interp = mpy__interp_get();
    MpyObject *mod = interp && interp->modules
                         ? mpy_dict_get_str_borrowed(interp->modules, mpy_str_intern_cstr("_exceptiongroup"))
                         : NULL;
    MpyObject *dict = mod != NULL && mpy_module_check(mod) ? mpy_module_get_dict(mod) : NULL;
    return dict ? mpy_dict_get_str_borrowed(dict, mpy_str_intern_cstr("BaseExceptionGroup")) : NULL;
}

/* The sub-exceptions of `exc` if it is a group.  Returns: new reference to
 * a tuple, or NULL (not a group, no exception set). */
static MpyObject *group_members(MpyObject *exc)
{
    MpyObject *cls = exception_group_class();
    if (cls == NULL || mpy_object_isinstance(exc, cls) != 1) {
        mpy_err_clear();
        return NULL;
    }
    MpyObject *excs = mpy_object_getattr_cstr(exc, "exceptions");
    if (excs == NULL || !mpy_tuple_check(excs)) {
        mpy_err_clear();
        MPY_XDECREF(excs);
        return NULL;
    }
    return excs;
}

static int append_indent(MpyStrBuilder *sb, int n)
{
    for (int i = 0; i < n; i++) {
        if (mpy_sb_append(sb, " ", 1) < 0)
            return -1;
    }
    return 0;
}

/* Append `text` (lines ending in newlines) with each line prefixed by the
 * indentation and margin of group depth `depth` (nothing at depth 0); the
 * first line gets `first_margin` instead of "| " when not NULL. */
static int append_with_margin(MpyStrBuilder *sb, MpyObject *text, int depth, const char *first_margin)
{
    const char *p = mpy_str_utf8(text), *end = p + mpy_str_size(text);
    if (depth == 0)
        return mpy_sb_append(sb, p, (size_t)(end - p));
    bool first = true;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl : end;
        if (append_indent(sb, 2 * depth) < 0 ||
            mpy_sb_append_cstr(sb, first && first_margin ? first_margin : "| ") < 0 ||
            mpy_sb_append(sb, p, (size_t)(stop - p)) < 0 || mpy_sb_append(sb, "\n", 1) < 0)
            return -1;
        first = false;
        p = nl ? nl + 1 : end;
    }
    return 0;
}

static int append_chain(MpyStrBuilder *sb, MpyObject *exc, MpyObject *seen, bool suggest, int depth,
                        bool *need_close);

/* The traceback and "Type: message" of one exception (a group's header
 * says "Exception Group Traceback"), with the margin of `depth`. */
static int append_one(MpyStrBuilder *sb, MpyObject *exc, bool suggest, int depth, bool group)
{
    MpyStrBuilder own;
    mpy_sb_init(&own);
    MpyObject *tb = mpy_exc_get_traceback(exc);
    if (tb != NULL && (group ? mpy_sb_append_cstr(&own, "Exception Group ") : 0) < 0)
        goto fail;
    if ((tb != NULL && append_traceback(&own, tb) < 0) || append_exception_line(&own, exc, suggest) < 0)
        goto fail;
    MpyObject *text = mpy_sb_finish(&own);
    if (text == NULL)
        return -1;
    int r = append_with_margin(sb, text, depth, tb != NULL && group && depth == 1 ? "+ " : NULL);
    MPY_DECREF(text);
    return r;
fail:
    mpy_sb_discard(&own);
    return -1;
}

/* A group: itself, then each member in a numbered box. */
static int append_group(MpyStrBuilder *sb, MpyObject *exc, MpyObject *excs, MpyObject *seen,
                        bool suggest, int depth, bool *need_close)
{
    if (depth > GROUP_MAX_DEPTH) {
        return append_indent(sb, 2 * depth) < 0 ? -1
               : mpy_sb_printf(sb, "| ... (max_group_depth is %d)\n", GROUP_MAX_DEPTH);
    }
    if (depth == 0)
        depth = 1;
    if (append_one(sb, exc, suggest, depth, true) < 0)
        return -1;
    ptrdiff_t total = mpy_tuple_size(excs);
    ptrdiff_t n = total < GROUP_MAX_WIDTH ? total : GROUP_MAX_WIDTH;
    *need_close = false;
    for (ptrdiff_t i = 0; i < n; i++) {
        if (i == n - 1)
            *need_close = total <= GROUP_MAX_WIDTH;
        if (append_indent(sb, 2 * depth) < 0 ||
            mpy_sb_printf(sb, "%s+---------------- %zd ----------------\n", i == 0 ? "+-" : "  ",
                          i + 1) < 0 ||
            append_chain(sb, mpy_tuple_item(excs, i), seen, suggest, depth + 1, need_close) < 0)
            return -1;
        if (*need_close) {
            if (append_indent(sb, 2 * depth) < 0 ||
                mpy_sb_append_cstr(sb, "  +------------------------------------\n") < 0)
                return -1;
            *need_close = false;
        }
    }
    if (total > GROUP_MAX_WIDTH) {
        ptrdiff_t more = total - GROUP_MAX_WIDTH;
        if (append_indent(sb, 2 * depth) < 0 ||
            mpy_sb_append_cstr(sb, "  +---------------- ... ----------------\n") < 0 ||
            append_indent(sb, 2 * (depth + 1)) < 0 ||
            mpy_sb_printf(sb, "| and %zd more exception%s\n", more, more > 1 ? "s" : "") < 0 ||
            append_indent(sb, 2 * depth) < 0 ||
            mpy_sb_append_cstr(sb, "  +------------------------------------\n") < 0)
            return -1;
    }
    return 0;
}

/* One exception with its chain; `seen` guards against cycles; `suggest`:
 * add "Did you mean" hints (the default display, not the traceback
 * module); `depth`: how deep in exception groups (0: not in one). */
static int append_chain(MpyStrBuilder *sb, MpyObject *exc, MpyObject *seen, bool suggest, int depth,
                        bool *need_close)
{
    if (seen_add(seen, exc) < 0)
        return -1;
    MpyObject *cause = mpy_exc_get_cause(exc);
    MpyObject *context = mpy_exc_get_context(exc);
    const char *link = NULL;
    if (cause != NULL && mpy_exc_check(cause) && !seen_has(seen, cause)) {
        if (append_chain(sb, cause, seen, suggest, depth, need_close) < 0)
            return -1;
        link = "\nThe above exception was the direct cause of the following exception:\n\n";
    } else if (context != NULL && mpy_exc_check(context) && !mpy_exc_get_suppress_context(exc) &&
               !seen_has(seen, context)) {
        if (append_chain(sb, context, seen, suggest, depth, need_close) < 0)
            return -1;
        link = "\nDuring handling of the above exception, another exception occurred:\n\n";
    }
    if (link != NULL) {
        MpyObject *text = mpy_str_from_cstr(link);
        int r = text == NULL ? -1 : append_with_margin(sb, text, depth, NULL);
        MPY_XDECREF(text);
        if (r < 0)
            return -1;
    }
    MpyObject *excs = group_members(exc);
    if (excs != NULL) {
        int r = append_group(sb, exc, excs, seen, suggest, depth, need_close);
        MPY_DECREF(excs);
        return r;
    }
    return append_one(sb, exc, suggest, depth, false);
}

static MpyObject *format_exception(MpyObject *exc, bool suggest)
{
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    MpyObject *seen = mpy_dict_new();
    bool need_close = false;
    if (seen == NULL || append_chain(&sb, exc, seen, suggest, 0, &need_close) < 0) {
        MPY_XDECREF(seen);
        mpy_sb_discard(&sb);
        return NULL;
    }
    MPY_DECREF(seen);
    return mpy_sb_finish(&sb);
}

MpyObject *mpy__format_exception(MpyObject *exc)
{
    return format_exception(exc, false);
}

MpyObject *mpy__format_exception_display(MpyObject *exc)
{
    return format_exception(exc, true);
}

void mpy__print_exception(MpyObject *exc)
{
    if (stderr_is_none())
        return;
    MpyObject *saved = mpy_err_fetch();
    MpyObject *text = format_exception(exc, true);
    if (text == NULL) {
        mpy_err_clear();
        static const char fallback[] = "Error in printing the exception\n";
        mpy__stderr_write(fallback, sizeof fallback - 1);
    } else {
        mpy__stderr_write(mpy_str_utf8(text), (size_t)mpy_str_size(text));
        MPY_DECREF(text);
    }
    flush_stderr();
    mpy_err_restore_raw(saved);
}

/* ------------------------------------------------------------------ */
/* The error.h entry points that print                                  */

void mpy_err_print(void)
{
    MpyObject *exc = mpy_err_fetch();
    if (exc == NULL)
        return;
    /* sys.excepthook, if the script replaced it. */
    MpyInterp *interp = mpy__interp_get();
    MpyObject *hook = interp && interp->sysdict ? mpy_dict_get_str_borrowed(interp->sysdict,
                                                  mpy_str_intern_cstr("excepthook")) : NULL;
    MpyObject *dflt = interp && interp->sysdict ? mpy_dict_get_str_borrowed(interp->sysdict,
                                                  mpy_str_intern_cstr("__excepthook__")) : NULL;
    if (hook != NULL && hook != dflt) {
        MpyObject *tb = mpy_exc_get_traceback(exc);
        MpyObject *args[3] = {(MpyObject *)MPY_TYPE(exc), exc, tb ? tb : MPY_NONE};
        MpyObject *r = mpy_object_call(hook, args, 3, NULL);
        if (r != NULL) {
            MPY_DECREF(r);
            MPY_DECREF(exc);
            return;
        }
        MpyObject *hook_exc = mpy_err_fetch();
        static const char msg[] = "Error in sys.excepthook:\n";
        mpy__stderr_write(msg, sizeof msg - 1);
        mpy__print_exception(hook_exc);
        static const char msg2[] = "\nOriginal exception was:\n";
        mpy__stderr_write(msg2, sizeof msg2 - 1);
        MPY_XDECREF(hook_exc);
    }
    mpy__print_exception(exc);
    MPY_DECREF(exc);
}

void mpy_err_write_unraisable(MpyObject *obj)
{
    mpy__err_write_unraisable_msg("in", obj);
}

void mpy__err_write_unraisable_msg(const char *what, MpyObject *obj)
{
    MpyObject *exc = mpy_err_fetch();
    if (exc == NULL)
        return;
    if (stderr_is_none()) {
        MPY_DECREF(exc);
        return;
    }
    MpyObject *r = obj ? mpy_object_repr(obj) : NULL;
    mpy_err_clear();
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    if (r != NULL)
        mpy_sb_printf(&sb, "Exception ignored %s: %s\n", what, mpy_str_utf8(r));
    MPY_XDECREF(r);
    /* CPython's default unraisable hook: the traceback, then "Type: str"
     * with the ": " even when str() is empty, and no chained exceptions. */
    MpyObject *tb = mpy_exc_get_traceback(exc);
    int ok = (tb == NULL || append_traceback(&sb, tb) == 0) && append_type_name(&sb, exc) == 0;
    MpyObject *msg = ok ? mpy_object_str(exc) : NULL;
    if (msg == NULL) {
        mpy_err_clear();
        mpy_sb_append_cstr(&sb, ": <exception str() failed>\n");
    } else {
        mpy_sb_append(&sb, ": ", 2);
        mpy_sb_append_str(&sb, msg);
        mpy_sb_append(&sb, "\n", 1);
        MPY_DECREF(msg);
    }
    MpyObject *text = mpy_sb_finish(&sb);
    if (text != NULL) {
        mpy__stderr_write(mpy_str_utf8(text), (size_t)mpy_str_size(text));
        MPY_DECREF(text);
    }
    mpy_err_clear();
    flush_stderr();
    MPY_DECREF(exc);
}
