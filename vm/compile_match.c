/* vm/compile_match.c: code generation for match statements.
 *
 * Models the pattern matching part of CPython 3.11's Python/compile.c
 * (compiler_match and compiler_pattern_*).
 *
 * Each case copies the subject (except the last) and runs its pattern.
 * A pattern consumes the subject on top of the stack; the objects it
 * captures (`case [x, y]`) are kept on the stack, below whatever the
 * pattern still works on, and are only stored into their names once the
 * whole pattern (and the guard) matched, so a failed case binds nothing
 * it should not.  On failure a pattern jumps to a "fail_pop" block that
 * pops exactly what is on the stack at that point: fail_pop[n] pops n
 * items and falls into fail_pop[n-1] ... fail_pop[0], the next case.
 *
 *   pc->on_top   items above the captures that the pattern still needs
 *   pc->stores   names captured so far, the first one nearest the top
 */
#include <string.h>

#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/compiler_internal.h"

#define LEN(seq) MPY_AST_SEQ_LEN(seq)
#define GET(seq, i) MPY_AST_SEQ_GET(seq, i)

typedef struct PatternContext {
    MpyObject *stores;       /* list of captured names */
    bool allow_irrefutable;  /* may this pattern always match? */
    MpyCBlock **fail_pop;    /* fail_pop[n]: pop n items, then fail */
    int fail_pop_size;
    int on_top;
} PatternContext;

static void compile_pattern(MpyCompiler *c, MpyAstPattern *p, PatternContext *pc);

static bool is_wildcard(MpyAstPattern *p)
{
    return p->kind == MPY_AST_MatchAs && p->v.MatchAs.name == NULL &&
           p->v.MatchAs.pattern == NULL;
}

static bool is_star_wildcard(MpyAstPattern *p)
{
    return p->kind == MPY_AST_MatchStar && p->v.MatchStar.name == NULL;
}

static void set_pattern_loc(MpyCompiler *c, MpyAstPattern *p)
{
    set_loc(c, &p->loc);
}

/* Make sure fail_pop[0..n] exist. */
static bool ensure_fail_pop(MpyCompiler *c, PatternContext *pc, int n)
{
    if (n + 1 <= pc->fail_pop_size)
        return true;
    MpyCBlock **resized = mpy_mem_realloc(pc->fail_pop, (size_t)(n + 1) * sizeof *resized);
    if (resized == NULL) {
        mpy__compile_fail(c);
        return false;
    }
    pc->fail_pop = resized;
    while (pc->fail_pop_size < n + 1) {
        MpyCBlock *b = new_block(c);
        if (b == NULL)
            return false;
        pc->fail_pop[pc->fail_pop_size++] = b;
    }
    return true;
}

/* Jump with `op` to the block that pops what is on the stack now. */
static void jump_to_fail_pop(MpyCompiler *c, PatternContext *pc, int op)
{
    int pops = pc->on_top + (int)mpy_list_size(pc->stores);
    if (!ensure_fail_pop(c, pc, pops))
        return;
    emit_jump(c, op, pc->fail_pop[pops]);
    mpy__compile_next_block(c);
}

/* Lay out the fail_pop blocks: POP_TOP ... POP_TOP, then fail_pop[0]. */
static void emit_and_reset_fail_pop(MpyCompiler *c, PatternContext *pc)
{
    if (pc->fail_pop_size == 0) {
        mpy__compile_next_block(c);
        return;
    }
    while (--pc->fail_pop_size > 0) {
        use_block(c, pc->fail_pop[pc->fail_pop_size]);
        emit(c, OP_POP_TOP);
    }
    use_block(c, pc->fail_pop[0]);
    mpy_mem_free(pc->fail_pop);
    pc->fail_pop = NULL;
}

/* Move the top of the stack down under `count - 1` items (ROT_N). */
static void rotate(MpyCompiler *c, int count)
{
    while (count > 1)
        emit_arg(c, OP_SWAP, count--);
}

static ptrdiff_t name_index(MpyObject *list, MpyObject *name)
{
    for (ptrdiff_t i = 0; i < mpy_list_size(list); i++) {
        if (mpy_str_equal(((MpyListObject *)list)->items[i], name))
            return i;
    }
    return -1;
}

