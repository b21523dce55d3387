/* vm/compiler.c: the compiler's driver, its compilation units, and the
 * helpers every code generator uses to emit instructions.
 *
 * Models the top of CPython 3.11's Python/compile.c: _PyAST_Compile,
 * compiler_enter_scope/exit_scope, compiler_nameop, compiler_add_const,
 * compiler_make_closure and compiler_error.  See vm/compiler_internal.h
 * for the overall plan and the sticky error convention.
 *
 * A unit's tables map values to their index in the code object:
 *   const_index  constant key -> index in consts.  The key tells apart
 *                values that are equal but must stay distinct constants
 *                (1, 1.0, True; 0.0 and -0.0), as CPython's
 *                _PyCode_ConstantKey does.
 *   names        co_names: globals, attributes, imported names
 *   varnames     fast locals: parameters first, then locals in order of
 *                first use
 *   cellvars / freevars   sorted by name, as CPython sorts them
 */
#include "vm/compiler.h"

#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gil/tstate.h"
#include "runtime/bytes.h"
#include "runtime/complex.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/compiler_internal.h"

/* ------------------------------------------------------------------ */
/* Errors                                                               */

char *mpy__compile_program_text(MpyObject *filename, int lineno)
{
    if (filename == NULL || lineno < 1 || !mpy_str_check(filename))
        return NULL;
    const char *path = mpy_str_utf8(filename);
    if (path[0] == '\0' || path[0] == '<')
        return NULL;
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return NULL;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = 0;
    for (int i = 0; i < lineno && n >= 0; i++)
        n = getline(&line, &cap, f);
    fclose(f);
    if (n < 0) {
        free(line);
        return NULL;
    }
    return line;
}

static void syntax_error_v(MpyObject *filename, const MpyAstLoc *loc, const char *fmt,
                           va_list ap)
{
    MpyObject *msg = mpy_str_from_vformat(fmt, ap);
    if (msg == NULL)
        return;
    char *text = mpy__compile_program_text(filename, loc->lineno);
    mpy_err_syntax(mpy_exc_SyntaxError, mpy_str_utf8(msg), filename, loc->lineno,
                   loc->col_offset + 1, text, loc->end_lineno, loc->end_col_offset + 1);
    free(text);
    MPY_DECREF(msg);
}

void mpy__compile_syntax_error(MpyObject *filename, const MpyAstLoc *loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    syntax_error_v(filename, loc, fmt, ap);
    va_end(ap);
}

void mpy__compile_error(MpyCompiler *c, const char *fmt, ...)
{
    if (c->failed)
        return;
    MpyCodeLocation *l = &c->u->loc;
    MpyAstLoc loc = {l->line, l->col, l->end_line, l->end_col};
    va_list ap;
    va_start(ap, fmt);
    syntax_error_v(c->filename, &loc, fmt, ap);
    va_end(ap);
    c->failed = true;
}

bool mpy__compile_c_stack_low(void)
{
    MpyThreadState *tstate = mpy__tstate_get();
    return tstate != NULL && tstate->c_stack_limit != NULL && mpy__c_stack_exhausted(tstate);
}

