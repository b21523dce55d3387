/* include/minipy/module.h: built-in modules written by the host in C.
 *
 * Models CPython's PyMethodDef / PyModuleDef and PyImport_AppendInittab.
 * A host describes a module with static tables and registers it; after
 * that, `import NAME` in any script finds it:
 *
 *     static MpyObject *sensor_read(MpyObject *self, MpyObject *const *args,
 *                                   size_t nargs, MpyObject *kwnames)
 *     {
 *         return mpy_float_create(21.5);
 *     }
 *     static const MpyHostFunction sensor_functions[] = {
 *         {"read", sensor_read, MPY_ARGS_NONE, "read() -> float"},
 *         {NULL},
 *     };
 *     static const MpyHostConstant sensor_constants[] = {
 *         {.name = "CHANNELS", .kind = MPY_CONST_INT, .int_value = 4},
 *         {NULL},
 *     };
 *     static const MpyHostModule sensor_module = {
 *         .name = "sensor", .doc = "A pretend sensor.",
 *         .functions = sensor_functions, .constants = sensor_constants,
 *         .gil_not_used = 1,
 *     };
 *     ...
 *     mpy_module_register(&sensor_module);   // before or after mpy_runtime_init
 */
#ifndef MINIPY_INCLUDE_MINIPY_MODULE_H
#define MINIPY_INCLUDE_MINIPY_MODULE_H

#include <stddef.h>
#include <stdint.h>

#include "object.h"

#if defined(__cplusplus)
extern "C" {
#endif

/* A C function callable from Python.  `self` is the module.  Arguments are
 * borrowed: `nargs` positional ones in args[0..nargs), then, for
 * MPY_ARGS_VECTOR functions called with keywords, one value per name of
 * the `kwnames` tuple (NULL when there are none).  mpy_args_bind sorts
 * them out.
 * Returns: a new reference, or NULL with an exception set (e.g.
 *          `return mpy_err_set_string(mpy_exc_ValueError, "bad channel");`). */
typedef MpyObject *(*MpyHostFunc)(MpyObject *self, MpyObject *const *args, size_t nargs,
                                  MpyObject *kwnames);

/* How a function takes its arguments (MpyHostFunction.flags): */
enum {
    MPY_ARGS_NONE = 0x01,   /* f(): minipy rejects any argument; args is NULL */
    MPY_ARGS_ONE = 0x02,    /* f(x): exactly one positional argument, args[0] */
    MPY_ARGS_VECTOR = 0x04, /* f(*args, **kwargs): the function checks them */
};

typedef struct MpyHostFunction {
    const char *name;     /* NULL ends the table */
    MpyHostFunc func;
    int flags;            /* MPY_ARGS_* */
    const char *doc;      /* __doc__, or NULL */
} MpyHostFunction;

/* Kinds of module constants (MpyHostConstant.kind): */
enum { MPY_CONST_INT = 1, MPY_CONST_FLOAT = 2, MPY_CONST_STR = 3 };

typedef struct MpyHostConstant {
    const char *name;     /* NULL ends the table */
    int kind;             /* MPY_CONST_*: which value field is used */
    int64_t int_value;
    double float_value;
    const char *str_value; /* UTF-8 */
} MpyHostConstant;

typedef struct MpyHostModule {
    const char *name;     /* the import name: "sensor" (no dots) */
    const char *doc;      /* __doc__, or NULL */
    const MpyHostFunction *functions;  /* or NULL */
    const MpyHostConstant *constants;  /* or NULL */
    /* Called once per interpreter after the functions and constants are
     * in place, to add anything else (objects made with the API, or
     * Python code run in the module with mpy_run_string).  May be NULL.
     * Returns 0, or -1 with an exception set (the import then fails). */
    int (*init)(MpyObject *module);
    /* 1: the module is safe without the GIL.  0: importing it in the
     * free-threaded build (minipyt) turns the GIL on for good, with a
     * RuntimeWarning, as CPython 3.13t does, unless PYTHON_GIL is set. */
    int gil_not_used;
} MpyHostModule;

/* Make module `def` importable under def->name, in this interpreter and
 * every later one in this process.  The tables must stay valid (static)
 * until the process exits.
 * The module object is built (constants added, def->init run) when the
 * runtime and the registration both exist: by this call after
 * mpy_runtime_init, by mpy_runtime_init otherwise; an error there fails
 * that call.  (Once the import system looks host modules up itself, it
 * will be built by the first `import`, which then raises the error.)
 * Returns: 0; -1 with ValueError set (no name, a dotted name, a name
 *          already registered or built into minipy, a table entry without
 *          a function or with bad flags) when the runtime is running,
 *          or after printing the reason to stderr when it is not; -1 with
 *          whatever def->init raised.
 * Threads: before mpy_runtime_init from any one thread; after it, from an
 *          attached thread. */
int mpy_module_register(const MpyHostModule *def);

/* Bind the arguments of an MPY_ARGS_VECTOR function to parameter names,
 * as a Python signature `f(a, b, c=...)` would: positional arguments fill
 * `names` in order, keyword arguments go by name.  `names` is a
 * NULL-terminated array; a name written "$c" is keyword-only.  The first
 * `required` names must be given.  out[i] receives a borrowed reference,
 * or NULL when parameter i was not given (out needs one slot per name).
 * `funcname` is used in the messages.
 * Returns: 0, or -1 with TypeError set, in CPython's words ("read() got an
 *          unexpected keyword argument 'x'", "read() missing required
 *          argument 'channel' (pos 1)", "read() takes at most 2 arguments
 *          (3 given)"), or SystemError for NULL tables.
 * Refs:    borrows everything; out[] is borrowed from args. */
int mpy_args_bind(const char *funcname, MpyObject *const *args, size_t nargs,
                  MpyObject *kwnames, const char *const *names, size_t required,
                  MpyObject **out);

#if defined(__cplusplus)
}
#endif

#endif
