/* runtime/object.h: the object model every other file stands on.
 *
 * Models CPython's Include/object.h.  Every Python value is an `MpyObject *`:
 *
 *  - a pointer to a heap (or static) object that starts with the common
 *    header: a reference count and a type pointer; or
 *  - a *tagged small int*: a pointer-sized word whose lowest bit is 1 and
 *    whose other 63 bits hold a signed integer (CPython boxes every int; we
 *    follow OCaml, V8 and Ruby here, so `n -= 1` never allocates and never
 *    touches a reference count).  Tagged words have no header: never
 *    dereference an `MpyObject *` without knowing it is not tagged.
 *    Always ask for the type with MPY_TYPE(o), never o->ob_type.
 *
 * Reference ownership: every pointer to an object is either *owned* (you
 * must MPY_DECREF it or hand it on) or *borrowed* (you must not).  Every
 * function that returns an object says which in its comment:
 *   Returns: new reference ... / borrowed reference ... and what failure is.
 * Errors: a function returning a pointer returns NULL with an exception set
 * on the current thread state; one returning int returns -1 likewise.
 *
 * Immortal objects (None, True, False, Ellipsis, NotImplemented, static
 * types, interned names) are never counted and never freed (gil/refcount.h).
 */
#ifndef MINIPY_RUNTIME_OBJECT_H
#define MINIPY_RUNTIME_OBJECT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "include/minipy/config.h"
#include "gil/atomic.h"

/* ------------------------------------------------------------------ */
/* The header                                                           */

typedef struct MpyType MpyType;
typedef struct MpyObject MpyObject;
typedef intptr_t MpyHash; /* -1 means "error" wherever a hash is returned */

/* The count fields are only touched through gil/refcount.h. */
struct MpyObject {
#if MPY_FREE_THREADED
    _Atomic uintptr_t ob_tid;        /* owning thread (biased counting), 0: none */
    _Atomic uint32_t ob_ref_local;   /* the owner's part of the count */
    _Atomic uint8_t ob_mutex;        /* per-object lock (gil/critical.h) */
    uint8_t ob_gc_bits;
    uint16_t ob_flags;
    _Atomic intptr_t ob_ref_shared;  /* other threads' part, << 2 | state */
#else
    intptr_t ob_refcnt;
#endif
    MpyType *ob_type; /* read it through MPY_TYPE(), which knows tagged ints */
};

/* Head for statically allocated objects (types, None, True ...): immortal. */
#define MPY_STATIC_HEAD(type) {MPY_REFCNT_STATIC_INIT, .ob_type = (type)}

#if MPY_DEBUG
#include <stdio.h>
#include <stdlib.h>
#define MPY_ASSERT(cond)                                                                   \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            fprintf(stderr, "%s:%d: assertion failed: %s\n", __FILE__, __LINE__, #cond);   \
            abort();                                                                       \
        }                                                                                  \
    } while (0)
#else
#define MPY_ASSERT(cond) ((void)0)
#endif

#define MPY_UNUSED(x) ((void)(x))
#if defined(__GNUC__)
#define MPY_LIKELY(x) __builtin_expect(!!(x), 1)
#define MPY_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define MPY_NOINLINE __attribute__((noinline))
#define MPY_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define MPY_LIKELY(x) (x)
#define MPY_UNLIKELY(x) (x)
#define MPY_NOINLINE
#define MPY_PRINTF(a, b)
#endif

/* ------------------------------------------------------------------ */
/* Tagged small ints                                                    */

/* The range a tagged int holds: 63-bit two's complement.  Values outside
 * it are boxed MpyIntObjects backed by GMP (runtime/int.h). */
#define MPY_SMALLINT_MAX ((intptr_t)(((uintptr_t)1 << 62) - 1))
#define MPY_SMALLINT_MIN (-MPY_SMALLINT_MAX - 1)