bool mpy__compile_enter(MpyCompiler *c)
{
    if (c->failed)
        return false;
    if (++c->depth > MPY_COMPILE_MAX_DEPTH || mpy__compile_c_stack_low()) {
        c->depth--;
        mpy_err_set(mpy_exc_RecursionError,
                    "maximum recursion depth exceeded during compilation");
        c->failed = true;
        return false;
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* Blocks and instructions                                              */

MpyCBlock *mpy__compile_new_block(MpyCompiler *c)
{
    MpyCBlock *b = calloc(1, sizeof *b);
    if (b == NULL) {
        mpy_err_no_memory();
        c->failed = true;
        return NULL;
    }
    b->all_next = c->u->blocks;
    c->u->blocks = b;
    return b;
}

void mpy__compile_use_block(MpyCompiler *c, MpyCBlock *b)
{
    if (b == NULL)
        return;
    c->u->current->next = b;
    c->u->current = b;
}

void mpy__compile_next_block(MpyCompiler *c)
{
    mpy__compile_use_block(c, mpy__compile_new_block(c));
}

static MpyCInstr *add_instr(MpyCompiler *c, int op, int arg)
{
    if (c->failed)
        return NULL;
    if (arg < 0 || arg > MPY_INSTR_MAX_ARG) {
        mpy__compile_error(c, "too many constants, names or variables in one code object");
        return NULL;
    }
    MpyCBlock *b = c->u->current;
    if (b->ninstrs == b->cap) {
        int cap = b->cap ? b->cap * 2 : 8;
        MpyCInstr *p = realloc(b->instrs, (size_t)cap * sizeof *p);
        if (p == NULL) {
            mpy_err_no_memory();
            c->failed = true;
            return NULL;
        }
        b->instrs = p;
        b->cap = cap;
    }
    MpyCInstr *i = &b->instrs[b->ninstrs++];
    *i = (MpyCInstr){op, arg, NULL, c->u->loc};
    return i;
}

void mpy__compile_emit(MpyCompiler *c, int op, int arg)
{
    add_instr(c, op, arg);
}

void mpy__compile_emit_jump(MpyCompiler *c, int op, MpyCBlock *target)
{
    if (target == NULL) {
        c->failed = true;
        return;
    }
    MpyCInstr *i = add_instr(c, op, 0);
    if (i != NULL)
        i->target = target;
}

/* ------------------------------------------------------------------ */
/* Constants and names                                                  */

static MpyObject *const_key(MpyObject *o);

/* (a, b) or (a, b, c); NULL items are a failure already reported. */
static MpyObject *pack(MpyObject *a, MpyObject *b, MpyObject *c3)
{
    if (a == NULL || b == NULL)
        return NULL;
    return c3 ? mpy_tuple_pack(3, a, b, c3) : mpy_tuple_pack(2, a, b);
}

static MpyObject *const_key_of_items(MpyObject *o, bool frozen)
{
    MpyObject *list = mpy_list_new(0);
    if (list == NULL)
        return NULL;
    ptrdiff_t pos = 0;
    MpyObject *item;
    for (ptrdiff_t i = 0; frozen ? mpy_set_next(o, &pos, &item) : i < mpy_tuple_size(o); i++) {
        if (!frozen)
            item = mpy_tuple_item(o, i);
        if (mpy_list_append_take(list, const_key(item)) < 0) {
            MPY_DECREF(list);
            return NULL;
        }
    }
    MpyObject *keys = frozen ? mpy_frozenset_new(list) : mpy_list_as_tuple(list);
    MPY_DECREF(list);
    MpyObject *key = pack(keys, o, NULL);
    MPY_XDECREF(keys);
    return key;
}

/* The dictionary key under which constant `o` is stored.
 * Returns: new reference or NULL. */
static MpyObject *const_key(MpyObject *o)
{
    if (o == NULL)
        return NULL;
    if (o == MPY_NONE || o == MPY_ELLIPSIS || mpy_int_check_exact(o) || mpy_str_check_exact(o))
        return MPY_NEWREF(o);
    MpyObject *type = (MpyObject *)MPY_TYPE(o);
    if (mpy_bool_check(o) || MPY_TYPE(o) == &mpy_bytes_type)
        return pack(type, o, NULL);
    if (mpy_float_check_exact(o)) {
        double d = mpy_float_value(o);
        return pack(type, o, (d == 0.0 && signbit(d)) ? MPY_NONE : NULL);
    }
    if (MPY_TYPE(o) == &mpy_complex_type) {
        MpyComplexObject *z = (MpyComplexObject *)o;
        bool re0 = z->real == 0.0 && signbit(z->real), im0 = z->imag == 0.0 && signbit(z->imag);
        if (!re0 && !im0)
            return pack(type, o, NULL);
        MpyObject *key = mpy_tuple_pack(4, type, o, mpy_bool_from(re0), mpy_bool_from(im0));
        return key;
    }
    if (mpy_tuple_check_exact(o))
        return const_key_of_items(o, false);
    if (MPY_TYPE(o) == &mpy_frozenset_type)
        return const_key_of_items(o, true);
    // Anything else (code objects) is only ever equal to itself.
    MpyObject *id = mpy_int_from_ssize((ptrdiff_t)(intptr_t)o);
    MpyObject *key = pack(id, o, NULL);
    MPY_XDECREF(id);
    return key;
}

/* The object stored for constant `o`.  CPython's merge_consts_recursive
 * rebuilds every non-empty frozenset constant from a tuple of its items in
 * iteration order, which can change the table order of colliding items
 * (hash(-1) == hash(-2)); set displays are built from that frozenset, so
 * doing the same makes `{-1, -2, 0}` print in CPython's order.  Tuples are
 * rebuilt when an item changed.  Returns: new reference or NULL. */
static MpyObject *canonical_const(MpyObject *o)
{
    bool frozen = MPY_TYPE(o) == &mpy_frozenset_type;
    if ((!frozen || mpy_set_size(o) == 0) && !mpy_tuple_check_exact(o))
        return MPY_NEWREF(o);
    MpyObject *list = mpy_list_new(0);
    if (list == NULL)
        return NULL;
    bool changed = frozen;
    ptrdiff_t pos = 0;
    MpyObject *item;
    for (ptrdiff_t i = 0; frozen ? mpy_set_next(o, &pos, &item) : i < mpy_tuple_size(o); i++) {
        if (!frozen)
            item = mpy_tuple_item(o, i);
        MpyObject *canon = canonical_const(item);
        changed |= canon != item;
        if (mpy_list_append_take(list, canon) < 0) {
            MPY_DECREF(list);
            return NULL;
        }
    }
    MpyObject *r = !changed ? MPY_NEWREF(o) : frozen ? mpy_frozenset_new(list)
                                                     : mpy_list_as_tuple(list);
    MPY_DECREF(list);
    return r;
}

int mpy__compile_add_const(MpyCompiler *c, MpyObject *o)
{
    if (c->failed)
        return -1;
    MpyCUnit *u = c->u;
    MpyObject *key = const_key(o);
    if (key == NULL) {
        c->failed = true;
        return -1;
    }
    MpyObject *found = mpy_dict_get(u->const_index, key);
    int index;
    if (found != NULL) {
        index = (int)mpy_small_int_value(found);
    } else if (mpy_err_occurred()) {
        index = -1;
    } else {
        index = (int)mpy_list_size(u->consts);
        if (index > MPY_INSTR_MAX_ARG) {
            MPY_DECREF(key);
            mpy__compile_error(c, "too many constants");
            return -1;
        }
        MpyObject *canon = canonical_const(o);
        if (canon == NULL || mpy_dict_set(u->const_index, key, mpy_small_int(index)) < 0 ||
            mpy_list_append(u->consts, canon) < 0)
            index = -1;
        MPY_XDECREF(canon);
    }
    MPY_DECREF(key);
    if (index < 0)
        c->failed = true;
    return index;
}

void mpy__compile_emit_const(MpyCompiler *c, MpyObject *o)
{
    int index = mpy__compile_add_const(c, o);
    if (index >= 0)
        mpy__compile_emit(c, OP_LOAD_CONST, index);
}

/* Index of `name` in `dict`, adding it at the end if missing; -1 on failure. */
static int add_name(MpyCompiler *c, MpyObject *dict, MpyObject *name)
{
    if (c->failed || name == NULL)
        return -1;
    MpyObject *found = mpy_dict_get(dict, name);
    if (found != NULL)
        return (int)mpy_small_int_value(found);
    if (mpy_err_occurred()) {
        c->failed = true;
        return -1;
    }
    int index = (int)mpy_dict_size(dict);
    if (index > (MPY_INSTR_MAX_ARG >> 1)) {
        mpy__compile_error(c, "too many names");
        return -1;
    }
    if (mpy_dict_set(dict, name, mpy_small_int(index)) < 0) {
        c->failed = true;
        return -1;
    }
    return index;
}

/* Index of cell or free variable `name`: the symbol table put every one
 * in the unit's tables, so a missing one is a compiler bug. */
static int closure_index(MpyCompiler *c, MpyObject *dict, MpyObject *name)
{
    MpyObject *found = mpy_dict_get(dict, name);
    if (found != NULL)
        return (int)mpy_small_int_value(found);
    if (!mpy_err_occurred())
        mpy_err_format(mpy_exc_SystemError, "compiler: no cell for %R in %U", name, c->u->name);
    c->failed = true;
    return -1;
}

MpyObject *mpy__compile_mangle(MpyCompiler *c, MpyObject *name)
{
    MpyObject *mangled = mpy__symtable_mangle(c->u->private_name, name);
    if (mangled == NULL)
        c->failed = true;
    return mangled;
}

void mpy__compile_emit_name(MpyCompiler *c, int op, MpyObject *name)
{
    MpyObject *mangled = c->failed ? NULL : mpy__compile_mangle(c, name);
    int index = add_name(c, c->u->names, mangled);
    MPY_XDECREF(mangled);
    if (index >= 0)
        mpy__compile_emit(c, op, index);
}

/* The opcode for each way of reaching a variable, by context. */
static const int fast_ops[] = {0, OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST};
static const int deref_ops[] = {0, OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF};
static const int global_ops[] = {0, OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL};
static const int name_ops[] = {0, OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME};

void mpy__compile_nameop(MpyCompiler *c, MpyObject *name, MpyAstCtx ctx)
{
    if (c->failed)
        return;
    if (ctx != MPY_AST_LOAD && mpy_str_equal_cstr(name, "__debug__")) {
        mpy__compile_error(c, ctx == MPY_AST_STORE ? "cannot assign to __debug__"
                                                   : "cannot delete __debug__");
        return;
    }
    MpyCUnit *u = c->u;
    MpyObject *mangled = mpy__compile_mangle(c, name);
    if (mangled == NULL)
        return;
    bool in_function = u->ste->type == MPY_BLOCK_FUNCTION;
    int op = 0, index = INT_MIN; // INT_MIN: the index is into co_names
    switch (mpy__symtable_scope(u->ste, mangled)) {
    case MPY_SCOPE_FREE:
        index = closure_index(c, u->freevars, mangled);
        op = deref_ops[ctx];
        break;
    case MPY_SCOPE_CELL:
        index = closure_index(c, u->cellvars, mangled);
        op = deref_ops[ctx];
        break;
    case MPY_SCOPE_LOCAL:
        if (in_function) {
            index = add_name(c, u->varnames, mangled);
            op = fast_ops[ctx];
        }
        break;
    case MPY_SCOPE_GLOBAL_IMPLICIT:
        if (in_function)
            op = global_ops[ctx];
        break;
    case MPY_SCOPE_GLOBAL_EXPLICIT:
        op = global_ops[ctx];
        break;
    default:
        break;
    }
    if (op == OP_LOAD_DEREF && u->ste->type == MPY_BLOCK_CLASS)
        op = OP_LOAD_CLASSDEREF; // class bodies look in their dict first
    if (op == 0)
        op = name_ops[ctx];
    if (index == INT_MIN)
        index = add_name(c, u->names, mangled);
    MPY_DECREF(mangled);
    if (index < 0)
        return;
    mpy__compile_emit(c, op, op == OP_LOAD_GLOBAL ? index << 1 : index);
}

/* ------------------------------------------------------------------ */
/* Frame blocks                                                         */

void mpy__compile_push_fblock(MpyCompiler *c, MpyFBlockType type, MpyCBlock *block,
                              MpyCBlock *exit, const void *datum)
{
    if (c->failed)
        return;
    if (c->u->nfblocks >= MPY_MAX_BLOCK_DEPTH) {
        mpy__compile_error(c, "too many statically nested blocks");
        return;
    }
    c->u->fblocks[c->u->nfblocks++] = (MpyFBlock){type, block, exit, datum};
}

void mpy__compile_pop_fblock(MpyCompiler *c)
{
    if (!c->failed && c->u->nfblocks > 0)
        c->u->nfblocks--;
}

/* ------------------------------------------------------------------ */
/* Units                                                                */

static void free_unit(MpyCUnit *u)
{
    for (MpyCBlock *b = u->blocks; b != NULL;) {
        MpyCBlock *next = b->all_next;
        free(b->instrs);
        free(b);
        b = next;
    }
    MPY_XDECREF(u->name);
    MPY_XDECREF(u->qualname);
    MPY_XDECREF(u->const_index);
    MPY_XDECREF(u->consts);
    MPY_XDECREF(u->names);
    MPY_XDECREF(u->varnames);
    MPY_XDECREF(u->cellvars);
    MPY_XDECREF(u->freevars);
    free(u);
}

/* Names of `ste` whose scope is `scope` (or that carry `flag`), sorted,
 * numbered from `offset` (CPython's dictbytype).  Returns: new dict. */
static MpyObject *names_by_scope(MpySymtableEntry *ste, int scope, long flag, int offset)
{
    MpyObject *dict = mpy_dict_new();
    MpyObject *keys = dict ? mpy_dict_keys(ste->symbols) : NULL;
    if (keys == NULL || mpy_list_sort(keys, NULL, false) < 0) {
        MPY_XDECREF(keys);
        MPY_XDECREF(dict);
        return NULL;
    }
    int index = offset;
    for (ptrdiff_t i = 0; i < mpy_list_size(keys); i++) {
        MpyObject *name = ((MpyListObject *)keys)->items[i];
        long flags = mpy__symtable_flags(ste, name);
        if ((((flags >> MPY_SCOPE_OFFSET) & MPY_SCOPE_MASK) == scope || (flags & flag)) &&
            mpy_dict_set(dict, name, mpy_small_int(index++)) < 0) {
            MPY_DECREF(keys);
            MPY_DECREF(dict);
            return NULL;
        }
    }
    MPY_DECREF(keys);
    return dict;
}

/* The parameters, numbered in order.  Returns: new dict or NULL. */
static MpyObject *names_from_list(MpyObject *list)
{
    MpyObject *dict = mpy_dict_new();
    for (ptrdiff_t i = 0; dict != NULL && i < mpy_list_size(list); i++) {
        if (mpy_dict_set(dict, ((MpyListObject *)list)->items[i], mpy_small_int(i)) < 0)
            MPY_CLEAR(dict);
    }
    return dict;
}

/* "f", "C.f", "f.<locals>.g" (CPython's compiler_set_qualname). */
static MpyObject *make_qualname(MpyCompiler *c, MpyCUnit *u)
{
    MpyCUnit *parent = u->parent;
    if (parent == NULL || parent->type == MPY_UNIT_MODULE)
        return MPY_NEWREF(u->name);
    if (u->type == MPY_UNIT_FUNCTION || u->type == MPY_UNIT_CLASS) {
        // A def or class declared `global` in its parent is named as if
        // it were at module level.
        MpyObject *mangled = mpy__symtable_mangle(parent->private_name, u->name);
        if (mangled == NULL)
            return NULL;
        int scope = mpy__symtable_scope(parent->ste, mangled);
        MPY_DECREF(mangled);
        if (scope == MPY_SCOPE_GLOBAL_EXPLICIT)
            return MPY_NEWREF(u->name);
    }
    bool is_function = parent->type == MPY_UNIT_FUNCTION || parent->type == MPY_UNIT_LAMBDA;
    return mpy_str_from_format(is_function ? "%U.<locals>.%U" : "%U.%U", parent->qualname,
                               u->name);
}

static bool init_unit(MpyCompiler *c, MpyCUnit *u, const void *key)
{
    u->ste = mpy__symtable_lookup(c->st, key);
    if (u->ste == NULL)
        return false;
    u->const_index = mpy_dict_new();
    u->consts = mpy_list_new(0);
    u->names = mpy_dict_new();
    u->varnames = names_from_list(u->ste->varnames);
    u->cellvars = names_by_scope(u->ste, MPY_SCOPE_CELL, 0, 0);
    if (!u->const_index || !u->consts || !u->names || !u->varnames || !u->cellvars)
        return false;
    if (u->ste->needs_class_closure &&
        mpy_dict_set(u->cellvars, MPY_ID(__class__), mpy_small_int(0)) < 0)
        return false;
    u->freevars = names_by_scope(u->ste, MPY_SCOPE_FREE, MPY_DEF_FREE_CLASS,
                                 (int)mpy_dict_size(u->cellvars));
    if (u->freevars == NULL)
        return false;
    u->qualname = make_qualname(c, u);
    return u->qualname != NULL;
}

bool mpy__compile_enter_scope(MpyCompiler *c, MpyObject *name, MpyUnitType type,
                              const void *key, int firstlineno)
{
    if (c->failed)
        return false;
    MpyCUnit *u = calloc(1, sizeof *u);
    if (u == NULL) {
        mpy_err_no_memory();
        c->failed = true;
        return false;
    }
    u->parent = c->u;
    u->type = type;
    u->name = MPY_NEWREF(name);
    u->firstlineno = firstlineno;
    u->private_name = c->u ? c->u->private_name : NULL;
    if (!init_unit(c, u, key)) {
        free_unit(u);
        c->failed = true;
        return false;
    }
    c->u = u;
    c->nestlevel++;
    u->entry = u->current = mpy__compile_new_block(c);
    if (u->entry == NULL)
        return true; // failed; exit_scope will clean up
    // The RESUME of a module has line 0, as in CPython.
    int line = type == MPY_UNIT_MODULE ? 0 : firstlineno;
    u->loc = (MpyCodeLocation){line, line, 0, 0};
    emit_arg(c, OP_RESUME, 0);
    if (type == MPY_UNIT_MODULE)
        unset_loc(c);
    return true;
}

/* co_flags of the current unit (CPython's compute_code_flags). */
static int code_flags(MpyCUnit *u)
{
    MpySymtableEntry *ste = u->ste;
    int flags = 0;
    if (ste->type == MPY_BLOCK_FUNCTION) {
        flags |= MPY_CO_NEWLOCALS | MPY_CO_OPTIMIZED;
        if (ste->nested)
            flags |= MPY_CO_NESTED;
        if (ste->generator && !ste->coroutine)
            flags |= MPY_CO_GENERATOR;
        if (!ste->generator && ste->coroutine)
            flags |= MPY_CO_COROUTINE;
        if (ste->generator && ste->coroutine)
            flags |= MPY_CO_ASYNC_GENERATOR;
        if (ste->varargs)
            flags |= MPY_CO_VARARGS;
        if (ste->varkeywords)
            flags |= MPY_CO_VARKEYWORDS;
    }
    return flags;
}

MpyObject *mpy__compile_exit_scope(MpyCompiler *c, bool add_none)
{
    MpyCUnit *u = c->u;
    MpyObject *code = NULL;
    if (!c->failed) {
        MpyCBlock *b = u->current;
        // Falling off the end returns None (or the expression, in eval mode).
        if (b->ninstrs == 0 || b->instrs[b->ninstrs - 1].op != OP_RETURN_VALUE) {
            unset_loc(c);
            if (add_none)
                emit_const(c, MPY_NONE);
            emit(c, OP_RETURN_VALUE);
        }
        if (!c->failed)
            code = mpy__assemble(c, u, code_flags(u));
        if (code == NULL)
            c->failed = true;
    }
    c->u = u->parent;
    c->nestlevel--;
    free_unit(u);
    return code;
}

/* Which table holds the closure variable `name` of the current unit. */
static MpyObject *closure_table(MpyCompiler *c, MpyObject *name)
{
    MpyCUnit *u = c->u;
    if (u->type == MPY_UNIT_CLASS && mpy_str_equal_cstr(name, "__class__"))
        return u->cellvars;
    return mpy__symtable_scope(u->ste, name) == MPY_SCOPE_CELL ? u->cellvars : u->freevars;
}

void mpy__compile_make_closure(MpyCompiler *c, MpyObject *code, int flags)
{
    if (c->failed)
        return;
    MpyCodeObject *co = (MpyCodeObject *)code;
    if (co->nfreevars > 0) {
        for (int i = 0; i < co->nfreevars; i++) {
            MpyObject *name = mpy_tuple_item(co->freevars, i);
            MpyObject *index = mpy_dict_get(closure_table(c, name), name);
            if (index == NULL) {
                if (!mpy_err_occurred())
                    mpy_err_format(mpy_exc_SystemError,
                                   "compiler: no closure variable %R in %U", name, c->u->name);
                c->failed = true;
                return;
            }
            emit_arg(c, OP_LOAD_CLOSURE, (int)mpy_small_int_value(index));
        }
        emit_arg(c, OP_BUILD_TUPLE, co->nfreevars);
        flags |= 0x08;
    }
    emit_const(c, code);
    emit_arg(c, OP_MAKE_FUNCTION, flags);
}

/* ------------------------------------------------------------------ */
/* Entry points                                                         */

/* The features a module turns on with `from __future__ import ...` at its
 * top (after the docstring), as CPython's future.c.  Returns false with
 * SyntaxError set for unknown features.  Later __future__ imports are
 * refused by compile_from_import, using c->future_lineno. */
static bool check_future(MpyCompiler *c, MpyAstMod *mod)
{
    static const char *const known[] = {"nested_scopes", "generators", "division",
                                        "absolute_import", "with_statement", "print_function",
                                        "unicode_literals", "barry_as_FLUFL", "generator_stop",
                                        "annotations"};
    if (mod->kind == MPY_AST_Expression)
        return true;
    MpyAstSeq *body = mod->kind == MPY_AST_Module ? mod->v.Module.body : mod->v.Interactive.body;
    bool done = false;
    int prev_line = 0;
    for (ptrdiff_t i = mpy__compile_docstring(body) ? 1 : 0; i < MPY_AST_SEQ_LEN(body); i++) {
        MpyAstStmt *s = MPY_AST_SEQ_GET(body, i);
        if (done && s->loc.lineno > prev_line)
            return true;
        prev_line = s->loc.lineno;
        if (s->kind != MPY_AST_ImportFrom || s->v.ImportFrom.module == NULL ||
            !mpy_str_equal_cstr(s->v.ImportFrom.module, "__future__")) {
            done = true;
            continue;
        }
        // CPython reports these with no end column, and the late-import
        // one with a 0-based column.
        MpyAstLoc at = {s->loc.lineno, s->loc.col_offset, s->loc.lineno, -1};
        if (done) {
            at.col_offset--;
            mpy__compile_syntax_error(c->filename, &at,
                                      "from __future__ imports must occur at the beginning of "
                                      "the file");
            return false;
        }
        for (ptrdiff_t j = 0; j < MPY_AST_SEQ_LEN(s->v.ImportFrom.names); j++) {
            MpyObject *name = ((MpyAstAlias *)MPY_AST_SEQ_GET(s->v.ImportFrom.names, j))->name;
            bool found = false;
            for (size_t k = 0; k < sizeof known / sizeof *known && !found; k++)
                found = mpy_str_equal_cstr(name, known[k]);
            if (!found) {
                mpy__compile_syntax_error(c->filename, &at,
                                          mpy_str_equal_cstr(name, "braces")
                                              ? "not a chance"
                                              : "future feature %U is not defined",
                                          name);
                return false;
            }
            if (mpy_str_equal_cstr(name, "annotations"))
                c->future_annotations = true;
        }
        c->future_lineno = s->loc.lineno;
    }
    return true;
}

static MpyObject *compile_mod(MpyCompiler *c, MpyAstMod *mod)
{
    if (!mpy__compile_enter_scope(c, mpy_str_intern_cstr("<module>"), MPY_UNIT_MODULE, mod, 1))
        return NULL;
    bool add_none = true;
    switch (mod->kind) {
    case MPY_AST_Module:
        mpy__compile_body(c, mod->v.Module.body);
        break;
    case MPY_AST_Interactive:
        if (mpy__compile_find_annotations(mod->v.Interactive.body))
            emit(c, OP_SETUP_ANNOTATIONS);
        c->interactive = true;
        mpy__compile_stmts(c, mod->v.Interactive.body);
        break;
    case MPY_AST_Expression:
        mpy__compile_expr(c, mod->v.Expression.body);
        add_none = false;
        break;
    }
    return mpy__compile_exit_scope(c, add_none);
}

MpyObject *mpy__compile_ast(MpyAstMod *mod, MpyObject *filename, MpyParseMode mode,
                            MpyArena *arena)
{
    MPY_UNUSED(mode); // the tree's kind says the same
    MpyCompiler c = {.filename = filename};
    if (!check_future(&c, mod) || mpy__ast_optimize(mod, arena, c.future_annotations) < 0)
        return NULL;
    c.st = mpy__symtable_build(mod, filename);
    if (c.st == NULL)
        return NULL;
    MpyObject *code = compile_mod(&c, mod);
    while (c.u != NULL) { // units left open by an error
        MpyCUnit *parent = c.u->parent;
        free_unit(c.u);
        c.u = parent;
    }
    mpy__symtable_free(c.st);
    if (code == NULL && mpy_err_occurred() == NULL)
        mpy_err_set(mpy_exc_SystemError, "compiler failed without setting an exception");
    return code;
}

MpyObject *mpy_compile_source(const char *source, size_t len, MpyObject *filename,
                              MpyParseMode mode, int *incomplete)
{
    MpyArena *arena = mpy__arena_new();
    if (arena == NULL)
        return NULL;
    MpyObject *code = NULL;
    MpyAstMod *mod = mpy__parse(source, len, filename, mode, arena, incomplete);
    if (mod != NULL)
        code = mpy__compile_ast(mod, filename, mode, arena);
    mpy__arena_free(arena);
    return code;
}
