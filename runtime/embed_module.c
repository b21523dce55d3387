/* runtime/embed_module.c: built-in modules written by the host in C
 * (mpy_module_register), and the GIL rule for modules that did not declare
 * themselves safe without it.
 *
 * Models CPython's PyImport_AppendInittab (Python/import.c) plus the
 * single-phase init of an extension module, and the Py_mod_gil check of
 * CPython 3.13t (_PyImport_CheckGILForModule).
 *
 * Each registered MpyHostModule gets a HostEntry: the host's tables turned
 * into the core's own MpyModuleDef / MpyMethodDef form, so that the module
 * object is built by mpy_module_from_def (runtime/module.c) exactly as
 * `math` or `time` is.  The registry lives for the whole process, like
 * CPython's inittab: a module registered once can be imported by every
 * interpreter started afterwards.
 *
 * How `import sensor` finds a host module: runtime/module.c's
 * mpy__find_builtin_module should ask mpy__embed_find_module after its own
 * table (requested from the lead).  Until it does, each host module is
 * built as soon as both the runtime and the registration exist, and put in
 * sys.modules, where the import finds it.  load_into_sys_modules() notices
 * when the lookup is in place and then leaves the loading to the import.
 */
#include "runtime/embed.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/import.h"
#include "runtime/init.h"
#include "runtime/str.h"
#include "runtime/traceback.h"
#include "runtime/tuple.h"

typedef struct HostEntry {
    MpyModuleDef def;          /* first: module->def points here (see host_exec) */
    const MpyHostModule *host;
    MpyMethodDef *methods;     /* host->functions in the core's form, {NULL}-terminated */
} HostEntry;

/* The registry (process-wide, guarded by registry_mutex). */
static pthread_mutex_t registry_mutex = PTHREAD_MUTEX_INITIALIZER;
static HostEntry **registry;
static size_t registry_len, registry_cap;

/* Free-threaded build: a module without gil_not_used turned the GIL on in
 * this interpreter already (warn once, as CPython does).  Reset by fini. */
static bool gil_enabled_by_import;

/* ------------------------------------------------------------------ */
/* Checking a definition                                                */

/* Returns NULL if `def` is acceptable, else what is wrong with it. */
static const char *definition_problem(const MpyHostModule *def)
{
    if (def->name == NULL || def->name[0] == '\0')
        return "the module has no name";
    if (strchr(def->name, '.') != NULL)
        return "a host module name cannot contain '.'";
    for (const MpyHostFunction *f = def->functions; f != NULL && f->name != NULL; f++) {
        if (f->func == NULL)
            return "a function entry has no C function";
        if (f->flags != MPY_ARGS_NONE && f->flags != MPY_ARGS_ONE && f->flags != MPY_ARGS_VECTOR)
            return "a function entry has flags other than MPY_ARGS_NONE/ONE/VECTOR";
    }
    for (const MpyHostConstant *c = def->constants; c != NULL && c->name != NULL; c++) {
        if (c->kind != MPY_CONST_INT && c->kind != MPY_CONST_FLOAT && c->kind != MPY_CONST_STR)
            return "a constant has a kind other than MPY_CONST_INT/FLOAT/STR";
        if (c->kind == MPY_CONST_STR && c->str_value == NULL)
            return "a str constant has no str_value";
    }
    return NULL;
}

/* Report a refused registration: as ValueError when the runtime runs,
 * else on stderr.  Returns -1. */
static int refuse(const char *name, const char *why)
{
    if (mpy_is_initialized())
        mpy_err_format(mpy_exc_ValueError, "mpy_module_register('%s'): %s", name ? name : "", why);
    else
        fprintf(stderr, "minipy: mpy_module_register('%s'): %s\n", name ? name : "", why);
    return -1;
}

/* ------------------------------------------------------------------ */
/* The registry                                                         */

static HostEntry *find_locked(const char *name)
{
    for (size_t i = 0; i < registry_len; i++) {
        if (strcmp(registry[i]->def.name, name) == 0)
            return registry[i];
    }
    return NULL;
}

const MpyModuleDef *mpy__embed_find_module(const char *name)
{
    pthread_mutex_lock(&registry_mutex);
    HostEntry *entry = find_locked(name);
    pthread_mutex_unlock(&registry_mutex);
    return entry != NULL ? &entry->def : NULL;
}

static int host_exec(MpyObject *module);