static inline bool mpy_is_small_int(const MpyObject *o) { return ((uintptr_t)o & 1) != 0; }

/* Caller guarantees MPY_SMALLINT_MIN <= v <= MPY_SMALLINT_MAX.
 * Returns: the tagged word (no reference to own). */
static inline MpyObject *mpy_small_int(intptr_t v)
{
    return (MpyObject *)(((uintptr_t)v << 1) | 1);
}

static inline intptr_t mpy_small_int_value(const MpyObject *o)
{
    return (intptr_t)o >> 1; /* arithmetic shift: gcc and clang guarantee it */
}

static inline bool mpy_small_int_fits(long long v)
{
    return v >= MPY_SMALLINT_MIN && v <= MPY_SMALLINT_MAX;
}

extern MpyType mpy_int_type;

/* The type of any value, tagged or not.  Returns: borrowed reference. */
static inline MpyType *MPY_TYPE(const MpyObject *o)
{
    return mpy_is_small_int(o) ? &mpy_int_type : o->ob_type;
}

/* ------------------------------------------------------------------ */
/* Reference counting                                                   */

#include "gil/refcount.h"

static inline void mpy_incref(MpyObject *o)
{
    if (!mpy_is_small_int(o))
        mpy__incref(o);
}

static inline void mpy_decref(MpyObject *o)
{
    if (!mpy_is_small_int(o))
        mpy__decref(o);
}

static inline MpyObject *mpy_newref(MpyObject *o)
{
    mpy_incref(o);
    return o;
}

#define MPY_INCREF(o) mpy_incref((MpyObject *)(o))
#define MPY_DECREF(o) mpy_decref((MpyObject *)(o))
#define MPY_XINCREF(o)                                                                     \
    do {                                                                                   \
        MpyObject *xinc_ = (MpyObject *)(o);                                               \
        if (xinc_ != NULL)                                                                 \
            mpy_incref(xinc_);                                                             \
    } while (0)
#define MPY_XDECREF(o)                                                                     \
    do {                                                                                   \
        MpyObject *xdec_ = (MpyObject *)(o);                                               \
        if (xdec_ != NULL)                                                                 \
            mpy_decref(xdec_);                                                             \
    } while (0)
/* A new reference to `o`, as an expression. */
#define MPY_NEWREF(o) mpy_newref((MpyObject *)(o))
/* Drop the reference held in variable/field `p` and set it to NULL first
 * (so a destructor that looks at `p` sees NULL). */
#define MPY_CLEAR(p)                                                                       \
    do {                                                                                   \
        MpyObject *clr_ = (MpyObject *)(p);                                                \
        if (clr_ != NULL) {                                                                \
            (p) = NULL;                                                                    \
            mpy_decref(clr_);                                                              \
        }                                                                                  \
    } while (0)
/* Store owned reference `v` into `p`, then drop p's old reference. */
#define MPY_SETREF(p, v)                                                                   \
    do {                                                                                   \
        MpyObject *old_ = (MpyObject *)(p);                                                \
        (p) = (v);                                                                         \
        MPY_XDECREF(old_);                                                                 \
    } while (0)

/* The reference count as sys.getrefcount reports it (tagged ints: a large
 * constant, like CPython's immortal small ints). */
intptr_t mpy_refcnt(MpyObject *o);
/* Make `o` immortal: never freed, count no longer meaningful. */
void mpy_object_immortalize(MpyObject *o);

/* ------------------------------------------------------------------ */
/* Slot signatures                                                      */

/* The one calling convention (CPython's "vectorcall"): `nargs` positional
 * arguments in args[0..nargs), then one value per keyword name in
 * `kwnames` (a tuple of str, or NULL when there are none) in
 * args[nargs..nargs+len(kwnames)).  Arguments are borrowed. */
typedef MpyObject *(*MpyCallFunc)(MpyObject *callable, MpyObject *const *args, size_t nargs,
                                  MpyObject *kwnames);
