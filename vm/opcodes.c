/* vm/opcodes.c: the opcode table and the stack effect of each instruction.
 *
 * The compiler sizes every frame's value stack from these numbers
 * (vm/assemble.c walks all paths through the code), so they must agree
 * exactly with what vm/eval.c does; vm/opcodes.def documents each picture.
 */
#include "vm/opcodes.h"

#define MPY_OPCODE(name, kind, doc) [OP_##name] = {#name, MPY_OPARG_##kind, doc},
const MpyOpcodeInfo mpy_opcode_info[MPY_OPCODE_COUNT] = {
#include "vm/opcodes.def"
};
#undef MPY_OPCODE

#define MPY_OPCODE(name, kind, doc) [OP_##name] = OP_##name,
#define MPY_SPECIALIZED(name, base, kind, doc) [OP_##name] = OP_##base,
const uint8_t mpy_opcode_base[MPY_OPCODE_COUNT] = {
#include "vm/opcodes.def"
};
#undef MPY_OPCODE
#undef MPY_SPECIALIZED

static int popcount4(int flags)
{
    return (flags & 1) + ((flags >> 1) & 1) + ((flags >> 2) & 1) + ((flags >> 3) & 1);
}

/* Effect of the instructions whose result depends on the jump. */
static int jump_effect(int opcode, int jump)
{
    int taken, not_taken;
    switch (opcode) {
    case OP_FOR_ITER: taken = -1; not_taken = 1; break;
    case OP_SEND: taken = -1; not_taken = 0; break;
    case OP_JUMP_IF_FALSE_OR_POP:
    case OP_JUMP_IF_TRUE_OR_POP: taken = 0; not_taken = -1; break;
    case OP_SETUP_FINALLY: taken = 1; not_taken = 0; break; /* handler gets the exception */
    case OP_SETUP_WITH: taken = 0; not_taken = 0; break;    /* res replaced by the exception */
    case OP_POP_JUMP_IF_FALSE:
    case OP_POP_JUMP_IF_TRUE:
    case OP_POP_JUMP_IF_NONE:
    case OP_POP_JUMP_IF_NOT_NONE: taken = -1; not_taken = -1; break;
    default: taken = 0; not_taken = 0; break; /* unconditional jumps */
    }
    if (jump > 0)
        return taken;
    if (jump == 0)
        return not_taken;
    return taken > not_taken ? taken : not_taken;
}

int mpy_opcode_stack_effect(int opcode, int arg, int jump)
{
    opcode = mpy_opcode_base[opcode];
    if (mpy_opcode_has_jump(opcode))
        return jump_effect(opcode, jump);
    switch (opcode) {
    case OP_NOP: case OP_SWAP: case OP_RESUME: return 0;
    case OP_POP_TOP: return -1;
    case OP_PUSH_NULL: case OP_COPY: return 1;
    case OP_LOAD_CONST: case OP_LOAD_FAST: case OP_LOAD_DEREF: case OP_LOAD_CLOSURE:
    case OP_LOAD_CLASSDEREF: case OP_LOAD_NAME: case OP_LOAD_ASSERTION_ERROR:
    case OP_LOAD_BUILD_CLASS: return 1;
    case OP_STORE_FAST: case OP_STORE_DEREF: case OP_STORE_NAME: case OP_STORE_GLOBAL: return -1;
    case OP_DELETE_FAST: case OP_DELETE_DEREF: case OP_DELETE_NAME: case OP_DELETE_GLOBAL: return 0;
    case OP_LOAD_GLOBAL: return 1 + (arg & 1);
    case OP_LOAD_ATTR: return 0;
    case OP_STORE_ATTR: return -2;
    case OP_DELETE_ATTR: return -1;
    case OP_LOAD_METHOD: return 1;
    case OP_BINARY_OP: case OP_COMPARE_OP: case OP_IS_OP: case OP_CONTAINS_OP:
    case OP_BINARY_SUBSCR: return -1;
    case OP_UNARY_NEGATIVE: case OP_UNARY_POSITIVE: case OP_UNARY_NOT: case OP_UNARY_INVERT:
        return 0;
    case OP_STORE_SUBSCR: return -3;
    case OP_DELETE_SUBSCR: return -2;
    case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET: case OP_BUILD_STRING:
    case OP_BUILD_SLICE: return 1 - arg;
    case OP_BUILD_MAP: return 1 - 2 * arg;
    case OP_BUILD_CONST_KEY_MAP: return -arg;
    case OP_LIST_APPEND: case OP_SET_ADD: case OP_LIST_EXTEND: case OP_SET_UPDATE:
    case OP_DICT_UPDATE: case OP_DICT_MERGE: return -1;
    case OP_MAP_ADD: return -2;
    case OP_LIST_TO_TUPLE: return 0;
    case OP_UNPACK_SEQUENCE: return arg - 1;
    case OP_UNPACK_EX: return (arg & 0xFF) + (arg >> 8);
    case OP_FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    case OP_GET_ITER: return 0;
    case OP_RETURN_VALUE: return -1;
    case OP_CALL: return -arg - 1;
    case OP_CALL_KW: return -arg - 2;
    case OP_CALL_FUNCTION_EX: return -2 - (arg & 1);
    case OP_MAKE_FUNCTION: return -popcount4(arg);
    case OP_IMPORT_NAME: return -1;
    case OP_IMPORT_FROM: return 1;
    case OP_IMPORT_STAR: return -1;
    case OP_SETUP_ANNOTATIONS: return 0;
    case OP_PRINT_EXPR: return -1;
    case OP_POP_BLOCK: return 0;
    case OP_PUSH_EXC_INFO: return 1;
    case OP_POP_EXCEPT: return -1;
    case OP_RERAISE: return -1;
    case OP_RAISE_VARARGS: return -arg;
    case OP_CHECK_EXC_MATCH: return 0;
    case OP_CHECK_EG_MATCH: return 0;
    case OP_PREP_RERAISE_STAR: return -1;
    case OP_BEFORE_WITH: return 1;
    case OP_WITH_EXCEPT_START: return 1;
    case OP_YIELD_VALUE: return 0;
    case OP_GET_YIELD_FROM_ITER: return 0;
    case OP_GET_LEN: return 1;
    case OP_GET_AWAITABLE: case OP_GET_AITER: case OP_ASYNC_GEN_WRAP: return 0;
    case OP_GET_ANEXT: return 1;
    case OP_END_ASYNC_FOR: return -2;
    case OP_BEFORE_ASYNC_WITH: return 1;
    case OP_MATCH_MAPPING: case OP_MATCH_SEQUENCE: case OP_MATCH_KEYS: return 1;
    case OP_MATCH_CLASS: return -2;
    case OP_COPY_DICT_WITHOUT_KEYS: return 1;
    default: return 0;
    }
}
