/* runtime/exceptions.c: the built-in exception types.
 *
 * Models CPython's Objects/exceptions.c.  The hierarchy itself is the list
 * in runtime/exceptions.def; every type shares MpyBaseExceptionObject
 * (runtime/exceptions.h) and the generic slots below.  The families with
 * special behaviour (StopIteration's value, SystemExit's code, OSError's
 * errno-to-subclass mapping and message, SyntaxError's location, KeyError's
 * str) get their own init/str/members, patched in before the types are
 * readied.
 */
#include "runtime/exceptions.h"

#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "gil/tstate.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/traceback.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

typedef MpyBaseExceptionObject Exc;

/* ------------------------------------------------------------------ */
/* Generic slots                                                        */

static MpyObject *exc_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    Exc *self = (Exc *)mpy_object_alloc(type);
    if (self == NULL)
        return NULL;
    self->args = mpy_tuple_from_array(args, (ptrdiff_t)nargs);
    if (self->args == NULL) {
        MPY_DECREF(self);
        return NULL;
    }
    mpy_gc_track((MpyObject *)self);
    return (MpyObject *)self;
}

static int reject_kwargs(MpyObject *self, MpyObject *kwnames)
{
    if (kwnames != NULL && mpy_tuple_size(kwnames) > 0) {
        mpy_err_format(mpy_exc_TypeError, "%s() takes no keyword arguments", mpy_type_name_of(self));
        return -1;
    }
    return 0;
}

static int exc_init(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    if (reject_kwargs(self, kwnames) < 0)
        return -1;
    MpyObject *t = mpy_tuple_from_array(args, (ptrdiff_t)nargs);
    if (t == NULL)
        return -1;
    MPY_SETREF(((Exc *)self)->args, t);
    return 0;
}

static int exc_traverse(MpyObject *o, MpyVisitFunc visit, void *arg)
{
    Exc *self = (Exc *)o;
    MPY_VISIT(self->dict);
    MPY_VISIT(self->args);
    MPY_VISIT(self->traceback);
    MPY_VISIT(self->context);
    MPY_VISIT(self->cause);
    for (int i = 0; i < MPY_EXC_EXTRA; i++)
        MPY_VISIT(self->extra[i]);
    return 0;
}

static int exc_clear(MpyObject *o)
{
    Exc *self = (Exc *)o;
    MPY_CLEAR(self->dict);
    MPY_CLEAR(self->args);
    MPY_CLEAR(self->traceback);
    MPY_CLEAR(self->context);
    MPY_CLEAR(self->cause);
    for (int i = 0; i < MPY_EXC_EXTRA; i++)
        MPY_CLEAR(self->extra[i]);
    return 0;
}

static void exc_dealloc(MpyObject *o)
{
    mpy_gc_untrack(o);
    exc_clear(o);
    mpy_object_free(o);
}

/* The class name as repr and tracebacks show it (no module). */
static const char *short_name(MpyObject *o)
{
    MpyType *t = MPY_TYPE(o);
    if (mpy_type_has_flag(t, MPY_TPFLAGS_HEAPTYPE) && t->name_obj != NULL)
        return mpy_str_utf8(t->name_obj);
    const char *dot = strrchr(t->name, '.');
    return dot ? dot + 1 : t->name;
}

static MpyObject *exc_repr(MpyObject *o)
{
    Exc *self = (Exc *)o;
    if (self->args != NULL && mpy_tuple_size(self->args) == 1)
        return mpy_str_from_format("%s(%R)", short_name(o), mpy_tuple_item(self->args, 0));
    if (self->args == NULL || mpy_tuple_size(self->args) == 0)
        return mpy_str_from_format("%s()", short_name(o));
    return mpy_str_from_format("%s%R", short_name(o), self->args);
}

static MpyObject *exc_str(MpyObject *o)
{
    Exc *self = (Exc *)o;
    ptrdiff_t n = self->args ? mpy_tuple_size(self->args) : 0;
    if (n == 0)
        return mpy_str_empty();
    if (n == 1)
        return mpy_object_str(mpy_tuple_item(self->args, 0));
    return mpy_object_str(self->args);
}