typedef MpyObject *(*MpyNewFunc)(MpyType *type, MpyObject *const *args, size_t nargs,
                                 MpyObject *kwnames);
typedef int (*MpyInitFunc)(MpyObject *self, MpyObject *const *args, size_t nargs,
                           MpyObject *kwnames);
typedef void (*MpyDeallocFunc)(MpyObject *self);
typedef MpyObject *(*MpyUnaryFunc)(MpyObject *self);
typedef MpyObject *(*MpyBinaryFunc)(MpyObject *a, MpyObject *b);
typedef MpyObject *(*MpyTernaryFunc)(MpyObject *a, MpyObject *b, MpyObject *c);
typedef int (*MpyInquiryFunc)(MpyObject *self); /* 1/0, or -1 on error */
typedef ptrdiff_t (*MpyLenFunc)(MpyObject *self); /* -1 on error */
typedef MpyHash (*MpyHashFunc)(MpyObject *self); /* -1 on error */
typedef MpyObject *(*MpyRichCmpFunc)(MpyObject *a, MpyObject *b, int op);
typedef MpyObject *(*MpyGetAttrFunc)(MpyObject *self, MpyObject *name);
/* value == NULL means delete. */
typedef int (*MpySetAttrFunc)(MpyObject *self, MpyObject *name, MpyObject *value);
typedef int (*MpyContainsFunc)(MpyObject *self, MpyObject *item); /* 1/0/-1 */
/* value == NULL means delete. */
typedef int (*MpySetItemFunc)(MpyObject *self, MpyObject *key, MpyObject *value);
/* obj is NULL when the descriptor is read through the class. */
typedef MpyObject *(*MpyDescrGetFunc)(MpyObject *descr, MpyObject *obj, MpyObject *owner);
/* value == NULL means delete. */
typedef int (*MpyDescrSetFunc)(MpyObject *descr, MpyObject *obj, MpyObject *value);
typedef int (*MpyVisitFunc)(MpyObject *o, void *arg);
typedef int (*MpyTraverseFunc)(MpyObject *self, MpyVisitFunc visit, void *arg);

/* Visit a field from a traverse function when it is set. */
#define MPY_VISIT(o)                                                                       \
    do {                                                                                   \
        if ((o) != NULL) {                                                                 \
            int vret_ = visit((MpyObject *)(o), arg);                                      \
            if (vret_ != 0)                                                                \
                return vret_;                                                              \
        }                                                                                  \
    } while (0)

/* Rich comparison operators, in CPython's order (COMPARE_OP's argument). */
enum { MPY_LT = 0, MPY_LE = 1, MPY_EQ = 2, MPY_NE = 3, MPY_GT = 4, MPY_GE = 5 };

/* Binary operators, in CPython's NB_ order (BINARY_OP's argument; the
 * in-place form of operator k is MPY_NB_INPLACE + k). */
enum {
    MPY_NB_ADD,
    MPY_NB_AND,
    MPY_NB_FLOOR_DIVIDE,
    MPY_NB_LSHIFT,
    MPY_NB_MATRIX_MULTIPLY,
    MPY_NB_MULTIPLY,
    MPY_NB_REMAINDER,
    MPY_NB_OR,
    MPY_NB_POWER,
    MPY_NB_RSHIFT,
    MPY_NB_SUBTRACT,
    MPY_NB_TRUE_DIVIDE,
    MPY_NB_XOR,
    MPY_NB_COUNT,
    MPY_NB_INPLACE = MPY_NB_COUNT,
};

/* ------------------------------------------------------------------ */
/* Methods, members and computed attributes of built-in types           */

/* Calling conventions of C functions (CPython's METH_* flags). */
enum {
    MPY_METH_NOARGS = 0x01, /* f(self): "x() takes no arguments (N given)" */
    MPY_METH_O = 0x02,      /* f(self, arg): "x() takes exactly one argument (N given)" */
    MPY_METH_FASTCALL = 0x04, /* f(self, args, nargs, kwnames): checks its own args */
    MPY_METH_CLASS = 0x10,  /* classmethod: self is the class */
    MPY_METH_STATIC = 0x20, /* staticmethod: self is NULL */
};

