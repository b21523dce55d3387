/* runtime/import.c: finding, loading and caching modules.
 *
 * Models CPython's Python/import.c plus the parts of importlib._bootstrap
 * that a program notices: sys.modules caching (a module is registered
 * before its body runs, so circular imports see the partial module), the
 * search order built-in -> frozen -> sys.path, packages with __init__.py
 * and __path__, relative imports resolved from __package__/__name__,
 * binding submodules as attributes of their parent package, fromlist
 * handling, and the ModuleNotFoundError/ImportError messages.
 */
#include "runtime/import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "gil/tstate.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/compiler.h"
#include "vm/eval.h"

/* ------------------------------------------------------------------ */
/* Executing module bodies                                              */

int mpy_import_exec_source(MpyObject *module, const char *source, size_t len, MpyObject *filename)
{
    MpyObject *dict = mpy_module_get_dict(module);
    if (mpy_dict_set(dict, MPY_ID(__builtins__), mpy__interp->builtins_module) < 0)
        return -1;
    MpyObject *code = mpy_compile_source(source, len, filename, MPY_PARSE_FILE, NULL);
    if (code == NULL)
        return -1;
    MpyObject *r = mpy_eval_code(code, dict, dict);
    MPY_DECREF(code);
    if (r == NULL)
        return -1;
    MPY_DECREF(r);
    return 0;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap);
    while (buf != NULL) {
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
        if (n + 1 >= cap) {
            char *bigger = realloc(buf, cap * 2);
            if (bigger == NULL) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf != NULL) {
        buf[n] = '\0';
        *len = n;
    }
    return buf;
}

/* ------------------------------------------------------------------ */
/* Finding one module                                                   */

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Search `paths` (a list of directory names) for module `last` (the part
 * after the last dot).  On success fills `file` and, for packages, `dir`.
 * Returns 1 found, 0 not found. */
static int search_paths(MpyObject *paths, const char *last, char *file, size_t size, char *dir,
                        size_t dsize, bool *is_package)
{
    if (paths == NULL || !mpy_list_check(paths))
        return 0;
    for (ptrdiff_t i = 0; i < mpy_list_size(paths); i++) {
        MpyObject *entry = ((MpyListObject *)paths)->items[i];
        if (!mpy_str_check(entry))
            continue;
        const char *base = mpy_str_utf8(entry);
        const char *sep = base[0] == '\0' ? "" : "/";
        if (base[0] == '\0')
            snprintf(dir, dsize, "%s", last);
        else
            snprintf(dir, dsize, "%s%s%s", base, sep, last);
        snprintf(file, size, "%s/__init__.py", dir);
        if (is_dir(dir) && is_file(file)) {
            *is_package = true;
            return 1;
        }
        snprintf(file, size, "%s%s%s.py", base, sep, last);
        if (is_file(file)) {
            *is_package = false;
            return 1;
        }
    }
    return 0;
}

static MpyObject *sys_attr(const char *name)
{
    return mpy_dict_get_str_borrowed(mpy__interp->sysdict, mpy_str_intern_cstr(name));
}

static void module_not_found(MpyObject *name)
{
    MpyObject *msg = mpy_str_from_format("No module named %R", name);
    if (msg == NULL)
        return;
    MpyObject *exc = mpy_exc_new(mpy_exc_ModuleNotFoundError, &msg, 1);
    MPY_DECREF(msg);
    if (exc != NULL) {
        mpy_object_setattr_cstr(exc, "name", name);
        mpy_err_restore(exc);
    }
}

/* Create module `fullname`, register it in sys.modules, run its body.
 * On failure it is removed from sys.modules again. */
static MpyObject *load_source_module(MpyObject *fullname, const char *source, size_t len,
                                     MpyObject *filename, MpyObject *package_path)
{
    MpyObject *module = mpy_module_new(fullname);
    if (module == NULL)
        return NULL;
    MpyObject *dict = mpy_module_get_dict(module);
    int err = 0;
    if (filename != NULL && mpy_str_check(filename) && mpy_str_utf8(filename)[0] != '<')
        err = mpy_dict_set(dict, MPY_ID(__file__), filename);
    if (err == 0 && package_path != NULL) {
        err = mpy_dict_set(dict, MPY_ID(__path__), package_path);
        if (err == 0)
            err = mpy_dict_set(dict, MPY_ID(__package__), fullname);
    } else if (err == 0) {
        const char *s = mpy_str_utf8(fullname);
        const char *dot = strrchr(s, '.');
        MpyObject *pkg = mpy_str_from_utf8(s, dot ? (size_t)(dot - s) : 0);
        err = pkg == NULL ? -1 : mpy_dict_set(dict, MPY_ID(__package__), pkg);
        MPY_XDECREF(pkg);
    }
    if (err < 0 || mpy_dict_set(mpy__interp->modules, fullname, module) < 0) {
        MPY_DECREF(module);
        return NULL;
    }
    if (mpy_import_exec_source(module, source, len, filename ? filename : fullname) < 0) {
        MpyObject *saved = mpy_err_fetch();
        MpyObject *v = mpy_dict_pop(mpy__interp->modules, fullname, MPY_NONE);
        MPY_XDECREF(v);
        mpy_err_restore_raw(saved);
        MPY_DECREF(module);
        return NULL;
    }
    /* The body may have replaced sys.modules[fullname] (a module trick). */
    MpyObject *final = mpy_dict_get(mpy__interp->modules, fullname);
    MPY_DECREF(module);
    if (final == NULL && !mpy_err_occurred())
        mpy_err_format(mpy_exc_ImportError, "Loaded module %R not found in sys.modules", fullname);
    return final;
}

