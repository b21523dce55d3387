/* vm/code.c: code objects, the immutable output of the compiler.
 *
 * Models CPython's Objects/codeobject.c.  A code object owns copies of its
 * instruction words and of its location table (one MpyCodeLocation per
 * instruction: CPython compresses its table, we keep it plain so a
 * traceback finds the position of instruction i with one index), plus
 * references to its constants and names.  The Python-visible attributes
 * are those of CPython (co_name, co_consts, co_code ...), with co_code
 * holding the 32-bit instruction words as little-endian bytes.
 *
 * Code objects are not GC-tracked: they only refer to constants (str,
 * numbers, tuples of constants, other code objects), which never lead
 * back to them.
 */
#include "vm/code.h"

#include <string.h>

#include "runtime/bytes.h"
#include "runtime/error.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/frame.h"

/* A malloc'd copy of `n` items of `size` bytes (NULL when n == 0).
 * Returns 0, or -1 with MemoryError set. */
static int copy_array(void **out, const void *src, size_t n, size_t size)
{
    *out = NULL;
    if (n == 0 || src == NULL)
        return 0;
    *out = mpy_mem_alloc(n * size);
    if (*out == NULL)
        return -1;
    memcpy(*out, src, n * size);
    return 0;
}

MpyObject *mpy_code_new(const MpyCodeSpec *spec)
{
    MpyCodeObject *co = (MpyCodeObject *)mpy_object_alloc(&mpy_code_type);
    if (co == NULL)
        return NULL;
    co->ncellvars = (int)mpy_tuple_size(spec->cellvars);
    co->nfreevars = (int)mpy_tuple_size(spec->freevars);
    if (copy_array((void **)&co->instrs, spec->instrs, (size_t)spec->ninstrs,
                   sizeof(MpyInstr)) < 0 ||
        copy_array((void **)&co->locations, spec->locations, (size_t)spec->ninstrs,
                   sizeof(MpyCodeLocation)) < 0 ||
        copy_array((void **)&co->cell2arg, spec->cell2arg, (size_t)co->ncellvars,
                   sizeof(int32_t)) < 0) {
        MPY_DECREF(co);
        return NULL;
    }
    co->ninstrs = spec->ninstrs;
    co->consts = MPY_NEWREF(spec->consts);
    co->names = MPY_NEWREF(spec->names);
    co->varnames = MPY_NEWREF(spec->varnames);
    co->cellvars = MPY_NEWREF(spec->cellvars);
    co->freevars = MPY_NEWREF(spec->freevars);
    co->filename = MPY_NEWREF(spec->filename);
    co->name = MPY_NEWREF(spec->name);
    co->qualname = MPY_NEWREF(spec->qualname);
    co->argcount = spec->argcount;
    co->posonlyargcount = spec->posonlyargcount;
    co->kwonlyargcount = spec->kwonlyargcount;
    co->nlocals = (int)mpy_tuple_size(spec->varnames);
    co->nlocalsplus = co->nlocals + co->ncellvars + co->nfreevars;
    co->stacksize = spec->stacksize;
    co->maxblocks = spec->maxblocks;
    co->flags = spec->flags;
    co->firstlineno = spec->firstlineno;
    for (ptrdiff_t i = 0; i < co->ninstrs; i++)
        co->ncaches += mpy_opcode_has_cache(MPY_INSTR_OP(co->instrs[i]));
    co->framesize = (mpy_frame_size(co) + 15) & ~(size_t)15;
    return (MpyObject *)co;
}

int mpy_code_line_of(MpyCodeObject *code, ptrdiff_t i)
{
    if (i < 0 || i >= code->ninstrs || code->locations == NULL)
        return -1;
    return code->locations[i].line;
}

MpyInstr mpy_code_original_instr(MpyCodeObject *code, ptrdiff_t i)
{
    MpyInstr w = code->instrs[i];
    int op = MPY_INSTR_OP(w), base = mpy_opcode_base[op];
    if (op == base)
        return w;
    // A specialised form of a cached instruction has its cache index as
    // argument; the original argument is in the entry.
    int arg = mpy_opcode_has_cache(base) ? (int)code->caches[MPY_INSTR_ARG(w)].oparg
                                         : MPY_INSTR_ARG(w);
    return MPY_INSTR_MAKE(base, arg);
}

static void code_dealloc(MpyObject *self)
{
    MpyCodeObject *co = (MpyCodeObject *)self;
    mpy_mem_free(co->instrs);
    mpy_mem_free(co->locations);
    mpy_mem_free(co->cell2arg);
    mpy_mem_free(co->caches);
    MPY_XDECREF(co->consts);
    MPY_XDECREF(co->names);
    MPY_XDECREF(co->varnames);
    MPY_XDECREF(co->cellvars);
    MPY_XDECREF(co->freevars);
    MPY_XDECREF(co->filename);
    MPY_XDECREF(co->name);
    MPY_XDECREF(co->qualname);
    mpy_object_free(self);
}

/* <code object f at 0x7f.., file "x.py", line 3> */
static MpyObject *code_repr(MpyObject *self)
{
    MpyCodeObject *co = (MpyCodeObject *)self;
    return mpy_str_from_format("<code object %U at %p, file \"%U\", line %d>", co->name,
                               (void *)co, co->filename, co->firstlineno);
}