/* The C signature behind every flag: unused parameters are 0/NULL
 * (METH_O passes its one argument as args[0], nargs 1, kwnames NULL). */
typedef MpyObject *(*MpyCFunc)(MpyObject *self, MpyObject *const *args, size_t nargs,
                               MpyObject *kwnames);

typedef struct MpyMethodDef {
    const char *name;
    MpyCFunc func;
    int flags;
    const char *doc;
} MpyMethodDef;

/* Plain C fields exposed as attributes. */
enum {
    MPY_MEMBER_OBJECT,    /* MpyObject *; NULL reads as None */
    MPY_MEMBER_OBJECT_EX, /* MpyObject *; NULL raises AttributeError */
    MPY_MEMBER_INT,       /* int */
    MPY_MEMBER_SSIZE,     /* ptrdiff_t */
    MPY_MEMBER_BOOL,      /* char, 0 or 1 */
    MPY_MEMBER_DOUBLE,    /* double */
};
enum { MPY_MEMBER_READONLY = 1 };

typedef struct MpyMemberDef {
    const char *name;
    int type;
    size_t offset;
    int flags;
    const char *doc;
} MpyMemberDef;

typedef MpyObject *(*MpyGetter)(MpyObject *self, void *closure);
typedef int (*MpySetter)(MpyObject *self, MpyObject *value, void *closure); /* NULL = del */

typedef struct MpyGetSetDef {
    const char *name;
    MpyGetter get;
    MpySetter set; /* NULL: read-only */
    const char *doc;
    void *closure;
} MpyGetSetDef;

/* ------------------------------------------------------------------ */
/* Type objects                                                         */

enum {
    MPY_TPFLAGS_HEAPTYPE = 1u << 0,  /* created by a class statement or type() */
    MPY_TPFLAGS_BASETYPE = 1u << 1,  /* may be subclassed */
    MPY_TPFLAGS_HAVE_GC = 1u << 2,   /* instances carry a GC header (containers) */
    MPY_TPFLAGS_READY = 1u << 3,     /* mpy_type_ready() has run */
    MPY_TPFLAGS_IMMUTABLETYPE = 1u << 4, /* class attributes cannot be set */
    MPY_TPFLAGS_METHOD_DESCRIPTOR = 1u << 5, /* behaves like a function for LOAD_METHOD */
    MPY_TPFLAGS_ABSTRACT = 1u << 6,
    MPY_TPFLAGS_DISALLOW_INSTANTIATION = 1u << 7,
    /* Instances keep their __dict__ pointer in a word just before the
     * object (and before its GC header), as CPython 3.12's managed dicts:
     * classes defined in Python get a __dict__ without changing the layout
     * of their built-in base (tuple, str, int ... subclasses just work). */
    MPY_TPFLAGS_MANAGED_DICT = 1u << 8,
    /* Fast subclass checks (CPython's Py_TPFLAGS_*_SUBCLASS). */
    MPY_TPFLAGS_INT_SUBCLASS = 1u << 16,
    MPY_TPFLAGS_LIST_SUBCLASS = 1u << 17,
    MPY_TPFLAGS_TUPLE_SUBCLASS = 1u << 18,
    MPY_TPFLAGS_BYTES_SUBCLASS = 1u << 19,
    MPY_TPFLAGS_STR_SUBCLASS = 1u << 20,
    MPY_TPFLAGS_DICT_SUBCLASS = 1u << 21,
    MPY_TPFLAGS_BASE_EXC_SUBCLASS = 1u << 22,
    MPY_TPFLAGS_TYPE_SUBCLASS = 1u << 23,
};

