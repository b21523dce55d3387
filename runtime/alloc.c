/* runtime/alloc.c: memory for objects.
 *
 * Models CPython's Objects/obmalloc.c entry points (without its pool
 * allocator: we use the C library's malloc, whose per-thread arenas already
 * serve the free-threaded build; hot types keep their own free lists).
 * Container objects get an MpyGCHead in front (runtime/gc.h).
 */
#include "runtime/object.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/gc.h"

bool mpy_object_is_gc(MpyObject *o)
{
    MpyType *type = MPY_TYPE(o);
    if (!mpy_type_has_flag(type, MPY_TPFLAGS_HAVE_GC))
        return false;
    return type->is_gc == NULL || type->is_gc(o);
}

/* Bytes allocated in front of an object of `type`: the managed __dict__
 * slot (16 bytes, at the very start) and the GC header (32 bytes, right
 * before the object).  Both sizes keep objects 16-byte aligned like malloc. */
#define MANAGED_DICT_SLOT 16
static size_t prefix_of(const MpyType *type)
{
    size_t prefix = 0;
    if (mpy_type_has_flag(type, MPY_TPFLAGS_HAVE_GC))
        prefix += sizeof(MpyGCHead);
    if (mpy_type_has_flag(type, MPY_TPFLAGS_MANAGED_DICT))
        prefix += MANAGED_DICT_SLOT;
    return prefix;
}

MpyObject **mpy__managed_dict_ptr(MpyObject *o)
{
    return (MpyObject **)((char *)o - prefix_of(o->ob_type));
}

MpyObject *mpy_object_alloc_var(MpyType *type, size_t nitems)
{
    size_t size = type->basicsize;
    if (nitems != 0) {
        if (type->itemsize != 0 && nitems > (SIZE_MAX / 2 - size) / type->itemsize)
            return mpy_err_no_memory();
        size += nitems * type->itemsize;
    }
    size_t prefix = prefix_of(type);
    char *mem = calloc(1, prefix + size);
    if (mem == NULL)
        return mpy_err_no_memory();
    MpyObject *o = (MpyObject *)(mem + prefix);
    mpy__refcnt_init(o);
    o->ob_type = type;
    if (mpy_type_has_flag(type, MPY_TPFLAGS_HEAPTYPE))
        MPY_INCREF(type);
    return o;
}

MpyObject *mpy_object_alloc(MpyType *type)
{
    return mpy_object_alloc_var(type, 0);
}

void mpy_object_free(MpyObject *o)
{
    MpyType *type = o->ob_type;
    if (mpy_object_is_gc(o) && mpy__gc_head(o)->next != NULL)
        mpy_gc_untrack(o);
    free((char *)o - prefix_of(type));
    if (mpy_type_has_flag(type, MPY_TPFLAGS_HEAPTYPE))
        MPY_DECREF(type);
}

void *mpy_mem_alloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (p == NULL)
        mpy_err_no_memory();
    return p;
}

void *mpy_mem_calloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (p == NULL)
        mpy_err_no_memory();
    return p;
}

void *mpy_mem_realloc(void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);
    if (q == NULL)
        mpy_err_no_memory();
    return q;
}

void mpy_mem_free(void *p)
{
    free(p);
}
