/* vm/parser_pattern.c: the match statement and its patterns.
 *
 * Models the "Match statement" section of CPython 3.11's
 * Grammar/python.gram (PEP 634).  `match` and `case` are soft keywords:
 * ordinary names everywhere else, so the statement parser only tries a
 * match statement when a line starts with `match` and falls back to an
 * expression statement when the header does not parse (match(x) is a
 * call).  Patterns have their own small grammar: literals, captures, the
 * wildcard `_`, dotted value names, sequences, mappings, class patterns,
 * `|` alternatives and `as` bindings.
 */
#include "vm/parser.h"

#include <string.h>

#include "runtime/complex.h"
#include "runtime/int.h"
#include "runtime/str.h"

static MpyAstPattern *pattern(MpyParser *p);

static MpyAstPattern *
pattern_new(MpyParser *p, MpyAstPatternKind kind, MpyAstLoc loc)
{
    MpyAstPattern *pat = mpy__p_alloc(p, sizeof *pat);
    if (pat != NULL) {
        pat->kind = kind;
        pat->loc = loc;
    }
    return pat;
}

static bool
is_wildcard(MpyParser *p, int k)
{
    return mpy__p_at_name(p, k, "_");
}

/* ------------------------------------------------------------------ */
/* Literals and values                                                  */

static MpyAstExpr *
number_expr(MpyParser *p)
{
    MpyToken t = *mpy__p_peek(p, 0);
    if (t.type != MPY_TOK_NUMBER)
        return mpy__p_invalid_syntax(p);
    mpy__p_next(p);
    MpyObject *v = mpy__p_number(p, &t);
    MpyAstExpr *e = v ? mpy__p_expr_new(p, MPY_AST_Constant, mpy__p_tok_loc(&t)) : NULL;
    if (e != NULL)
        e->v.Constant.value = v;
    return e;
}

/* signed_number ['+' | '-' imaginary]: 1, -1, 1+2j, -1-2j */
static MpyAstExpr *
signed_number(MpyParser *p)
{
    MpyToken start = *mpy__p_peek(p, 0);
    MpyAstExpr *e;
    if (start.type == MPY_TOK_MINUS) {
        mpy__p_next(p);
        MpyAstExpr *n = number_expr(p);
        e = n ? mpy__p_expr_new(p, MPY_AST_UnaryOp, mpy__p_loc_from(p, &start)) : NULL;
        if (e == NULL)
            return NULL;
        e->v.UnaryOp.op = MPY_AST_USUB;
        e->v.UnaryOp.operand = n;
    } else if ((e = number_expr(p)) == NULL) {
        return NULL;
    }
    int t = mpy__p_type(p);
    if (t != MPY_TOK_PLUS && t != MPY_TOK_MINUS)
        return e;
    // A complex literal: a real part, then an imaginary one (1 + 2j).
    MpyAstExpr *real = e->kind == MPY_AST_UnaryOp ? e->v.UnaryOp.operand : e;
    if (mpy_complex_check(real->v.Constant.value))
        return mpy__p_error_node(p, real->loc, "real number required in complex literal");
    mpy__p_next(p);
    MpyAstExpr *imag = number_expr(p);
    if (imag != NULL && !mpy_complex_check(imag->v.Constant.value))
        return mpy__p_error_node(p, imag->loc, "imaginary number required in complex literal");
    return imag ? mpy__p_binop(p, &start, e, t == MPY_TOK_PLUS ? MPY_AST_ADD : MPY_AST_SUB, imag) : NULL;
}

