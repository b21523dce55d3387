/* vm/compiler.h: from syntax tree to code object.
 *
 * Models CPython 3.11's Python/compile.c (+ symtable.c, the AST optimizer
 * and the assembler): a symbol table pass decides the scope of every name
 * (fast local, cell, free, global, or name lookup), then code generation
 * walks the tree emitting instructions into basic blocks with labels, and
 * the assembler lays them out, resolves jumps, computes the maximum stack
 * depth and block nesting, and builds the code object with one source
 * location per instruction.
 */
#ifndef MINIPY_VM_COMPILER_H
#define MINIPY_VM_COMPILER_H

#include "runtime/object.h"
#include "vm/ast.h"

/* Compile a parsed tree.  `mode` must match how it was parsed.
 * Returns: new code object, or NULL with SyntaxError (for errors only the
 * compiler finds: 'return' outside function, nonlocal at module level,
 * too many statically nested blocks ...) or MemoryError set. */
MpyObject *mpy__compile_ast(MpyAstMod *mod, MpyObject *filename, MpyParseMode mode,
                            MpyArena *arena);

/* Parse and compile UTF-8 source (the builtin compile(), exec and eval of
 * strings, the REPL, running a file).  See mpy__parse for `incomplete`.
 * Returns: new code object or NULL + exception. */
MpyObject *mpy_compile_source(const char *source, size_t len, MpyObject *filename,
                              MpyParseMode mode, int *incomplete);

/* The disassembly of a code object in the style of CPython's `dis`
 * (line numbers, offsets, jump targets marked >>, arguments resolved to
 * names and constants), followed by every nested code object when
 * `recursive`.  Returns: new str, or NULL + exception. */
MpyObject *mpy__disassemble(MpyObject *code, bool recursive);

#endif