static MpyObject *load_builtin(MpyObject *fullname, const MpyModuleDef *def)
{
    MpyObject *module = mpy_module_from_def(def);
    if (module == NULL)
        return NULL;
    if (mpy_dict_set(mpy__interp->modules, fullname, module) < 0) {
        MPY_DECREF(module);
        return NULL;
    }
    return module;
}

static MpyObject *load_frozen(MpyObject *fullname, const MpyFrozenModule *fm)
{
    MpyObject *filename = mpy_str_from_format("<frozen %U>", fullname);
    MpyObject *path = fm->is_package ? mpy_list_new(0) : NULL;
    MpyObject *r = NULL;
    if (filename != NULL && (!fm->is_package || path != NULL))
        r = load_source_module(fullname, fm->source, strlen(fm->source), filename, path);
    MPY_XDECREF(filename);
    MPY_XDECREF(path);
    return r;
}

/* Find and load `fullname`, whose parent package (if any) is loaded.
 * Returns: new reference to the module, or NULL. */
static MpyObject *find_and_load(MpyObject *fullname, MpyObject *parent)
{
    const char *name = mpy_str_utf8(fullname);
    const MpyModuleDef *def = mpy__find_builtin_module(name);
    if (def != NULL)
        return load_builtin(fullname, def);
    const MpyFrozenModule *fm = mpy__find_frozen_module(name);
    if (fm != NULL)
        return load_frozen(fullname, fm);
    MpyObject *paths;
    if (parent != NULL) {
        paths = mpy_object_lookup_attr(parent, MPY_ID(__path__));
        if (paths == NULL) {
            if (!mpy_err_occurred()) {
                MpyObject *pname = mpy_module_check(parent) ? mpy_module_get_name(parent) : NULL;
                MpyObject *msg = mpy_str_from_format("No module named %R; %R is not a package",
                                                     fullname, pname ? pname : MPY_NONE);
                if (msg != NULL) {
                    MpyObject *exc = mpy_exc_new(mpy_exc_ModuleNotFoundError, &msg, 1);
                    MPY_DECREF(msg);
                    if (exc != NULL) {
                        mpy_object_setattr_cstr(exc, "name", fullname);
                        mpy_err_restore(exc);
                    }
                }
            }
            return NULL;
        }
    } else {
        paths = MPY_NEWREF(sys_attr("path"));
    }
    const char *dot = strrchr(name, '.');
    const char *last = dot ? dot + 1 : name;
    char file[8192], dir[4096];
    bool is_package = false;
    int found = search_paths(paths, last, file, sizeof file, dir, sizeof dir, &is_package);
    MPY_XDECREF(paths);
    if (!found) {
        module_not_found(fullname);
        return NULL;
    }
    size_t len;
    char *source = read_file(file, &len);
    if (source == NULL)
        return mpy_err_from_errno_filename(mpy_exc_OSError, NULL);
    MpyObject *filename = mpy_str_from_cstr(file);
    MpyObject *pkgpath = NULL;
    if (is_package) {
        MpyObject *d = mpy_str_from_cstr(dir);
        pkgpath = d ? mpy_list_new(0) : NULL;
        if (pkgpath != NULL && mpy_list_append(pkgpath, d) < 0)
            MPY_CLEAR(pkgpath);
        MPY_XDECREF(d);
    }
    MpyObject *module = NULL;
    if (filename != NULL && (!is_package || pkgpath != NULL))
        module = load_source_module(fullname, source, len, filename, pkgpath);
    free(source);
    MPY_XDECREF(filename);
    MPY_XDECREF(pkgpath);
    return module;
}

/* Import `fullname` (absolute), loading its parents first; bind it as an
 * attribute of its parent.  Returns: new reference or NULL. */
/* A module found in sys.modules (consumes `cached`): None means "halted". */
static MpyObject *cached_result(MpyObject *fullname, MpyObject *cached)
{
    if (cached != MPY_NONE)
        return cached;
    MPY_DECREF(cached);
    mpy_err_format(mpy_exc_ModuleNotFoundError, "import of %U halted; None in sys.modules", fullname);
    return NULL;
}