/* Capture the top of the stack as `name` (NULL: `_`, just pop it). */
static void store_name(MpyCompiler *c, MpyObject *name, PatternContext *pc)
{
    if (name == NULL) {
        emit(c, OP_POP_TOP);
        return;
    }
    if (mpy_str_equal_cstr(name, "__debug__")) {
        mpy__compile_error(c, "cannot assign to __debug__");
        return;
    }
    if (name_index(pc->stores, name) >= 0) {
        mpy__compile_error(c, "multiple assignments to name %R in pattern", name);
        return;
    }
    rotate(c, pc->on_top + (int)mpy_list_size(pc->stores) + 1);
    if (mpy_list_append(pc->stores, name) < 0)
        mpy__compile_fail(c);
}

/* Like compile_pattern, for a sub-pattern (which may always match). */
static void compile_subpattern(MpyCompiler *c, MpyAstPattern *p, PatternContext *pc)
{
    bool allow = pc->allow_irrefutable;
    pc->allow_irrefutable = true;
    compile_pattern(c, p, pc);
    pc->allow_irrefutable = allow;
}

/* `case v:` compares with ==; `case None:` with `is`. */
static void pattern_value(MpyCompiler *c, MpyAstPattern *p, PatternContext *pc)
{
    MpyAstExpr *value = p->v.MatchValue.value;
    if (value->kind != MPY_AST_Constant && value->kind != MPY_AST_Attribute) {
        mpy__compile_error(c, "patterns may only match literals and attribute lookups");
        return;
    }
    mpy__compile_expr(c, value);
    emit_arg(c, OP_COMPARE_OP, MPY_EQ);
    jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
}

static void pattern_singleton(MpyCompiler *c, MpyAstPattern *p, PatternContext *pc)
{
    emit_const(c, p->v.MatchSingleton.value);
    emit_arg(c, OP_IS_OP, 0);
    jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
}

/* `case p as name:` / `case name:` / `case _:` */
static void pattern_as(MpyCompiler *c, MpyAstPattern *p, PatternContext *pc)
{
    if (p->v.MatchAs.pattern == NULL) {
        if (!pc->allow_irrefutable) {
            if (p->v.MatchAs.name)
                mpy__compile_error(c, "name capture %R makes remaining patterns unreachable",
                                   p->v.MatchAs.name);
            else
                mpy__compile_error(c, "wildcard makes remaining patterns unreachable");
            return;
        }
        store_name(c, p->v.MatchAs.name, pc);
        return;
    }
    pc->on_top++;
    emit_arg(c, OP_COPY, 1); // the copy to store if the sub-pattern matches
    compile_pattern(c, p->v.MatchAs.pattern, pc);
    pc->on_top--;
    store_name(c, p->v.MatchAs.name, pc);
}

/* ------------------------------------------------------------------ */
/* Sequences                                                            */

static void unpack_patterns(MpyCompiler *c, MpyAstSeq *patterns)
{
    ptrdiff_t n = LEN(patterns);
    for (ptrdiff_t i = 0; i < n; i++) {
        if (((MpyAstPattern *)GET(patterns, i))->kind != MPY_AST_MatchStar)
            continue;
        if (i >= (1 << 8) || n - i - 1 >= (1 << 16)) {
            mpy__compile_error(c, "too many expressions in star-unpacking sequence pattern");
            return;
        }
        emit_arg(c, OP_UNPACK_EX, (int)(i + ((n - i - 1) << 8)));
        return;
    }
    emit_arg(c, OP_UNPACK_SEQUENCE, (int)n);
}

/* Unpack the subject and match every item. */
static void sequence_unpack(MpyCompiler *c, MpyAstSeq *patterns, PatternContext *pc)
{
    unpack_patterns(c, patterns);
    ptrdiff_t size = LEN(patterns);
    pc->on_top += (int)size;
    for (ptrdiff_t i = 0; i < size; i++) {
        pc->on_top--;
        compile_subpattern(c, GET(patterns, i), pc);
    }
}

