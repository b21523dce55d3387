/* runtime/embed.h: what the files of the embedding API share
 * (runtime/embed*.c), and the hooks other parts of the core call.
 *
 * The public API is declared in include/minipy.h and implemented as thin,
 * argument-checking wrappers over the core in:
 *   runtime/embed.c          life cycle, running code, import, globals
 *   runtime/embed_convert.c  C values <-> objects, containers, attributes, calls
 *   runtime/embed_error.c    raising and inspecting exceptions
 *   runtime/embed_module.c   modules written by the host in C
 *   runtime/embed_output.c   sys.stdout / sys.stderr into C callbacks
 *   runtime/embed_threads.c  foreign threads, the GIL state API
 *
 * Include order: this header pulls in the core's runtime/object.h and
 * gil/gil.h *before* include/minipy.h, so that the core's own MPY_INCREF
 * and MPY_BEGIN_ALLOW_THREADS are the ones defined in these files (the
 * public header defines its versions only when the core's are absent).
 */
#ifndef MINIPY_RUNTIME_EMBED_H
#define MINIPY_RUNTIME_EMBED_H

#include <stdbool.h>

#include "gil/gil.h"
#include "gil/tstate.h"
#include "runtime/module.h"
#include "runtime/object.h"

#include "include/minipy.h"

/* The check at the top of every public function: the runtime is running
 * and the calling thread is attached.  If not, prints
 * "minipy: FUNC() called ..." to stderr (there is no thread state to hold
 * an exception) and returns false: the caller returns its error value. */
bool mpy__embed_enter(const char *func);

/* Raise SystemError "FUNC(): argument 'PARAM' is NULL".  Returns NULL. */
MpyObject *mpy__embed_null_arg(const char *func, const char *param);

/* Is the calling thread attached (holds the GIL, or runs without it in
 * the free-threaded build)? */
bool mpy__embed_attached(void);

/* ---- host modules (runtime/embed_module.c) ---- */

/* The definition of host module `name`, for the import system's lookup of
 * built-in modules (runtime/module.c's mpy__find_builtin_module should
 * call it after its own table; until it does, registered modules are
 * created eagerly and put in sys.modules, see embed_module.c).
 * Returns: the definition, or NULL when no host module has that name.
 * Threads: any attached thread. */
const MpyModuleDef *mpy__embed_find_module(const char *name);

/* mpy_runtime_init: make the modules registered so far importable.
 * Returns 0 / -1 with an exception set. */
int mpy__embed_modules_start(void);

/* mpy_runtime_fini: forget the per-interpreter state (the GIL warning). */
void mpy__embed_modules_stop(void);

/* Turn the GIL on for good (free-threaded build), for a module that did
 * not declare gil_not_used.  gil/gil.c is to provide it; until it does,
 * embed_threads.c defines a weak stand-in that does nothing (the GIL is
 * still always on in minipyt). */
void mpy__gil_enable_permanently(void);

#endif