static int method_flags(int host_flags)
{
    switch (host_flags) {
    case MPY_ARGS_NONE: return MPY_METH_NOARGS;
    case MPY_ARGS_ONE: return MPY_METH_O;
    default: return MPY_METH_FASTCALL;
    }
}

/* A new entry for a checked definition.  Returns NULL when out of memory. */
static HostEntry *entry_new(const MpyHostModule *host)
{
    size_t n = 0;
    while (host->functions != NULL && host->functions[n].name != NULL)
        n++;
    HostEntry *entry = calloc(1, sizeof *entry);
    MpyMethodDef *methods = calloc(n + 1, sizeof *methods);
    if (entry == NULL || methods == NULL) {
        free(entry);
        free(methods);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        const MpyHostFunction *f = &host->functions[i];
        methods[i] = (MpyMethodDef){f->name, f->func, method_flags(f->flags), f->doc};
    }
    entry->host = host;
    entry->methods = methods;
    entry->def = (MpyModuleDef){
        .name = host->name,
        .doc = host->doc,
        .methods = methods,
        .exec = host_exec,
        .gil_not_used = host->gil_not_used,
    };
    return entry;
}

/* Add `entry` (its name is known to be free).  Returns 0, or -1 when out
 * of memory. */
static int add_locked(HostEntry *entry)
{
    if (registry_len == registry_cap) {
        size_t cap = registry_cap ? registry_cap * 2 : 8;
        HostEntry **bigger = realloc(registry, cap * sizeof *bigger);
        if (bigger == NULL)
            return -1;
        registry = bigger;
        registry_cap = cap;
    }
    registry[registry_len++] = entry;
    return 0;
}

static void remove_entry(HostEntry *entry)
{
    pthread_mutex_lock(&registry_mutex);
    for (size_t i = 0; i < registry_len; i++) {
        if (registry[i] == entry) {
            registry[i] = registry[--registry_len];
            break;
        }
    }
    pthread_mutex_unlock(&registry_mutex);
    free(entry->methods);
    free(entry);
}

/* ------------------------------------------------------------------ */
/* Building a module                                                    */

/* The free-threaded build's rule: a module that did not declare
 * gil_not_used turns the GIL on for good, with CPython 3.13t's warning,
 * unless PYTHON_GIL (or MpyConfig.enable_gil) chose explicitly. */
static void require_gil_if_needed(const MpyHostModule *host)
{
    if (!MPY_FREE_THREADED || host->gil_not_used || mpy__interp->enable_gil != -1 ||
        gil_enabled_by_import)
        return;
    gil_enabled_by_import = true;
    mpy__gil_enable_permanently();
    MpyObject *text = mpy_str_from_format(
        "<frozen importlib._bootstrap>:491: RuntimeWarning: The global interpreter lock (GIL) "
        "has been enabled to load module '%s', which has not declared that it can run safely "
        "without the GIL. To override this behavior and keep the GIL disabled (at your own "
        "risk), run with PYTHON_GIL=0 or -Xgil=0.\n",
        host->name);
    if (text == NULL) {
        mpy_err_clear();
        return;
    }
    mpy__stderr_write(mpy_str_utf8(text), (size_t)mpy_str_size(text));
    MPY_DECREF(text);
}

static int add_constant(MpyObject *module, const MpyHostConstant *c)
{
    switch (c->kind) {
    case MPY_CONST_INT: return mpy_module_add_int(module, c->name, (long long)c->int_value);
    case MPY_CONST_FLOAT: return mpy_module_add_float(module, c->name, c->float_value);
    default: return mpy_module_add_str(module, c->name, c->str_value);
    }
}

/* The exec hook of every host module: mpy_module_from_def has added the
 * functions; add the constants, then run the host's own init. */
static int host_exec(MpyObject *module)
{
    // `def` is the first member of its HostEntry.
    HostEntry *entry = (HostEntry *)((MpyModuleObject *)module)->def;
    const MpyHostModule *host = entry->host;
    require_gil_if_needed(host);
    for (const MpyHostConstant *c = host->constants; c != NULL && c->name != NULL; c++) {
        if (add_constant(module, c) < 0)
            return -1;
    }
    if (host->init != NULL && host->init(module) < 0) {
        if (mpy_err_occurred() == NULL)
            mpy_err_format(mpy_exc_SystemError, "initialization of %s failed without raising an "
                                                "exception", host->name);
        return -1;
    }
    return 0;
}

