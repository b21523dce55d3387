/* include/minipy/config.h: every compile-time switch of minipy, in one place.
 *
 * Each switch is 0 or 1 and is tested with `#if`, never `#ifdef`: the build
 * uses -Wundef, so a misspelled switch is a compile error instead of a silent
 * "false".  The Makefile sets the first two from its own variables
 * (FREETHREADED=1, COMPUTED_GOTO=0/1, `make debug`); the defaults below are
 * what you get when compiling a file by hand.
 */
#ifndef MINIPY_INCLUDE_MINIPY_CONFIG_H
#define MINIPY_INCLUDE_MINIPY_CONFIG_H

/* 1: the free-threaded build (build/minipyt, like python3.13t): no GIL by
 * default, thread-safe reference counts and per-object locks.
 * 0: the default GIL build (build/minipy), which pays nothing for threads. */
#ifndef MPY_FREE_THREADED
#define MPY_FREE_THREADED 0
#endif

/* 1: the eval loop dispatches with computed gotos (GCC/clang "labels as
 * values"); 0: a plain switch.  Both compile from the same opcode bodies. */
#ifndef MPY_COMPUTED_GOTO
#if defined(__GNUC__) || defined(__clang__)
#define MPY_COMPUTED_GOTO 1
#else
#define MPY_COMPUTED_GOTO 0
#endif
#endif

/* 1: internal assertions (MPY_ASSERT) are compiled in (`make debug`). */
#ifndef MPY_DEBUG
#define MPY_DEBUG 0
#endif

/* The version minipy reports (sys.version_info, -V) is the CPython version
 * whose behaviour it follows; minipy's own release number is separate. */
#define MPY_PYTHON_MAJOR 3
#define MPY_PYTHON_MINOR 11
#define MPY_PYTHON_MICRO 7
#define MPY_VERSION_STRING "0.1.0"

/* Default limits, all changeable at run time where Python allows it. */
#define MPY_DEFAULT_RECURSION_LIMIT 1000   /* sys.setrecursionlimit */
#define MPY_DEFAULT_SWITCH_INTERVAL_US 5000 /* sys.setswitchinterval, 5 ms */
#define MPY_MAX_BLOCK_DEPTH 20             /* nested try/with/for per function */

#endif
