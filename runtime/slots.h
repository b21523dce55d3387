/* runtime/slots.h: the table that ties dunder methods to type slots.
 *
 * Models the slotdefs table of CPython's Objects/typeobject.c.  Each entry
 * says: the Python name (`__add__`), where its C slot lives in MpyType, the
 * generic *dispatcher* a class defined in Python puts in that slot (it looks
 * the dunder up and calls it), and the *wrapper* that lets Python code call
 * a built-in type's C slot (`int.__add__(1, 2)`).
 */
#ifndef MINIPY_RUNTIME_SLOTS_H
#define MINIPY_RUNTIME_SLOTS_H

#include "runtime/object.h"

struct MpySlotDef;

/* Calls C slot `wrapped` with `self` and Python arguments.
 * Returns: new reference or NULL. */
typedef MpyObject *(*MpySlotWrapperFunc)(MpyObject *self, MpyObject *const *args, size_t nargs,
                                         MpyObject *kwnames, void *wrapped,
                                         const struct MpySlotDef *slot);

typedef struct MpySlotDef {
    const char *name;
    size_t offset;            /* offsetof(MpyType, slot) */
    void *dispatcher;         /* what a Python-defined dunder installs in the slot */
    MpySlotWrapperFunc wrapper;
    int op;                   /* MPY_NB_* or MPY_LT.. where it matters */
    int reflected;            /* __radd__ and friends */
    const char *doc;
} MpySlotDef;

extern const MpySlotDef mpy__slotdefs[];

#endif