/* Build the module now and put it in sys.modules, unless the import
 * system already looks host modules up itself.  Returns 0 / -1. */
static int load_into_sys_modules(HostEntry *entry)
{
    if (mpy__find_builtin_module(entry->def.name) == &entry->def)
        return 0;
    MpyObject *module = mpy_module_from_def(&entry->def);
    if (module == NULL)
        return -1;
    int result = mpy_dict_set_cstr(mpy__interp->modules, entry->def.name, module);
    MPY_DECREF(module);
    return result;
}

int mpy__embed_modules_start(void)
{
    gil_enabled_by_import = false;
    pthread_mutex_lock(&registry_mutex);
    size_t n = registry_len;
    HostEntry **snapshot = n ? malloc(n * sizeof *snapshot) : NULL;
    if (snapshot != NULL)
        memcpy(snapshot, registry, n * sizeof *snapshot);
    pthread_mutex_unlock(&registry_mutex);
    if (n > 0 && snapshot == NULL) {
        mpy_err_no_memory();
        return -1;
    }
    int result = 0;
    for (size_t i = 0; result == 0 && i < n; i++)  // entries are never freed once loaded
        result = load_into_sys_modules(snapshot[i]);
    free(snapshot);
    return result;
}

void mpy__embed_modules_stop(void)
{
    gil_enabled_by_import = false;
}

/* ------------------------------------------------------------------ */
/* The public calls                                                     */

int mpy_module_register(const MpyHostModule *def)
{
    static const char func[] = "mpy_module_register";
    bool running = mpy_is_initialized();
    if (running && !mpy__embed_enter(func))
        return -1;
    if (def == NULL) {
        if (running)
            mpy__embed_null_arg(func, "def");
        else
            fprintf(stderr, "minipy: %s(): argument 'def' is NULL\n", func);
        return -1;
    }
    const char *problem = definition_problem(def);
    if (problem != NULL)
        return refuse(def->name, problem);
    if (mpy__embed_find_module(def->name) != NULL)
        return refuse(def->name, "a module of that name is already registered");
    if (mpy__find_builtin_module(def->name) != NULL || mpy__find_frozen_module(def->name) != NULL)
        return refuse(def->name, "minipy already has a built-in module of that name");
    HostEntry *entry = entry_new(def);
    if (entry == NULL)
        return refuse(def->name, "out of memory");
    const char *clash = NULL;
    pthread_mutex_lock(&registry_mutex);
    if (find_locked(def->name) != NULL)
        clash = "a module of that name is already registered";
    else if (add_locked(entry) < 0)
        clash = "out of memory";
    pthread_mutex_unlock(&registry_mutex);
    if (clash != NULL) {
        free(entry->methods);
        free(entry);
        return refuse(def->name, clash);
    }
    if (running && load_into_sys_modules(entry) < 0) {
        remove_entry(entry);  // a failed init leaves nothing registered
        return -1;
    }
    return 0;
}

int mpy_args_bind(const char *funcname, MpyObject *const *args, size_t nargs, MpyObject *kwnames,
                  const char *const *names, size_t required, MpyObject **out)
{
    static const char func[] = "mpy_args_bind";
    if (!mpy__embed_enter(func))
        return -1;
    const char *missing = NULL;
    if (funcname == NULL)
        missing = "funcname";
    else if (names == NULL)
        missing = "names";
    else if (out == NULL)
        missing = "out";
    else if ((nargs > 0 || kwnames != NULL) && args == NULL)
        missing = "args";
    if (missing != NULL) {
        mpy__embed_null_arg(func, missing);
        return -1;
    }
    size_t nnames = 0;
    while (names[nnames] != NULL)
        nnames++;
    if (required > nnames) {
        mpy_err_format(mpy_exc_SystemError, "%s(): %zu required of only %zu names", func, required,
                       nnames);
        return -1;
    }
    if (kwnames != NULL && !mpy_tuple_check(kwnames)) {
        mpy_err_format(mpy_exc_SystemError, "%s(): kwnames must be a tuple, not %T", func, kwnames);
        return -1;
    }
    for (ptrdiff_t i = 0; kwnames != NULL && i < mpy_tuple_size(kwnames); i++) {
        if (!mpy_str_check(mpy_tuple_item(kwnames, i))) {
            mpy_err_format(mpy_exc_SystemError, "%s(): kwnames must hold str", func);
            return -1;
        }
    }
    return mpy_arg_parse(funcname, args, nargs, kwnames, names, required, out);
}
