/* vm/assemble.c: from basic blocks to a code object.
 *
 * Models the back end of CPython 3.11's Python/compile.c (optimize_cfg,
 * stackdepth, propagate_line_numbers, assemble, makecode), for minipy's
 * fixed-size instructions with absolute jump targets:
 *
 *  1. clean up each block: drop what follows a jump/return/raise, thread
 *     jumps to jumps, turn `BUILD_TUPLE n; UNPACK_SEQUENCE n` into SWAPs,
 *     drop NOPs that carry no line of their own;
 *  2. drop unreachable blocks and empty ones, and jumps to the very next
 *     block;
 *  3. give artificial instructions (line -1) the line of their neighbour;
 *  4. walk every path from the entry (and into every handler) to find the
 *     maximum value-stack depth and handler-block depth, using the stack
 *     effects of vm/opcodes.c;
 *  5. number the instructions, turn JUMP into JUMP_FORWARD/JUMP_BACKWARD,
 *     and build the code object.
 *
 * Only JUMP_BACKWARD(_NO_INTERRUPT) may go backwards: the compiler places
 * the targets of conditional jumps after them, and step 5 checks it.
 */
#include <stdlib.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/list.h"
#include "runtime/tuple.h"
#include "vm/compiler_internal.h"

static bool is_jump(int op)
{
    return op >= MPY_OPCODE_COUNT || mpy_opcode_has_jump(op);
}

static bool is_unconditional_jump(int op)
{
    return op == MPY_PSEUDO_JUMP || op == MPY_PSEUDO_JUMP_NO_INTERRUPT ||
           op == OP_JUMP_FORWARD || op == OP_JUMP_BACKWARD ||
           op == OP_JUMP_BACKWARD_NO_INTERRUPT;
}

/* Does control never continue to the next instruction? */
static bool is_terminator(int op)
{
    return is_unconditional_jump(op) || op == OP_RETURN_VALUE || op == OP_RAISE_VARARGS ||
           op == OP_RERAISE;
}

static MpyCInstr *last_instr(MpyCBlock *b)
{
    return b->ninstrs > 0 ? &b->instrs[b->ninstrs - 1] : NULL;
}

static bool falls_through(MpyCBlock *b)
{
    MpyCInstr *last = last_instr(b);
    return last == NULL || !is_terminator(last->op);
}

/* The first non-empty block at or after `b` (the one `b` really means). */
static MpyCBlock *skip_empty(MpyCBlock *b)
{
    while (b != NULL && b->ninstrs == 0)
        b = b->next;
    return b;
}

/* ------------------------------------------------------------------ */
/* Step 1: per-block cleanups                                           */

static void truncate_after_terminator(MpyCBlock *b)
{
    for (int i = 0; i < b->ninstrs; i++) {
        if (is_terminator(b->instrs[i].op)) {
            b->ninstrs = i + 1;
            return;
        }
    }
}

/* `a, b = b, a` builds a tuple only to unpack it at once. */
static void fold_tuple_unpack(MpyCBlock *b)
{
    for (int i = 0; i + 1 < b->ninstrs; i++) {
        MpyCInstr *in = &b->instrs[i], *next = &b->instrs[i + 1];
        if (in->op != OP_BUILD_TUPLE || next->op != OP_UNPACK_SEQUENCE || in->arg != next->arg)
            continue;
        if (in->arg == 1) {
            in->op = next->op = OP_NOP;
        } else if (in->arg == 2 || in->arg == 3) {
            in->op = OP_NOP;
            next->op = OP_SWAP;
        }
    }
}

static bool is_nop_block(MpyCBlock *b)
{
    for (int i = 0; i < b->ninstrs; i++) {
        if (b->instrs[i].op != OP_NOP)
            return false;
    }
    return true;
}

/* Make jumps to an unconditional jump go straight to its target (only
 * forward for conditional jumps). `order` numbers the blocks in layout. */
