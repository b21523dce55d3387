/* vm/parser_atom.c: atoms, displays, comprehensions, calls, subscripts,
 * lambdas and parameter lists.
 *
 * Models the "Primary elements", "Literals", "Comprehensions & generators",
 * "Arguments" and "Function definition parameters" parts of CPython 3.11's
 * Grammar/python.gram, with the positions CPython gives: a display,
 * comprehension or parenthesized tuple spans its brackets; a generator
 * expression that is a call's only argument spans the call's parentheses.
 */
#include "vm/parser.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/complex.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/str.h"

/* ------------------------------------------------------------------ */
/* Numbers                                                              */

MpyObject *
mpy__p_number(MpyParser *p, const MpyToken *t)
{
    char small[128];
    char *buf = t->len < (int)sizeof small ? small : malloc((size_t)t->len + 1);
    if (buf == NULL) {
        mpy_err_no_memory();
        return mpy__p_keep(p, NULL);
    }
    size_t n = 0;
    for (int i = 0; i < t->len; i++)
        if (t->start[i] != '_')
            buf[n++] = t->start[i];
    buf[n] = 0;
    bool radix = n > 1 && buf[0] == '0' && strchr("xXoObB", buf[1]) != NULL;
    MpyObject *value;
    if (!radix && (buf[n - 1] == 'j' || buf[n - 1] == 'J')) {
        MpyObject *f = mpy_float_from_string(buf, n - 1);
        value = f ? mpy_complex_from_doubles(0.0, mpy_float_value(f)) : NULL;
        MPY_XDECREF(f);
    } else if (!radix && strpbrk(buf, ".eE") != NULL) {
        value = mpy_float_from_string(buf, n);
    } else {
        value = mpy_int_from_string(buf, n, 0);
    }
    if (buf != small)
        free(buf);
    return mpy__p_keep(p, value);
}

static MpyAstExpr *
constant(MpyParser *p, MpyObject *value, MpyAstLoc loc)
{
    if (value == NULL)
        return NULL;
    MpyAstExpr *e = mpy__p_expr_new(p, MPY_AST_Constant, loc);
    if (e != NULL)
        e->v.Constant.value = value;
    return e;
}

/* ------------------------------------------------------------------ */
/* Comprehensions                                                       */

static bool
at_for(MpyParser *p)
{
    int t = mpy__p_type(p);
    return t == MPY_TOK_KW_FOR || (t == MPY_TOK_KW_ASYNC && mpy__p_type_at(p, 1) == MPY_TOK_KW_FOR);
}

/* for_if_clauses: ('async'? 'for' star_targets 'in' disjunction ('if' disjunction)*)+ */
static MpyAstSeq *
for_if_clauses(MpyParser *p)
{
    int mark = mpy__p_scratch_mark(p);
    while (at_for(p)) {
        int is_async = mpy__p_accept(p, MPY_TOK_KW_ASYNC);
        mpy__p_next(p); // 'for'
        MpyAstExpr *target = mpy__p_star_targets(p), *iter = NULL;
        if (target != NULL && mpy__p_expect(p, MPY_TOK_KW_IN, NULL))
            iter = mpy__p_disjunction(p);
        if (iter == NULL) {
            p->nscratch = mark;
            return NULL;
        }
        int ifs_mark = mpy__p_scratch_mark(p);
        while (mpy__p_accept(p, MPY_TOK_KW_IF)) {
            MpyAstExpr *cond = mpy__p_disjunction(p);
            if (cond == NULL || !mpy__p_push(p, cond)) {
                p->nscratch = mark;
                return NULL;
            }
        }
        MpyAstSeq *ifs = mpy__p_seq_from(p, ifs_mark);
        MpyAstComprehension *c = mpy__p_alloc(p, sizeof *c);
        if (ifs == NULL || c == NULL || !mpy__p_push(p, c)) {
            p->nscratch = mark;
            return NULL;
        }
        c->target = target;
        c->iter = iter;
        c->ifs = ifs;
        c->is_async = is_async;
    }
    return mpy__p_seq_from(p, mark);
}

