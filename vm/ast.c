/* vm/ast.c: the arena that holds a syntax tree, and AST sequences.
 *
 * Models CPython's Python/pyarena.c.  A tree is made of many small nodes
 * that all die together when compilation ends, so they are carved out of
 * big blocks (a pointer bump per node, one free per block) instead of
 * being malloc'd one by one.  The Python objects the tree refers to
 * (identifiers, constants) are listed in the arena, which drops its
 * reference to each when it is freed.
 */
#include "vm/ast.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/error.h"

#define BLOCK_SIZE (64 * 1024)
#define ALIGN 16

typedef struct ArenaBlock {
    struct ArenaBlock *next;
    size_t used, size;
    _Alignas(ALIGN) unsigned char data[];
} ArenaBlock;

struct MpyArena {
    ArenaBlock *head;     /* the block being filled; older ones follow */
    MpyObject **objects;  /* owned references */
    size_t nobjects, objects_cap;
};

static ArenaBlock *
block_new(size_t size)
{
    ArenaBlock *b = malloc(sizeof(ArenaBlock) + size);
    if (b == NULL)
        return NULL;
    b->next = NULL;
    b->used = 0;
    b->size = size;
    return b;
}

MpyArena *
mpy__arena_new(void)
{
    MpyArena *arena = calloc(1, sizeof *arena);
    if (arena == NULL || (arena->head = block_new(BLOCK_SIZE)) == NULL) {
        free(arena);
        mpy_err_no_memory();
        return NULL;
    }
    return arena;
}

void
mpy__arena_free(MpyArena *arena)
{
    if (arena == NULL)
        return;
    for (ArenaBlock *b = arena->head; b != NULL;) {
        ArenaBlock *next = b->next;
        free(b);
        b = next;
    }
    for (size_t i = 0; i < arena->nobjects; i++)
        MPY_DECREF(arena->objects[i]);
    free(arena->objects);
    free(arena);
}

void *
mpy__arena_alloc(MpyArena *arena, size_t size)
{
    size = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    ArenaBlock *b = arena->head;
    if (b->size - b->used < size) {
        // A request bigger than a block gets a block of its own, put
        // behind the current one so the current one keeps filling.
        bool big = size > BLOCK_SIZE / 4;
        ArenaBlock *nb = block_new(big ? size : BLOCK_SIZE);
        if (nb == NULL) {
            mpy_err_no_memory();
            return NULL;
        }
        if (big) {
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            arena->head = nb;
        }
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

int
mpy__arena_add(MpyArena *arena, MpyObject *o)
{
    if (arena->nobjects == arena->objects_cap) {
        size_t cap = arena->objects_cap ? 2 * arena->objects_cap : 64;
        MpyObject **objs = realloc(arena->objects, cap * sizeof *objs);
        if (objs == NULL) {
            MPY_DECREF(o);
            mpy_err_no_memory();
            return -1;
        }
        arena->objects = objs;
        arena->objects_cap = cap;
    }
    arena->objects[arena->nobjects++] = o;
    return 0;
}

MpyAstSeq *
mpy__ast_seq_new(MpyArena *arena, ptrdiff_t n)
{
    MpyAstSeq *s = mpy__arena_alloc(arena, sizeof(MpyAstSeq) + (size_t)n * sizeof(void *));
    if (s != NULL)
        s->size = n;
    return s;
}

MpyAstIntSeq *
mpy__ast_intseq_new(MpyArena *arena, ptrdiff_t n)
{
    MpyAstIntSeq *s = mpy__arena_alloc(arena, sizeof(MpyAstIntSeq) + (size_t)n * sizeof(int));
    if (s != NULL)
        s->size = n;
    return s;
}
