/* tests/fuzz/fuzz_compile.c: libFuzzer target 1, the front end.
 *
 * Arbitrary bytes go through the tokenizer, the parser, the symbol table,
 * the compiler and the assembler, as `compile(data, "<fuzz>", mode)` would
 * send them (CPython's fuzz target "fuzz_builtin_compile" does the same).
 * The mode is "exec"; inputs that parse as one expression are compiled
 * in "eval" mode too, and short ones in "single" mode (the REPL's path).
 * Every input must end in a code object or a clean exception
 * (SyntaxError, IndentationError, MemoryError, RecursionError ...).
 */
#include "tests/fuzz/fuzz_util.h"

#include "runtime/str.h"
#include "vm/compiler.h"

static MpyObject *filename;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz_init_runtime();
    filename = mpy_str_from_cstr("<fuzz>");
    return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const char *src = (const char *)data;
    MpyObject *code = mpy_compile_source(src, size, filename, MPY_PARSE_FILE, NULL);
    fuzz_check_result(code, "compile(exec)");
    code = mpy_compile_source(src, size, filename, MPY_PARSE_EVAL, NULL);
    fuzz_check_result(code, "compile(eval)");
    if (size < 512) {
        int incomplete = 0;
        code = mpy_compile_source(src, size, filename, MPY_PARSE_SINGLE, &incomplete);
        fuzz_check_result(code, "compile(single)");
    }
    return 0;
}
