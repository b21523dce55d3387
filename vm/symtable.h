/* vm/symtable.h: the symbol table, the compiler's first pass.
 *
 * Models CPython 3.11's Python/symtable.c.  Before any code is generated,
 * the whole tree is walked once to build one MpySymtableEntry per scope
 * (the module, every class body, function, lambda and comprehension) and
 * to record, for each name used in a scope, how it is used (assigned,
 * read, a parameter, declared global or nonlocal, imported ...).  A second
 * step then decides where each name lives:
 *
 *   LOCAL            a fast local of a function (LOAD_FAST), or a name in
 *                    the locals dict of a module or class body (LOAD_NAME)
 *   GLOBAL_EXPLICIT  declared `global` (LOAD_GLOBAL)
 *   GLOBAL_IMPLICIT  never bound in any enclosing function (LOAD_GLOBAL in
 *                    functions, LOAD_NAME in module and class bodies)
 *   FREE             bound in an enclosing function (LOAD_DEREF through
 *                    the closure)
 *   CELL             a local that an inner function uses (LOAD_DEREF)
 *
 * Class bodies are special: their names are not visible to the functions
 * nested in them, and a method that uses `super` or `__class__` makes the
 * class body create an implicit `__class__` cell.  Comprehensions are
 * functions of their own (as in CPython 3.11) whose one parameter ".0" is
 * the iterator of the outermost `for`.
 *
 * The SyntaxErrors that only this pass can see (nonlocal without binding,
 * global after use, duplicate arguments, `yield` inside a comprehension,
 * misplaced `:=` ...) are raised with CPython's messages and positions.
 */
#ifndef MINIPY_VM_SYMTABLE_H
#define MINIPY_VM_SYMTABLE_H

#include <stdbool.h>

#include "runtime/object.h"
#include "vm/ast.h"

/* How a name is used in one scope (bits of the symbol's flags). */
enum {
    MPY_DEF_GLOBAL = 1 << 0,     /* `global` statement */
    MPY_DEF_LOCAL = 1 << 1,      /* assigned in this scope */
    MPY_DEF_PARAM = 1 << 2,      /* a parameter */
    MPY_DEF_NONLOCAL = 1 << 3,   /* `nonlocal` statement */
    MPY_USE = 1 << 4,            /* read */
    MPY_DEF_FREE = 1 << 5,       /* used but not bound in a nested scope */
    MPY_DEF_FREE_CLASS = 1 << 6, /* free in a method, bound in the class body */
    MPY_DEF_IMPORT = 1 << 7,     /* bound by an import */
    MPY_DEF_ANNOT = 1 << 8,      /* annotated (x: int) */
    MPY_DEF_COMP_ITER = 1 << 9,  /* a comprehension's iteration variable */
};
#define MPY_DEF_BOUND (MPY_DEF_LOCAL | MPY_DEF_PARAM | MPY_DEF_IMPORT)

/* Where a name lives, after analysis (stored in the flags above bit
 * MPY_SCOPE_OFFSET). */
enum {
    MPY_SCOPE_NONE = 0,
    MPY_SCOPE_LOCAL = 1,
    MPY_SCOPE_GLOBAL_EXPLICIT = 2,
    MPY_SCOPE_GLOBAL_IMPLICIT = 3,
    MPY_SCOPE_FREE = 4,
    MPY_SCOPE_CELL = 5,
};
#define MPY_SCOPE_OFFSET 12
#define MPY_SCOPE_MASK 0xF

typedef enum { MPY_BLOCK_FUNCTION, MPY_BLOCK_CLASS, MPY_BLOCK_MODULE } MpyBlockType;

/* Which kind of comprehension a function scope is (0: none). */
typedef enum {
    MPY_COMP_NONE = 0,
    MPY_COMP_LIST,
    MPY_COMP_SET,
    MPY_COMP_DICT,
    MPY_COMP_GENEXP,
} MpyComprehensionType;