/* name_or_attr: NAME ('.' NAME)* as Name / Attribute (Load). */
static MpyAstExpr *
name_or_attr(MpyParser *p)
{
    MpyToken t = mpy__p_next(p);
    MpyObject *id = mpy__p_name_of(p, &t);
    MpyAstExpr *e = id ? mpy__p_expr_new(p, MPY_AST_Name, mpy__p_tok_loc(&t)) : NULL;
    if (e == NULL)
        return NULL;
    e->v.Name.id = id;
    e->v.Name.ctx = MPY_AST_LOAD;
    while (mpy__p_accept(p, MPY_TOK_DOT)) {
        MpyToken n = *mpy__p_peek(p, 0);
        if (n.type != MPY_TOK_NAME)
            return mpy__p_invalid_syntax(p);
        mpy__p_next(p);
        MpyObject *attr = mpy__p_name_of(p, &n);
        MpyAstExpr *a = attr ? mpy__p_expr_new(p, MPY_AST_Attribute, mpy__p_loc_span(p, e->loc)) : NULL;
        if (a == NULL)
            return NULL;
        a->v.Attribute.value = e;
        a->v.Attribute.attr = attr;
        a->v.Attribute.ctx = MPY_AST_LOAD;
        e = a;
    }
    return e;
}

/* A mapping key: a literal or a dotted value name. */
static MpyAstExpr *
mapping_key(MpyParser *p)
{
    MpyToken t = *mpy__p_peek(p, 0);
    switch (t.type) {
    case MPY_TOK_NUMBER:
    case MPY_TOK_MINUS: return signed_number(p);
    case MPY_TOK_STRING: return mpy__p_strings(p);
    case MPY_TOK_KW_NONE:
    case MPY_TOK_KW_TRUE:
    case MPY_TOK_KW_FALSE: {
        mpy__p_next(p);
        MpyAstExpr *e = mpy__p_expr_new(p, MPY_AST_Constant, mpy__p_tok_loc(&t));
        if (e != NULL)
            e->v.Constant.value = t.type == MPY_TOK_KW_NONE ? MPY_NONE
                                  : t.type == MPY_TOK_KW_TRUE ? MPY_TRUE : MPY_FALSE;
        return e;
    }
    case MPY_TOK_NAME:
        if (mpy__p_type_at(p, 1) == MPY_TOK_DOT)
            return name_or_attr(p);
        break;
    }
    return mpy__p_invalid_syntax(p);
}

/* A capture target name: NAME that is not '_'. */
static MpyObject *
capture_name(MpyParser *p)
{
    MpyToken t = *mpy__p_peek(p, 0);
    if (t.type != MPY_TOK_NAME)
        return mpy__p_invalid_syntax(p);
    if (is_wildcard(p, 0))
        return mpy__p_error_tok(p, &t, "cannot use '_' as a target");
    mpy__p_next(p);
    return mpy__p_name_of(p, &t);
}

/* ------------------------------------------------------------------ */
/* Composite patterns                                                   */

/* star_pattern | pattern, for sequence elements. */
static MpyAstPattern *
maybe_star_pattern(MpyParser *p)
{
    if (!mpy__p_at(p, MPY_TOK_STAR))
        return pattern(p);
    MpyToken star = mpy__p_next(p);
    MpyObject *name = NULL;
    if (is_wildcard(p, 0))
        mpy__p_next(p);
    else if ((name = capture_name(p)) == NULL)
        return NULL;
    MpyAstPattern *pat = pattern_new(p, MPY_AST_MatchStar, mpy__p_loc_from(p, &star));
    if (pat != NULL)
        pat->v.MatchStar.name = name;
    return pat;
}

/* Sequence elements up to `close` (consumed): pushed. */
static bool
sequence_elements(MpyParser *p, int close)
{
    while (!mpy__p_at(p, close)) {
        MpyAstPattern *pat = maybe_star_pattern(p);
        if (pat == NULL || !mpy__p_push(p, pat))
            return false;
        if (!mpy__p_accept(p, MPY_TOK_COMMA))
            break;
    }
    return mpy__p_expect(p, close, NULL);
}

