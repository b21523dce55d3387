/* vm/trace.c: -X trace, one line per executed instruction (see
 * vm/trace.h).
 *
 * CPython has no such switch; the nearest are sys.settrace with
 * frame.f_trace_opcodes = True, and the LLTRACE debug build.  We format
 * the instruction with the disassembler's own helper (vm/dis.c) and name
 * the thread with gil/gil_observe.c, which learns threading's names.
 */
#include "vm/trace.h"

#include <stdio.h>

#include "gil/gil_observe.h"
#include "gil/tstate.h"
#include "runtime/error.h"
#include "vm/frame.h"

bool mpy__trace_instructions;

void mpy__trace_instruction(struct MpyFrame *frame, const uint32_t *ip)
{
    MpyCodeObject *code = frame->code;
    ptrdiff_t k = ip - code->instrs;
    int op = MPY_INSTR_OP(*ip), arg = MPY_INSTR_ARG(*ip);
    int line = k >= 0 && k < code->ninstrs ? code->locations[k].line : -1;
    char thread[64], where[128];
    mpy__gil_observe_thread_name(mpy__tstate_get(), thread, sizeof thread);
    snprintf(where, sizeof where, "%s:%d", mpy_str_utf8(code->name), line);

    // Formatting a constant's repr may fail (MemoryError): keep whatever
    // exception the loop has, and never leave one of our own.
    MpyObject *saved = mpy_err_fetch();
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    int rc = mpy_sb_printf(&sb, "%-20s  %-16s %4td %-20s", thread, where, k,
                           op < MPY_OPCODE_COUNT ? mpy_opcode_info[op].name : "?");
    if (rc == 0 && op < MPY_OPCODE_COUNT)
        rc = mpy__dis_append_arg(&sb, code, op, arg);
    while (sb.len > 0 && sb.buf[sb.len - 1] == ' ')
        sb.len--;
    if (rc == 0 || sb.len > 0) {
        sb.buf[sb.len] = '\n';  // the builder keeps room for a terminator
        fwrite(sb.buf, 1, sb.len + 1, stderr);
    }
    mpy_sb_discard(&sb);
    mpy_err_clear();
    if (saved != NULL)
        mpy_err_restore_raw(saved);
}