/* One flat struct holds every slot (CPython splits them into
 * tp_as_number/tp_as_sequence/tp_as_mapping; one table is easier to read).
 * A NULL slot means "not supported" and, for heap types, is filled by
 * mpy_type_ready() from the class's dunder methods or inherited from the
 * base.  Static types fill what they implement and let mpy_type_ready()
 * inherit the rest. */
struct MpyType {
    MpyObject ob_base;
    const char *name;   /* tp_name: "int", "collections.OrderedDict" */
    const char *doc;
    size_t basicsize;   /* instance size without the GC header */
    size_t itemsize;    /* per-item size of variable-sized objects, else 0 */
    unsigned flags;     /* MPY_TPFLAGS_* */

    MpyDeallocFunc dealloc;
    MpyUnaryFunc repr;
    MpyUnaryFunc str;
    MpyHashFunc hash;         /* NULL + flag in dict (__hash__ = None): unhashable */
    MpyRichCmpFunc richcompare;
    MpyGetAttrFunc getattr;   /* tp_getattro */
    MpySetAttrFunc setattr;   /* tp_setattro */
    MpyCallFunc call;
    MpyUnaryFunc iter;
    MpyUnaryFunc iternext;    /* NULL without an exception set = exhausted */
    MpyDescrGetFunc descr_get;
    MpyDescrSetFunc descr_set;
    MpyNewFunc new;
    MpyInitFunc init;
    MpyTraverseFunc traverse;
    MpyInquiryFunc clear;     /* break reference cycles (GC) */

    /* numbers */
    MpyBinaryFunc nb[MPY_NB_COUNT];         /* a OP b, either operand may be self */
    MpyBinaryFunc nb_inplace[MPY_NB_COUNT]; /* a OP= b, self is a */
    MpyTernaryFunc nb_power3;               /* pow(a, b, mod) */
    MpyBinaryFunc nb_divmod;
    MpyUnaryFunc nb_negative;
    MpyUnaryFunc nb_positive;
    MpyUnaryFunc nb_absolute;
    MpyUnaryFunc nb_invert;
    MpyInquiryFunc nb_bool;
    MpyUnaryFunc nb_int;
    MpyUnaryFunc nb_float;
    MpyUnaryFunc nb_index;

    /* containers */
    MpyLenFunc len;
    MpyBinaryFunc getitem;   /* mp_subscript */
    MpySetItemFunc setitem;  /* mp_ass_subscript */
    MpyContainsFunc contains;

    const MpyMethodDef *methods;
    const MpyMemberDef *members;
    const MpyGetSetDef *getset;

    MpyType *base;           /* tp_base: the solid base whose layout we extend */
    MpyObject *bases;        /* tuple of types */
    MpyObject *mro;          /* tuple of types, self first */
    MpyObject *dict;         /* the class namespace (a dict) */
    MpyObject *subclasses;   /* dict: id -> type (borrowed), for cache invalidation */
    MpyObject *name_obj;     /* __name__ as str (heap types own it) */
    MpyObject *qualname;     /* __qualname__ */
    MpyObject *module;       /* __module__ for static types, or NULL */
    size_t dictoffset;       /* offset of the instance __dict__ pointer, or 0 */
    uint32_t version;        /* attribute-cache version tag; 0 = unassigned */
    MpyInquiryFunc is_gc;    /* only for `type`: static types have no GC header */
};

extern MpyType mpy_type_type;
extern MpyType mpy_object_type;

/* Type checks.  The exact check is one compare; the subclass check is a
 * flag test for the built-in families with MPY_TPFLAGS_*_SUBCLASS. */
static inline bool mpy_type_has_flag(const MpyType *t, unsigned flag) { return (t->flags & flag) != 0; }
#define MPY_TYPE_CHECK_FLAG(o, flag) mpy_type_has_flag(MPY_TYPE(o), (flag))
static inline bool mpy_type_check(const MpyObject *o) { return MPY_TYPE_CHECK_FLAG(o, MPY_TPFLAGS_TYPE_SUBCLASS); }