/* ListComp, SetComp or GeneratorExp of `elt` spanning from `open`. */
static MpyAstExpr *
comprehension(MpyParser *p, MpyAstExprKind kind, MpyAstExpr *elt, const MpyToken *open, int close)
{
    if (elt->kind == MPY_AST_Starred) // [*a for a in b]
        return mpy__p_error_node(p, elt->loc, "iterable unpacking cannot be used in comprehension");
    MpyAstSeq *gens = for_if_clauses(p);
    if (gens == NULL || !mpy__p_expect(p, close, NULL))
        return NULL;
    MpyAstExpr *e = mpy__p_expr_new(p, kind, mpy__p_loc_from(p, open));
    if (e != NULL) {
        e->v.Comp.elt = elt;
        e->v.Comp.generators = gens;
    }
    return e;
}

/* ------------------------------------------------------------------ */
/* Displays                                                             */

/* The elements after `first` up to `close` (consumed), pushed. */
static bool
display_elements(MpyParser *p, int close)
{
    MpyAstExpr *first = p->scratch[p->nscratch - 1];
    while (mpy__p_accept(p, MPY_TOK_COMMA)) {
        if (mpy__p_at(p, close))
            break;
        MpyAstExpr *e = mpy__p_star_named_expression(p);
        if (e == NULL || !mpy__p_push(p, e))
            return false;
        if (close != MPY_TOK_RPAR && at_for(p)) { // [a, b for a, b in c]
            MpyAstLoc loc = first->loc;
            loc.end_lineno = e->loc.end_lineno;
            loc.end_col_offset = e->loc.end_col_offset;
            mpy__p_error_node(p, loc, "did you forget parentheses around the comprehension target?");
            return false;
        }
    }
    return mpy__p_expect(p, close, NULL);
}

static MpyAstExpr *
list_display(MpyParser *p)
{
    MpyToken open = mpy__p_next(p);
    int mark = mpy__p_scratch_mark(p);
    if (!mpy__p_at(p, MPY_TOK_RSQB)) {
        MpyAstExpr *first = mpy__p_star_named_expression(p);
        if (first == NULL)
            return NULL;
        if (at_for(p))
            return comprehension(p, MPY_AST_ListComp, first, &open, MPY_TOK_RSQB);
        if (!mpy__p_push(p, first) || !display_elements(p, MPY_TOK_RSQB)) {
            p->nscratch = mark;
            return NULL;
        }
    } else {
        mpy__p_next(p);
    }
    MpyAstSeq *elts = mpy__p_seq_from(p, mark);
    MpyAstExpr *e = elts ? mpy__p_expr_new(p, MPY_AST_List, mpy__p_loc_from(p, &open)) : NULL;
    if (e != NULL) {
        e->v.List.elts = elts;
        e->v.List.ctx = MPY_AST_LOAD;
    }
    return e;
}

/* '(' ... ')': tuple, parenthesized expression (group), generator
 * expression, or a parenthesized yield. */
static MpyAstExpr *
paren_display(MpyParser *p)
{
    MpyToken open = mpy__p_next(p);
    if (mpy__p_accept(p, MPY_TOK_RPAR))
        return mpy__p_tuple(p, NULL, mpy__p_loc_from(p, &open));
    if (mpy__p_at(p, MPY_TOK_KW_YIELD)) {
        MpyAstExpr *y = mpy__p_yield_expr(p);
        return y && mpy__p_expect(p, MPY_TOK_RPAR, NULL) ? y : NULL;
    }
    MpyAstExpr *first = mpy__p_star_named_expression(p);
    if (first == NULL)
        return NULL;
    if (at_for(p)) {
        if (first->kind == MPY_AST_Starred)
            return mpy__p_error_node(p, first->loc, "iterable unpacking cannot be used in comprehension");
        return comprehension(p, MPY_AST_GeneratorExp, first, &open, MPY_TOK_RPAR);
    }
    if (mpy__p_accept(p, MPY_TOK_RPAR)) {
        if (first->kind == MPY_AST_Starred)
            return mpy__p_error_node(p, first->loc, "cannot use starred expression here");
        return first; // a group keeps the position of its content
    }
    int mark = mpy__p_scratch_mark(p);
    if (!mpy__p_at(p, MPY_TOK_COMMA)) {
        mpy__p_invalid_syntax(p);
        return NULL;
    }
    if (!mpy__p_push(p, first) || !display_elements(p, MPY_TOK_RPAR)) {
        p->nscratch = mark;
        return NULL;
    }
    MpyAstSeq *elts = mpy__p_seq_from(p, mark);
    return elts ? mpy__p_tuple(p, elts, mpy__p_loc_from(p, &open)) : NULL;
}

