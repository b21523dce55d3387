/* runtime/sysmodule.h: the sys and builtins modules' definitions and the
 * standard streams.
 *
 * Models CPython's Python/sysmodule.c and Python/bltinmodule.c entry
 * points used by the start-up code (runtime/init.c).
 */
#ifndef MINIPY_RUNTIME_SYSMODULE_H
#define MINIPY_RUNTIME_SYSMODULE_H

#include "runtime/module.h"

extern const MpyModuleDef mpy__builtins_module_def;
extern const MpyModuleDef mpy__sys_module_def;

/* Create sys.stdin/stdout/stderr (and their __std*__ twins).
 * Returns 0 / -1. */
int mpy__sys_init_streams(void);
/* Flush sys.stdout and sys.stderr; errors are reported, not raised
 * (BrokenPipeError at exit is silenced as CPython does).  Returns 0 if
 * all went well, -1 if stdout could not be flushed. */
int mpy__sys_flush_streams(void);
/* Fill sys.argv, sys.path[0] ... from the command line (runtime/main.c).
 * `script` is the script path, "-c", "-" or "" (REPL).  Returns 0 / -1. */
int mpy__sys_set_argv(int argc, char **argv, const char *path0);
/* sys.flags, sys.orig_argv and the -X options dict.  Returns 0 / -1. */
int mpy__sys_set_config(int orig_argc, char **orig_argv);

#endif