/* The type's name for messages ("int", "Foo").  Returns: borrowed C string. */
static inline const char *mpy_type_name(const MpyType *t) { return t->name; }
/* Same, for an object's type: "'list' object is not callable". */
static inline const char *mpy_type_name_of(const MpyObject *o) { return MPY_TYPE(o)->name; }

/* ------------------------------------------------------------------ */
/* Allocation (runtime/alloc.c)                                         */

/* A fresh instance of `type` (basicsize bytes, or basicsize + n * itemsize):
 * zeroed, refcount 1, type set (and the type INCREF'd if it is a heap type),
 * a GC header in front when the type has MPY_TPFLAGS_HAVE_GC (not yet
 * tracked: call mpy_gc_track() once the object is fully built).
 * Returns: new reference, or NULL with MemoryError set. */
MpyObject *mpy_object_alloc(MpyType *type);
MpyObject *mpy_object_alloc_var(MpyType *type, size_t nitems);
/* Release the memory of `o` (after its dealloc dropped what it owns);
 * untracks it from the GC first if needed, and drops the reference a heap
 * type's instance held on its type.  Refs: consumes nothing else. */
void mpy_object_free(MpyObject *o);
/* Raw memory for object internals (item arrays).  NULL + MemoryError. */
void *mpy_mem_alloc(size_t size);
void *mpy_mem_calloc(size_t n, size_t size);
void *mpy_mem_realloc(void *p, size_t size);
void mpy_mem_free(void *p);

/* Cycle-collector bookkeeping (runtime/gc.c). */
void mpy_gc_track(MpyObject *o);
void mpy_gc_untrack(MpyObject *o);
bool mpy_gc_is_tracked(MpyObject *o);
/* Does `o` carry a GC header?  (static types do not). */
bool mpy_object_is_gc(MpyObject *o);

/* ------------------------------------------------------------------ */
/* The generic object protocol (runtime/object.c, runtime/abstract.c)   */

/* Returns: new reference to a str, or NULL + exception. */
MpyObject *mpy_object_repr(MpyObject *o);
MpyObject *mpy_object_str(MpyObject *o);
MpyObject *mpy_object_ascii(MpyObject *o);
/* Returns: the hash, or -1 + TypeError ("unhashable type: 'list'"). */
MpyHash mpy_object_hash(MpyObject *o);
/* Returns: new reference (may be NotImplemented only from slots, never
 * from this function), or NULL + exception. */
MpyObject *mpy_object_richcompare(MpyObject *a, MpyObject *b, int op);
/* Like richcompare, reduced to truth; identity implies equality for
 * MPY_EQ/MPY_NE as in CPython's containers.  Returns: 1, 0, or -1. */
int mpy_object_richcompare_bool(MpyObject *a, MpyObject *b, int op);
/* The hash slot of unhashable types (list, dict, set, classes that
 * define __eq__ without __hash__): raises TypeError "unhashable type: 'X'".
 * mpy_type_ready exposes it as __hash__ = None. */
MpyHash mpy_hash_unhashable(MpyObject *o);
/* The default hash: based on the object's address, as CPython. */
MpyHash mpy_hash_pointer(const void *p);
/* Returns: 1, 0, or -1 + exception. */
int mpy_object_is_true(MpyObject *o);
int mpy_object_not(MpyObject *o);

/* Attributes.  `name` must be a str.  Returns: new reference or NULL with
 * AttributeError (or another exception) set. */
MpyObject *mpy_object_getattr(MpyObject *o, MpyObject *name);
MpyObject *mpy_object_getattr_cstr(MpyObject *o, const char *name);
/* Like getattr, but a missing attribute returns NULL *without* an
 * exception (other errors still set one): check mpy_err_occurred(). */