/* Where a global/nonlocal declaration stood (for error positions). */
typedef struct MpyDirective {
    MpyObject *name; /* borrowed from the tree */
    MpyAstLoc loc;
} MpyDirective;

typedef struct MpySymtableEntry {
    MpyBlockType type;
    MpyObject *name;       /* owned str: "f", "top", "lambda", "listcomp" ... */
    const void *key;       /* the tree node that opened the scope */
    MpyObject *symbols;    /* owned dict: name -> tagged int flags */
    MpyObject *varnames;   /* owned list: parameter names, in order */
    MpyDirective *directives;
    int ndirectives, directives_cap;
    struct MpySymtableEntry **children; /* nested scopes, in source order */
    int nchildren, children_cap;
    MpyComprehensionType comprehension;
    int comp_iter_expr;        /* > 0 while visiting a comprehension's iterable */
    bool comp_iter_target;     /* visiting a comprehension's target */
    bool nested;               /* inside a function (a closure may be needed) */
    bool has_free;             /* has free variables */
    bool child_free;           /* some nested scope has free variables */
    bool generator;            /* contains yield */
    bool coroutine;            /* async def, await, async comprehension */
    bool varargs, varkeywords; /* has *args / **kwargs */
    bool returns_value;        /* `return x` somewhere in it */
    bool needs_class_closure;  /* class body that must create __class__ */
    MpyAstLoc loc;
} MpySymtableEntry;

/* One slot of the node -> entry map (open addressing on the pointer). */
typedef struct MpySymtableSlot {
    const void *key;
    MpySymtableEntry *ste;
} MpySymtableSlot;

/* The table; its fields are private to vm/symtable*.c. */
typedef struct MpySymtable {
    MpyObject *filename;          /* borrowed */
    MpySymtableEntry *top;        /* the module */
    MpySymtableEntry *cur;        /* the scope being visited */
    MpySymtableEntry **stack;     /* enclosing scopes, outermost first */
    int nstack, stack_cap;
    MpyObject *private_name;      /* borrowed: the class name used for mangling */
    MpySymtableSlot *map;                 /* every entry, by the node that opened it */
    size_t map_cap, map_used;
    int depth;                    /* recursion guard */
    bool failed;
} MpySymtable;

/* Build and analyse the symbol table of a whole tree.
 * Returns: a table to free with mpy__symtable_free, or NULL with
 * SyntaxError, RecursionError or MemoryError set. */
MpySymtable *mpy__symtable_build(MpyAstMod *mod, MpyObject *filename);
void mpy__symtable_free(MpySymtable *st);

/* The entry of the scope opened by tree node `key` (a statement,
 * lambda/comprehension expression, or the module).  Returns: borrowed
 * pointer, or NULL + SystemError if there is none. */
MpySymtableEntry *mpy__symtable_lookup(MpySymtable *st, const void *key);
/* The module's entry.  Returns: borrowed pointer. */
MpySymtableEntry *mpy__symtable_top(MpySymtable *st);

/* The flags of `name` in `ste` (0 when the name does not occur there).
 * Cannot fail. */
long mpy__symtable_flags(MpySymtableEntry *ste, MpyObject *name);
/* The MPY_SCOPE_* of `name` in `ste` (MPY_SCOPE_NONE if unknown). */
static inline int mpy__symtable_scope(MpySymtableEntry *ste, MpyObject *name)
{
    return (int)((mpy__symtable_flags(ste, name) >> MPY_SCOPE_OFFSET) & MPY_SCOPE_MASK);
}

/* The analysis step (vm/symtable_analyze.c): decide every name's scope.
 * Returns 0, or -1 with SyntaxError/MemoryError set (st->failed). */
int mpy__symtable_analyze(MpySymtable *st);

/* Private name mangling: inside class `private_name`, `__x` becomes
 * `_Class__x` (not dunder names, not dotted names).  `private_name` may be
 * NULL.  Returns: new reference (an interned str), or NULL + exception. */
MpyObject *mpy__symtable_mangle(MpyObject *private_name, MpyObject *name);

#endif
