/* vm/specialize.c: deciding how to specialise an instruction (see
 * vm/specialize.h for the scheme and its invariants).
 *
 * Models CPython 3.11's Python/specialize.c.  Each function here looks at
 * the operands an instruction is about to use and picks a specialised
 * opcode whose guard those operands pass; the eval loop (vm/eval.c) holds
 * the specialised bodies.  The guards rely on two facts of the runtime:
 *
 *  - a type's `version` (runtime/type.c) is non-zero only while nothing in
 *    the type or its bases changed since it was assigned, so "same type,
 *    same version" means "attribute lookup on the type gives the same
 *    answer as when we looked";
 *  - a dict entry whose key is our (interned) name *is* that name's entry,
 *    so a remembered entry index is checked with one compare and the value
 *    is read fresh each time.
 */
#include "vm/specialize.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/func.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/range.h"
#include "gil/critical.h"
#include "gil/mutex.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "vm/trace.h"

/* A cacheable instruction that cannot be specialised waits this many runs
 * before trying again, then twice as long each time, up to the maximum. */
#define BACKOFF_FIRST 16
#define BACKOFF_MAX 4096

static inline void write_instr(MpyInstr *at, int op, int arg)
{
    mpy__specialize_write(at, MPY_INSTR_MAKE(op, arg));
}

/* -X trace shows the instructions as compiled: it never quickens. */
static inline bool quickening_allowed(void)
{
    return !mpy__trace_instructions;
}

/* The right to write an instruction's cache entry (see vm/specialize.h).
 * CLAIM_SOLE: one thread, or the GIL: write freely.  CLAIM_LOCKED:
 * several threads run free and this instruction was never specialised (no
 * entry yet, so nobody reads one): fill a fresh entry under spec_lock,
 * publish the instruction last.  CLAIM_NONE: leave it alone (its entry is
 * read-only while threads run).  CLAIM_RACED: another thread rewrote it
 * meanwhile: just run it again. */
enum { CLAIM_NONE, CLAIM_SOLE, CLAIM_LOCKED, CLAIM_RACED };

#if MPY_FREE_THREADED
static MpyMutex spec_lock;
#endif

static int claim_cache(MpyInstr *instr)
{
    if (mpy__trace_instructions)
        return CLAIM_NONE;
    if (mpy__specialize_shared_ok())
        return CLAIM_SOLE;
#if MPY_FREE_THREADED
    int op = MPY_INSTR_OP(mpy__specialize_read(instr));
    if (mpy_opcode_base[op] != op)
        return CLAIM_NONE;
    mpy_mutex_lock(&spec_lock);
    if (MPY_INSTR_OP(mpy__specialize_read(instr)) == op)
        return CLAIM_LOCKED;
    mpy_mutex_unlock(&spec_lock);
    return CLAIM_RACED;
#else
    (void)instr;
    return CLAIM_NONE;
#endif
}

static void release_claim(int claim)
{
#if MPY_FREE_THREADED
    if (claim == CLAIM_LOCKED)
        mpy_mutex_unlock(&spec_lock);
#else
    (void)claim;
#endif
}

/* Run `call` (a specialising function of the instruction `instr`) if its
 * cache may be written; the value of the public function. */
#define WITH_CLAIM(instr, call)                                                                do {                                                                                           int claim_ = claim_cache(instr);                                                           if (claim_ == CLAIM_NONE || claim_ == CLAIM_RACED)                                             return claim_ == CLAIM_RACED;                                                          bool done_ = (call);                                                                       release_claim(claim_);                                                                     return done_;                                                                          } while (0)

#if MPY_SPECIALIZE_SHARED_STATE

/* The cache entry of the instruction at `instr`, given one the first time.
 * Returns NULL when none can be had (no memory; caches are never shared
 * out twice, so the code object's count is always enough). */