static void thread_jumps(MpyCBlock *b)
{
    for (int i = 0; i < b->ninstrs; i++) {
        MpyCInstr *in = &b->instrs[i];
        bool unconditional = in->op == MPY_PSEUDO_JUMP;
        bool conditional = in->op == OP_POP_JUMP_IF_FALSE || in->op == OP_POP_JUMP_IF_TRUE ||
                           in->op == OP_POP_JUMP_IF_NONE || in->op == OP_POP_JUMP_IF_NOT_NONE;
        if (!unconditional && !conditional)
            continue;
        for (int hops = 0; hops < 100; hops++) {
            // A loop head made only of a NOP (`while True:`) need not run
            // on every iteration.
            MpyCBlock *target = skip_empty(in->target);
            if (unconditional && target != NULL && is_nop_block(target) && target->next &&
                skip_empty(target->next) != NULL) {
                in->target = target->next;
                continue;
            }
            if (target == NULL || target->instrs[0].op != MPY_PSEUDO_JUMP)
                break;
            MpyCBlock *next = target->instrs[0].target;
            if (next == in->target || target == b)
                break;
            MpyCBlock *real = skip_empty(next);
            if (real == NULL || (conditional && real->offset <= b->offset))
                break; // would become a backward conditional jump
            in->target = next;
        }
    }
}

/* Drop NOPs whose line is already marked by a neighbour (CPython's
 * remove_redundant_nops). */
static void remove_redundant_nops(MpyCBlock *b)
{
    int dest = 0, prev_line = -1;
    for (int src = 0; src < b->ninstrs; src++) {
        MpyCInstr *in = &b->instrs[src];
        int line = in->loc.line;
        if (in->op == OP_NOP) {
            if (line < 0 || line == prev_line)
                continue;
            if (src < b->ninstrs - 1) {
                MpyCInstr *next = &b->instrs[src + 1];
                if (next->loc.line < 0 || next->loc.line == line) {
                    if (next->loc.line < 0)
                        next->loc = in->loc;
                    continue;
                }
            } else {
                MpyCBlock *next = skip_empty(b->next);
                if (next != NULL && next->instrs[0].loc.line == line)
                    continue;
            }
        }
        b->instrs[dest++] = *in;
        prev_line = line;
    }
    b->ninstrs = dest;
}

/* ------------------------------------------------------------------ */
/* Step 2: reachability and empty blocks                                */

static void mark_reachable(MpyCBlock *entry, MpyCBlock **stack, int nblocks)
{
    int sp = 0;
    entry->reachable = true;
    entry->predecessors = 1;
    stack[sp++] = entry;
    while (sp > 0) {
        MpyCBlock *b = stack[--sp];
        MpyCBlock *succ[2];
        int nsucc = 0;
        if (falls_through(b) && b->next != NULL)
            succ[nsucc++] = b->next;
        for (int i = 0; i < b->ninstrs; i++) {
            MpyCInstr *in = &b->instrs[i];
            if (!is_jump(in->op))
                continue;
            MpyCBlock *t = in->target;
            t->predecessors++;
            if (!t->reachable && sp < nblocks) {
                t->reachable = true;
                stack[sp++] = t;
            }
        }
        for (int i = 0; i < nsucc; i++) {
            succ[i]->predecessors++;
            if (!succ[i]->reachable && sp < nblocks) {
                succ[i]->reachable = true;
                stack[sp++] = succ[i];
            }
        }
    }
}

/* Unlink empty blocks; jumps to them go to the next non-empty block. */
static void eliminate_empty_blocks(MpyCBlock *entry)
{
    for (MpyCBlock *b = entry; b != NULL; b = b->next) {
        for (int i = 0; i < b->ninstrs; i++) {
            if (is_jump(b->instrs[i].op))
                b->instrs[i].target = skip_empty(b->instrs[i].target);
        }
    }
    MpyCBlock *prev = entry;
    for (MpyCBlock *b = entry->next; b != NULL; b = b->next) {
        if (b->ninstrs > 0) {
            prev->next = b;
            prev = b;
        }
    }
    prev->next = NULL;
}

/* A JUMP to the block that follows anyway is a NOP. */
static bool remove_jumps_to_next(MpyCBlock *entry)
{
    bool changed = false;
    for (MpyCBlock *b = entry; b != NULL; b = b->next) {
        MpyCInstr *last = last_instr(b);
        if (last && (last->op == MPY_PSEUDO_JUMP || last->op == MPY_PSEUDO_JUMP_NO_INTERRUPT) &&
            last->target == skip_empty(b->next)) {
            last->op = OP_NOP;
            changed = true;
        }
    }
    return changed;
}

/* ------------------------------------------------------------------ */
/* Step 3: line numbers                                                 */

