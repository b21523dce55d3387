/* include/minipy.h: the embedding API of minipy, the one header a host
 * program includes.
 *
 * Models CPython's Include/Python.h as seen by an embedding application.
 * Everything here is public and stable; nothing under vm/, runtime/ or gil/
 * is reachable from it.  Objects are opaque: a host holds `MpyObject *`
 * pointers and uses the functions below, never the fields.
 *
 * The smallest complete host (docs/embedding.md explains it):
 *
 *     #include <minipy.h>
 *
 *     int main(void)
 *     {
 *         if (mpy_runtime_init(NULL) < 0)
 *             return 1;
 *         MpyObject *r = mpy_run_string("print('hello from minipy')", MPY_MODE_EXEC, NULL);
 *         int ok = r != NULL;
 *         if (!ok)
 *             mpy_err_report();   // prints the traceback
 *         MPY_XDECREF(r);         // we own the result (None): give it back
 *         return mpy_runtime_fini() < 0 || !ok;
 *     }
 *
 * Build it with `cc host.c $(pkg-config --cflags --libs minipy)`.
 *
 * Naming: every public function is `mpy_<area>_<verb>`; the areas are the
 * headers below.  The core's own cross-file functions use the same prefix
 * (mpy_list_append ...) but are not part of this API: they trust their
 * arguments, while every function here checks its arguments, so that a bad
 * argument returns an error with an exception set instead of crashing.
 *
 * Every declaration states its contract with three keys:
 *   Returns  what comes back, including what failure looks like;
 *   Refs     which object references are borrowed, and which are taken;
 *   Threads  from which threads it may be called (if not said: the calling
 *            thread must be attached, see minipy/threads.h).
 *
 * Calling any function (other than those in minipy/runtime.h that say so)
 * before mpy_runtime_init, or from a thread that is not attached, prints a
 * message to stderr and returns the function's error value.
 */
#ifndef MINIPY_INCLUDE_MINIPY_H
#define MINIPY_INCLUDE_MINIPY_H

#include "minipy/config.h"
#include "minipy/object.h"
#include "minipy/values.h"
#include "minipy/errors.h"
#include "minipy/runtime.h"
#include "minipy/module.h"
#include "minipy/threads.h"

#endif