/* A dict display's value after 'key:' ({a: *b} is an error). */
static MpyAstExpr *
dict_value(MpyParser *p, const MpyToken *colon)
{
    int t = mpy__p_type(p);
    if (t == MPY_TOK_RBRACE || t == MPY_TOK_COMMA) // {a: }
        return mpy__p_error_tok(p, colon, "expression expected after dictionary key and ':'");
    if (t != MPY_TOK_STAR)
        return mpy__p_expression(p);
    MpyAstExpr *starred = mpy__p_star_named_expression(p);
    return starred ? mpy__p_error_node(p, starred->loc, "cannot use a starred expression in a dictionary value")
                   : NULL;
}

/* The rest of a dict display after its first key and ':' (or '**'). */
static MpyAstExpr *
dict_display(MpyParser *p, const MpyToken *open, MpyAstExpr *key, MpyAstExpr *value)
{
    int kmark = mpy__p_scratch_mark(p);
    if (!mpy__p_push(p, key) || !mpy__p_push(p, value))
        return NULL;
    while (mpy__p_accept(p, MPY_TOK_COMMA)) {
        if (mpy__p_at(p, MPY_TOK_RBRACE))
            break;
        key = NULL;
        if (mpy__p_accept(p, MPY_TOK_DOUBLESTAR)) {
            value = mpy__p_bitwise_or(p);
        } else {
            key = mpy__p_expression(p);
            if (key != NULL && !mpy__p_at(p, MPY_TOK_COLON)) {
                p->nscratch = kmark;
                return mpy__p_error_at(p, MPY_TOKERR_SYNTAX, key->loc.end_lineno,
                                       key->loc.end_col_offset - 1, key->loc.end_lineno, -1,
                                       "':' expected after dictionary key");
            }
            MpyToken colon = mpy__p_next(p);
            value = key ? dict_value(p, &colon) : NULL;
        }
        if (value == NULL || !mpy__p_push(p, key) || !mpy__p_push(p, value)) {
            p->nscratch = kmark;
            return NULL;
        }
    }
    if (!mpy__p_expect(p, MPY_TOK_RBRACE, NULL)) {
        p->nscratch = kmark;
        return NULL;
    }
    // Split the interleaved key, value pairs.
    int n = (p->nscratch - kmark) / 2;
    MpyAstSeq *keys = mpy__ast_seq_new(p->arena, n), *values = mpy__ast_seq_new(p->arena, n);
    MpyAstExpr *e = mpy__p_expr_new(p, MPY_AST_Dict, mpy__p_loc_from(p, open));
    if (keys == NULL || values == NULL || e == NULL) {
        p->nscratch = kmark;
        return mpy__p_alloc(p, (size_t)-1 / 2);
    }
    for (int i = 0; i < n; i++) {
        keys->items[i] = p->scratch[kmark + 2 * i];
        values->items[i] = p->scratch[kmark + 2 * i + 1];
    }
    p->nscratch = kmark;
    e->v.Dict.keys = keys;
    e->v.Dict.values = values;
    return e;
}

static MpyAstExpr *
brace_display(MpyParser *p)
{
    MpyToken open = mpy__p_next(p);
    if (mpy__p_accept(p, MPY_TOK_RBRACE)) {
        MpyAstExpr *e = mpy__p_expr_new(p, MPY_AST_Dict, mpy__p_loc_from(p, &open));
        return e;
    }
    if (mpy__p_at(p, MPY_TOK_DOUBLESTAR)) {
        MpyToken stars = mpy__p_next(p);
        MpyAstExpr *value = mpy__p_bitwise_or(p);
        if (value != NULL && at_for(p)) // {**a for a in b}
            return mpy__p_error_tok(p, &stars, "dict unpacking cannot be used in dict comprehension");
        return value ? dict_display(p, &open, NULL, value) : NULL;
    }
    MpyAstExpr *first = mpy__p_star_named_expression(p);
    if (first == NULL)
        return NULL;
    if (first->kind == MPY_AST_Starred && mpy__p_type(p) == MPY_TOK_COLON) // {*a: 1}
        return mpy__p_error_tok(p, mpy__p_peek(p, 0), "invalid syntax");
    if (mpy__p_at(p, MPY_TOK_COLON)) {
        MpyToken colon = mpy__p_next(p);
        MpyAstExpr *value = dict_value(p, &colon);
        if (value == NULL)
            return NULL;
        if (at_for(p)) {
            MpyAstSeq *gens = for_if_clauses(p);
            if (gens == NULL || !mpy__p_expect(p, MPY_TOK_RBRACE, NULL))
                return NULL;
            MpyAstExpr *e = mpy__p_expr_new(p, MPY_AST_DictComp, mpy__p_loc_from(p, &open));
            if (e != NULL) {
                e->v.DictComp.key = first;
                e->v.DictComp.value = value;
                e->v.DictComp.generators = gens;
            }
            return e;
        }
        return dict_display(p, &open, first, value);
    }
    if (at_for(p))
        return comprehension(p, MPY_AST_SetComp, first, &open, MPY_TOK_RBRACE);
    int mark = mpy__p_scratch_mark(p);
    if (!mpy__p_push(p, first) || !display_elements(p, MPY_TOK_RBRACE)) {
        p->nscratch = mark;
        return NULL;
    }
    MpyAstSeq *elts = mpy__p_seq_from(p, mark);
    MpyAstExpr *e = elts ? mpy__p_expr_new(p, MPY_AST_Set, mpy__p_loc_from(p, &open)) : NULL;
    if (e != NULL)
        e->v.Set.elts = elts;
    return e;
}

