/* runtime/set.h: Python set and frozenset.
 *
 * Models CPython's Objects/setobject.c *exactly* in its table layout
 * (linear probing of LINEAR_PROBES slots, then perturbation; the same
 * growth policy), so that a set of ints or of strings iterates in the same
 * order as in CPython (with PYTHONHASHSEED=0 for strings): learners print
 * sets, and `{3, 1, 2}` must print `{1, 2, 3}` here too.
 */
#ifndef MINIPY_RUNTIME_SET_H
#define MINIPY_RUNTIME_SET_H

#include "runtime/object.h"

typedef struct MpySetEntry {
    MpyObject *key;   /* NULL: empty; mpy__set_dummy: deleted */
    MpyHash hash;
} MpySetEntry;

#define MPY_SET_MINSIZE 8

typedef struct MpySetObject {
    MpyObject ob_base;
    ptrdiff_t fill;     /* active + dummy */
    ptrdiff_t used;     /* active */
    ptrdiff_t mask;     /* table size - 1 */
    MpySetEntry *table; /* points at smalltable or a malloc'd table */
    MpyHash hash;       /* frozenset only; -1 until computed */
    ptrdiff_t finger;   /* pop() search start */
    MpySetEntry smalltable[MPY_SET_MINSIZE];
} MpySetObject;

extern MpyType mpy_set_type;
extern MpyType mpy_frozenset_type;

bool mpy_set_check(const MpyObject *o);        /* set or frozenset or subclass */
bool mpy_frozenset_check(const MpyObject *o);

/* Returns: new empty set, or set(iterable) when iterable != NULL. */
MpyObject *mpy_set_new(MpyObject *iterable);
MpyObject *mpy_frozenset_new(MpyObject *iterable);
/* Returns 0 / -1 (TypeError for unhashable keys). */
int mpy_set_add(MpyObject *s, MpyObject *key);
/* Returns 1 if found, 0 if not, -1 on error. */
int mpy_set_contains(MpyObject *s, MpyObject *key);
/* Returns 1 if removed, 0 if absent, -1 on error. */
int mpy_set_discard(MpyObject *s, MpyObject *key);
ptrdiff_t mpy_set_size(MpyObject *s);
/* Iterate: *pos starts at 0; stores a borrowed key. */
bool mpy_set_next(MpyObject *s, ptrdiff_t *pos, MpyObject **key);
/* s |= iterable.  Returns 0 / -1. */
int mpy_set_update(MpyObject *s, MpyObject *iterable);

#endif