static MpyInlineCache *cache_of(MpyCodeObject *code, MpyInstr *instr)
{
    MpyInstr w = mpy__specialize_read(instr);
    int op = MPY_INSTR_OP(w);
    if (mpy_opcode_base[op] != op)
        return &code->caches[MPY_INSTR_ARG(w)];
    if (code->caches == NULL) {
        code->caches = calloc((size_t)code->ncaches, sizeof(MpyInlineCache));
        if (code->caches == NULL)
            return NULL;
    }
    if (code->ncaches_used >= code->ncaches)
        return NULL;
    MpyInlineCache *c = &code->caches[code->ncaches_used++];
    c->oparg = (uint32_t)MPY_INSTR_ARG(w);
    c->backoff = BACKOFF_FIRST;
    return c;
}

static inline int index_of(MpyCodeObject *code, MpyInlineCache *c)
{
    return (int)(c - code->caches);
}

static bool specialized(MpyCodeObject *code, MpyInstr *instr, MpyInlineCache *c, int op)
{
    c->counter = MPY_SPECIALIZE_MISSES;
    write_instr(instr, op, index_of(code, c));
    return true;
}

/* Nothing applies: run generically for a while, then look again. */
static bool adaptive(MpyCodeObject *code, MpyInstr *instr, MpyInlineCache *c, int op)
{
    c->counter = c->backoff;
    c->backoff = c->backoff >= BACKOFF_MAX / 2 ? BACKOFF_MAX : (uint16_t)(c->backoff * 2);
    write_instr(instr, op, index_of(code, c));
    return true;
}


/* Index of the entry of `dict` whose key is `key` itself (not just an
 * equal str), or -1; with `or_end`, the index the key would get when
 * inserted instead of -1.  (Under the dict's lock: other threads may be
 * writing it.) */
static ptrdiff_t entry_index_in(MpyObject *dict, MpyObject *key, bool or_end)
{
    MpyDictObject *d = (MpyDictObject *)dict;
    ptrdiff_t found = -1;
    MPY_BEGIN_CRITICAL(dict);
    if (mpy_dict_get_str_borrowed(dict, key) == NULL) {
        mpy_err_clear();
    } else {
        for (ptrdiff_t i = 0; i < d->nentries && i <= (ptrdiff_t)UINT32_MAX; i++) {
            if (d->entries[i].key == key) {
                found = i;
                break;
            }
        }
    }
    if (found < 0 && or_end)
        found = d->nentries;
    MPY_END_CRITICAL();
    return found;
}

static ptrdiff_t entry_index(MpyObject *dict, MpyObject *key)
{
    return entry_index_in(dict, key, false);
}

static inline MpyObject *name_at(MpyCodeObject *code, int index)
{
    return mpy_tuple_item(code->names, index);
}

/* The type's attribute lookup gives a stable answer (version assigned)
 * and its attribute protocol is object's own. */
static bool plain_getattr(MpyType *t)
{
    return t->getattr == NULL || t->getattr == mpy_object_generic_getattr;
}

static bool plain_setattr(MpyType *t)
{
    return t->setattr == NULL || t->setattr == mpy_object_generic_setattr;
}

/* Look `name` up on the type, assigning its version.  Returns false if the
 * answer cannot be cached (no version). */
static bool type_lookup(MpyType *t, MpyObject *name, MpyObject **descr, uint32_t *version)
{
    // The version is read before and after the lookup: the answer belongs
    // to that version only if it did not change meanwhile (another thread
    // may be modifying the class).
    for (int attempt = 0; attempt < 2; attempt++) {
        uint32_t before = MPY_FT_LOAD_ACQUIRE(t->version);
        *descr = mpy_type_lookup(t, name); /* assigns a version if none */
        if (mpy_err_occurred()) {
            mpy_err_clear();
            return false;
        }
        *version = MPY_FT_LOAD_ACQUIRE(t->version);
        if (before != 0 && before == *version)
            return true;
    }
    return false;
}

static bool is_data_descr(MpyObject *descr)
{
    return descr != NULL && MPY_TYPE(descr)->descr_set != NULL;
}

/* Offset of the instance __dict__ pointer from the object, or 0 when
 * instances of `owner`'s type have none. */
static intptr_t dict_offset_of(MpyObject *owner)
{
    MpyObject **p = mpy_object_dict_ptr(owner);
    return p == NULL ? 0 : (intptr_t)((char *)p - (char *)owner);
}

