/* runtime/run.h: running a program as __main__ and turning its outcome
 * into an exit status.
 *
 * Models CPython's Python/pythonrun.c (PyRun_*) and the exit-status rules
 * of Modules/main.c: SystemExit(None) -> 0, SystemExit(n) -> n,
 * SystemExit(other) -> print it, 1; any other uncaught exception -> its
 * traceback on stderr, 1; KeyboardInterrupt -> traceback, then die by
 * SIGINT as CPython does.
 */
#ifndef MINIPY_RUNTIME_RUN_H
#define MINIPY_RUNTIME_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "runtime/object.h"

/* Run UTF-8 `source` as module __main__ (filename shown in tracebacks).
 * With `disassemble`, print the bytecode instead of running it.
 * Returns: the process exit status. */
int mpy_run_main_source(const char *source, size_t len, const char *filename, bool disassemble);
/* Read and run a script file.  Returns the exit status (2 if it cannot be
 * opened, with CPython's message). */
int mpy_run_main_file(const char *path, bool disassemble);
/* Handle the current exception as an uncaught one at top level.
 * Returns: the exit status it implies. */
int mpy_handle_uncaught(void);
/* Give __main__'s namespace the empty __annotations__ dict CPython starts
 * it with (kept if present).  Returns: 0, or -1 with an exception. */
int mpy__main_add_annotations(MpyObject *dict);
/* Run `name` as a module (-m).  Returns the exit status. */
int mpy_run_module(const char *name);

#endif