/* [first, *_, last]: index the subject instead of unpacking all of it. */
static void sequence_subscript(MpyCompiler *c, MpyAstSeq *patterns, ptrdiff_t star,
                               PatternContext *pc)
{
    pc->on_top++;
    ptrdiff_t size = LEN(patterns);
    for (ptrdiff_t i = 0; i < size; i++) {
        MpyAstPattern *p = GET(patterns, i);
        if (is_wildcard(p) || i == star)
            continue;
        emit_arg(c, OP_COPY, 1);
        if (i < star) {
            emit_const(c, mpy_small_int(i));
        } else {
            // The subject may not support negative indices.
            emit(c, OP_GET_LEN);
            emit_const(c, mpy_small_int(size - i));
            emit_arg(c, OP_BINARY_OP, MPY_NB_SUBTRACT);
        }
        emit(c, OP_BINARY_SUBSCR);
        compile_subpattern(c, p, pc);
    }
    pc->on_top--;
    emit(c, OP_POP_TOP);
}

static void pattern_sequence(MpyCompiler *c, MpyAstPattern *p, PatternContext *pc)
{
    MpyAstSeq *patterns = p->v.MatchSequence.patterns;
    ptrdiff_t size = LEN(patterns), star = -1;
    bool only_wildcard = true, star_wildcard = false;
    for (ptrdiff_t i = 0; i < size; i++) {
        MpyAstPattern *q = GET(patterns, i);
        if (q->kind == MPY_AST_MatchStar) {
            if (star >= 0) {
                mpy__compile_error(c, "multiple starred names in sequence pattern");
                return;
            }
            star_wildcard = is_star_wildcard(q);
            only_wildcard &= star_wildcard;
            star = i;
            continue;
        }
        only_wildcard &= is_wildcard(q);
    }
    pc->on_top++;
    emit(c, OP_MATCH_SEQUENCE);
    jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
    if (star < 0 || size > 1) {
        // len(subject) == size, or >= size - 1 with a star
        emit(c, OP_GET_LEN);
        emit_const(c, mpy_small_int(star < 0 ? size : size - 1));
        emit_arg(c, OP_COMPARE_OP, star < 0 ? MPY_EQ : MPY_GE);
        jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
    }
    pc->on_top--;
    if (only_wildcard)
        emit(c, OP_POP_TOP);
    else if (star_wildcard)
        sequence_subscript(c, patterns, star, pc);
    else
        sequence_unpack(c, patterns, pc);
}

/* ------------------------------------------------------------------ */
/* Mappings and classes                                                 */

/* Push the keys of a mapping pattern, refusing duplicate constants. */
static bool mapping_keys(MpyCompiler *c, MpyAstPattern *p)
{
    MpyAstSeq *keys = p->v.MatchMapping.keys;
    MpyObject *seen = mpy_set_new(NULL);
    if (seen == NULL) {
        mpy__compile_fail(c);
        return false;
    }
    for (ptrdiff_t i = 0; i < LEN(keys) && !c->failed; i++) {
        MpyAstExpr *key = GET(keys, i);
        if (key->kind == MPY_AST_Constant) {
            int in_seen = mpy_set_contains(seen, key->v.Constant.value);
            if (in_seen > 0)
                mpy__compile_error(c, "mapping pattern checks duplicate key (%R)",
                                   key->v.Constant.value);
            else if (in_seen < 0 || mpy_set_add(seen, key->v.Constant.value) < 0)
                mpy__compile_fail(c);
        } else if (key->kind != MPY_AST_Attribute) {
            mpy__compile_error(c, "mapping pattern keys may only match literals and attribute "
                                  "lookups");
        }
        mpy__compile_expr(c, key);
    }
    MPY_DECREF(seen);
    return !c->failed;
}