/* '(' ... ')' : a group or a tuple-like sequence. */
static MpyAstPattern *
paren_pattern(MpyParser *p)
{
    MpyToken open = mpy__p_next(p);
    int mark = mpy__p_scratch_mark(p);
    if (!mpy__p_at(p, MPY_TOK_RPAR)) {
        MpyAstPattern *first = maybe_star_pattern(p);
        if (first == NULL)
            return NULL;
        if (first->kind != MPY_AST_MatchStar && mpy__p_accept(p, MPY_TOK_RPAR))
            return first; // a group keeps its content's position
        if (!mpy__p_push(p, first))
            return NULL;
        if (!mpy__p_expect(p, MPY_TOK_COMMA, NULL) || !sequence_elements(p, MPY_TOK_RPAR)) {
            p->nscratch = mark;
            return NULL;
        }
    } else {
        mpy__p_next(p);
    }
    MpyAstSeq *pats = mpy__p_seq_from(p, mark);
    MpyAstPattern *pat = pats ? pattern_new(p, MPY_AST_MatchSequence, mpy__p_loc_from(p, &open)) : NULL;
    if (pat != NULL)
        pat->v.MatchSequence.patterns = pats;
    return pat;
}

static MpyAstPattern *
list_pattern(MpyParser *p)
{
    MpyToken open = mpy__p_next(p);
    int mark = mpy__p_scratch_mark(p);
    if (!sequence_elements(p, MPY_TOK_RSQB)) {
        p->nscratch = mark;
        return NULL;
    }
    MpyAstSeq *pats = mpy__p_seq_from(p, mark);
    MpyAstPattern *pat = pats ? pattern_new(p, MPY_AST_MatchSequence, mpy__p_loc_from(p, &open)) : NULL;
    if (pat != NULL)
        pat->v.MatchSequence.patterns = pats;
    return pat;
}

static MpyAstPattern *
mapping_pattern(MpyParser *p)
{
    MpyToken open = mpy__p_next(p);
    int kmark = mpy__p_scratch_mark(p);
    MpyObject *rest = NULL;
    while (!mpy__p_at(p, MPY_TOK_RBRACE)) {
        if (mpy__p_accept(p, MPY_TOK_DOUBLESTAR)) {
            if ((rest = capture_name(p)) == NULL)
                goto fail;
            mpy__p_accept(p, MPY_TOK_COMMA);
            break;
        }
        MpyAstExpr *key = mapping_key(p);
        if (key == NULL || !mpy__p_expect(p, MPY_TOK_COLON, NULL))
            goto fail;
        MpyAstPattern *value = pattern(p);
        if (value == NULL || !mpy__p_push(p, key) || !mpy__p_push(p, value))
            goto fail;
        if (!mpy__p_accept(p, MPY_TOK_COMMA))
            break;
    }
    if (!mpy__p_expect(p, MPY_TOK_RBRACE, NULL))
        goto fail;
    int n = (p->nscratch - kmark) / 2;
    MpyAstSeq *keys = mpy__ast_seq_new(p->arena, n), *pats = mpy__ast_seq_new(p->arena, n);
    MpyAstPattern *pat = pattern_new(p, MPY_AST_MatchMapping, mpy__p_loc_from(p, &open));
    if (keys == NULL || pats == NULL || pat == NULL)
        goto fail;
    for (int i = 0; i < n; i++) {
        keys->items[i] = p->scratch[kmark + 2 * i];
        pats->items[i] = p->scratch[kmark + 2 * i + 1];
    }
    p->nscratch = kmark;
    pat->v.MatchMapping.keys = keys;
    pat->v.MatchMapping.patterns = pats;
    pat->v.MatchMapping.rest = rest;
    return pat;
fail:
    p->nscratch = kmark;
    return NULL;
}

