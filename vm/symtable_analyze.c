/* vm/symtable_analyze.c: deciding where every name lives.
 *
 * The second step of CPython 3.11's Python/symtable.c (analyze_block and
 * friends), run once the visitor in vm/symtable.c has recorded how each
 * scope uses its names.  analyze_block() walks the scopes top-down,
 * passing the names bound in enclosing functions (`bound`) and declared
 * global (`global`), and bottom-up collecting the names nested scopes need
 * from outside (`free`):
 *
 *  - a name declared global is GLOBAL_EXPLICIT; nonlocal must find a
 *    binding in `bound` and is FREE;
 *  - a name bound here is LOCAL, and becomes a CELL if a nested scope
 *    needs it;
 *  - a name bound in an enclosing function is FREE here (and passes
 *    through every scope in between);
 *  - anything else is a global (GLOBAL_IMPLICIT).
 *
 * A class body's own names are invisible to its methods, except the
 * implicit `__class__` cell that super() needs.
 */
#include "vm/symtable.h"

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/list.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "vm/compiler_internal.h"

static int fail(MpySymtable *st)
{
    st->failed = true;
    return -1;
}

static void set_flags(MpySymtable *st, MpySymtableEntry *ste, MpyObject *name, long flags)
{
    if (mpy_dict_set(ste->symbols, name, mpy_small_int(flags)) < 0)
        fail(st);
}

/* A global/nonlocal problem found during analysis is reported at the
 * declaration itself. */
static int error_at_directive(MpySymtable *st, MpySymtableEntry *ste, MpyObject *name,
                              const char *fmt)
{
    for (int i = 0; i < ste->ndirectives; i++) {
        if (mpy_str_equal(ste->directives[i].name, name)) {
            mpy__compile_syntax_error(st->filename, &ste->directives[i].loc, fmt, name);
            return fail(st);
        }
    }
    mpy__compile_syntax_error(st->filename, &ste->loc, fmt, name);
    return fail(st);
}

static bool set_has(MpyObject *set, MpyObject *name)
{
    return set != NULL && mpy_set_contains(set, name) > 0;
}

/* Decide the scope of one name of `ste` (CPython's analyze_name). */
static int analyze_name(MpySymtable *st, MpySymtableEntry *ste, MpyObject *scopes,
                        MpyObject *name, long flags, MpyObject *bound, MpyObject *local,
                        MpyObject *free, MpyObject *global)
{
    int scope;
    if (flags & MPY_DEF_GLOBAL) {
        if (flags & MPY_DEF_NONLOCAL)
            return error_at_directive(st, ste, name, "name '%U' is nonlocal and global");
        scope = MPY_SCOPE_GLOBAL_EXPLICIT;
        if (mpy_set_add(global, name) < 0 || (bound && mpy_set_discard(bound, name) < 0))
            return fail(st);
    } else if (flags & MPY_DEF_NONLOCAL) {
        if (bound == NULL)
            return error_at_directive(st, ste, name,
                                      "nonlocal declaration not allowed at module level");
        if (!set_has(bound, name))
            return error_at_directive(st, ste, name, "no binding for nonlocal '%U' found");
        scope = MPY_SCOPE_FREE;
        ste->has_free = true;
        if (mpy_set_add(free, name) < 0)
            return fail(st);
    } else if (flags & MPY_DEF_BOUND) {
        scope = MPY_SCOPE_LOCAL;
        if (mpy_set_add(local, name) < 0 || mpy_set_discard(global, name) < 0)
            return fail(st);
    } else if (set_has(bound, name)) {
        // Bound in an enclosing function: reach it through the closure.
        scope = MPY_SCOPE_FREE;
        ste->has_free = true;
        if (mpy_set_add(free, name) < 0)
            return fail(st);
    } else {
        // A global: declared so by an enclosing scope, or never bound in
        // any enclosing function.
        scope = MPY_SCOPE_GLOBAL_IMPLICIT;
        if (!set_has(global, name) && ste->nested)
            ste->has_free = true;
    }
    if (mpy_dict_set(scopes, name, mpy_small_int(scope)) < 0)
        return fail(st);
    return 0;
}

/* A function local that nested scopes need becomes a cell. */
static int analyze_cells(MpySymtable *st, MpyObject *scopes, MpyObject *free)
{
    ptrdiff_t pos = 0;
    MpyObject *name, *v;
    MpyObject *cells = mpy_list_new(0);
    if (cells == NULL)
        return fail(st);
    while (mpy_dict_next(scopes, &pos, &name, &v)) {
        if (mpy_small_int_value(v) == MPY_SCOPE_LOCAL && set_has(free, name) &&
            mpy_list_append(cells, name) < 0) {
            MPY_DECREF(cells);
            return fail(st);
        }
    }
    for (ptrdiff_t i = 0; i < mpy_list_size(cells); i++) {
        MpyObject *cell = ((MpyListObject *)cells)->items[i];
        if (mpy_dict_set(scopes, cell, mpy_small_int(MPY_SCOPE_CELL)) < 0 ||
            mpy_set_discard(free, cell) < 0) {
            MPY_DECREF(cells);
            return fail(st);
        }
    }
    MPY_DECREF(cells);
    return 0;
}

/* Write the scopes into the symbols' flags, and record the names that
 * nested scopes need from further out as FREE here too (so the closure
 * can pass them through this scope). */