/* A __slots__ member holding an object (NULL: AttributeError). */
static bool is_slot_member(MpyObject *descr, MpyType *t)
{
    if (descr == NULL || MPY_TYPE(descr) != &mpy_member_descr_type)
        return false;
    MpyMemberDescrObject *m = (MpyMemberDescrObject *)descr;
    return m->def->type == MPY_MEMBER_OBJECT_EX && !(m->def->flags & MPY_MEMBER_READONLY) &&
           mpy_type_is_subtype(t, m->owner) && m->def->offset <= UINT32_MAX;
}

/* An attribute read through a class (`Point.origin`, `Base.method`) that
 * is the plain value in the class's MRO dicts: the metaclass is `type`
 * and has nothing by that name, and the value does not bind. */
static bool class_attribute(MpyObject *cls, MpyObject *name, MpyCacheWay *way)
{
    if (MPY_TYPE(cls) != &mpy_type_type)
        return false;
    MpyObject *meta;
    uint32_t version;
    if (!type_lookup(&mpy_type_type, name, &meta, &version) || meta != NULL)
        return false;
    MpyType *t = (MpyType *)cls;
    MpyObject *v;
    if (!type_lookup(t, name, &v, &version) || v == NULL)
        return false;
    if (MPY_TYPE(v)->descr_get != NULL && MPY_TYPE(v) != &mpy_function_type)
        return false;
    way->type = t;
    way->type_version = version;
    way->object = v;
    return true;
}

/* A module attribute in the module's dict (no module __getattr__ needed,
 * nothing by that name on the module type). */
static bool module_attribute(MpyObject *module, MpyObject *name, MpyCacheWay *way)
{
    if (MPY_TYPE(module) != &mpy_module_type)
        return false;
    MpyObject *descr;
    uint32_t version;
    if (!type_lookup(&mpy_module_type, name, &descr, &version) || descr != NULL)
        return false;
    MpyObject *dict = ((MpyModuleObject *)module)->dict;
    if (dict == NULL || !mpy_dict_check_exact(dict))
        return false;
    ptrdiff_t ix = entry_index(dict, name);
    if (ix < 0)
        return false;
    way->index = (uint32_t)ix;
    return true;
}

/* The part of every attribute specialisation that is about the instance's
 * type: its lookup is cacheable and `descr` is what it finds. */
static bool instance_type(MpyObject *owner, MpyObject *name, bool for_store, MpyCacheWay *way,
                          MpyObject **descr)
{
    if (mpy_is_small_int(owner) || mpy_type_check(owner))
        return false;
    MpyType *t = MPY_TYPE(owner);
    uint32_t version;
    if (!(for_store ? plain_setattr(t) : plain_getattr(t)) || !type_lookup(t, name, descr, &version))
        return false;
    way->type = t;
    way->type_version = version;
    way->dict_offset = dict_offset_of(owner);
    return true;
}

/* Which specialised LOAD_ATTR suits `owner` (0: none), filling `way`. */
static int choose_load_attr(MpyObject *owner, MpyObject *name, MpyCacheWay *way)
{
    if (mpy_is_small_int(owner))
        return 0;
    if (module_attribute(owner, name, way))
        return OP_LOAD_ATTR_MODULE;
    if (mpy_type_check(owner))
        return class_attribute(owner, name, way) ? OP_LOAD_ATTR_CLASS : 0;
    MpyObject *descr;
    if (!instance_type(owner, name, false, way, &descr))
        return 0;
    if (is_slot_member(descr, way->type)) {
        way->index = (uint32_t)((MpyMemberDescrObject *)descr)->def->offset;
        return OP_LOAD_ATTR_SLOT;
    }
    if (descr != NULL && MPY_TYPE(descr) == &mpy_property_type) {
        MpyObject *fget = ((MpyPropertyObject *)descr)->fget;
        if (fget == NULL || !mpy__specialize_simple_function(fget, 1))
            return 0;
        way->object = fget;
        return OP_LOAD_ATTR_PROPERTY;
    }
    if (is_data_descr(descr) || way->dict_offset == 0)
        return 0;
    MpyObject *dict = *(MpyObject **)((char *)owner + way->dict_offset);
    ptrdiff_t ix = dict != NULL && mpy_dict_check_exact(dict) ? entry_index(dict, name) : -1;
    if (ix < 0)
        return 0;
    way->index = (uint32_t)ix;
    return OP_LOAD_ATTR_INSTANCE;
}