/* ------------------------------------------------------------------ */
/* Atoms and trailers                                                   */

static MpyAstExpr *
atom(MpyParser *p)
{
    MpyToken t = *mpy__p_peek(p, 0);
    MpyAstLoc loc = mpy__p_tok_loc(&t);
    switch (t.type) {
    case MPY_TOK_NAME: {
        mpy__p_next(p);
        MpyObject *id = mpy__p_name_of(p, &t);
        MpyAstExpr *e = id ? mpy__p_expr_new(p, MPY_AST_Name, loc) : NULL;
        if (e != NULL) {
            e->v.Name.id = id;
            e->v.Name.ctx = MPY_AST_LOAD;
        }
        return e;
    }
    case MPY_TOK_NUMBER:
        mpy__p_next(p);
        return constant(p, mpy__p_number(p, &t), loc);
    case MPY_TOK_STRING: return mpy__p_strings(p);
    case MPY_TOK_KW_NONE: mpy__p_next(p); return constant(p, MPY_NONE, loc);
    case MPY_TOK_KW_TRUE: mpy__p_next(p); return constant(p, MPY_TRUE, loc);
    case MPY_TOK_KW_FALSE: mpy__p_next(p); return constant(p, MPY_FALSE, loc);
    case MPY_TOK_ELLIPSIS: mpy__p_next(p); return constant(p, MPY_ELLIPSIS, loc);
    case MPY_TOK_LPAR:
    case MPY_TOK_LSQB:
    case MPY_TOK_LBRACE: {
        if (!mpy__p_enter(p))
            return NULL;
        MpyAstExpr *e = t.type == MPY_TOK_LPAR   ? paren_display(p)
                        : t.type == MPY_TOK_LSQB ? list_display(p)
                                                 : brace_display(p);
        mpy__p_leave(p);
        return e;
    }
    }
    return mpy__p_invalid_syntax(p);
}

/* slice: [expression] ':' [expression] [':' [expression]] | named_expression */
static MpyAstExpr *
slice(MpyParser *p)
{
    MpyToken start = *mpy__p_peek(p, 0);
    MpyAstExpr *lower = NULL, *upper = NULL, *step = NULL;
    if (start.type == MPY_TOK_STAR) {
        mpy__p_next(p);
        MpyAstExpr *value = mpy__p_expression(p);
        return value ? mpy__p_starred(p, &start, value) : NULL;
    }
    if (start.type != MPY_TOK_COLON) {
        lower = mpy__p_named_expression(p);
        if (lower == NULL || !mpy__p_at(p, MPY_TOK_COLON))
            return lower;
    }
    mpy__p_next(p); // ':'
    int t = mpy__p_type(p);
    if (t != MPY_TOK_COLON && t != MPY_TOK_COMMA && t != MPY_TOK_RSQB &&
        (upper = mpy__p_expression(p)) == NULL)
        return NULL;
    if (mpy__p_accept(p, MPY_TOK_COLON)) {
        t = mpy__p_type(p);
        if (t != MPY_TOK_COMMA && t != MPY_TOK_RSQB && (step = mpy__p_expression(p)) == NULL)
            return NULL;
    }
    MpyAstExpr *e = mpy__p_expr_new(p, MPY_AST_Slice, mpy__p_loc_from(p, &start));
    if (e != NULL) {
        e->v.Slice.lower = lower;
        e->v.Slice.upper = upper;
        e->v.Slice.step = step;
    }
    return e;
}