static int update_symbols(MpySymtable *st, MpySymtableEntry *ste, MpyObject *scopes,
                          MpyObject *bound, MpyObject *free)
{
    MpyObject *names = mpy_dict_keys(ste->symbols);
    if (names == NULL)
        return fail(st);
    for (ptrdiff_t i = 0; i < mpy_list_size(names); i++) {
        MpyObject *name = ((MpyListObject *)names)->items[i];
        MpyObject *v = mpy_dict_get(scopes, name);
        long scope = v ? (long)mpy_small_int_value(v) : 0;
        set_flags(st, ste, name, mpy__symtable_flags(ste, name) | (scope << MPY_SCOPE_OFFSET));
    }
    MPY_DECREF(names);
    bool is_class = ste->type == MPY_BLOCK_CLASS;
    ptrdiff_t pos = 0;
    MpyObject *name;
    while (!st->failed && mpy_set_next(free, &pos, &name)) {
        long flags = mpy__symtable_flags(ste, name);
        if (flags != 0) {
            // A method's free variable that the class body also binds:
            // the class needs it in its closure as well as in its dict.
            if (is_class && (flags & (MPY_DEF_BOUND | MPY_DEF_GLOBAL)))
                set_flags(st, ste, name, flags | MPY_DEF_FREE_CLASS);
            continue;
        }
        if (bound != NULL && !set_has(bound, name))
            continue; // a global
        set_flags(st, ste, name, (long)MPY_SCOPE_FREE << MPY_SCOPE_OFFSET);
    }
    return st->failed ? -1 : 0;
}

static int analyze_block(MpySymtable *st, MpySymtableEntry *ste, MpyObject *bound,
                         MpyObject *free, MpyObject *global);

/* Children see copies of the sets, so their bindings do not leak back. */
static int analyze_child_block(MpySymtable *st, MpySymtableEntry *child, MpyObject *bound,
                               MpyObject *free, MpyObject *global, MpyObject *child_free)
{
    MpyObject *temp_bound = mpy_set_new(bound);
    MpyObject *temp_free = mpy_set_new(free);
    MpyObject *temp_global = mpy_set_new(global);
    int r = -1;
    if (temp_bound && temp_free && temp_global &&
        analyze_block(st, child, temp_bound, temp_free, temp_global) == 0 &&
        mpy_set_update(child_free, temp_free) == 0)
        r = 0;
    MPY_XDECREF(temp_bound);
    MPY_XDECREF(temp_free);
    MPY_XDECREF(temp_global);
    return r < 0 ? fail(st) : 0;
}

static int analyze_block(MpySymtable *st, MpySymtableEntry *ste, MpyObject *bound,
                         MpyObject *free, MpyObject *global)
{
    MpyObject *local = mpy_set_new(NULL), *scopes = mpy_dict_new();
    MpyObject *newglobal = mpy_set_new(NULL), *newfree = mpy_set_new(NULL);
    MpyObject *newbound = mpy_set_new(NULL), *allfree = mpy_set_new(NULL);
    int r = -1;
    if (!local || !scopes || !newglobal || !newfree || !newbound || !allfree) {
        fail(st);
        goto done;
    }
    bool is_class = ste->type == MPY_BLOCK_CLASS;
    // A class body's names are invisible to its methods, so what the
    // children see is fixed before the class's own names are looked at.
    if (is_class && (mpy_set_update(newglobal, global) < 0 ||
                     (bound && mpy_set_update(newbound, bound) < 0)))
        goto fail;
    ptrdiff_t pos = 0;
    MpyObject *name, *v;
    while (mpy_dict_next(ste->symbols, &pos, &name, &v)) {
        if (analyze_name(st, ste, scopes, name, (long)mpy_small_int_value(v), bound, local,
                         free, global) < 0)
            goto done;
    }
    if (!is_class) {
        if ((ste->type == MPY_BLOCK_FUNCTION && mpy_set_update(newbound, local) < 0) ||
            (bound && mpy_set_update(newbound, bound) < 0) ||
            mpy_set_update(newglobal, global) < 0)
            goto fail;
    } else if (mpy_set_add(newbound, MPY_ID(__class__)) < 0) {
        goto fail;
    }
    for (int i = 0; i < ste->nchildren; i++) {
        MpySymtableEntry *child = ste->children[i];
        if (analyze_child_block(st, child, newbound, newfree, newglobal, allfree) < 0)
            goto done;
        if (child->has_free || child->child_free)
            ste->child_free = true;
    }
    if (mpy_set_update(newfree, allfree) < 0)
        goto fail;
    if (ste->type == MPY_BLOCK_FUNCTION && analyze_cells(st, scopes, newfree) < 0)
        goto done;
    if (is_class) {
        int had = mpy_set_discard(newfree, MPY_ID(__class__));
        if (had < 0)
            goto fail;
        if (had)
            ste->needs_class_closure = true;
    }
    if (update_symbols(st, ste, scopes, bound, newfree) < 0)
        goto done;
    if (mpy_set_update(free, newfree) < 0)
        goto fail;
    r = 0;
    goto done;
fail:
    fail(st);
done:
    MPY_XDECREF(local);
    MPY_XDECREF(scopes);
    MPY_XDECREF(newglobal);
    MPY_XDECREF(newfree);
    MPY_XDECREF(newbound);
    MPY_XDECREF(allfree);
    return r;
}

int mpy__symtable_analyze(MpySymtable *st)
{
    MpyObject *free = mpy_set_new(NULL), *global = mpy_set_new(NULL);
    int r = -1;
    if (free && global)
        r = analyze_block(st, st->top, NULL, free, global);
    else
        fail(st);
    MPY_XDECREF(free);
    MPY_XDECREF(global);
    return r;
}