static int choose_load_method(MpyObject *owner, MpyObject *name, MpyCacheWay *way)
{
    if (mpy_is_small_int(owner))
        return 0;
    if (module_attribute(owner, name, way))
        return OP_LOAD_METHOD_MODULE;
    if (mpy_type_check(owner))
        return class_attribute(owner, name, way) ? OP_LOAD_METHOD_CLASS : 0;
    MpyObject *descr;
    if (!instance_type(owner, name, false, way, &descr) || descr == NULL ||
        !mpy_type_has_flag(MPY_TYPE(descr), MPY_TPFLAGS_METHOD_DESCRIPTOR))
        return 0;
    way->object = descr;
    return OP_LOAD_METHOD_TYPE;
}

static int choose_store_attr(MpyObject *owner, MpyObject *name, MpyCacheWay *way)
{
    MpyObject *descr;
    if (!instance_type(owner, name, true, way, &descr))
        return 0;
    if (is_slot_member(descr, way->type)) {
        way->index = (uint32_t)((MpyMemberDescrObject *)descr)->def->offset;
        return OP_STORE_ATTR_SLOT;
    }
    if (is_data_descr(descr) || way->dict_offset == 0)
        return 0;
    // The entry the attribute has now, or will have once stored: objects
    // of a class usually get their attributes in the same order.
    MpyObject *dict = *(MpyObject **)((char *)owner + way->dict_offset);
    if (dict != NULL && !mpy_dict_check_exact(dict))
        return 0;
    ptrdiff_t ix = dict != NULL ? entry_index_in(dict, name, true) : 0;
    way->index = (uint32_t)ix;
    return OP_STORE_ATTR_INSTANCE;
}

/* Forms whose cache holds one way per type seen (the others use ways[0]). */
static bool has_ways(int op)
{
    return op == OP_LOAD_ATTR_INSTANCE || op == OP_LOAD_ATTR_SLOT || op == OP_LOAD_ATTR_PROPERTY ||
           op == OP_LOAD_METHOD_TYPE || op == OP_STORE_ATTR_INSTANCE || op == OP_STORE_ATTR_SLOT;
}

/* The common decision of the attribute instructions.  `op` is what suits
 * the current operand (0: nothing), `way` its cache data.  A specialised
 * instruction that missed for a new type of the same kind learns that
 * type in a free way (or, a limited number of times, in a used one); a
 * miss of another kind counts down to a fresh specialisation. */
static bool decide(MpyCodeObject *code, MpyInstr *instr, MpyInlineCache *c, int op,
                   const MpyCacheWay *way, int adaptive_op)
{
    int current = MPY_INSTR_OP(mpy__specialize_read(instr));
    bool fresh = current == mpy_opcode_base[current] || current == adaptive_op;
    if (!fresh) {
        // Returning true re-runs the instruction: only when its guard now
        // passes for this operand, so the loop always moves on.
        bool known = false;
        if (op == current && has_ways(op)) {
            for (int i = 0; i < MPY_CACHE_WAYS; i++) {
                MpyCacheWay *w = &c->ways[i];
                if (w->type == way->type && w->type_version == way->type_version) {
                    known = true; /* the miss had another cause */
                    break;
                }
                if (w->type == NULL || w->type == way->type) {
                    *w = *way;
                    return true;
                }
            }
        } else if (op == current && memcmp(&c->ways[0], way, sizeof *way) != 0) {
            c->ways[0] = *way; /* same kind, new entry index or class version */
            return true;
        }
        if (--c->counter != 0) {
            if (known || op != current || !has_ways(op))
                return false;
            c->ways[c->counter % MPY_CACHE_WAYS] = *way; /* evict one */
            return true;
        }
        if (known)
            op = 0; /* this form keeps missing here: go generic for a while */
    }
    memset(c->ways, 0, sizeof c->ways);
    if (op == 0)
        return adaptive(code, instr, c, adaptive_op);
    c->ways[0] = *way;
    return specialized(code, instr, c, op);
}