/* cls '(' [patterns] [NAME '=' pattern, ...] ')' */
static MpyAstPattern *
class_pattern(MpyParser *p, MpyAstExpr *cls)
{
    mpy__p_next(p); // '('
    int pmark = mpy__p_scratch_mark(p);
    int npos = 0, nkw = 0;
    while (!mpy__p_at(p, MPY_TOK_RPAR)) {
        if (mpy__p_at(p, MPY_TOK_NAME) && mpy__p_type_at(p, 1) == MPY_TOK_EQUAL) {
            MpyToken name = mpy__p_next(p);
            mpy__p_next(p);
            MpyObject *attr = mpy__p_name_of(p, &name);
            MpyAstPattern *value = attr ? pattern(p) : NULL;
            if (value == NULL || !mpy__p_push(p, attr) || !mpy__p_push(p, value))
                goto fail;
            nkw++;
        } else {
            MpyAstPattern *pat = pattern(p);
            if (pat == NULL)
                goto fail;
            if (nkw > 0) {
                mpy__p_error_node(p, pat->loc, "positional patterns follow keyword patterns");
                goto fail;
            }
            if (!mpy__p_push(p, pat))
                goto fail;
            npos++;
        }
        if (!mpy__p_accept(p, MPY_TOK_COMMA))
            break;
    }
    if (!mpy__p_expect(p, MPY_TOK_RPAR, NULL))
        goto fail;
    MpyAstSeq *pats = mpy__ast_seq_new(p->arena, npos);
    MpyAstSeq *attrs = mpy__ast_seq_new(p->arena, nkw), *kwpats = mpy__ast_seq_new(p->arena, nkw);
    MpyAstPattern *pat = pattern_new(p, MPY_AST_MatchClass, mpy__p_loc_span(p, cls->loc));
    if (pats == NULL || attrs == NULL || kwpats == NULL || pat == NULL)
        goto fail;
    for (int i = 0; i < npos; i++)
        pats->items[i] = p->scratch[pmark + i];
    for (int i = 0; i < nkw; i++) {
        attrs->items[i] = p->scratch[pmark + npos + 2 * i];
        kwpats->items[i] = p->scratch[pmark + npos + 2 * i + 1];
    }
    p->nscratch = pmark;
    pat->v.MatchClass.cls = cls;
    pat->v.MatchClass.patterns = pats;
    pat->v.MatchClass.kwd_attrs = attrs;
    pat->v.MatchClass.kwd_patterns = kwpats;
    return pat;
fail:
    p->nscratch = pmark;
    return NULL;
}

static MpyAstPattern *
closed_pattern(MpyParser *p)
{
    MpyToken t = *mpy__p_peek(p, 0);
    switch (t.type) {
    case MPY_TOK_NUMBER:
    case MPY_TOK_MINUS:
    case MPY_TOK_STRING: {
        MpyAstExpr *value = t.type == MPY_TOK_STRING ? mpy__p_strings(p) : signed_number(p);
        if (value == NULL)
            return NULL;
        if (value->kind == MPY_AST_JoinedStr)
            return mpy__p_error_node(p, value->loc, "patterns may only match literals and attribute lookups");
        MpyAstPattern *pat = pattern_new(p, MPY_AST_MatchValue, value->loc);
        if (pat != NULL)
            pat->v.MatchValue.value = value;
        return pat;
    }
    case MPY_TOK_KW_NONE:
    case MPY_TOK_KW_TRUE:
    case MPY_TOK_KW_FALSE: {
        mpy__p_next(p);
        MpyAstPattern *pat = pattern_new(p, MPY_AST_MatchSingleton, mpy__p_tok_loc(&t));
        if (pat != NULL)
            pat->v.MatchSingleton.value = t.type == MPY_TOK_KW_NONE ? MPY_NONE
                                          : t.type == MPY_TOK_KW_TRUE ? MPY_TRUE : MPY_FALSE;
        return pat;
    }
    case MPY_TOK_LPAR: return paren_pattern(p);
    case MPY_TOK_LSQB: return list_pattern(p);
    case MPY_TOK_LBRACE: return mapping_pattern(p);
    case MPY_TOK_NAME: {
        int next = mpy__p_type_at(p, 1);
        if (next != MPY_TOK_DOT && next != MPY_TOK_LPAR) {
            // A capture (x) or the wildcard (_).
            mpy__p_next(p);
            MpyObject *name = is_wildcard(p, -1) ? NULL : mpy__p_name_of(p, &t);
            if (name == NULL && p->error)
                return NULL;
            MpyAstPattern *pat = pattern_new(p, MPY_AST_MatchAs, mpy__p_tok_loc(&t));
            if (pat != NULL)
                pat->v.MatchAs.name = name;
            return pat;
        }
        MpyAstExpr *e = name_or_attr(p);
        if (e == NULL)
            return NULL;
        if (mpy__p_at(p, MPY_TOK_LPAR))
            return class_pattern(p, e);
        MpyAstPattern *pat = pattern_new(p, MPY_AST_MatchValue, e->loc);
        if (pat != NULL)
            pat->v.MatchValue.value = e;
        return pat;
    }
    }
    return mpy__p_invalid_syntax(p);
}

