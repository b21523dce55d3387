/* vm/dis.c: a readable listing of a code object.
 *
 * Models the output of CPython 3.11's Lib/dis.py (dis.dis), for minipy's
 * instructions:
 *
 *   line  >>  offset OPNAME              arg (meaning)
 *     2           4 LOAD_GLOBAL          1 (NULL + print)
 *           >>   12 FOR_ITER             9 (to 20)
 *
 * The line number is shown at the first instruction of each source line
 * (with a blank line before it), ">>" marks jump targets, the offset is
 * the instruction index (minipy instructions are all one word), and the
 * argument is explained in parentheses: the constant's repr, the name,
 * the local, the jump target, or the operator.  With `recursive`, every
 * code object among the constants follows under "Disassembly of ...:".
 *
 * This is the listing of `minipy -d`.  The dis module (runtime/lib/dis.py,
 * over the tables of runtime/mod_dis.c) formats the same columns in
 * Python for dis.dis(); keep the two in step.
 */
#include <stdio.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/code.h"
#include "vm/compiler.h"
#include "vm/trace.h"

static const char *const cmp_names[] = {"<", "<=", "==", "!=", ">", ">="};
static const char *const make_function_flags[] = {"defaults", "kwdefaults", "annotations",
                                                  "closure"};
static const char *const format_conversions[] = {"", "str", "repr", "ascii"};

/* Name of cell-or-free slot i (LOAD_DEREF's argument), or NULL. */
static MpyObject *deref_name_of(MpyCodeObject *co, int i)
{
    if (i < co->ncellvars)
        return mpy_tuple_item(co->cellvars, i);
    i -= co->ncellvars;
    return i < co->nfreevars ? mpy_tuple_item(co->freevars, i) : NULL;
}

/* Explain the argument of instruction k in `sb` (nothing if it needs no
 * explanation).  Returns 0 or -1. */
static int append_argrepr(MpyStrBuilder *sb, MpyCodeObject *co, int op, int arg)
{
    switch (mpy_opcode_info[op].arg_kind) {
    case MPY_OPARG_CONST:
        if (arg < mpy_tuple_size(co->consts))
            return mpy_sb_append_cstr(sb, " (") < 0 ||
                   mpy_sb_append_repr(sb, mpy_tuple_item(co->consts, arg)) < 0 ||
                   mpy_sb_append_cstr(sb, ")") < 0 ? -1 : 0;
        return 0;
    case MPY_OPARG_NAME: {
        int index = op == OP_LOAD_GLOBAL ? arg >> 1 : arg;
        if (index >= mpy_tuple_size(co->names))
            return 0;
        return mpy_sb_printf(sb, " (%s%s)", op == OP_LOAD_GLOBAL && (arg & 1) ? "NULL + " : "",
                             mpy_str_utf8(mpy_tuple_item(co->names, index)));
    }
    case MPY_OPARG_LOCAL:
        if (arg < co->nlocals)
            return mpy_sb_printf(sb, " (%s)", mpy_str_utf8(mpy_tuple_item(co->varnames, arg)));
        return 0;
    case MPY_OPARG_DEREF: {
        MpyObject *name = deref_name_of(co, arg);
        return name ? mpy_sb_printf(sb, " (%s)", mpy_str_utf8(name)) : 0;
    }
    case MPY_OPARG_JUMP:
        return mpy_sb_printf(sb, " (to %d)", arg);
    case MPY_OPARG_BINOP:
        // Error messages say "** or pow()"; a listing shows the operator.
        return mpy_sb_printf(sb, " (%s)", arg == MPY_NB_POWER ? "**" : mpy_number_op_symbol(arg));
    case MPY_OPARG_CMP:
        return arg >= 0 && arg < 6 ? mpy_sb_printf(sb, " (%s)", cmp_names[arg]) : 0;
    case MPY_OPARG_NUM:
        break;
    case MPY_OPARG_NONE:
        return 0;
    }
    if (op == OP_MAKE_FUNCTION && arg != 0) {
        const char *sep = " (";
        for (int bit = 0; bit < 4; bit++) {
            if ((arg & (1 << bit)) && mpy_sb_printf(sb, "%s%s", sep, make_function_flags[bit]) < 0)
                return -1;
            if (arg & (1 << bit))
                sep = ", ";
        }
        return mpy_sb_append_cstr(sb, ")");
    }
    if (op == OP_FORMAT_VALUE && arg != 0) {
        const char *conv = format_conversions[arg & 3];
        return mpy_sb_printf(sb, " (%s%s%s)", conv, *conv && (arg & 4) ? ", " : "",
                             (arg & 4) ? "with format" : "");
    }
    return 0;
}