/* slices: slice !',' | ','.slice+ [','] -> Tuple */
static MpyAstExpr *
slices(MpyParser *p)
{
    MpyToken start = *mpy__p_peek(p, 0);
    MpyAstExpr *first = slice(p);
    if (first == NULL)
        return NULL;
    if (!mpy__p_at(p, MPY_TOK_COMMA)) {
        if (first->kind == MPY_AST_Starred) // a[*b] is a[(*b,)]
            return mpy__p_tuple(p, mpy__p_seq1(p, first), first->loc);
        return first;
    }
    int mark = mpy__p_scratch_mark(p);
    if (!mpy__p_push(p, first))
        return NULL;
    while (mpy__p_accept(p, MPY_TOK_COMMA)) {
        if (mpy__p_at(p, MPY_TOK_RSQB))
            break;
        MpyAstExpr *e = slice(p);
        if (e == NULL || !mpy__p_push(p, e)) {
            p->nscratch = mark;
            return NULL;
        }
    }
    MpyAstSeq *elts = mpy__p_seq_from(p, mark);
    return elts ? mpy__p_tuple(p, elts, mpy__p_loc_from(p, &start)) : NULL;
}

MpyAstExpr *
mpy__p_primary(MpyParser *p)
{
    MpyToken start = *mpy__p_peek(p, 0);
    MpyAstExpr *e = atom(p);
    while (e != NULL) {
        int t = mpy__p_type(p);
        if (t == MPY_TOK_DOT) {
            mpy__p_next(p);
            MpyToken name = *mpy__p_peek(p, 0);
            if (name.type != MPY_TOK_NAME)
                return mpy__p_invalid_syntax(p);
            mpy__p_next(p);
            MpyObject *attr = mpy__p_name_of(p, &name);
            MpyAstExpr *a = attr ? mpy__p_expr_new(p, MPY_AST_Attribute, mpy__p_loc_from(p, &start)) : NULL;
            if (a == NULL)
                return NULL;
            a->v.Attribute.value = e;
            a->v.Attribute.attr = attr;
            a->v.Attribute.ctx = MPY_AST_LOAD;
            e = a;
        } else if (t == MPY_TOK_LPAR) {
            MpyToken open = mpy__p_next(p);
            MpyAstSeq *args, *keywords;
            if (!mpy__p_call_arguments(p, &open, &args, &keywords))
                return NULL;
            MpyAstExpr *c = mpy__p_expr_new(p, MPY_AST_Call, mpy__p_loc_from(p, &start));
            if (c == NULL)
                return NULL;
            c->v.Call.func = e;
            c->v.Call.args = args;
            c->v.Call.keywords = keywords;
            e = c;
        } else if (t == MPY_TOK_LSQB) {
            mpy__p_next(p);
            MpyAstExpr *index = slices(p);
            if (index == NULL || !mpy__p_expect(p, MPY_TOK_RSQB, NULL))
                return NULL;
            MpyAstExpr *s = mpy__p_expr_new(p, MPY_AST_Subscript, mpy__p_loc_from(p, &start));
            if (s == NULL)
                return NULL;
            s->v.Subscript.value = e;
            s->v.Subscript.slice = index;
            s->v.Subscript.ctx = MPY_AST_LOAD;
            e = s;
        } else {
            break;
        }
    }
    return e;
}

/* ------------------------------------------------------------------ */
/* Call arguments                                                       */

static MpyAstKeyword *
keyword(MpyParser *p, const MpyToken *start, MpyObject *arg, MpyAstExpr *value)
{
    MpyAstKeyword *k = mpy__p_alloc(p, sizeof *k);
    if (k != NULL) {
        k->arg = arg;
        k->value = value;
        k->loc = mpy__p_loc_from(p, start);
    }
    return k;
}

/* A positional argument that may turn out to be a generator expression:
 * f(x for x in y).  `open` is the call's '('.  Returns the argument. */