static bool load_global_claimed(MpyCodeObject *code, MpyInstr *instr, MpyObject *globals,
                                MpyObject *builtins)
{
    MpyInlineCache *c = cache_of(code, instr);
    if (c == NULL)
        return false;
    MpyObject *name = name_at(code, (int)(c->oparg >> 1));
    MpyCacheWay way = {0};
    int op = 0;
    if (MPY_INSTR_OP(mpy__specialize_read(instr)) == OP_LOAD_GLOBAL_BUILTIN && mpy_dict_check_exact(builtins) &&
        c->ways[0].index < (uint32_t)((MpyDictObject *)builtins)->nentries &&
        ((MpyDictObject *)builtins)->entries[c->ways[0].index].key == name &&
        mpy_dict_get_str_borrowed(globals, name) == NULL && !mpy_err_occurred()) {
        // Only the globals changed (another name): still a builtin.
        c->dict_version = mpy__dict_version(globals);
        return true;
    }
    mpy_err_clear();
    if (mpy_dict_check_exact(globals) && mpy_dict_check_exact(builtins)) {
        ptrdiff_t ix = entry_index(globals, name);
        if (ix >= 0) {
            op = OP_LOAD_GLOBAL_MODULE;
        } else if (mpy_dict_get_str_borrowed(globals, name) == NULL && !mpy_err_occurred() &&
                   (ix = entry_index(builtins, name)) >= 0) {
            op = OP_LOAD_GLOBAL_BUILTIN;
            c->dict_version = mpy__dict_version(globals);
        }
        mpy_err_clear();
        way.index = (uint32_t)ix;
    }
    return decide(code, instr, c, op, &way, OP_LOAD_GLOBAL_ADAPTIVE);
}

static bool load_attr_claimed(MpyCodeObject *code, MpyInstr *instr, MpyObject *owner)
{
    MpyInlineCache *c = cache_of(code, instr);
    if (c == NULL)
        return false;
    MpyCacheWay way = {0};
    int op = choose_load_attr(owner, name_at(code, (int)c->oparg), &way);
    return decide(code, instr, c, op, &way, OP_LOAD_ATTR_ADAPTIVE);
}

static bool load_method_claimed(MpyCodeObject *code, MpyInstr *instr, MpyObject *owner)
{
    MpyInlineCache *c = cache_of(code, instr);
    if (c == NULL)
        return false;
    MpyCacheWay way = {0};
    int op = choose_load_method(owner, name_at(code, (int)c->oparg), &way);
    return decide(code, instr, c, op, &way, OP_LOAD_METHOD_ADAPTIVE);
}

static bool store_attr_claimed(MpyCodeObject *code, MpyInstr *instr, MpyObject *owner)
{
    MpyInlineCache *c = cache_of(code, instr);
    if (c == NULL)
        return false;
    MpyCacheWay way = {0};
    int op = choose_store_attr(owner, name_at(code, (int)c->oparg), &way);
    return decide(code, instr, c, op, &way, OP_STORE_ATTR_ADAPTIVE);
}

bool mpy__specialize_load_global(MpyCodeObject *code, MpyInstr *instr, MpyObject *globals,
                                 MpyObject *builtins)
{
    WITH_CLAIM(instr, load_global_claimed(code, instr, globals, builtins));
}

bool mpy__specialize_load_attr(MpyCodeObject *code, MpyInstr *instr, MpyObject *owner)
{
    WITH_CLAIM(instr, load_attr_claimed(code, instr, owner));
}

bool mpy__specialize_load_method(MpyCodeObject *code, MpyInstr *instr, MpyObject *owner)
{
    WITH_CLAIM(instr, load_method_claimed(code, instr, owner));
}

