/* runtime/mod_itertools.h: what the two halves of the itertools module
 * share (runtime/mod_itertools.c: the simple iterators;
 * runtime/mod_itertools_comb.c: groupby, tee and the combinatoric ones).
 */
#ifndef MINIPY_RUNTIME_MOD_ITERTOOLS_H
#define MINIPY_RUNTIME_MOD_ITERTOOLS_H

#include "gil/critical.h"
#include "runtime/object.h"

/* Every itertools object starts with its object fields, right after the
 * header, so one pair of helpers can release and visit them: `nrefs` is
 * how many MpyObject * fields follow ob_base (NULL fields are skipped). */
void mpy__itertools_dealloc_refs(MpyObject *self, int nrefs);
int mpy__itertools_traverse_refs(MpyObject *self, int nrefs, MpyVisitFunc visit, void *arg);

/* "name expected N arguments, got M" and "name() takes no keyword
 * arguments", the checks of CPython's itertools constructors.
 * Returns 0, or -1 with TypeError set. */
int mpy__itertools_check_args(const char *name, size_t nargs, MpyObject *kwnames, size_t min,
                              size_t max);

/* tp_iter of every itertools object. */
MpyObject *mpy__itertools_self_iter(MpyObject *self);

/* The types of runtime/mod_itertools_comb.c. */
extern MpyType mpy_itertools_groupby_type;
extern MpyType mpy_itertools_grouper_type;
extern MpyType mpy_itertools_tee_type;
extern MpyType mpy_itertools_teedata_type;
extern MpyType mpy_itertools_product_type;
extern MpyType mpy_itertools_permutations_type;
extern MpyType mpy_itertools_combinations_type;
extern MpyType mpy_itertools_cwr_type;

/* itertools.tee(iterable, n=2), a METH_FASTCALL module function. */
MpyObject *mpy__itertools_tee(MpyObject *module, MpyObject *const *args, size_t nargs,
                              MpyObject *kwnames);


/* Free-threaded build: an iterator shared by threads (typically one
 * count() handing out ids) must not corrupt itself, so next() runs in a
 * critical section on the iterator, as in CPython 3.13t.  The GIL build
 * uses the plain function. */
#if MPY_FREE_THREADED
#define ITERTOOLS_LOCKED_NEXT(fn)                                                           \
    static MpyObject *fn##_locked(MpyObject *self)                                          \
    {                                                                                       \
        MpyObject *r;                                                                       \
        MPY_BEGIN_CRITICAL(self);                                                           \
        r = fn(self);                                                                       \
        MPY_END_CRITICAL();                                                                 \
        return r;                                                                           \
    }
#define ITERTOOLS_NEXT(fn) fn##_locked
#else
#define ITERTOOLS_LOCKED_NEXT(fn)
#define ITERTOOLS_NEXT(fn) fn
#endif

#endif
