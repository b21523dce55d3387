/* vm/opcodes.h: opcode numbers, names and stack effects, generated from
 * vm/opcodes.def by the preprocessor (no generated files, no second list).
 *
 * An instruction is one 32-bit word: opcode in the low 8 bits, argument in
 * the high 24 bits.
 */
#ifndef MINIPY_VM_OPCODES_H
#define MINIPY_VM_OPCODES_H

#include <stdint.h>

typedef uint32_t MpyInstr;

#define MPY_INSTR_OP(w) ((int)((w) & 0xFF))
#define MPY_INSTR_ARG(w) ((int)((w) >> 8))
#define MPY_INSTR_MAKE(op, arg) ((MpyInstr)(op) | ((MpyInstr)(arg) << 8))
#define MPY_INSTR_MAX_ARG ((1 << 24) - 1)

enum MpyOpcode {
#define MPY_OPCODE(name, kind, doc) OP_##name,
#include "vm/opcodes.def"
#undef MPY_OPCODE
    MPY_OPCODE_COUNT
};

/* How an argument is shown by the disassembler. */
enum MpyOpArgKind {
    MPY_OPARG_NONE,
    MPY_OPARG_CONST,
    MPY_OPARG_NAME,
    MPY_OPARG_LOCAL,
    MPY_OPARG_DEREF,
    MPY_OPARG_JUMP,
    MPY_OPARG_NUM,
    MPY_OPARG_BINOP,
    MPY_OPARG_CMP,
};

typedef struct MpyOpcodeInfo {
    const char *name;
    enum MpyOpArgKind arg_kind;
    const char *doc;
} MpyOpcodeInfo;

extern const MpyOpcodeInfo mpy_opcode_info[MPY_OPCODE_COUNT];

/* The generic instruction each opcode stands for: itself for the
 * compiler's instructions, BASE for MPY_SPECIALIZED ones (opcodes.def). */
extern const uint8_t mpy_opcode_base[MPY_OPCODE_COUNT];

/* Net change of the stack depth caused by one instruction.  For jumps,
 * `jump` selects the effect when the jump is taken (1), not taken (0), or
 * the larger of the two (-1).  For SETUP_FINALLY / SETUP_WITH "taken" means
 * "entering the handler", relative to the depth at the SETUP instruction. */
int mpy_opcode_stack_effect(int opcode, int arg, int jump);

static inline int mpy_opcode_has_jump(int opcode)
{
    return mpy_opcode_info[opcode].arg_kind == MPY_OPARG_JUMP;
}

#endif