static MpyAstExpr *
positional_argument(MpyParser *p, const MpyToken *open, int nargs)
{
    MpyToken first = *mpy__p_peek(p, 0);
    MpyAstExpr *e = mpy__p_named_expression_ex(p, false);
    if (e == NULL)
        return NULL;
    if (mpy__p_at(p, MPY_TOK_EQUAL)) {
        MpyToken eq = *mpy__p_peek(p, 0);
        MpyAstLoc l = mpy__p_loc_join(e->loc, mpy__p_tok_loc(&eq));
        if (first.type == MPY_TOK_KW_TRUE || first.type == MPY_TOK_KW_FALSE ||
            first.type == MPY_TOK_KW_NONE)
            return mpy__p_error_node(p, l, "cannot assign to %s", mpy__p_expr_name(e));
        return mpy__p_error_node(p, l, "expression cannot contain assignment, perhaps you meant \"==\"?");
    }
    if (!at_for(p))
        return e;
    MpyAstSeq *gens = for_if_clauses(p);
    if (gens == NULL)
        return NULL;
    if (nargs > 0 || !mpy__p_at(p, MPY_TOK_RPAR))
        return mpy__p_error_node(p, mpy__p_loc_span(p, e->loc),
                                 "Generator expression must be parenthesized");
    // The generator expression takes the call's parentheses as its own.
    MpyToken close = *mpy__p_peek(p, 0);
    MpyAstExpr *g = mpy__p_expr_new(p, MPY_AST_GeneratorExp, mpy__p_tok_loc(open));
    if (g != NULL) {
        g->loc.end_lineno = close.end_lineno;
        g->loc.end_col_offset = close.end_col;
        g->v.Comp.elt = e;
        g->v.Comp.generators = gens;
    }
    return g;
}

bool
mpy__p_call_arguments(MpyParser *p, const MpyToken *open, MpyAstSeq **args, MpyAstSeq **keywords)
{
    int amark = mpy__p_scratch_mark(p);
    int nargs = 0, nkw = 0;
    bool seen_kw = false, seen_dstar = false;
    const char *late_positional = NULL; // reported once the whole list is read
    *args = *keywords = NULL;
    // Positional arguments go to the scratch stack as they come; keywords
    // are collected after them, so remember both in one pass with a tag.
    while (!mpy__p_at(p, MPY_TOK_RPAR)) {
        MpyToken t = *mpy__p_peek(p, 0);
        void *item;
        bool is_kw = false;
        if (t.type == MPY_TOK_STAR) {
            if (seen_dstar) {
                p->nscratch = amark;
                return mpy__p_error_tok(p, &t, "iterable argument unpacking follows keyword argument unpacking");
            }
            mpy__p_next(p);
            MpyAstExpr *value = mpy__p_expression(p);
            item = value ? mpy__p_starred(p, &t, value) : NULL;
        } else if (t.type == MPY_TOK_DOUBLESTAR) {
            mpy__p_next(p);
            MpyAstExpr *value = mpy__p_expression(p);
            item = value ? keyword(p, &t, NULL, value) : NULL;
            is_kw = seen_dstar = true;
        } else if (t.type == MPY_TOK_NAME && mpy__p_type_at(p, 1) == MPY_TOK_EQUAL) {
            mpy__p_next(p);
            mpy__p_next(p);
            MpyAstExpr *value = mpy__p_expression(p);
            MpyObject *arg = value ? mpy__p_name_of(p, &t) : NULL;
            item = arg ? keyword(p, &t, arg, value) : NULL;
            is_kw = seen_kw = true;
        } else {
            MpyAstExpr *e = positional_argument(p, open, nargs + nkw);
            if (e != NULL && (seen_kw || seen_dstar) && late_positional == NULL)
                late_positional = seen_dstar ? "positional argument follows keyword argument unpacking"
                                             : "positional argument follows keyword argument";
            item = e;
        }
        // Tag keywords in the low bit (arena memory is 16-byte aligned).
        if (item == NULL || !mpy__p_push(p, (void *)((uintptr_t)item | is_kw))) {
            p->nscratch = amark;
            return false;
        }
        if (is_kw)
            nkw++;
        else
            nargs++;
        if (!mpy__p_accept(p, MPY_TOK_COMMA))
            break;
    }
    if (late_positional != NULL && !p->error) {
        // CPython finds this one after reading the whole argument list.
        p->nscratch = amark;
        MpyToken last = p->tokens[p->furthest < p->ntokens ? p->furthest : p->ntokens - 1];
        return mpy__p_error_tok(p, &last, "%s", late_positional);
    }
    if (!mpy__p_expect(p, MPY_TOK_RPAR, NULL)) {
        p->nscratch = amark;
        return false;
    }
    MpyAstSeq *a = mpy__ast_seq_new(p->arena, nargs), *k = mpy__ast_seq_new(p->arena, nkw);
    if (a == NULL || k == NULL) {
        p->nscratch = amark;
        return mpy__p_alloc(p, (size_t)-1 / 2) != NULL;
    }
    int ia = 0, ik = 0;
    for (int i = amark; i < p->nscratch; i++) {
        uintptr_t v = (uintptr_t)p->scratch[i];
        if (v & 1)
            k->items[ik++] = (void *)(v & ~(uintptr_t)1);
        else
            a->items[ia++] = (void *)v;
    }
    p->nscratch = amark;
    *args = a;
    *keywords = k;
    return true;
}