static MpyObject *import_absolute_locked(MpyObject *fullname);

static MpyObject *import_absolute(MpyObject *fullname)
{
    MpyObject *cached = mpy_dict_get(mpy__interp->modules, fullname);
    if (cached != NULL && !mpy__import_busy_elsewhere(fullname))
        return cached_result(fullname, cached);
    if (cached == NULL && mpy_err_occurred())
        return NULL;
    MPY_XDECREF(cached);
    /* Not loaded yet, or being loaded by another thread: wait for it, and
     * load it ourselves if it is still missing. */
    int owned = mpy__import_acquire(fullname);
    if (owned < 0)
        return NULL;
    cached = mpy_dict_get(mpy__interp->modules, fullname);
    MpyObject *module;
    if (cached != NULL)
        module = cached_result(fullname, cached);
    else if (mpy_err_occurred())
        module = NULL;
    else
        module = import_absolute_locked(fullname);
    if (owned)
        mpy__import_release(fullname);
    return module;
}

static MpyObject *import_absolute_locked(MpyObject *fullname)
{
    MpyObject *cached;
    const char *s = mpy_str_utf8(fullname);
    const char *dot = strrchr(s, '.');
    MpyObject *parent = NULL;
    if (dot != NULL) {
        MpyObject *parent_name = mpy_str_from_utf8(s, (size_t)(dot - s));
        if (parent_name == NULL)
            return NULL;
        parent = import_absolute(parent_name);
        MPY_DECREF(parent_name);
        if (parent == NULL)
            return NULL;
        /* Importing the parent may have imported us. */
        cached = mpy_dict_get(mpy__interp->modules, fullname);
        if (cached != NULL) {
            MPY_DECREF(parent);
            return cached;
        }
    }
    MpyObject *module = find_and_load(fullname, parent);
    if (module != NULL && parent != NULL) {
        MpyObject *child = mpy_str_from_cstr(dot + 1);
        if (child == NULL || mpy_object_setattr(parent, child, module) < 0)
            MPY_CLEAR(module);
        MPY_XDECREF(child);
    }
    MPY_XDECREF(parent);
    return module;
}

MpyObject *mpy_import_module(MpyObject *name)
{
    return import_absolute(name);
}

MpyObject *mpy_import_module_cstr(const char *name)
{
    MpyObject *s = mpy_str_from_cstr(name);
    if (s == NULL)
        return NULL;
    MpyObject *m = import_absolute(s);
    MPY_DECREF(s);
    return m;
}

/* ------------------------------------------------------------------ */
/* The import statement                                                 */

/* The absolute name for a relative import of `name` at `level`.
 * Returns: new str or NULL. */
static MpyObject *resolve_name(MpyObject *name, MpyObject *globals, int level)
{
    if (globals == NULL || !mpy_dict_check(globals)) {
        mpy_err_set(mpy_exc_KeyError, "'__name__' not in globals");
        return NULL;
    }
    MpyObject *package = mpy_dict_get_str_borrowed(globals, MPY_ID(__package__));
    MpyObject *base;
    if (package != NULL && package != MPY_NONE) {
        if (!mpy_str_check(package)) {
            mpy_err_set(mpy_exc_TypeError, "package must be a string");
            return NULL;
        }
        base = MPY_NEWREF(package);
    } else {
        MpyObject *modname = mpy_dict_get_str_borrowed(globals, MPY_ID(__name__));
        if (modname == NULL || !mpy_str_check(modname)) {
            mpy_err_set(mpy_exc_ImportError, "attempted relative import with no known parent package");
            return NULL;
        }
        if (mpy_dict_get_str_borrowed(globals, MPY_ID(__path__)) != NULL) {
            base = MPY_NEWREF(modname);
        } else {
            const char *s = mpy_str_utf8(modname);
            const char *dot = strrchr(s, '.');
            base = mpy_str_from_utf8(s, dot ? (size_t)(dot - s) : 0);
            if (base == NULL)
                return NULL;
        }
    }
    if (mpy_str_length(base) == 0) {
        MPY_DECREF(base);
        mpy_err_set(mpy_exc_ImportError, "attempted relative import with no known parent package");
        return NULL;
    }
    const char *b = mpy_str_utf8(base);
    size_t cut = strlen(b);
    for (int i = 1; i < level; i++) {
        while (cut > 0 && b[cut - 1] != '.')
            cut--;
        if (cut == 0) {
            MPY_DECREF(base);
            mpy_err_set(mpy_exc_ImportError, "attempted relative import beyond top-level package");
            return NULL;
        }
        cut--;
    }
    // (mpy_str_from_format has no "%.*s": cut the base first.)
    MpyObject *r = mpy_str_from_utf8(b, cut);
    if (r != NULL && mpy_str_length(name) > 0)
        MPY_SETREF(r, mpy_str_from_format("%U.%U", r, name));
    MPY_DECREF(base);
    return r;
}