/* pattern: or_pattern ['as' NAME] */
static MpyAstPattern *
pattern(MpyParser *p)
{
    if (!mpy__p_enter(p))
        return NULL;
    MpyToken start = *mpy__p_peek(p, 0);
    MpyAstPattern *first = closed_pattern(p), *result = first;
    if (first != NULL && mpy__p_at(p, MPY_TOK_VBAR)) {
        int mark = mpy__p_scratch_mark(p);
        bool ok = mpy__p_push(p, first);
        while (ok && mpy__p_accept(p, MPY_TOK_VBAR)) {
            MpyAstPattern *alt = closed_pattern(p);
            ok = alt != NULL && mpy__p_push(p, alt);
        }
        MpyAstSeq *alts = ok ? mpy__p_seq_from(p, mark) : NULL;
        p->nscratch = mark;
        result = alts ? pattern_new(p, MPY_AST_MatchOr, mpy__p_loc_from(p, &start)) : NULL;
        if (result != NULL)
            result->v.MatchOr.patterns = alts;
    }
    if (result != NULL && mpy__p_accept(p, MPY_TOK_KW_AS)) {
        MpyObject *name = capture_name(p);
        MpyAstPattern *as = name ? pattern_new(p, MPY_AST_MatchAs, mpy__p_loc_from(p, &start)) : NULL;
        if (as != NULL) {
            as->v.MatchAs.pattern = result;
            as->v.MatchAs.name = name;
        }
        result = as;
    }
    mpy__p_leave(p);
    return result;
}

/* patterns: open_sequence_pattern | pattern (the top of a case). */
static MpyAstPattern *
patterns(MpyParser *p)
{
    MpyToken start = *mpy__p_peek(p, 0);
    MpyAstPattern *first = maybe_star_pattern(p);
    if (first == NULL)
        return NULL;
    if (!mpy__p_at(p, MPY_TOK_COMMA)) {
        if (first->kind == MPY_AST_MatchStar)
            return mpy__p_invalid_syntax(p);
        return first;
    }
    int mark = mpy__p_scratch_mark(p);
    if (!mpy__p_push(p, first))
        return NULL;
    while (mpy__p_accept(p, MPY_TOK_COMMA)) {
        if (mpy__p_at(p, MPY_TOK_COLON) || mpy__p_at(p, MPY_TOK_KW_IF))
            break;
        MpyAstPattern *pat = maybe_star_pattern(p);
        if (pat == NULL || !mpy__p_push(p, pat)) {
            p->nscratch = mark;
            return NULL;
        }
    }
    MpyAstSeq *pats = mpy__p_seq_from(p, mark);
    MpyAstPattern *seq = pats ? pattern_new(p, MPY_AST_MatchSequence, mpy__p_loc_from(p, &start)) : NULL;
    if (seq != NULL)
        seq->v.MatchSequence.patterns = pats;
    return seq;
}

/* ------------------------------------------------------------------ */
/* The statement                                                        */