static void count_predecessors(MpyCBlock *entry)
{
    for (MpyCBlock *b = entry; b != NULL; b = b->next)
        b->predecessors = 0;
    entry->predecessors = 1;
    for (MpyCBlock *b = entry; b != NULL; b = b->next) {
        if (falls_through(b) && b->next != NULL)
            b->next->predecessors++;
        for (int i = 0; i < b->ninstrs; i++) {
            if (is_jump(b->instrs[i].op))
                b->instrs[i].target->predecessors++;
        }
    }
}

static void propagate_line_numbers(MpyCBlock *entry)
{
    count_predecessors(entry);
    for (MpyCBlock *b = entry; b != NULL; b = b->next) {
        MpyCodeLocation prev = {-1, -1, -1, -1};
        for (int i = 0; i < b->ninstrs; i++) {
            if (b->instrs[i].loc.line < 0)
                b->instrs[i].loc = prev;
            else
                prev = b->instrs[i].loc;
        }
        MpyCInstr *last = last_instr(b);
        if (falls_through(b) && b->next && b->next->predecessors == 1 &&
            b->next->instrs[0].loc.line < 0)
            b->next->instrs[0].loc = prev;
        if (last && is_jump(last->op) && last->target->predecessors == 1 &&
            last->target->instrs[0].loc.line < 0)
            last->target->instrs[0].loc = last->loc;
    }
}

/* ------------------------------------------------------------------ */
/* Step 4: stack depth                                                  */

typedef struct DepthWalk {
    MpyCBlock **stack;
    int sp, cap;
    bool inconsistent;
} DepthWalk;

static void depth_push(DepthWalk *w, MpyCBlock *b, int depth, int blocks)
{
    if (b->start_depth >= 0) {
        if (b->start_depth != depth || b->start_blocks != blocks)
            w->inconsistent = true;
        return;
    }
    b->start_depth = depth;
    b->start_blocks = blocks;
    if (w->sp < w->cap)
        w->stack[w->sp++] = b;
}

