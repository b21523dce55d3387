/* runtime/mod_dis.c: the _dis module, what Lib/dis.py needs from C.
 *
 * Models CPython's Modules/_opcode.c together with the tables of
 * Lib/opcode.py: minipy's instruction set lives in vm/opcodes.def, so the
 * names, argument kinds, one-line documentation and stack effects of the
 * opcodes are exported from there instead of being copied into Python.
 * The disassembler itself (runtime/lib/dis.py) decodes co_code in Python
 * and formats it exactly as `minipy -d` (vm/dis.c) does.
 *
 *   _dis.opname[op]         "LOAD_FAST" ...
 *   _dis.argkind[op]        how the argument reads: "none" "const" "name"
 *                           "local" "deref" "jump" "num" "binop" "cmp"
 *   _dis.opdoc[op]          the stack picture and meaning from opcodes.def
 *   _dis.opbase[op]         the generic opcode a specialised one stands for
 *   _dis.binop_symbols[n]   "+", "//", "+=" ... for BINARY_OP's argument
 *   _dis.quickened(code)    the opcodes as the eval loop runs them now
 *   _dis.stack_effect(op, arg=0, jump=None)
 */
#include "runtime/module.h"

#include "runtime/descr.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "vm/code.h"
#include "vm/opcodes.h"

static const char *const kind_names[] = {
    [MPY_OPARG_NONE] = "none",   [MPY_OPARG_CONST] = "const", [MPY_OPARG_NAME] = "name",
    [MPY_OPARG_LOCAL] = "local", [MPY_OPARG_DEREF] = "deref", [MPY_OPARG_JUMP] = "jump",
    [MPY_OPARG_NUM] = "num",     [MPY_OPARG_BINOP] = "binop", [MPY_OPARG_CMP] = "cmp",
};

/* stack_effect(opcode, oparg=0, *, jump=None): CPython's dis.stack_effect. */
static MpyObject *dis_stack_effect(MpyObject *m, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    static const char *const kwlist[] = {"opcode", "oparg", "$jump", NULL};
    MpyObject *a[3] = {NULL, NULL, NULL};
    if (mpy_arg_parse("stack_effect", args, nargs, kwnames, kwlist, 1, a) < 0)
        return NULL;
    long long op = mpy_int_as_long(a[0]);
    long long arg = a[1] != NULL && a[1] != MPY_NONE ? mpy_int_as_long(a[1]) : 0;
    if (mpy_err_occurred())
        return NULL;
    if (op < 0 || op >= MPY_OPCODE_COUNT)
        return mpy_err_format(mpy_exc_ValueError, "invalid opcode or oparg");
    int jump = -1; // None: the larger of the two effects
    if (a[2] != NULL && a[2] != MPY_NONE) {
        int truth = mpy_object_is_true(a[2]);
        if (truth < 0)
            return NULL;
        jump = truth;
    }
    return mpy_int_from_long(mpy_opcode_stack_effect((int)op, (int)arg, jump));
}

/* quickened(code): the opcodes the eval loop runs now, after rewriting
 * instructions into their specialised forms (CPython's dis adaptive=True).
 * The arguments are in co_code. */
static MpyObject *dis_quickened(MpyObject *m, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    if (!mpy_code_check(args[0]))
        return mpy_err_format(mpy_exc_TypeError, "quickened() expects a code object, not %T", args[0]);
    MpyCodeObject *co = (MpyCodeObject *)args[0];
    MpyObject *list = mpy_list_new(0);
    for (ptrdiff_t i = 0; list != NULL && i < co->ninstrs; i++) {
        if (mpy_list_append_take(list, mpy_small_int(MPY_INSTR_OP(co->instrs[i]))) < 0)
            MPY_CLEAR(list);
    }
    return list;
}

static const MpyMethodDef dis_methods[] = {
    {"quickened", dis_quickened, MPY_METH_O, "The opcodes as the eval loop runs them now."},
    {"stack_effect", dis_stack_effect, MPY_METH_FASTCALL,
     "Compute the stack effect of the opcode."},
    {NULL},
};

/* A list of MPY_OPCODE_COUNT strings picked by `field`.  Returns: new ref. */
static MpyObject *opcode_table(const char *(*field)(int op))
{
    MpyObject *list = mpy_list_new(0);
    for (int op = 0; list != NULL && op < MPY_OPCODE_COUNT; op++) {
        if (mpy_list_append_take(list, mpy_str_from_cstr(field(op))) < 0)
            MPY_CLEAR(list);
    }
    return list;
}

static const char *name_of(int op) { return mpy_opcode_info[op].name; }
static const char *kind_of(int op) { return kind_names[mpy_opcode_info[op].arg_kind]; }
static const char *doc_of(int op) { return mpy_opcode_info[op].doc; }

static int dis_exec(MpyObject *m)
{
    MpyObject *symbols = mpy_list_new(0);
    for (int op = 0; symbols != NULL && op < 2 * MPY_NB_COUNT; op++) {
        const char *symbol = op == MPY_NB_POWER ? "**" : mpy_number_op_symbol(op);
        if (mpy_list_append_take(symbols, mpy_str_from_cstr(symbol)) < 0)
            MPY_CLEAR(symbols);
    }
    if (mpy_module_add_take(m, "binop_symbols", symbols) < 0 ||
        mpy_module_add_take(m, "opname", opcode_table(name_of)) < 0 ||
        mpy_module_add_take(m, "argkind", opcode_table(kind_of)) < 0 ||
        mpy_module_add_take(m, "opdoc", opcode_table(doc_of)) < 0)
        return -1;
    MpyObject *base = mpy_list_new(0);
    for (int op = 0; base != NULL && op < MPY_OPCODE_COUNT; op++) {
        if (mpy_list_append_take(base, mpy_small_int(mpy_opcode_base[op])) < 0)
            MPY_CLEAR(base);
    }
    if (mpy_module_add_take(m, "opbase", base) < 0)
        return -1;
    return 0;
}

const MpyModuleDef mpy___dis_module_def = {
    "_dis", "Tables of minipy's instruction set for the dis module.", dis_methods, dis_exec, 1,
};