MpyObject *mpy_object_lookup_attr(MpyObject *o, MpyObject *name);
/* value == NULL deletes.  Returns: 0 or -1. */
int mpy_object_setattr(MpyObject *o, MpyObject *name, MpyObject *value);
int mpy_object_setattr_cstr(MpyObject *o, const char *name, MpyObject *value);
/* Returns 1/0 (never fails: errors other than AttributeError propagate as -1). */
int mpy_object_hasattr(MpyObject *o, MpyObject *name);
/* object.__getattribute__ / __setattr__: descriptors, then __dict__. */
MpyObject *mpy_object_generic_getattr(MpyObject *o, MpyObject *name);
/* The generic lookup without the AttributeError: NULL and no exception
 * when missing.  Returns: new reference or NULL. */
MpyObject *mpy__object_generic_lookup(MpyObject *o, MpyObject *name);
int mpy_object_generic_setattr(MpyObject *o, MpyObject *name, MpyObject *value);
/* The generic lookup and assignment over an explicit instance dict
 * (borrowed; NULL: the object's own), as threading.local needs: one
 * object, a dict per thread.  Getattr returns a new reference. */
MpyObject *mpy__object_generic_getattr_dict(MpyObject *o, MpyObject *name, MpyObject *dict);
int mpy__object_generic_setattr_dict(MpyObject *o, MpyObject *name, MpyObject *value, MpyObject *dict);
/* The instance __dict__ slot of `o`, or NULL if its type has none.
 * Returns: borrowed pointer to the slot. */
MpyObject **mpy_object_dict_ptr(MpyObject *o);
/* The instance dict at *dictptr, created if there is none yet (one wins
 * when threads race to create it).  Returns: borrowed reference, or NULL +
 * MemoryError. */
MpyObject *mpy__object_ensure_dict(MpyObject **dictptr);
/* For LOAD_METHOD: if `name` resolves to a plain function or method
 * descriptor on the type (not shadowed by the instance dict), store a new
 * reference to it in *method and return 1 (call it with `o` prepended);
 * otherwise store the bound attribute in *method and return 0.
 * Returns -1 + exception if the attribute does not exist. */
int mpy_object_get_method(MpyObject *o, MpyObject *name, MpyObject **method);

/* Calls.  Returns: new reference or NULL + exception. */
MpyObject *mpy_object_call(MpyObject *callable, MpyObject *const *args, size_t nargs,
                           MpyObject *kwnames);
/* f(*args_tuple, **kwargs_dict); kwargs may be NULL. */
MpyObject *mpy_object_call_tuple(MpyObject *callable, MpyObject *args, MpyObject *kwargs);
MpyObject *mpy_object_call0(MpyObject *callable);
MpyObject *mpy_object_call1(MpyObject *callable, MpyObject *arg);
MpyObject *mpy_object_call2(MpyObject *callable, MpyObject *a, MpyObject *b);
/* o.name(args...) */
MpyObject *mpy_object_call_method(MpyObject *o, MpyObject *name, MpyObject *const *args,
                                  size_t nargs);
MpyObject *mpy_object_call_method_cstr(MpyObject *o, const char *name,
                                       MpyObject *const *args, size_t nargs);
bool mpy_callable_check(MpyObject *o);

/* Iteration.  mpy_iter_next returns a new reference, or NULL: with an
 * exception set on error, without one when the iterator is exhausted
 * (StopIteration raised by Python code is cleared and reported so). */
MpyObject *mpy_object_get_iter(MpyObject *o);
MpyObject *mpy_iter_next(MpyObject *iter);
bool mpy_iter_check(MpyObject *o);

/* Containers.  Returns: length, or -1 + TypeError ("object of type 'int'
 * has no len()"). */
ptrdiff_t mpy_object_length(MpyObject *o);
MpyObject *mpy_object_getitem(MpyObject *o, MpyObject *key);
int mpy_object_setitem(MpyObject *o, MpyObject *key, MpyObject *value);
int mpy_object_delitem(MpyObject *o, MpyObject *key);
/* `item in container`: __contains__, else iteration.  Returns 1/0/-1. */
int mpy_sequence_contains(MpyObject *container, MpyObject *item);