/* co_code: the instruction words as little-endian bytes. */
static MpyObject *code_get_code(MpyObject *self, void *closure)
{
    MpyCodeObject *co = (MpyCodeObject *)self;
    size_t n = (size_t)co->ninstrs * 4;
    unsigned char *buf = mpy_mem_alloc(n ? n : 1);
    if (buf == NULL)
        return NULL;
    for (ptrdiff_t i = 0; i < co->ninstrs; i++) {
        MpyInstr w = mpy_code_original_instr(co, i);
        for (int b = 0; b < 4; b++)
            buf[i * 4 + b] = (unsigned char)(w >> (8 * b));
    }
    MpyObject *bytes = mpy_bytes_from((const char *)buf, n);
    mpy_mem_free(buf);
    return bytes;
}

/* A location field as Python sees it: None when unknown (-1). */
static MpyObject *int_or_none(int v)
{
    return v < 0 ? MPY_RETURN_NONE : mpy_small_int(v);
}

/* co_lines(): an iterator of (start, end, line) byte ranges, one per run
 * of instructions on the same line, as CPython's. */
static MpyObject *code_co_lines(MpyObject *self, MpyObject *const *args, size_t nargs,
                                MpyObject *kwnames)
{
    MpyCodeObject *co = (MpyCodeObject *)self;
    MpyObject *list = mpy_list_new(0);
    if (list == NULL)
        return NULL;
    ptrdiff_t start = 0;
    for (ptrdiff_t i = 1; i <= co->ninstrs; i++) {
        if (i < co->ninstrs && co->locations[i].line == co->locations[start].line)
            continue;
        MpyObject *item = mpy_tuple_new(3);
        if (item == NULL) {
            MPY_DECREF(list);
            return NULL;
        }
        mpy_tuple_init_take(item, 0, mpy_small_int(start * 4));
        mpy_tuple_init_take(item, 1, mpy_small_int(i * 4));
        mpy_tuple_init_take(item, 2, int_or_none(co->locations[start].line));
        if (mpy_list_append_take(list, item) < 0) {
            MPY_DECREF(list);
            return NULL;
        }
        start = i;
    }
    MpyObject *it = mpy_object_get_iter(list);
    MPY_DECREF(list);
    return it;
}

/* co_positions(): an iterator of (line, end_line, col, end_col) per
 * instruction. */
static MpyObject *code_co_positions(MpyObject *self, MpyObject *const *args, size_t nargs,
                                    MpyObject *kwnames)
{
    MpyCodeObject *co = (MpyCodeObject *)self;
    MpyObject *list = mpy_list_new(0);
    if (list == NULL)
        return NULL;
    for (ptrdiff_t i = 0; i < co->ninstrs; i++) {
        const MpyCodeLocation *loc = &co->locations[i];
        MpyObject *item = mpy_tuple_new(4);
        if (item == NULL) {
            MPY_DECREF(list);
            return NULL;
        }
        mpy_tuple_init_take(item, 0, int_or_none(loc->line));
        mpy_tuple_init_take(item, 1, int_or_none(loc->end_line));
        mpy_tuple_init_take(item, 2, int_or_none(loc->col));
        mpy_tuple_init_take(item, 3, int_or_none(loc->end_col));
        if (mpy_list_append_take(list, item) < 0) {
            MPY_DECREF(list);
            return NULL;
        }
    }
    MpyObject *it = mpy_object_get_iter(list);
    MPY_DECREF(list);
    return it;
}

static const MpyMethodDef code_methods[] = {
    {"co_lines", code_co_lines, MPY_METH_NOARGS, "Iterator of (start, end, line) ranges."},
    {"co_positions", code_co_positions, MPY_METH_NOARGS,
     "Iterator of (line, end_line, col, end_col) per instruction."},
    {NULL},
};

#define CODE_OBJ(name, field) \
    {name, MPY_MEMBER_OBJECT, offsetof(MpyCodeObject, field), MPY_MEMBER_READONLY, NULL}
#define CODE_INT(name, field) \
    {name, MPY_MEMBER_INT, offsetof(MpyCodeObject, field), MPY_MEMBER_READONLY, NULL}
static const MpyMemberDef code_members[] = {
    CODE_OBJ("co_name", name),
    CODE_OBJ("co_qualname", qualname),
    CODE_OBJ("co_filename", filename),
    CODE_OBJ("co_consts", consts),
    CODE_OBJ("co_names", names),
    CODE_OBJ("co_varnames", varnames),
    CODE_OBJ("co_cellvars", cellvars),
    CODE_OBJ("co_freevars", freevars),
    CODE_INT("co_firstlineno", firstlineno),
    CODE_INT("co_argcount", argcount),
    CODE_INT("co_posonlyargcount", posonlyargcount),
    CODE_INT("co_kwonlyargcount", kwonlyargcount),
    CODE_INT("co_nlocals", nlocals),
    CODE_INT("co_flags", flags),
    CODE_INT("co_stacksize", stacksize),
    {NULL},
};
#undef CODE_OBJ
#undef CODE_INT

static const MpyGetSetDef code_getset[] = {
    {"co_code", code_get_code, NULL, "The instruction words as bytes.", NULL},
    {NULL},
};

MpyType mpy_code_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "code",
    .doc = "Create a code object.  Not for the faint of heart.",
    .basicsize = sizeof(MpyCodeObject),
    .dealloc = code_dealloc,
    .repr = code_repr,
    .methods = code_methods,
    .members = code_members,
    .getset = code_getset,
};
