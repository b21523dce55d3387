/* vm/trace.h: -X trace: print every instruction as it executes.
 *
 * For tiny scripts only: it shows, line by line, which thread ran which
 * instruction, so a learner can watch two threads take turns under the
 * GIL (or run at once without it).  One line per instruction on stderr:
 *
 *   Thread-1 (countdown)  countdown:24         6 BINARY_OP             23 (-=)
 *
 * thread name, code name and source line, the instruction's offset, its
 * name and argument, explained as the disassembler (`minipy -d`) does.
 *
 * The eval loop calls the hook from a second dispatch table that it uses
 * only when tracing is on, so a run without -X trace pays nothing.
 */
#ifndef MINIPY_VM_TRACE_H
#define MINIPY_VM_TRACE_H

#include <stdbool.h>
#include <stdint.h>

#include "runtime/str.h"
#include "vm/code.h"

struct MpyFrame;

/* -X trace: set once at startup before any thread runs Python code. */
extern bool mpy__trace_instructions;

/* Print one line for the instruction at `ip` in `frame` (thread name, code
 * name, line, offset, opcode name, argument).  Called by the eval loop only
 * when mpy__trace_instructions is set.  `ip` points at the instruction
 * about to run.  Threads: the caller holds the GIL (or is attached).
 * Never raises: an exception already set is kept. */
void mpy__trace_instruction(struct MpyFrame *frame, const uint32_t *ip);

/* Provided by vm/dis.c (the disassembler's formatting, shared so the two
 * always agree): append " ARG (meaning)" for instruction `op`/`arg` of
 * `code` to `sb`, nothing for an instruction without argument.
 * Returns: 0, or -1 with an exception set. */
int mpy__dis_append_arg(MpyStrBuilder *sb, MpyCodeObject *code, int op, int arg);

#endif
