/* runtime/init.h: bringing the runtime up and down.
 *
 * Models CPython's Python/pylifecycle.c.  mpy_initialize() readies every
 * built-in type (runtime/types.def), interns the common names, creates the
 * builtins and sys modules and the main thread's state, and takes the GIL;
 * mpy_finalize() undoes all of it, so the pair can run several times in one
 * process (the embedding API and the unit tests rely on that).
 */
#ifndef MINIPY_RUNTIME_INIT_H
#define MINIPY_RUNTIME_INIT_H

#include <stdbool.h>

/* Returns 0, or -1 after printing why to stderr. */
int mpy_initialize(void);
void mpy_finalize(void);
bool mpy_is_initialized(void);

/* Per-area hooks called by mpy_initialize / mpy_finalize, in this order. */
int mpy__int_init(void);    /* runtime/int.c: True/False, GMP memory functions */
void mpy__int_fini(void);
int mpy__type_init(void);   /* runtime/type.c: ready every type in types.def */
void mpy__type_fini(void);

/* Call fn on every static type of runtime/types.def (the free-threaded
 * build immortalizes their attributes when a second thread starts). */
struct MpyType;
void mpy__for_each_static_type(void (*fn)(struct MpyType *type));

#endif