/* `from package import a, b`: import submodules named in fromlist that are
 * not attributes yet.  Returns 0 / -1. */
static int handle_fromlist(MpyObject *module, MpyObject *fromlist)
{
    if (mpy_object_lookup_attr(module, MPY_ID(__path__)) == NULL)
        return mpy_err_occurred() ? -1 : 0;
    MpyObject *pkgname = mpy_module_check(module) ? mpy_module_get_name(module) : NULL;
    if (pkgname == NULL)
        return 0;
    for (ptrdiff_t i = 0; i < mpy_tuple_size(fromlist); i++) {
        MpyObject *item = mpy_tuple_item(fromlist, i);
        if (!mpy_str_check(item) || mpy_str_equal_cstr(item, "*"))
            continue;
        int has = mpy_object_hasattr(module, item);
        if (has != 0) {
            if (has < 0)
                return -1;
            continue;
        }
        MpyObject *full = mpy_str_from_format("%U.%U", pkgname, item);
        if (full == NULL)
            return -1;
        MpyObject *sub = import_absolute(full);
        MPY_DECREF(full);
        if (sub == NULL) {
            /* A missing name is reported by IMPORT_FROM, not here. */
            if (mpy_err_matches(mpy_exc_ModuleNotFoundError)) {
                mpy_err_clear();
                continue;
            }
            return -1;
        }
        MPY_DECREF(sub);
    }
    return 0;
}

MpyObject *mpy_import_module_level(MpyObject *name, MpyObject *globals, MpyObject *fromlist,
                                   int level)
{
    if (!mpy_str_check(name))
        return mpy_err_format(mpy_exc_TypeError, "module name must be str, not %T", name);
    if (level < 0)
        return mpy_err_format(mpy_exc_ValueError, "level must be >= 0");
    MpyObject *fullname = level > 0 ? resolve_name(name, globals, level) : MPY_NEWREF(name);
    if (fullname == NULL)
        return NULL;
    if (mpy_str_length(fullname) == 0) {
        MPY_DECREF(fullname);
        return mpy_err_format(mpy_exc_ValueError, "Empty module name");
    }
    MpyObject *module = import_absolute(fullname);
    if (module == NULL) {
        MPY_DECREF(fullname);
        return NULL;
    }
    bool has_fromlist = fromlist != NULL && fromlist != MPY_NONE && mpy_tuple_check(fromlist) &&
                        mpy_tuple_size(fromlist) > 0;
    if (has_fromlist) {
        MPY_DECREF(fullname);
        if (handle_fromlist(module, fromlist) < 0) {
            MPY_DECREF(module);
            return NULL;
        }
        return module;
    }
    /* `import a.b.c` binds `a`: return the top-level package. */
    MpyObject *r = module;
    if (level == 0 && strchr(mpy_str_utf8(name), '.') != NULL) {
        const char *s = mpy_str_utf8(name);
        MpyObject *top = mpy_str_from_utf8(s, (size_t)(strchr(s, '.') - s));
        r = top ? mpy_dict_get(mpy__interp->modules, top) : NULL;
        MPY_XDECREF(top);
        MPY_DECREF(module);
    } else if (level > 0 && strchr(mpy_str_utf8(name), '.') != NULL) {
        /* `from . import a.b` is a syntax error; plain relative keeps module */
    }
    MPY_DECREF(fullname);
    return r;
}

MpyObject *mpy__builtin_import(MpyObject *self, MpyObject *const *args, size_t nargs,
                               MpyObject *kwnames)
{
    static const char *const kwlist[] = {"name", "globals", "locals", "fromlist", "level", NULL};
    MpyObject *a[5];
    if (mpy_arg_parse("__import__", args, nargs, kwnames, kwlist, 1, a) < 0)
        return NULL;
    int level = 0;
    if (a[4] != NULL) {
        level = (int)mpy_int_as_long(a[4]);
        if (level == -1 && mpy_err_occurred())
            return NULL;
    }
    MpyObject *globals = a[1] != NULL && a[1] != MPY_NONE ? a[1] : NULL;
    MpyObject *fromlist = a[3];
    MpyObject *tuple = NULL;
    if (fromlist != NULL && fromlist != MPY_NONE && !mpy_tuple_check(fromlist)) {
        tuple = mpy_tuple_from_iterable(fromlist);
        if (tuple == NULL)
            return NULL;
        fromlist = tuple;
    }
    MpyObject *r = mpy_import_module_level(a[0], globals, fromlist, level);
    MPY_XDECREF(tuple);
    return r;
}