/* ------------------------------------------------------------------ */
/* Attributes and methods                                               */

static MpyObject *get_args(MpyObject *o, void *c)
{
    return MPY_NEWREF(((Exc *)o)->args ? ((Exc *)o)->args : mpy_tuple_empty());
}

static int set_args(MpyObject *o, MpyObject *v, void *c)
{
    if (v == NULL) {
        mpy_err_set(mpy_exc_TypeError, "args may not be deleted");
        return -1;
    }
    MpyObject *t = mpy_tuple_from_iterable(v);
    if (t == NULL)
        return -1;
    MPY_SETREF(((Exc *)o)->args, t);
    return 0;
}

static MpyObject *get_field(MpyObject *v)
{
    return MPY_NEWREF(v != NULL ? v : MPY_NONE);
}

static MpyObject *get_traceback(MpyObject *o, void *c) { return get_field(((Exc *)o)->traceback); }
static MpyObject *get_context(MpyObject *o, void *c) { return get_field(((Exc *)o)->context); }
static MpyObject *get_cause(MpyObject *o, void *c) { return get_field(((Exc *)o)->cause); }

static int set_traceback(MpyObject *o, MpyObject *v, void *c)
{
    if (v == NULL) {
        mpy_err_set(mpy_exc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (v != MPY_NONE && MPY_TYPE(v) != &mpy_traceback_type) {
        mpy_err_set(mpy_exc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    mpy_exc_set_traceback(o, v == MPY_NONE ? NULL : v);
    return 0;
}

static int check_exc_or_none(MpyObject *v, const char *what)
{
    if (v == NULL) {
        mpy_err_format(mpy_exc_TypeError, "%s may not be deleted", what);
        return -1;
    }
    if (v != MPY_NONE && !mpy_exc_check(v)) {
        mpy_err_format(mpy_exc_TypeError, "exception %s must be None or derive from BaseException",
                       strcmp(what, "__cause__") == 0 ? "cause" : "context");
        return -1;
    }
    return 0;
}

static int set_context(MpyObject *o, MpyObject *v, void *c)
{
    if (check_exc_or_none(v, "__context__") < 0)
        return -1;
    mpy_exc_set_context(o, v == MPY_NONE ? NULL : v);
    return 0;
}

static int set_cause(MpyObject *o, MpyObject *v, void *c)
{
    if (check_exc_or_none(v, "__cause__") < 0)
        return -1;
    mpy_exc_set_cause(o, v == MPY_NONE ? NULL : v);
    return 0;
}

static MpyObject *get_suppress(MpyObject *o, void *c)
{
    return MPY_NEWREF(mpy_bool_from(((Exc *)o)->suppress_context));
}

static int set_suppress(MpyObject *o, MpyObject *v, void *c)
{
    int b = v ? mpy_object_is_true(v) : 0;
    if (b < 0)
        return -1;
    ((Exc *)o)->suppress_context = (char)b;
    return 0;
}

/* __dict__: the same accessors as ordinary instances (runtime/object_type.c). */
extern const MpyGetSetDef mpy__instance_dict_getset;

static MpyObject *get_dict(MpyObject *o, void *c)
{
    return mpy__instance_dict_getset.get(o, c);
}

static int set_dict(MpyObject *o, MpyObject *v, void *c)
{
    return mpy__instance_dict_getset.set(o, v, c);
}

static const MpyGetSetDef exc_getset[] = {
    {"__dict__", get_dict, set_dict, NULL, NULL},
    {"args", get_args, set_args, NULL, NULL},
    {"__traceback__", get_traceback, set_traceback, NULL, NULL},
    {"__context__", get_context, set_context, "exception context", NULL},
    {"__cause__", get_cause, set_cause, "exception cause", NULL},
    {"__suppress_context__", get_suppress, set_suppress, NULL, NULL},
    {NULL},
};

static MpyObject *exc_with_traceback(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (set_traceback(self, args[0], NULL) < 0)
        return NULL;
    return MPY_NEWREF(self);
}

static MpyObject *exc_add_note(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    MpyObject *note = args[0];
    if (!mpy_str_check(note))
        return mpy_err_format(mpy_exc_TypeError, "note must be a str, not '%T'", note);
    MpyObject *notes = mpy_object_lookup_attr(self, MPY_ID(__notes__));
    if (notes == NULL) {
        if (mpy_err_occurred())
            return NULL;
        notes = mpy_list_new(0);
        if (notes == NULL || mpy_object_setattr(self, MPY_ID(__notes__), notes) < 0) {
            MPY_XDECREF(notes);
            return NULL;
        }
    }
    if (!mpy_list_check(notes)) {
        MPY_DECREF(notes);
        return mpy_err_format(mpy_exc_TypeError, "Cannot add note: __notes__ is not a list");
    }
    int r = mpy_list_append(notes, note);
    MPY_DECREF(notes);
    return r < 0 ? NULL : MPY_RETURN_NONE;
}

static MpyObject *exc_reduce(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    Exc *e = (Exc *)self;
    if (e->dict != NULL && mpy_dict_size(e->dict) > 0)
        return mpy_tuple_pack(3, (MpyObject *)MPY_TYPE(self), e->args, e->dict);
    return mpy_tuple_pack(2, (MpyObject *)MPY_TYPE(self), e->args);
}

/* BaseException.__setstate__(state): the attributes pickled with it. */
static MpyObject *exc_setstate(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    MpyObject *state = args[0];
    if (state == MPY_NONE)
        return MPY_RETURN_NONE;
    if (!mpy_dict_check(state))
        return mpy_err_format(mpy_exc_TypeError, "state is not a dictionary");
    MpyObject *items = mpy_dict_items(state);
    if (items == NULL)
        return NULL;
    for (ptrdiff_t i = 0; i < mpy_list_size(items); i++) {
        MpyObject *pair = ((MpyListObject *)items)->items[i];
        if (mpy_object_setattr(self, mpy_tuple_item(pair, 0), mpy_tuple_item(pair, 1)) < 0) {
            MPY_DECREF(items);
            return NULL;
        }
    }
    MPY_DECREF(items);
    return MPY_RETURN_NONE;
}

static const MpyMethodDef exc_methods[] = {
    {"__setstate__", exc_setstate, MPY_METH_O, NULL},
    {"with_traceback", exc_with_traceback, MPY_METH_O,
     "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."},
    {"add_note", exc_add_note, MPY_METH_O,
     "Exception.add_note(note) --\n    add a note to the exception"},
    {"__reduce__", exc_reduce, MPY_METH_NOARGS, NULL},
    {NULL},
};

/* ------------------------------------------------------------------ */
/* The type objects                                                     */

#define MPY_EXC(NAME, BASE, DOC)                                                           \
    MpyType mpy__exc_##NAME##_type = {                                                     \
        .ob_base = MPY_STATIC_HEAD(&mpy_type_type),                                        \
        .name = #NAME,                                                                     \
        .doc = DOC,                                                                        \
        .basicsize = sizeof(Exc),                                                          \
        .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_HAVE_GC | MPY_TPFLAGS_BASE_EXC_SUBCLASS, \
        .dealloc = exc_dealloc,                                                            \
        .repr = exc_repr,                                                                  \
        .str = exc_str,                                                                    \
        .traverse = exc_traverse,                                                          \
        .clear = exc_clear,                                                                \
        .new = exc_new,                                                                    \
        .init = exc_init,                                                                  \
        .methods = exc_methods,                                                            \
        .getset = exc_getset,                                                              \
        .dictoffset = offsetof(Exc, dict),                                                 \
    };                                                                                     \
    MpyType *const mpy_exc_##NAME = &mpy__exc_##NAME##_type;
#include "runtime/exceptions.def"
#undef MPY_EXC

/* ------------------------------------------------------------------ */
/* StopIteration, SystemExit                                            */

static int stop_iteration_init(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (exc_init(self, args, nargs, kw) < 0)
        return -1;
    MPY_SETREF(((Exc *)self)->extra[MPY_EXC_STOP_VALUE], MPY_NEWREF(nargs > 0 ? args[0] : MPY_NONE));
    return 0;
}

static int system_exit_init(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (exc_init(self, args, nargs, kw) < 0)
        return -1;
    MpyObject *code = nargs == 0 ? MPY_NEWREF(MPY_NONE)
                      : nargs == 1 ? MPY_NEWREF(args[0]) : MPY_NEWREF(((Exc *)self)->args);
    MPY_SETREF(((Exc *)self)->extra[MPY_EXC_EXIT_CODE], code);
    return 0;
}

#define EXTRA_MEMBER(pyname, index, doc)                                                   \
    {pyname, MPY_MEMBER_OBJECT, offsetof(Exc, extra) + (index) * sizeof(MpyObject *), 0, doc}

static const MpyMemberDef stop_iteration_members[] = {
    EXTRA_MEMBER("value", MPY_EXC_STOP_VALUE, "generator return value"), {NULL}};
static const MpyMemberDef system_exit_members[] = {
    EXTRA_MEMBER("code", MPY_EXC_EXIT_CODE, "exception code"), {NULL}};

/* ------------------------------------------------------------------ */
/* KeyError, NameError, AttributeError, ImportError                     */

static MpyObject *key_error_str(MpyObject *o)
{
    Exc *self = (Exc *)o;
    if (self->args != NULL && mpy_tuple_size(self->args) == 1)
        return mpy_object_repr(mpy_tuple_item(self->args, 0));
    return exc_str(o);
}

/* Store keyword arguments named in `names` into extra[] slots. */
static int take_keywords(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kwnames,
                         const char *const *names, const int *slots)
{
    ptrdiff_t nkw = kwnames ? mpy_tuple_size(kwnames) : 0;
    for (ptrdiff_t i = 0; i < nkw; i++) {
        MpyObject *key = mpy_tuple_item(kwnames, i);
        int found = 0;
        for (int k = 0; names[k] != NULL; k++) {
            if (mpy_str_equal_cstr(key, names[k])) {
                MPY_SETREF(((Exc *)self)->extra[slots[k]], MPY_NEWREF(args[nargs + i]));
                found = 1;
            }
        }
        if (!found) {
            mpy_err_format(mpy_exc_TypeError, "%s() got an unexpected keyword argument '%U'",
                           short_name(self), key);
            return -1;
        }
    }
    return exc_init(self, args, nargs, NULL);
}

static int name_error_init(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    static const char *const names[] = {"name", NULL};
    static const int slots[] = {MPY_EXC_NAME_NAME};
    return take_keywords(self, args, nargs, kw, names, slots);
}

static int attribute_error_init(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    static const char *const names[] = {"name", "obj", NULL};
    static const int slots[] = {MPY_EXC_ATTR_NAME, MPY_EXC_ATTR_OBJ};
    return take_keywords(self, args, nargs, kw, names, slots);
}

static int import_error_init(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    static const char *const names[] = {"name", "path", NULL};
    static const int slots[] = {MPY_EXC_IMPORT_NAME, MPY_EXC_IMPORT_PATH};
    if (take_keywords(self, args, nargs, kw, names, slots) < 0)
        return -1;
    if (nargs == 1)
        MPY_SETREF(((Exc *)self)->extra[MPY_EXC_IMPORT_MSG], MPY_NEWREF(args[0]));
    return 0;
}

static MpyObject *import_error_str(MpyObject *o)
{
    MpyObject *msg = ((Exc *)o)->extra[MPY_EXC_IMPORT_MSG];
    if (msg != NULL && msg != MPY_NONE)
        return mpy_object_str(msg);
    return exc_str(o);
}

static const MpyMemberDef name_error_members[] = {
    EXTRA_MEMBER("name", MPY_EXC_NAME_NAME, "name"), {NULL}};
static const MpyMemberDef attribute_error_members[] = {
    EXTRA_MEMBER("name", MPY_EXC_ATTR_NAME, "attribute name"),
    EXTRA_MEMBER("obj", MPY_EXC_ATTR_OBJ, "object"), {NULL}};
static const MpyMemberDef import_error_members[] = {
    EXTRA_MEMBER("msg", MPY_EXC_IMPORT_MSG, "exception message"),
    EXTRA_MEMBER("name", MPY_EXC_IMPORT_NAME, "module name"),
    EXTRA_MEMBER("path", MPY_EXC_IMPORT_PATH, "module path"), {NULL}};

/* ------------------------------------------------------------------ */
/* OSError                                                              */

static MpyType *os_error_subclass(int err)
{
    switch (err) {
    case ENOENT: return mpy_exc_FileNotFoundError;
    case EEXIST: return mpy_exc_FileExistsError;
    case EISDIR: return mpy_exc_IsADirectoryError;
    case ENOTDIR: return mpy_exc_NotADirectoryError;
    case EACCES: case EPERM: return mpy_exc_PermissionError;
    case ESRCH: return mpy_exc_ProcessLookupError;
    case ECHILD: return mpy_exc_ChildProcessError;
    case EINTR: return mpy_exc_InterruptedError;
    case EAGAIN: case EALREADY: case EINPROGRESS: return mpy_exc_BlockingIOError;
    case EPIPE: case ESHUTDOWN: return mpy_exc_BrokenPipeError;
    case ECONNABORTED: return mpy_exc_ConnectionAbortedError;
    case ECONNREFUSED: return mpy_exc_ConnectionRefusedError;
    case ECONNRESET: return mpy_exc_ConnectionResetError;
    case ETIMEDOUT: return mpy_exc_TimeoutError;
    default: return NULL;
    }
}

static MpyObject *os_error_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (type == mpy_exc_OSError && nargs >= 2 && mpy_int_check(args[0])) {
        long long err = mpy_int_as_long(args[0]);
        MpyType *sub = err == -1 ? NULL : os_error_subclass((int)err);
        if (err == -1)
            mpy_err_clear();
        if (sub != NULL)
            type = sub;
    }
    return exc_new(type, args, nargs, kw);
}

static int os_error_init(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (reject_kwargs(self, kw) < 0)
        return -1;
    Exc *e = (Exc *)self;
    if (nargs >= 2 && nargs <= 5) {
        MPY_SETREF(e->extra[MPY_EXC_OS_ERRNO], MPY_NEWREF(args[0]));
        MPY_SETREF(e->extra[MPY_EXC_OS_STRERROR], MPY_NEWREF(args[1]));
        if (nargs >= 3)
            MPY_SETREF(e->extra[MPY_EXC_OS_FILENAME], MPY_NEWREF(args[2]));
        if (nargs >= 5)
            MPY_SETREF(e->extra[MPY_EXC_OS_FILENAME2], MPY_NEWREF(args[4]));
        /* With a filename the args are just (errno, strerror), as CPython. */
        return exc_init(self, args, nargs >= 3 ? 2 : nargs, NULL);
    }
    return exc_init(self, args, nargs, NULL);
}

static MpyObject *os_error_str(MpyObject *o)
{
    Exc *e = (Exc *)o;
    MpyObject *err = e->extra[MPY_EXC_OS_ERRNO], *msg = e->extra[MPY_EXC_OS_STRERROR];
    MpyObject *f1 = e->extra[MPY_EXC_OS_FILENAME], *f2 = e->extra[MPY_EXC_OS_FILENAME2];
    if (f1 != NULL && f1 != MPY_NONE) {
        if (f2 != NULL && f2 != MPY_NONE)
            return mpy_str_from_format("[Errno %S] %S: %R -> %R", err, msg, f1, f2);
        return mpy_str_from_format("[Errno %S] %S: %R", err, msg, f1);
    }
    if (err != NULL && msg != NULL)
        return mpy_str_from_format("[Errno %S] %S", err, msg);
    return exc_str(o);
}

static const MpyMemberDef os_error_members[] = {
    EXTRA_MEMBER("errno", MPY_EXC_OS_ERRNO, "POSIX exception code"),
    EXTRA_MEMBER("strerror", MPY_EXC_OS_STRERROR, "exception strerror"),
    EXTRA_MEMBER("filename", MPY_EXC_OS_FILENAME, "exception filename"),
    EXTRA_MEMBER("filename2", MPY_EXC_OS_FILENAME2, "second exception filename"), {NULL}};

/* ------------------------------------------------------------------ */
/* SyntaxError                                                          */

static int syntax_error_init(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (exc_init(self, args, nargs, kw) < 0)
        return -1;
    Exc *e = (Exc *)self;
    if (nargs >= 1)
        MPY_SETREF(e->extra[MPY_EXC_SYNTAX_MSG], MPY_NEWREF(args[0]));
    if (nargs == 2) {
        MpyObject *info = mpy_tuple_from_iterable(args[1]);
        if (info == NULL)
            return -1;
        ptrdiff_t n = mpy_tuple_size(info);
        if (n < 4 || n > 6) {
            MPY_DECREF(info);
            mpy_err_set(mpy_exc_IndexError, "tuple index out of range");
            return -1;
        }
        static const int slots[] = {MPY_EXC_SYNTAX_FILENAME, MPY_EXC_SYNTAX_LINENO,
                                    MPY_EXC_SYNTAX_OFFSET, MPY_EXC_SYNTAX_TEXT,
                                    MPY_EXC_SYNTAX_END_LINENO, MPY_EXC_SYNTAX_END_OFFSET};
        for (ptrdiff_t i = 0; i < n; i++)
            MPY_SETREF(e->extra[slots[i]], MPY_NEWREF(mpy_tuple_item(info, i)));
        MPY_DECREF(info);
    }
    return 0;
}

static MpyObject *syntax_error_str(MpyObject *o)
{
    Exc *e = (Exc *)o;
    MpyObject *msg = e->extra[MPY_EXC_SYNTAX_MSG] ? e->extra[MPY_EXC_SYNTAX_MSG] : MPY_NONE;
    MpyObject *file = e->extra[MPY_EXC_SYNTAX_FILENAME];
    MpyObject *line = e->extra[MPY_EXC_SYNTAX_LINENO];
    bool have_file = file != NULL && mpy_str_check(file);
    bool have_line = line != NULL && mpy_int_check(line);
    const char *base = NULL;
    if (have_file) {
        base = strrchr(mpy_str_utf8(file), '/');
        base = base ? base + 1 : mpy_str_utf8(file);
    }
    if (have_file && have_line)
        return mpy_str_from_format("%S (%s, line %S)", msg, base, line);
    if (have_file)
        return mpy_str_from_format("%S (%s)", msg, base);
    if (have_line)
        return mpy_str_from_format("%S (line %S)", msg, line);
    return mpy_object_str(msg);
}

static const MpyMemberDef syntax_error_members[] = {
    EXTRA_MEMBER("msg", MPY_EXC_SYNTAX_MSG, "exception msg"),
    EXTRA_MEMBER("filename", MPY_EXC_SYNTAX_FILENAME, "exception filename"),
    EXTRA_MEMBER("lineno", MPY_EXC_SYNTAX_LINENO, "exception lineno"),
    EXTRA_MEMBER("offset", MPY_EXC_SYNTAX_OFFSET, "exception offset"),
    EXTRA_MEMBER("text", MPY_EXC_SYNTAX_TEXT, "exception text"),
    EXTRA_MEMBER("end_lineno", MPY_EXC_SYNTAX_END_LINENO, "exception end lineno"),
    EXTRA_MEMBER("end_offset", MPY_EXC_SYNTAX_END_OFFSET, "exception end offset"), {NULL}};

/* ------------------------------------------------------------------ */
/* UnicodeError family: (encoding, object, start, end, reason) stored as
 * attributes in the instance dict.                                     */

static int unicode_error_init(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (exc_init(self, args, nargs, kw) < 0)
        return -1;
    static const char *const names[] = {"encoding", "object", "start", "end", "reason"};
    bool translate = mpy_type_is_subtype(MPY_TYPE(self), mpy_exc_UnicodeTranslateError);
    size_t want = translate ? 4 : 5;
    if (nargs != want)
        return 0;
    for (size_t i = 0; i < want; i++) {
        if (mpy_object_setattr_cstr(self, names[i + (translate ? 1 : 0)], args[i]) < 0)
            return -1;
    }
    return 0;
}

static MpyObject *unicode_error_str(MpyObject *o)
{
    MpyObject *enc = mpy_object_getattr_cstr(o, "encoding");
    MpyObject *obj = enc ? mpy_object_getattr_cstr(o, "object") : NULL;
    MpyObject *start = obj ? mpy_object_getattr_cstr(o, "start") : NULL;
    MpyObject *end = start ? mpy_object_getattr_cstr(o, "end") : NULL;
    MpyObject *reason = end ? mpy_object_getattr_cstr(o, "reason") : NULL;
    MpyObject *result = NULL;
    if (reason == NULL) {
        mpy_err_clear();
        result = exc_str(o);
        goto done;
    }
    long long s = mpy_int_as_long(start), e = mpy_int_as_long(end);
    bool decode = mpy_type_is_subtype(MPY_TYPE(o), mpy_exc_UnicodeDecodeError);
    if (decode && e == s + 1 && !mpy_is_small_int(obj) && mpy_object_length(obj) > s) {
        MpyObject *byte = mpy_object_getitem(obj, start);
        if (byte == NULL)
            goto done;
        result = mpy_str_from_format("'%U' codec can't decode byte 0x%02x in position %lld: %U",
                                     enc, (int)mpy_int_as_long(byte), s, reason);
        MPY_DECREF(byte);
    } else if (!decode && e == s + 1 && mpy_str_check(obj) && mpy_str_length(obj) > s) {
        uint32_t ch = mpy_str_char_at(obj, (ptrdiff_t)s);
        const char *fmt = ch < 0x100 ? "'%U' codec can't encode character '\\x%02x' in position %lld: %U"
                          : ch < 0x10000 ? "'%U' codec can't encode character '\\u%04x' in position %lld: %U"
                                         : "'%U' codec can't encode character '\\U%08x' in position %lld: %U";
        result = mpy_str_from_format(fmt, enc, (unsigned)ch, s, reason);
    } else {
        const char *verb = decode ? "decode bytes" : "encode characters";
        result = mpy_str_from_format("'%U' codec can't %s in position %lld-%lld: %U", enc, verb,
                                     s, e - 1, reason);
    }
done:
    MPY_XDECREF(enc);
    MPY_XDECREF(obj);
    MPY_XDECREF(start);
    MPY_XDECREF(end);
    MPY_XDECREF(reason);
    return result;
}

/* ------------------------------------------------------------------ */
/* Setup                                                                */

static MpyType *const all_types[] = {
#define MPY_EXC(name, base, doc) &mpy__exc_##name##_type,
#include "runtime/exceptions.def"
#undef MPY_EXC
};

static MpyType *const all_bases[] = {
#define MPY_EXC(name, base, doc) &mpy__exc_##base##_type,
#include "runtime/exceptions.def"
#undef MPY_EXC
};

static void specialize(void)
{
    mpy_exc_StopIteration->init = stop_iteration_init;
    mpy_exc_StopIteration->members = stop_iteration_members;
    mpy_exc_SystemExit->init = system_exit_init;
    mpy_exc_SystemExit->members = system_exit_members;
    mpy_exc_KeyError->str = key_error_str;
    mpy_exc_NameError->init = name_error_init;
    mpy_exc_NameError->members = name_error_members;
    mpy_exc_AttributeError->init = attribute_error_init;
    mpy_exc_AttributeError->members = attribute_error_members;
    mpy_exc_ImportError->init = import_error_init;
    mpy_exc_ImportError->str = import_error_str;
    mpy_exc_ImportError->members = import_error_members;
    mpy_exc_OSError->new = os_error_new;
    mpy_exc_OSError->init = os_error_init;
    mpy_exc_OSError->str = os_error_str;
    mpy_exc_OSError->members = os_error_members;
    mpy_exc_SyntaxError->init = syntax_error_init;
    mpy_exc_SyntaxError->str = syntax_error_str;
    mpy_exc_SyntaxError->members = syntax_error_members;
    mpy_exc_UnicodeError->init = unicode_error_init;
    mpy_exc_UnicodeError->str = unicode_error_str;
}

int mpy__exceptions_init(void)
{
    static bool specialized = false;
    if (!specialized) {
        specialize();
        specialized = true;
    }
    size_t n = sizeof(all_types) / sizeof(all_types[0]);
    for (size_t i = 0; i < n; i++) {
        MpyType *t = all_types[i];
        t->base = all_types[i] == all_bases[i] ? &mpy_object_type : all_bases[i];
        /* Subtypes inherit the family's special slots from their base. */
        if (t->base != &mpy_object_type) {
            if (t->init == exc_init) t->init = t->base->init;
            if (t->str == exc_str) t->str = t->base->str;
            if (t->new == exc_new) t->new = t->base->new == os_error_new ? exc_new : t->base->new;
        }
        if (mpy_type_ready(t) < 0)
            return -1;
    }
    return 0;
}

void mpy__exceptions_fini(void)
{
    size_t n = sizeof(all_types) / sizeof(all_types[0]);
    for (size_t i = n; i-- > 0;)
        mpy__type_unready(all_types[i]);
}

/* ------------------------------------------------------------------ */
/* The C API of runtime/error.h for exception objects                   */

bool mpy_exc_check(MpyObject *o)
{
    return MPY_TYPE_CHECK_FLAG(o, MPY_TPFLAGS_BASE_EXC_SUBCLASS);
}

bool mpy_exc_type_check(MpyObject *o)
{
    return mpy_type_check(o) && mpy_type_has_flag((MpyType *)o, MPY_TPFLAGS_BASE_EXC_SUBCLASS);
}

MpyObject *mpy_exc_new(MpyType *exc_type, MpyObject *const *args, size_t nargs)
{
    return mpy_object_call((MpyObject *)exc_type, args, nargs, NULL);
}

MpyObject *mpy_exc_new_str(MpyType *exc_type, const char *msg)
{
    MpyObject *s = mpy_str_from_cstr(msg);
    if (s == NULL)
        return NULL;
    MpyObject *exc = mpy_exc_new(exc_type, &s, 1);
    MPY_DECREF(s);
    return exc;
}

MpyObject *mpy_exc_get_args(MpyObject *exc) { return ((Exc *)exc)->args; }
MpyObject *mpy_exc_get_traceback(MpyObject *exc) { return ((Exc *)exc)->traceback; }
MpyObject *mpy_exc_get_context(MpyObject *exc) { return ((Exc *)exc)->context; }
MpyObject *mpy_exc_get_cause(MpyObject *exc) { return ((Exc *)exc)->cause; }
bool mpy_exc_get_suppress_context(MpyObject *exc) { return ((Exc *)exc)->suppress_context; }

void mpy_exc_set_traceback(MpyObject *exc, MpyObject *tb)
{
    MPY_XINCREF(tb);
    MPY_SETREF(((Exc *)exc)->traceback, tb);
}

void mpy_exc_set_context(MpyObject *exc, MpyObject *context)
{
    MPY_XINCREF(context);
    MPY_SETREF(((Exc *)exc)->context, context);
}

void mpy_exc_set_cause(MpyObject *exc, MpyObject *cause)
{
    MPY_XINCREF(cause);
    MPY_SETREF(((Exc *)exc)->cause, cause);
    ((Exc *)exc)->suppress_context = 1;
}

MpyObject *mpy_exc_stop_iteration_value(MpyObject *exc)
{
    MpyObject *v = ((Exc *)exc)->extra[MPY_EXC_STOP_VALUE];
    return v != NULL ? v : MPY_NONE;
}

MpyObject *mpy_exc_system_exit_code(MpyObject *exc)
{
    MpyObject *v = ((Exc *)exc)->extra[MPY_EXC_EXIT_CODE];
    return v != NULL ? v : MPY_NONE;
}