static int disassemble_one(MpyStrBuilder *sb, MpyCodeObject *co)
{
    ptrdiff_t n = co->ninstrs;
    // Which instructions are jump targets, and how wide the columns are.
    unsigned char *target = mpy_mem_calloc(n ? (size_t)n : 1, 1);
    if (target == NULL)
        return -1;
    int maxline = 0;
    for (ptrdiff_t k = 0; k < n; k++) {
        int op = MPY_INSTR_OP(co->instrs[k]), arg = MPY_INSTR_ARG(co->instrs[k]);
        if (mpy_opcode_has_jump(op) && arg < n)
            target[arg] = 1;
        if (co->locations[k].line > maxline)
            maxline = co->locations[k].line;
    }
    int line_width = maxline >= 1000 ? snprintf(NULL, 0, "%d", maxline) : 3;
    int offset_width = n - 1 >= 10000 ? snprintf(NULL, 0, "%td", n - 1) : 4;
    int rc = 0, last_line = -1;
    for (ptrdiff_t k = 0; k < n && rc == 0; k++) {
        int op = MPY_INSTR_OP(co->instrs[k]), arg = MPY_INSTR_ARG(co->instrs[k]);
        int line = co->locations[k].line;
        bool starts_line = line >= 0 && line != last_line;
        if (starts_line) {
            last_line = line;
            if (k > 0)
                rc |= mpy_sb_append_cstr(sb, "\n");
            rc |= mpy_sb_printf(sb, "%*d", line_width, line);
        } else {
            rc |= mpy_sb_printf(sb, "%*s", line_width, "");
        }
        rc |= mpy_sb_printf(sb, "     %s %*td %-20s", target[k] ? ">>" : "  ", offset_width, k,
                            mpy_opcode_info[op].name);
        if (mpy_opcode_info[op].arg_kind != MPY_OPARG_NONE) {
            rc |= mpy_sb_printf(sb, " %5d", arg);
            rc |= append_argrepr(sb, co, op, arg);
        }
        // dis strips trailing spaces of each line.
        while (sb->len > 0 && sb->buf[sb->len - 1] == ' ') {
            sb->len--;
            sb->nchars--;
        }
        rc |= mpy_sb_append_cstr(sb, "\n");
    }
    mpy_mem_free(target);
    return rc < 0 ? -1 : 0;
}

static int disassemble_recursive(MpyStrBuilder *sb, MpyCodeObject *co, bool recursive)
{
    if (disassemble_one(sb, co) < 0)
        return -1;
    if (!recursive)
        return 0;
    for (ptrdiff_t i = 0; i < mpy_tuple_size(co->consts); i++) {
        MpyObject *c = mpy_tuple_item(co->consts, i);
        if (!mpy_code_check(c))
            continue;
        if (mpy_sb_append_cstr(sb, "\nDisassembly of ") < 0 || mpy_sb_append_repr(sb, c) < 0 ||
            mpy_sb_append_cstr(sb, ":\n") < 0 ||
            disassemble_recursive(sb, (MpyCodeObject *)c, true) < 0)
            return -1;
    }
    return 0;
}

MpyObject *mpy__disassemble(MpyObject *code, bool recursive)
{
    if (!mpy_code_check(code)) {
        mpy_err_format(mpy_exc_TypeError, "don't know how to disassemble %T objects", code);
        return NULL;
    }
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    if (disassemble_recursive(&sb, (MpyCodeObject *)code, recursive) < 0) {
        mpy_sb_discard(&sb);
        return NULL;
    }
    return mpy_sb_finish(&sb);
}

/* One instruction's argument as the listing shows it (" 0 (n)"), for
 * -X trace (vm/trace.h declares it). */
int mpy__dis_append_arg(MpyStrBuilder *sb, MpyCodeObject *co, int op, int arg)
{
    if (mpy_opcode_info[op].arg_kind == MPY_OPARG_NONE)
        return 0;
    if (mpy_sb_printf(sb, " %5d", arg) < 0)
        return -1;
    return append_argrepr(sb, co, op, arg);
}