static MpyAstMatchCase *
case_block(MpyParser *p)
{
    MpyToken kw = mpy__p_next(p); // 'case'
    MpyAstPattern *pat = patterns(p);
    if (pat == NULL)
        return NULL;
    MpyAstExpr *guard = NULL;
    if (mpy__p_accept(p, MPY_TOK_KW_IF) && (guard = mpy__p_named_expression(p)) == NULL)
        return NULL;
    if (!mpy__p_at(p, MPY_TOK_COLON))
        return mpy__p_error_tok(p, mpy__p_peek(p, 0), mpy__p_at(p, MPY_TOK_NEWLINE) ? "expected ':'" : "invalid syntax");
    mpy__p_next(p);
    MpyAstSeq *body = mpy__p_block(p, "'case' statement", kw.lineno);
    MpyAstMatchCase *c = body ? mpy__p_alloc(p, sizeof *c) : NULL;
    if (c != NULL) {
        c->pattern = pat;
        c->guard = guard;
        c->body = body;
    }
    return c;
}

MpyAstStmt *
mpy__p_match_stmt(MpyParser *p, bool *committed)
{
    *committed = false;
    MpyToken kw = mpy__p_next(p);
    MpyToken start = *mpy__p_peek(p, 0);
    MpyAstExpr *subject = mpy__p_star_named_expression(p);
    if (subject == NULL)
        return NULL;
    if (mpy__p_at(p, MPY_TOK_COMMA)) {
        int mark = mpy__p_scratch_mark(p);
        bool ok = mpy__p_push(p, subject);
        while (ok && mpy__p_accept(p, MPY_TOK_COMMA)) {
            if (mpy__p_at(p, MPY_TOK_COLON))
                break;
            MpyAstExpr *e = mpy__p_star_named_expression(p);
            ok = e != NULL && mpy__p_push(p, e);
        }
        MpyAstSeq *elts = ok ? mpy__p_seq_from(p, mark) : NULL;
        p->nscratch = mark;
        subject = elts ? mpy__p_tuple(p, elts, mpy__p_loc_from(p, &start)) : NULL;
        if (subject == NULL)
            return NULL;
    } else if (subject->kind == MPY_AST_Starred) {
        return mpy__p_invalid_syntax(p);
    }
    if (!mpy__p_at(p, MPY_TOK_COLON))
        return mpy__p_invalid_syntax(p);
    mpy__p_next(p);
    *committed = true;
    if (!mpy__p_expect(p, MPY_TOK_NEWLINE, NULL))
        return NULL;
    if (!mpy__p_at(p, MPY_TOK_INDENT)) {
        MpyToken t = *mpy__p_peek(p, 0);
        mpy__p_error_at(p, MPY_TOKERR_INDENT, t.lineno, t.col, t.end_lineno, t.end_col,
                        "expected an indented block after 'match' statement on line %d", kw.lineno);
        p->err.incomplete = t.type == MPY_TOK_ENDMARKER;
        return NULL;
    }
    mpy__p_next(p);
    int mark = mpy__p_scratch_mark(p);
    while (mpy__p_at_name(p, 0, "case")) {
        MpyAstMatchCase *c = case_block(p);
        if (c == NULL || !mpy__p_push(p, c)) {
            p->nscratch = mark;
            return NULL;
        }
    }
    if (p->nscratch == mark || (!mpy__p_accept(p, MPY_TOK_DEDENT) && !mpy__p_at(p, MPY_TOK_ENDMARKER))) {
        p->nscratch = mark;
        return mpy__p_invalid_syntax(p);
    }
    MpyAstSeq *cases = mpy__p_seq_from(p, mark);
    if (cases == NULL)
        return NULL;
    MpyAstStmt *s = mpy__p_stmt_new(p, MPY_AST_Match, mpy__p_compound_loc(p, &kw));
    if (s != NULL) {
        s->v.Match.subject = subject;
        s->v.Match.cases = cases;
    }
    return s;
}