/* ------------------------------------------------------------------ */
/* Lambdas and parameters                                               */

MpyAstExpr *
mpy__p_lambda(MpyParser *p)
{
    MpyToken kw = mpy__p_next(p);
    if (!mpy__p_enter(p))
        return NULL;
    MpyAstArguments *args = mpy__p_parameters(p, true, MPY_TOK_COLON);
    MpyAstExpr *body = NULL;
    if (args != NULL && mpy__p_expect(p, MPY_TOK_COLON, NULL))
        body = mpy__p_expression(p);
    mpy__p_leave(p);
    if (body == NULL)
        return NULL;
    MpyAstExpr *e = mpy__p_expr_new(p, MPY_AST_Lambda, mpy__p_loc_from(p, &kw));
    if (e != NULL) {
        e->v.Lambda.args = args;
        e->v.Lambda.body = body;
    }
    return e;
}

/* One parameter: NAME [':' annotation].  `star`: the *args parameter,
 * whose annotation may be starred (*args: *Ts). */
static MpyAstArg *
parameter(MpyParser *p, bool lambda, bool star)
{
    MpyToken name = *mpy__p_peek(p, 0);
    if (name.type != MPY_TOK_NAME)
        return mpy__p_invalid_syntax(p);
    mpy__p_next(p);
    MpyAstExpr *annotation = NULL;
    if (!lambda && mpy__p_accept(p, MPY_TOK_COLON)) {
        if (star && mpy__p_at(p, MPY_TOK_STAR)) {
            MpyToken st = mpy__p_next(p);
            MpyAstExpr *value = mpy__p_bitwise_or(p);
            annotation = value ? mpy__p_starred(p, &st, value) : NULL;
        } else {
            annotation = mpy__p_expression(p);
        }
        if (annotation == NULL)
            return NULL;
    }
    MpyObject *id = mpy__p_name_of(p, &name);
    MpyAstArg *a = id ? mpy__p_alloc(p, sizeof *a) : NULL;
    if (a != NULL) {
        a->arg = id;
        a->annotation = annotation;
        a->loc = mpy__p_loc_from(p, &name);
    }
    return a;
}

/* The parameter list state while it is read. */
typedef struct {
    int args_mark;     /* scratch index where the plain parameters start */
    int nargs, nposonly, ndefaults, nkwonly;
    MpyAstArg *vararg, *kwarg;
    bool star_seen, slash_seen, kwarg_seen;
    /* defaults and kwonly (with their defaults) are kept in side arrays */
    void **defaults, **kwonly, **kw_defaults;
    int cap_defaults, cap_kwonly, cap_kwdefaults;
} Params;

static bool
grow_push(MpyParser *p, void ***arr, int *cap, int n, void *item)
{
    if (n == *cap) {
        int c = *cap ? 2 * *cap : 8;
        void **a = realloc(*arr, (size_t)c * sizeof *a);
        if (a == NULL) {
            mpy_err_no_memory();
            mpy__p_keep(p, NULL);
            return false;
        }
        *arr = a;
        *cap = c;
    }
    (*arr)[n] = item;
    return true;
}

static MpyAstSeq *
seq_of(MpyParser *p, void **items, int n)
{
    MpyAstSeq *s = mpy__ast_seq_new(p->arena, n);
    if (s == NULL)
        return mpy__p_alloc(p, (size_t)-1 / 2);
    if (n)
        memcpy(s->items, items, (size_t)n * sizeof *items);
    return s;
}