/* Numbers.  `op` is an MPY_NB_* code; inplace ops try nb_inplace first.
 * Returns: new reference or NULL + TypeError ("unsupported operand
 * type(s) for +: 'int' and 'str'"). */
MpyObject *mpy_number_binop(MpyObject *a, MpyObject *b, int op);
MpyObject *mpy_number_inplace(MpyObject *a, MpyObject *b, int op);
MpyObject *mpy_number_power(MpyObject *a, MpyObject *b, MpyObject *mod /*None*/);
MpyObject *mpy_number_divmod(MpyObject *a, MpyObject *b);
MpyObject *mpy_number_negative(MpyObject *o);
MpyObject *mpy_number_positive(MpyObject *o);
MpyObject *mpy_number_absolute(MpyObject *o);
MpyObject *mpy_number_invert(MpyObject *o);
/* operator.index(o): an int (new reference) or NULL + TypeError. */
MpyObject *mpy_number_index(MpyObject *o);
/* o as a C index; `exc` is raised on overflow (NULL: clamp to the
 * ptrdiff_t range, as slice indices do).  -1 + error on failure. */
ptrdiff_t mpy_number_as_ssize(MpyObject *o, MpyType *exc);
/* int(o) / float(o) as the builtins do.  Returns new reference or NULL. */
MpyObject *mpy_number_int(MpyObject *o);
MpyObject *mpy_number_float(MpyObject *o);
/* The printable symbol of an MPY_NB_* operator: "+", "//", "+=". */
const char *mpy_number_op_symbol(int op);

/* isinstance / issubclass with __instancecheck__ semantics for tuples.
 * Returns 1/0/-1. */
int mpy_object_isinstance(MpyObject *o, MpyObject *cls);
int mpy_object_issubclass(MpyObject *derived, MpyObject *cls);
/* Pure MRO test on types.  Cannot fail. */
bool mpy_type_is_subtype(MpyType *a, MpyType *b);
static inline bool mpy_object_type_is(const MpyObject *o, MpyType *t)
{
    return MPY_TYPE(o) == t || mpy_type_is_subtype(MPY_TYPE(o), t);
}

/* dir(o).  Returns: new reference to a sorted list, or NULL. */
MpyObject *mpy_object_dir(MpyObject *o);

/* The default repr "<Foo object at 0x7f...>".  Returns: new str. */
MpyObject *mpy_object_default_repr(MpyObject *o);

/* Recursion guards for repr/compare/hash on nested containers, and for
 * any C code that recurses on user data.  Returns 0, or -1 with
 * RecursionError set ("maximum recursion depth exceeded while ..."). */
int mpy_enter_recursive_call(const char *where);
void mpy_leave_recursive_call(void);
/* repr of self-referencing containers: returns 1 if `o` is already being
 * repr'd on this thread ("[...]"), 0 after registering it, -1 on error. */
int mpy_repr_enter(MpyObject *o);
void mpy_repr_leave(MpyObject *o);

/* ------------------------------------------------------------------ */
/* Singletons (runtime/object.c)                                        */

extern MpyObject mpy__none;
extern MpyObject mpy__not_implemented;
extern MpyObject mpy__ellipsis;
extern MpyType mpy_none_type;
extern MpyType mpy_not_implemented_type;
extern MpyType mpy_ellipsis_type;
#define MPY_NONE (&mpy__none)
#define MPY_NOT_IMPLEMENTED (&mpy__not_implemented)
#define MPY_ELLIPSIS (&mpy__ellipsis)
/* Returns: new reference to None (for `return MPY_RETURN_NONE;`). */
#define MPY_RETURN_NONE mpy_newref(MPY_NONE)

#endif