/* Walk every path; returns -1 (SystemError set) if the code is wrong. */
static int compute_depths(MpyCBlock *entry, int nblocks, int *max_stack, int *max_blocks)
{
    DepthWalk w = {malloc((size_t)nblocks * sizeof(MpyCBlock *)), 0, nblocks, false};
    if (w.stack == NULL) {
        mpy_err_no_memory();
        return -1;
    }
    for (MpyCBlock *b = entry; b != NULL; b = b->next)
        b->start_depth = -1;
    int maxdepth = 0, maxblocks = 0;
    bool bad = false;
    depth_push(&w, entry, 0, 0);
    while (w.sp > 0 && !bad) {
        MpyCBlock *b = w.stack[--w.sp];
        int depth = b->start_depth, blocks = b->start_blocks;
        bool fall = true;
        for (int i = 0; i < b->ninstrs && !bad; i++) {
            MpyCInstr *in = &b->instrs[i];
            int op = in->op >= MPY_OPCODE_COUNT ? OP_JUMP_FORWARD : in->op;
            if (is_jump(in->op)) {
                int target_depth = depth + mpy_opcode_stack_effect(op, in->arg, 1);
                if (target_depth > maxdepth)
                    maxdepth = target_depth;
                depth_push(&w, in->target, target_depth, blocks);
            }
            depth += mpy_opcode_stack_effect(op, in->arg, 0);
            if (op == OP_SETUP_FINALLY || op == OP_SETUP_WITH)
                blocks++;
            else if (op == OP_POP_BLOCK)
                blocks--;
            bad = depth < 0 || blocks < 0;
            if (depth > maxdepth)
                maxdepth = depth;
            if (blocks > maxblocks)
                maxblocks = blocks;
            if (is_terminator(in->op)) {
                fall = false;
                break;
            }
        }
        if (fall && b->next != NULL && !bad)
            depth_push(&w, b->next, depth, blocks);
    }
    free(w.stack);
    if (bad || w.inconsistent) {
        mpy_err_set(mpy_exc_SystemError, bad ? "compiler: negative stack or block depth"
                                             : "compiler: inconsistent stack depth");
        return -1;
    }
    *max_stack = maxdepth;
    *max_blocks = maxblocks;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Step 5: layout and the code object                                   */

/* A tuple of the keys of a name -> index dict, in index order (the
 * dicts are filled in index order).  Returns: new reference or NULL. */
static MpyObject *names_tuple(MpyObject *dict)
{
    MpyObject *keys = mpy_dict_keys(dict);
    if (keys == NULL)
        return NULL;
    MpyObject *t = mpy_list_as_tuple(keys);
    MPY_DECREF(keys);
    return t;
}

/* cell2arg: a parameter that a closure uses lives in a cell. */
static int32_t *make_cell2arg(MpyCUnit *u, MpyObject *cellvars, int nargs)
{
    ptrdiff_t ncells = mpy_tuple_size(cellvars);
    int32_t *cell2arg = NULL;
    for (ptrdiff_t i = 0; i < ncells; i++) {
        MpyObject *index = mpy_dict_get(u->varnames, mpy_tuple_item(cellvars, i));
        if (index == NULL || mpy_small_int_value(index) >= nargs)
            continue;
        if (cell2arg == NULL) {
            cell2arg = malloc((size_t)ncells * sizeof *cell2arg);
            if (cell2arg == NULL)
                return NULL;
            for (ptrdiff_t j = 0; j < ncells; j++)
                cell2arg[j] = -1;
        }
        cell2arg[i] = (int32_t)mpy_small_int_value(index);
    }
    return cell2arg;
}

/* Number the instructions and resolve jumps into one array. */
static int linearize(MpyCBlock *entry, MpyInstr **instrs_out, MpyCodeLocation **locs_out,
                     int *count)
{
    int n = 0;
    for (MpyCBlock *b = entry; b != NULL; b = b->next) {
        b->offset = n;
        n += b->ninstrs;
    }
    MpyInstr *instrs = malloc((size_t)(n ? n : 1) * sizeof *instrs);
    MpyCodeLocation *locs = malloc((size_t)(n ? n : 1) * sizeof *locs);
    if (instrs == NULL || locs == NULL) {
        free(instrs);
        free(locs);
        mpy_err_no_memory();
        return -1;
    }
    int k = 0, prev_line = -1;
    for (MpyCBlock *b = entry; b != NULL; b = b->next) {
        for (int i = 0; i < b->ninstrs; i++, k++) {
            MpyCInstr *in = &b->instrs[i];
            int op = in->op, arg = in->arg;
            if (is_jump(op)) {
                arg = in->target->offset;
                bool backward = arg <= k;
                if (op == MPY_PSEUDO_JUMP)
                    op = backward ? OP_JUMP_BACKWARD : OP_JUMP_FORWARD;
                else if (op == MPY_PSEUDO_JUMP_NO_INTERRUPT)
                    op = backward ? OP_JUMP_BACKWARD_NO_INTERRUPT : OP_JUMP_FORWARD;
                else if (backward && op != OP_JUMP_BACKWARD &&
                         op != OP_JUMP_BACKWARD_NO_INTERRUPT) {
                    free(instrs);
                    free(locs);
                    mpy_err_format(mpy_exc_SystemError,
                                   "compiler: backward conditional jump at %d", k);
                    return -1;
                }
            }
            instrs[k] = MPY_INSTR_MAKE(op, arg);
            locs[k] = in->loc;
            // Anything still without a line takes the previous line.
            if (locs[k].line < 0)
                locs[k] = (MpyCodeLocation){prev_line, prev_line, -1, -1};
            prev_line = locs[k].line;
        }
    }
    *instrs_out = instrs;
    *locs_out = locs;
    *count = n;
    return 0;
}

/* The constants up to the last one used: constants added for code that
 * turned out unreachable (an implicit `return None`) are dropped, as
 * CPython's trim_unused_consts does.  consts[0] (the docstring slot) stays.
 * Returns: new tuple or NULL. */
static MpyObject *used_consts(MpyCUnit *u, const MpyInstr *instrs, int n)
{
    int max = 0;
    for (int i = 0; i < n; i++) {
        if (MPY_INSTR_OP(instrs[i]) == OP_LOAD_CONST && MPY_INSTR_ARG(instrs[i]) > max)
            max = MPY_INSTR_ARG(instrs[i]);
    }
    ptrdiff_t size = mpy_list_size(u->consts);
    MpyObject *list = mpy_list_slice(u->consts, 0, max + 1 < size ? max + 1 : size);
    if (list == NULL)
        return NULL;
    MpyObject *t = mpy_list_as_tuple(list);
    MPY_DECREF(list);
    return t;
}

static MpyObject *make_code(MpyCompiler *c, MpyCUnit *u, int flags, MpyInstr *instrs,
                            MpyCodeLocation *locs, int n, int stacksize, int maxblocks)
{
    MpyObject *consts = used_consts(u, instrs, n);
    MpyObject *names = names_tuple(u->names);
    MpyObject *varnames = names_tuple(u->varnames);
    MpyObject *cellvars = names_tuple(u->cellvars);
    MpyObject *freevars = names_tuple(u->freevars);
    MpyObject *code = NULL;
    int32_t *cell2arg = NULL;
    if (consts && names && varnames && cellvars && freevars) {
        int nargs = u->argcount + u->kwonlyargcount + ((flags & MPY_CO_VARARGS) != 0) +
                    ((flags & MPY_CO_VARKEYWORDS) != 0);
        cell2arg = make_cell2arg(u, cellvars, nargs);
        MpyCodeSpec spec = {
            .instrs = instrs, .ninstrs = n, .locations = locs,
            .consts = consts, .names = names, .varnames = varnames,
            .cellvars = cellvars, .freevars = freevars, .cell2arg = cell2arg,
            .argcount = u->argcount, .posonlyargcount = u->posonlyargcount,
            .kwonlyargcount = u->kwonlyargcount, .stacksize = stacksize,
            .maxblocks = maxblocks, .flags = flags, .firstlineno = u->firstlineno,
            .filename = c->filename, .name = u->name, .qualname = u->qualname,
        };
        code = mpy_code_new(&spec);
    }
    free(cell2arg);
    MPY_XDECREF(consts);
    MPY_XDECREF(names);
    MPY_XDECREF(varnames);
    MPY_XDECREF(cellvars);
    MPY_XDECREF(freevars);
    return code;
}

/* Steps 1-3 on the blocks of `u`.  Returns the number of blocks left. */
static int optimize(MpyCUnit *u)
{
    int nblocks = 0;
    for (MpyCBlock *b = u->entry; b != NULL; b = b->next) {
        b->offset = nblocks++; // layout order, for thread_jumps
        b->reachable = false;
        b->predecessors = 0;
        truncate_after_terminator(b);
        fold_tuple_unpack(b);
    }
    for (MpyCBlock *b = u->entry; b != NULL; b = b->next)
        thread_jumps(b);
    for (MpyCBlock *b = u->entry; b != NULL; b = b->next)
        remove_redundant_nops(b);
    MpyCBlock **stack = malloc((size_t)nblocks * sizeof *stack);
    if (stack == NULL)
        return -1;
    mark_reachable(u->entry, stack, nblocks);
    free(stack);
    for (MpyCBlock *b = u->entry; b != NULL; b = b->next) {
        if (!b->reachable)
            b->ninstrs = 0;
    }
    eliminate_empty_blocks(u->entry);
    if (remove_jumps_to_next(u->entry)) {
        for (MpyCBlock *b = u->entry; b != NULL; b = b->next)
            remove_redundant_nops(b);
        eliminate_empty_blocks(u->entry);
    }
    propagate_line_numbers(u->entry);
    for (MpyCBlock *b = u->entry; b != NULL; b = b->next)
        remove_redundant_nops(b);
    eliminate_empty_blocks(u->entry);
    nblocks = 0;
    for (MpyCBlock *b = u->entry; b != NULL; b = b->next)
        nblocks++;
    return nblocks;
}

MpyObject *mpy__assemble(MpyCompiler *c, MpyCUnit *u, int flags)
{
    int nblocks = optimize(u);
    if (nblocks < 0) {
        mpy_err_no_memory();
        return NULL;
    }
    int stacksize = 0, maxblocks = 0, n = 0;
    MpyInstr *instrs = NULL;
    MpyCodeLocation *locs = NULL;
    if (compute_depths(u->entry, nblocks, &stacksize, &maxblocks) < 0 ||
        linearize(u->entry, &instrs, &locs, &n) < 0)
        return NULL;
    MpyObject *code = make_code(c, u, flags, instrs, locs, n, stacksize, maxblocks);
    free(instrs);
    free(locs);
    return code;
}
