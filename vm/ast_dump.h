/* vm/ast_dump.h: the tree dumper's extra entry point for tests.
 *
 * mpy__ast_dump (declared in vm/ast.h) prints ast.dump(tree); this adds
 * the include_attributes=True form, which also prints every node's
 * lineno, col_offset, end_lineno and end_col_offset, so the parser's
 * positions can be compared with CPython's.
 */
#ifndef MINIPY_VM_AST_DUMP_H
#define MINIPY_VM_AST_DUMP_H

#include <stdbool.h>

#include "vm/ast.h"

/* ast.dump(tree, include_attributes=attributes).
 * Returns: new str, or NULL + exception. */
MpyObject *mpy__ast_dump_ex(MpyAstMod *mod, bool attributes);

#endif