bool mpy__specialize_store_attr(MpyCodeObject *code, MpyInstr *instr, MpyObject *owner)
{
    WITH_CLAIM(instr, store_attr_claimed(code, instr, owner));
}

#else /* !MPY_SPECIALIZE_SHARED_STATE: see vm/specialize.h */

bool mpy__specialize_load_global(MpyCodeObject *code, MpyInstr *instr, MpyObject *globals,
                                 MpyObject *builtins)
{
    return false;
}

bool mpy__specialize_load_attr(MpyCodeObject *code, MpyInstr *instr, MpyObject *owner)
{
    return false;
}

bool mpy__specialize_load_method(MpyCodeObject *code, MpyInstr *instr, MpyObject *owner)
{
    return false;
}

bool mpy__specialize_store_attr(MpyCodeObject *code, MpyInstr *instr, MpyObject *owner)
{
    return false;
}

#endif

/* ------------------------------------------------------------------ */
/* Instructions without a cache                                         */

/* A float, or a tagged int that converts to a double exactly. */
static bool float_operand(MpyObject *o)
{
    if (mpy_float_check_exact(o))
        return true;
    return mpy_is_small_int(o) && mpy_small_int_value(o) >= -((intptr_t)1 << 53) &&
           mpy_small_int_value(o) <= ((intptr_t)1 << 53);
}

void mpy__specialize_binary_op(MpyInstr *instr, MpyObject *left, MpyObject *right)
{
    if (!quickening_allowed())
        return;
    int oparg = MPY_INSTR_ARG(mpy__specialize_read(instr));
    int op = oparg >= MPY_NB_INPLACE ? oparg - MPY_NB_INPLACE : oparg;
    int special = OP_BINARY_OP_GENERIC;
    bool ints = mpy_is_small_int(left) && mpy_is_small_int(right);
    bool floats = float_operand(left) && float_operand(right) &&
                  (mpy_float_check_exact(left) || mpy_float_check_exact(right));
    switch (op) {
    case MPY_NB_ADD:
        if (ints)
            special = OP_BINARY_OP_ADD_INT;
        else if (floats)
            special = OP_BINARY_OP_ADD_FLOAT;
        else if (mpy_str_check_exact(left) && mpy_str_check_exact(right))
            special = OP_BINARY_OP_ADD_STR;
        break;
    case MPY_NB_SUBTRACT:
        special = ints ? OP_BINARY_OP_SUB_INT : floats ? OP_BINARY_OP_SUB_FLOAT : special;
        break;
    case MPY_NB_MULTIPLY:
        special = ints ? OP_BINARY_OP_MUL_INT : floats ? OP_BINARY_OP_MUL_FLOAT : special;
        break;
    case MPY_NB_TRUE_DIVIDE:
        if (floats || (float_operand(left) && float_operand(right)))
            special = OP_BINARY_OP_DIV_FLOAT;
        break;
    default:
        // The generic code has the tagged-int fast paths of the others.
        break;
    }
    write_instr(instr, special, oparg);
}

void mpy__specialize_compare_op(MpyInstr *instr, MpyObject *left, MpyObject *right)
{
    if (!quickening_allowed())
        return;
    int oparg = MPY_INSTR_ARG(mpy__specialize_read(instr));
    int special = OP_COMPARE_OP_GENERIC;
    if (mpy_is_small_int(left) && mpy_is_small_int(right))
        special = OP_COMPARE_OP_INT;
    else if (mpy_float_check_exact(left) && mpy_float_check_exact(right))
        special = OP_COMPARE_OP_FLOAT;
    else if (mpy_str_check_exact(left) && mpy_str_check_exact(right) &&
             (oparg == MPY_EQ || oparg == MPY_NE))
        special = OP_COMPARE_OP_STR;
    write_instr(instr, special, oparg);
}

void mpy__specialize_binary_subscr(MpyInstr *instr, MpyObject *container, MpyObject *key)
{
    if (!quickening_allowed())
        return;
    int special = OP_BINARY_SUBSCR_GENERIC;
    if (mpy_list_check_exact(container) && mpy_is_small_int(key))
        special = OP_BINARY_SUBSCR_LIST_INT;
    else if (mpy_tuple_check_exact(container) && mpy_is_small_int(key))
        special = OP_BINARY_SUBSCR_TUPLE_INT;
    else if (mpy_dict_check_exact(container))
        special = OP_BINARY_SUBSCR_DICT;
    write_instr(instr, special, MPY_INSTR_ARG(mpy__specialize_read(instr)));
}