static void pattern_mapping(MpyCompiler *c, MpyAstPattern *p, PatternContext *pc)
{
    MpyAstSeq *patterns = p->v.MatchMapping.patterns;
    ptrdiff_t size = LEN(p->v.MatchMapping.keys);
    MpyObject *rest = p->v.MatchMapping.rest;
    pc->on_top++;
    emit(c, OP_MATCH_MAPPING);
    jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
    if (size == 0 && rest == NULL) { // case {}:
        pc->on_top--;
        emit(c, OP_POP_TOP);
        return;
    }
    if (size > 0) {
        emit(c, OP_GET_LEN);
        emit_const(c, mpy_small_int(size));
        emit_arg(c, OP_COMPARE_OP, MPY_GE);
        jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
    }
    if (!mapping_keys(c, p))
        return;
    emit_arg(c, OP_BUILD_TUPLE, (int)size);
    emit(c, OP_MATCH_KEYS); // [subject, keys, values or None]
    pc->on_top += 2;
    emit_arg(c, OP_COPY, 1);
    emit_const(c, MPY_NONE);
    emit_arg(c, OP_IS_OP, 1);
    jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
    emit_arg(c, OP_UNPACK_SEQUENCE, (int)size);
    pc->on_top += (int)size - 1;
    for (ptrdiff_t i = 0; i < size; i++) {
        pc->on_top--;
        compile_subpattern(c, GET(patterns, i), pc);
    }
    // Matched: [subject, keys] remain.
    if (rest != NULL) {
        emit(c, OP_COPY_DICT_WITHOUT_KEYS); // [subject, keys, rest]
        store_name(c, rest, pc);
    }
    pc->on_top -= 2;
    emit(c, OP_POP_TOP); // keys
    emit(c, OP_POP_TOP); // subject
}

static bool validate_kwd_attrs(MpyCompiler *c, MpyAstSeq *attrs, MpyAstSeq *patterns)
{
    for (ptrdiff_t i = 0; i < LEN(attrs); i++) {
        MpyObject *attr = GET(attrs, i);
        set_pattern_loc(c, GET(patterns, i));
        if (mpy_str_equal_cstr(attr, "__debug__")) {
            mpy__compile_error(c, "cannot assign to __debug__");
            return false;
        }
        for (ptrdiff_t j = i + 1; j < LEN(attrs); j++) {
            if (mpy_str_equal(attr, GET(attrs, j))) {
                set_pattern_loc(c, GET(patterns, j));
                mpy__compile_error(c, "attribute name repeated in class pattern: %U", attr);
                return false;
            }
        }
    }
    return true;
}

/* Point(x, y=0): MATCH_CLASS gives a tuple of the attributes to match. */
static void pattern_class(MpyCompiler *c, MpyAstPattern *p, PatternContext *pc)
{
    MpyAstSeq *patterns = p->v.MatchClass.patterns;
    MpyAstSeq *kwd_attrs = p->v.MatchClass.kwd_attrs;
    MpyAstSeq *kwd_patterns = p->v.MatchClass.kwd_patterns;
    ptrdiff_t nargs = LEN(patterns), nattrs = LEN(kwd_attrs);
    if (nattrs > 0) {
        if (!validate_kwd_attrs(c, kwd_attrs, kwd_patterns))
            return;
        set_pattern_loc(c, p);
    }
    mpy__compile_expr(c, p->v.MatchClass.cls);
    MpyObject *names = mpy_tuple_new(nattrs);
    if (names == NULL) {
        mpy__compile_fail(c);
        return;
    }
    for (ptrdiff_t i = 0; i < nattrs; i++)
        mpy_tuple_init_take(names, i, MPY_NEWREF(GET(kwd_attrs, i)));
    emit_const_take(c, names);
    emit_arg(c, OP_MATCH_CLASS, (int)nargs);
    emit_arg(c, OP_COPY, 1);
    emit_const(c, MPY_NONE);
    emit_arg(c, OP_IS_OP, 1);
    pc->on_top++; // the tuple of attributes
    jump_to_fail_pop(c, pc, OP_POP_JUMP_IF_FALSE);
    emit_arg(c, OP_UNPACK_SEQUENCE, (int)(nargs + nattrs));
    pc->on_top += (int)(nargs + nattrs) - 1;
    for (ptrdiff_t i = 0; i < nargs + nattrs; i++) {
        pc->on_top--;
        MpyAstPattern *q = i < nargs ? GET(patterns, i) : GET(kwd_patterns, i - nargs);
        if (is_wildcard(q)) {
            emit(c, OP_POP_TOP);
            continue;
        }
        compile_subpattern(c, q, pc);
    }
}

/* ------------------------------------------------------------------ */
/* Alternatives                                                         */