/* One item of a parameter list.  Returns false on error. */
static bool
parameter_item(MpyParser *p, Params *ps, bool lambda, int close)
{
    MpyToken t = *mpy__p_peek(p, 0);
    if (ps->kwarg_seen)
        return mpy__p_error_tok(p, &t, "arguments cannot follow var-keyword argument") != NULL;
    if (t.type == MPY_TOK_SLASH) {
        if (ps->slash_seen)
            return mpy__p_error_tok(p, &t, "/ may appear only once") != NULL;
        if (ps->star_seen)
            return mpy__p_error_tok(p, &t, "/ must be ahead of *") != NULL;
        if (ps->nargs == 0)
            return mpy__p_error_tok(p, &t, "at least one argument must precede /") != NULL;
        mpy__p_next(p);
        ps->slash_seen = true;
        ps->nposonly = ps->nargs;
        return true;
    }
    if (t.type == MPY_TOK_STAR) {
        if (ps->star_seen) {
            // CPython names the error only when a parameter or ',' follows.
            int after = mpy__p_type_at(p, 1);
            return mpy__p_error_tok(p, &t, after == MPY_TOK_NAME || after == MPY_TOK_COMMA
                                               ? "* argument may appear only once"
                                               : "invalid syntax") != NULL;
        }
        mpy__p_next(p);
        ps->star_seen = true;
        int next = mpy__p_type(p);
        if (next == MPY_TOK_COMMA || next == close) {
            // A bare '*' must be followed by keyword-only parameters.
            if (next == close || mpy__p_type_at(p, 1) == close ||
                mpy__p_type_at(p, 1) == MPY_TOK_DOUBLESTAR)
                return mpy__p_error_tok(p, &t, "named arguments must follow bare *") != NULL;
            return true;
        }
        ps->vararg = parameter(p, lambda, true);
        if (ps->vararg == NULL)
            return false;
        if (mpy__p_at(p, MPY_TOK_EQUAL))
            return mpy__p_error_tok(p, mpy__p_peek(p, 0), "var-positional argument cannot have default value") != NULL;
        return true;
    }
    if (t.type == MPY_TOK_DOUBLESTAR) {
        mpy__p_next(p);
        ps->kwarg = parameter(p, lambda, false);
        if (ps->kwarg == NULL)
            return false;
        if (mpy__p_at(p, MPY_TOK_EQUAL))
            return mpy__p_error_tok(p, mpy__p_peek(p, 0), "var-keyword argument cannot have default value") != NULL;
        ps->kwarg_seen = true;
        return true;
    }
    MpyAstArg *a = parameter(p, lambda, false);
    if (a == NULL)
        return false;
    MpyAstExpr *def = NULL;
    if (mpy__p_accept(p, MPY_TOK_EQUAL) && (def = mpy__p_expression(p)) == NULL)
        return false;
    if (ps->star_seen) {
        if (!grow_push(p, &ps->kwonly, &ps->cap_kwonly, ps->nkwonly, a) ||
            !grow_push(p, &ps->kw_defaults, &ps->cap_kwdefaults, ps->nkwonly, def))
            return false;
        ps->nkwonly++;
        return true;
    }
    if (def == NULL && ps->ndefaults > 0)
        return mpy__p_error_node(p, a->loc, "non-default argument follows default argument") != NULL;
    if (def != NULL && !grow_push(p, &ps->defaults, &ps->cap_defaults, ps->ndefaults++, def))
        return false;
    ps->nargs++;
    return mpy__p_push(p, a);
}

MpyAstArguments *
mpy__p_parameters(MpyParser *p, bool lambda, int close)
{
    Params ps = {0};
    ps.args_mark = mpy__p_scratch_mark(p);
    MpyAstArguments *result = NULL;
    while (!mpy__p_at(p, close)) {
        if (!parameter_item(p, &ps, lambda, close))
            goto done;
        if (!mpy__p_accept(p, MPY_TOK_COMMA))
            break;
    }
    if (!mpy__p_at(p, close)) {
        mpy__p_invalid_syntax(p);
        goto done;
    }
    MpyAstArguments *args = mpy__p_alloc(p, sizeof *args);
    if (args == NULL)
        goto done;
    // The scratch array is still NULL when no parameter was pushed, and
    // NULL + 0 is undefined behaviour in C.
    void **plain = ps.nargs > 0 ? p->scratch + ps.args_mark : NULL;
    args->posonlyargs = seq_of(p, plain, ps.nposonly);
    args->args = seq_of(p, ps.nargs > 0 ? plain + ps.nposonly : NULL, ps.nargs - ps.nposonly);
    args->vararg = ps.vararg;
    args->kwonlyargs = seq_of(p, ps.kwonly, ps.nkwonly);
    args->kw_defaults = seq_of(p, ps.kw_defaults, ps.nkwonly);
    args->kwarg = ps.kwarg;
    args->defaults = seq_of(p, ps.defaults, ps.ndefaults);
    if (!p->error)
        result = args;
done:
    p->nscratch = ps.args_mark;
    free(ps.defaults);
    free(ps.kwonly);
    free(ps.kw_defaults);
    return result;
}