void mpy__specialize_store_subscr(MpyInstr *instr, MpyObject *container, MpyObject *key)
{
    if (!quickening_allowed())
        return;
    int special = OP_STORE_SUBSCR_GENERIC;
    if (mpy_list_check_exact(container) && mpy_is_small_int(key))
        special = OP_STORE_SUBSCR_LIST_INT;
    else if (mpy_dict_check_exact(container))
        special = OP_STORE_SUBSCR_DICT;
    write_instr(instr, special, MPY_INSTR_ARG(mpy__specialize_read(instr)));
}

void mpy__specialize_for_iter(MpyInstr *instr, MpyObject *iter)
{
    if (!quickening_allowed())
        return;
    int special = MPY_TYPE(iter) == &mpy_range_iter_type ? OP_FOR_ITER_RANGE : OP_FOR_ITER_GENERIC;
    write_instr(instr, special, MPY_INSTR_ARG(mpy__specialize_read(instr)));
}

void mpy__specialize_unpack_sequence(MpyInstr *instr, MpyObject *seq)
{
    if (!quickening_allowed())
        return;
    int n = MPY_INSTR_ARG(mpy__specialize_read(instr));
    int special = OP_UNPACK_SEQUENCE_GENERIC;
    if (mpy_tuple_check_exact(seq) && mpy_tuple_size(seq) == n)
        special = n == 2 ? OP_UNPACK_SEQUENCE_TWO_TUPLE : OP_UNPACK_SEQUENCE_TUPLE;
    else if (!MPY_FREE_THREADED && mpy_list_check_exact(seq) && mpy_list_size(seq) == n)
        special = OP_UNPACK_SEQUENCE_LIST;
    write_instr(instr, special, n);
}

bool mpy__specialize_simple_function(MpyObject *f, size_t nargs)
{
    return mpy_function_check(f) && ((MpyFunctionObject *)f)->simple_call &&
           (size_t)((MpyCodeObject *)((MpyFunctionObject *)f)->code)->argcount == nargs;
}

MpyObject *mpy__specialize_class_init(MpyObject *callable, size_t nargs)
{
    if (mpy_is_small_int(callable) || callable->ob_type != &mpy_type_type)
        return NULL;
    MpyType *cls = (MpyType *)callable;
    if (cls->new != mpy_object_type.new || !mpy_type_has_flag(cls, MPY_TPFLAGS_HEAPTYPE))
        return NULL;
    MpyObject *init = mpy_type_lookup(cls, MPY_ID(__init__));
    return init != NULL && mpy__specialize_simple_function(init, nargs + 1) ? init : NULL;
}

void mpy__specialize_call(MpyInstr *instr, MpyObject *callable, size_t nargs)
{
    if (!quickening_allowed())
        return;
    int special = OP_CALL_GENERIC;
    if (mpy__specialize_class_init(callable, nargs) != NULL) {
        special = OP_CALL_PY_CLASS;
    } else if (MPY_TYPE(callable) == &mpy_builtin_function_type ||
               MPY_TYPE(callable) == &mpy_method_descr_type) {
        special = OP_CALL_BUILTIN;
    } else if (mpy_function_check(callable)) {
        MpyFunctionObject *f = (MpyFunctionObject *)callable;
        MpyCodeObject *co = (MpyCodeObject *)f->code;
        if (f->simple_call && nargs == (size_t)co->argcount)
            special = OP_CALL_PY_EXACT_ARGS;
        else if (!(co->flags & (MPY_CO_GENERATOR | MPY_CO_COROUTINE | MPY_CO_ASYNC_GENERATOR)))
            special = OP_CALL_PY_GENERAL;
    }
    write_instr(instr, special, MPY_INSTR_ARG(mpy__specialize_read(instr)));
}