/* After alternative i matched, reorder its captures on the stack to the
 * order of the first alternative (`control`).  Returns false when the
 * names differ. */
static bool align_captures(MpyCompiler *c, PatternContext *pc, MpyObject *control)
{
    ptrdiff_t nstores = mpy_list_size(pc->stores);
    if (nstores != mpy_list_size(control))
        return false;
    for (ptrdiff_t icontrol = nstores - 1; icontrol >= 0 && !c->failed; icontrol--) {
        MpyObject *name = ((MpyListObject *)control)->items[icontrol];
        ptrdiff_t istores = name_index(pc->stores, name);
        if (istores < 0)
            return false;
        if (istores == icontrol)
            continue;
        // stores[:rot] moves to stores[icontrol - istores:]; the stack
        // follows with rot rotations.
        ptrdiff_t rotations = istores + 1;
        MpyObject *moved = mpy_list_slice(pc->stores, 0, rotations);
        MpyObject *kept = mpy_list_slice(pc->stores, rotations, nstores);
        MpyObject *merged = mpy_list_new(0);
        bool ok = moved && kept && merged;
        for (ptrdiff_t i = 0; ok && i < mpy_list_size(kept); i++) {
            if (i == icontrol - istores)
                ok = mpy_list_extend(merged, moved) == 0;
            ok = ok && mpy_list_append(merged, ((MpyListObject *)kept)->items[i]) == 0;
        }
        if (ok && mpy_list_size(kept) <= icontrol - istores)
            ok = mpy_list_extend(merged, moved) == 0;
        MPY_XDECREF(moved);
        MPY_XDECREF(kept);
        if (!ok) {
            MPY_XDECREF(merged);
            mpy__compile_fail(c);
            return true;
        }
        MPY_SETREF(pc->stores, merged);
        while (rotations--)
            rotate(c, (int)icontrol + 1);
    }
    return true;
}

static void pattern_or(MpyCompiler *c, MpyAstPattern *p, PatternContext *pc)
{
    MpyAstSeq *alts = p->v.MatchOr.patterns;
    MpyCBlock *end = new_block(c);
    PatternContext old = *pc;
    MpyObject *control = NULL;
    pc->stores = NULL;
    for (ptrdiff_t i = 0; i < LEN(alts) && !c->failed; i++) {
        MpyAstPattern *alt = GET(alts, i);
        set_pattern_loc(c, alt);
        MPY_XDECREF(pc->stores);
        pc->stores = mpy_list_new(0);
        if (pc->stores == NULL) {
            mpy__compile_fail(c);
            break;
        }
        pc->allow_irrefutable = i == LEN(alts) - 1 && old.allow_irrefutable;
        pc->fail_pop = NULL;
        pc->fail_pop_size = 0;
        pc->on_top = 0;
        emit_arg(c, OP_COPY, 1);
        compile_pattern(c, alt, pc);
        if (c->failed)
            break;
        if (i == 0) {
            control = MPY_NEWREF(pc->stores);
        } else if (!align_captures(c, pc, control)) {
            mpy__compile_error(c, "alternative patterns bind different names");
            break;
        }
        emit_jump(c, MPY_PSEUDO_JUMP, end);
        emit_and_reset_fail_pop(c, pc);
    }
    MPY_XDECREF(pc->stores);
    mpy_mem_free(pc->fail_pop);
    *pc = old;
    if (c->failed) {
        MPY_XDECREF(control);
        return;
    }
    // No alternative matched: pop the copy of the subject and fail.
    emit(c, OP_POP_TOP);
    jump_to_fail_pop(c, pc, MPY_PSEUDO_JUMP);
    use_block(c, end);
    // Move the captures below everything between them and their place:
    // the copy of the subject, the items on top, and the earlier captures.
    ptrdiff_t nstores = mpy_list_size(control);
    int nrots = (int)nstores + 1 + pc->on_top + (int)mpy_list_size(pc->stores);
    for (ptrdiff_t i = 0; i < nstores && !c->failed; i++) {
        rotate(c, nrots);
        MpyObject *name = ((MpyListObject *)control)->items[i];
        if (name_index(pc->stores, name) >= 0)
            mpy__compile_error(c, "multiple assignments to name %R in pattern", name);
        else if (mpy_list_append(pc->stores, name) < 0)
            mpy__compile_fail(c);
    }
    MPY_DECREF(control);
    emit(c, OP_POP_TOP); // the copy of the subject
}

