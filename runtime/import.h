/* runtime/import.h: the import system.
 *
 * Models CPython's Python/import.c and the path finder of importlib,
 * without importlib: `import x.y` looks in sys.modules, then the built-in
 * C modules (runtime/modules.def), then the modules written in Python and
 * frozen into the binary (runtime/frozen.def), then the directories of
 * sys.path (x/y.py, or the package x/y/__init__.py).
 */
#ifndef MINIPY_RUNTIME_IMPORT_H
#define MINIPY_RUNTIME_IMPORT_H

#include "runtime/object.h"

/* The import statement: __import__(name, globals, None, fromlist, level).
 * Returns: new reference (the top package, or the module itself when
 * fromlist is non-empty), or NULL with ImportError/ModuleNotFoundError. */
MpyObject *mpy_import_module_level(MpyObject *name, MpyObject *globals, MpyObject *fromlist,
                                   int level);
/* importlib.import_module(name) for an absolute dotted name.
 * Returns: new reference to the module itself, or NULL. */
MpyObject *mpy_import_module(MpyObject *name);
MpyObject *mpy_import_module_cstr(const char *name);
/* builtins.__import__ (a METH_FASTCALL function). */
MpyObject *mpy__builtin_import(MpyObject *self, MpyObject *const *args, size_t nargs,
                               MpyObject *kwnames);
/* Run `source` (UTF-8) as the body of module `module`, with __file__ =
 * filename.  Returns 0 / -1. */
int mpy_import_exec_source(MpyObject *module, const char *source, size_t len, MpyObject *filename);

/* Per-module import locks (runtime/import_lock.c).  Is another thread
 * still running `name`'s body? */
bool mpy__import_busy_elsewhere(MpyObject *name);
/* Wait until no other thread is loading `name`, then mark it as loaded by
 * us.  Returns 1 (call mpy__import_release when done), 0 (a cycle between
 * threads: use the partial module, do not release), -1 (MemoryError). */
int mpy__import_acquire(MpyObject *name);
void mpy__import_release(MpyObject *name);
void mpy__import_lock_after_fork(void);

/* A module frozen into the binary: its name and Python source. */
typedef struct MpyFrozenModule {
    const char *name;
    const char *source;   /* NUL-terminated */
    int is_package;
} MpyFrozenModule;
const MpyFrozenModule *mpy__find_frozen_module(const char *name);

#endif