static void compile_pattern(MpyCompiler *c, MpyAstPattern *p, PatternContext *pc)
{
    if (!mpy__compile_enter(c))
        return;
    set_pattern_loc(c, p);
    switch (p->kind) {
    case MPY_AST_MatchValue:
        pattern_value(c, p, pc);
        break;
    case MPY_AST_MatchSingleton:
        pattern_singleton(c, p, pc);
        break;
    case MPY_AST_MatchSequence:
        pattern_sequence(c, p, pc);
        break;
    case MPY_AST_MatchMapping:
        pattern_mapping(c, p, pc);
        break;
    case MPY_AST_MatchClass:
        pattern_class(c, p, pc);
        break;
    case MPY_AST_MatchStar:
        store_name(c, p->v.MatchStar.name, pc);
        break;
    case MPY_AST_MatchAs:
        pattern_as(c, p, pc);
        break;
    case MPY_AST_MatchOr:
        pattern_or(c, p, pc);
        break;
    }
    mpy__compile_leave(c);
}

/* ------------------------------------------------------------------ */
/* The statement                                                        */

/* One `case`: the pattern, the stores, the guard, the body. */
static void compile_case(MpyCompiler *c, MpyAstMatchCase *m, bool copy_subject, bool is_last,
                         MpyCBlock *end, PatternContext *pc)
{
    set_pattern_loc(c, m->pattern);
    if (copy_subject)
        emit_arg(c, OP_COPY, 1);
    pc->stores = mpy_list_new(0);
    if (pc->stores == NULL) {
        mpy__compile_fail(c);
        return;
    }
    // An irrefutable pattern must be guarded or last.
    pc->allow_irrefutable = m->guard != NULL || is_last;
    pc->fail_pop = NULL;
    pc->fail_pop_size = 0;
    pc->on_top = 0;
    compile_pattern(c, m->pattern, pc);
    for (ptrdiff_t n = 0; n < mpy_list_size(pc->stores) && !c->failed; n++)
        mpy__compile_nameop(c, ((MpyListObject *)pc->stores)->items[n], MPY_AST_STORE);
    MPY_CLEAR(pc->stores);
    if (m->guard && ensure_fail_pop(c, pc, 0))
        mpy__compile_jump_if(c, m->guard, pc->fail_pop[0], false);
    if (copy_subject)
        emit(c, OP_POP_TOP); // matched: the subject is no longer needed
    mpy__compile_stmts(c, m->body);
    emit_jump(c, MPY_PSEUDO_JUMP, end);
    // A failed pattern's cleanup belongs to the pattern's line.
    set_pattern_loc(c, m->pattern);
    emit_and_reset_fail_pop(c, pc);
}

void mpy__compile_match(MpyCompiler *c, MpyAstStmt *s)
{
    MpyAstSeq *cases = s->v.Match.cases;
    ptrdiff_t ncases = LEN(cases);
    mpy__compile_expr(c, s->v.Match.subject);
    MpyCBlock *end = new_block(c);
    MpyAstMatchCase *last = GET(cases, ncases - 1);
    // A trailing `case _:` needs no pattern code at all.
    bool has_default = is_wildcard(last->pattern) && ncases > 1;
    PatternContext pc = {0};
    for (ptrdiff_t i = 0; i < ncases - has_default && !c->failed; i++) {
        bool last_with_pattern = i == ncases - has_default - 1;
        compile_case(c, GET(cases, i), !last_with_pattern, i == ncases - 1, end, &pc);
    }
    mpy_mem_free(pc.fail_pop);
    MPY_XDECREF(pc.stores);
    if (has_default && !c->failed) {
        set_pattern_loc(c, last->pattern);
        emit(c, OP_NOP); // the default case has no code of its own
        if (last->guard)
            mpy__compile_jump_if(c, last->guard, end, false);
        mpy__compile_stmts(c, last->body);
    }
    use_block(c, end);
}
