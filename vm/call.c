/* vm/call.c: making frames for calls: binding arguments to parameters,
 * creating cells, and running module code.
 *
 * Models _PyEvalFramePushAndInit / initialize_locals in CPython 3.11's
 * Python/ceval.c.  A frame for a Python call is reserved on the thread's
 * data stack, its fast locals are filled from the arguments following the
 * function's signature (defaults, keyword arguments, *args, **kwargs), with
 * CPython's exact TypeErrors, and then run by the eval loop.
 */
#include "vm/eval.h"
#include <stdio.h>

#include <string.h>

#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/func.h"
#include "runtime/gen.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/code.h"
#include "vm/frame.h"

/* ------------------------------------------------------------------ */
/* Error messages about arguments                                       */

static const char *qualname_of(MpyObject *func)
{
    return mpy_str_utf8(((MpyFunctionObject *)func)->qualname);
}

/* "'a', 'b', and 'c'" */
static MpyObject *format_names(MpyObject *names)
{
    ptrdiff_t n = mpy_tuple_size(names);
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    for (ptrdiff_t i = 0; i < n; i++) {
        if (i > 0)
            mpy_sb_append_cstr(&sb, n == 2 ? " and " : (i == n - 1 ? ", and " : ", "));
        mpy_sb_append_repr(&sb, mpy_tuple_item(names, i));
    }
    return mpy_sb_finish(&sb);
}

static void missing_arguments(MpyObject *func, MpyObject **locals, int start, int stop,
                              bool kwonly, int ndefaults)
{
    MpyCodeObject *co = (MpyCodeObject *)((MpyFunctionObject *)func)->code;
    MpyObject *missing = mpy_list_new(0);
    if (missing == NULL)
        return;
    for (int i = start; i < stop; i++) {
        if (locals[i] == NULL && mpy_list_append(missing, mpy_tuple_item(co->varnames, i)) < 0)
            goto done;
    }
    MpyObject *t = mpy_list_as_tuple(missing);
    if (t == NULL)
        goto done;
    MpyObject *names = format_names(t);
    ptrdiff_t n = mpy_tuple_size(t);
    MPY_DECREF(t);
    if (names != NULL) {
        mpy_err_format(mpy_exc_TypeError, "%s() missing %zd required %s argument%s: %U",
                       qualname_of(func), n, kwonly ? "keyword-only" : "positional", n == 1 ? "" : "s",
                       names);
        MPY_DECREF(names);
    }
done:
    MPY_UNUSED(ndefaults);
    MPY_DECREF(missing);
}

static void too_many_positional(MpyObject *func, MpyObject **locals, size_t given)
{
    MpyFunctionObject *f = (MpyFunctionObject *)func;
    MpyCodeObject *co = (MpyCodeObject *)f->code;
    int ndefaults = f->defaults ? (int)mpy_tuple_size(f->defaults) : 0;
    int kwonly_given = 0;
    for (int i = co->argcount; i < co->argcount + co->kwonlyargcount; i++)
        kwonly_given += locals[i] != NULL;
    char plural_buf[96];
    if (ndefaults > 0)
        snprintf(plural_buf, sizeof plural_buf, "from %d to %d positional arguments",
                 co->argcount - ndefaults, co->argcount);
    else
        snprintf(plural_buf, sizeof plural_buf, "%d positional argument%s", co->argcount,
                 co->argcount == 1 ? "" : "s");
    char kw_buf[96] = "";
    if (kwonly_given > 0)
        snprintf(kw_buf, sizeof kw_buf, " positional argument%s (and %d keyword-only argument%s)",
                 given == 1 ? "" : "s", kwonly_given, kwonly_given == 1 ? "" : "s");
    mpy_err_format(mpy_exc_TypeError, "%s() takes %s but %zu%s %s given", qualname_of(func),
                   plural_buf, given, kw_buf, given == 1 && kwonly_given == 0 ? "was" : "were");
}

/* Index of keyword `name` among the parameters that accept keywords, or -1. */
static int find_keyword(MpyCodeObject *co, MpyObject *name)
{
    int total = co->argcount + co->kwonlyargcount;
    MpyObject *const *names = mpy_tuple_items(co->varnames);
    for (int i = co->posonlyargcount; i < total; i++) {
        if (names[i] == name)
            return i;
    }
    for (int i = co->posonlyargcount; i < total; i++) {
        if (mpy_str_check(name) && mpy_str_equal(names[i], name))
            return i;
    }
    return -1;
}

static bool is_posonly_name(MpyCodeObject *co, MpyObject *name)
{
    for (int i = 0; i < co->posonlyargcount; i++) {
        if (mpy_str_equal(mpy_tuple_item(co->varnames, i), name))
            return true;
    }
    return false;
}

/* ------------------------------------------------------------------ */
/* Binding                                                              */

static int bind_keywords(MpyObject *func, MpyObject **locals, MpyObject *const *kwvalues,
                         MpyObject *kwnames, MpyObject *kwdict)
{
    MpyCodeObject *co = (MpyCodeObject *)((MpyFunctionObject *)func)->code;
    ptrdiff_t nkw = mpy_tuple_size(kwnames);
    MpyObject *posonly_errors = NULL;
    for (ptrdiff_t k = 0; k < nkw; k++) {
        MpyObject *name = mpy_tuple_item(kwnames, k);
        MpyObject *value = kwvalues[k];
        int i = find_keyword(co, name);
        if (i < 0) {
            if (kwdict != NULL) {
                if (mpy_dict_set(kwdict, name, value) < 0)
                    return -1;
                continue;
            }
            if (is_posonly_name(co, name)) {
                if (posonly_errors == NULL && (posonly_errors = mpy_list_new(0)) == NULL)
                    return -1;
                mpy_list_append(posonly_errors, name);
                continue;
            }
            mpy_err_format(mpy_exc_TypeError, "%s() got an unexpected keyword argument '%U'",
                           qualname_of(func), name);
            return -1;
        }
        if (locals[i] != NULL) {
            mpy_err_format(mpy_exc_TypeError, "%s() got multiple values for argument '%U'",
                           qualname_of(func), name);
            MPY_XDECREF(posonly_errors);
            return -1;
        }
        locals[i] = MPY_NEWREF(value);
    }
    if (posonly_errors != NULL) {
        MpyObject *sep = mpy_str_from_cstr(", ");
        MpyObject *quoted = mpy_list_new(0);
        for (ptrdiff_t i = 0; quoted && i < mpy_list_size(posonly_errors); i++)
            mpy_list_append(quoted, ((MpyListObject *)posonly_errors)->items[i]);
        MpyObject *joined = sep && quoted ? mpy_str_join(sep, quoted) : NULL;
        if (joined != NULL)
            mpy_err_format(mpy_exc_TypeError,
                           "%s() got some positional-only arguments passed as keyword arguments: '%U'",
                           qualname_of(func), joined);
        MPY_XDECREF(joined);
        MPY_XDECREF(sep);
        MPY_XDECREF(quoted);
        MPY_DECREF(posonly_errors);
        return -1;
    }
    return 0;
}

static int fill_defaults(MpyObject *func, MpyObject **locals, size_t nargs)
{
    MpyFunctionObject *f = (MpyFunctionObject *)func;
    MpyCodeObject *co = (MpyCodeObject *)f->code;
    int ndefaults = f->defaults ? (int)mpy_tuple_size(f->defaults) : 0;
    int first_default = co->argcount - ndefaults;
    if ((int)nargs < co->argcount) {
        for (int i = (int)nargs; i < co->argcount; i++) {
            if (locals[i] != NULL)
                continue;
            if (i >= first_default) {
                locals[i] = MPY_NEWREF(mpy_tuple_item(f->defaults, i - first_default));
            } else {
                missing_arguments(func, locals, 0, first_default, false, ndefaults);
                return -1;
            }
        }
    }
    bool missing = false;
    for (int i = co->argcount; i < co->argcount + co->kwonlyargcount; i++) {
        if (locals[i] != NULL)
            continue;
        MpyObject *v = f->kwdefaults ? mpy_dict_get_str_borrowed(f->kwdefaults, mpy_tuple_item(co->varnames, i)) : NULL;
        if (v != NULL)
            locals[i] = MPY_NEWREF(v);
        else
            missing = true;
    }
    if (missing) {
        missing_arguments(func, locals, co->argcount, co->argcount + co->kwonlyargcount, true, 0);
        return -1;
    }
    return 0;
}

static int make_cells(MpyFrame *frame, MpyObject *func)
{
    MpyCodeObject *co = frame->code;
    MpyObject **locals = frame->localsplus;
    for (int i = 0; i < co->ncellvars; i++) {
        MpyObject *init = NULL;
        int arg = co->cell2arg ? co->cell2arg[i] : -1;
        if (arg >= 0) {
            init = locals[arg];
            locals[arg] = NULL;
        }
        MpyObject *cell = mpy_cell_new(init);
        MPY_XDECREF(init);
        if (cell == NULL)
            return -1;
        locals[co->nlocals + i] = cell;
    }
    MpyObject *closure = ((MpyFunctionObject *)func)->closure;
    for (int i = 0; i < co->nfreevars; i++)
        locals[co->nlocals + co->ncellvars + i] = MPY_NEWREF(mpy_tuple_item(closure, i));
    return 0;
}

int mpy__frame_bind_args(MpyThreadState *tstate, MpyFrame *frame, MpyObject *func,
                         MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    MPY_UNUSED(tstate);
    MpyCodeObject *co = frame->code;
    MpyObject **locals = frame->localsplus;
    size_t argcount = (size_t)co->argcount;
    size_t n = nargs < argcount ? nargs : argcount;
    for (size_t i = 0; i < n; i++)
        locals[i] = MPY_NEWREF(args[i]);
    int extra = co->argcount + co->kwonlyargcount;
    if (co->flags & MPY_CO_VARARGS) {
        MpyObject *rest = nargs > argcount ? mpy_tuple_from_array(args + argcount, (ptrdiff_t)(nargs - argcount))
                                           : mpy_tuple_empty();
        if (rest == NULL)
            return -1;
        locals[extra++] = rest;
    }
    MpyObject *kwdict = NULL;
    if (co->flags & MPY_CO_VARKEYWORDS) {
        if ((kwdict = mpy_dict_new()) == NULL)
            return -1;
        locals[extra] = kwdict;
    }
    if (kwnames != NULL && mpy_tuple_size(kwnames) > 0 &&
        bind_keywords(func, locals, args + nargs, kwnames, kwdict) < 0)
        return -1;
    if (nargs > argcount && !(co->flags & MPY_CO_VARARGS)) {
        too_many_positional(func, locals, nargs);
        return -1;
    }
    if (fill_defaults(func, locals, nargs) < 0)
        return -1;
    return make_cells(frame, func);
}

/* ------------------------------------------------------------------ */
/* Frames                                                               */

MpyFrame *mpy__frame_push(MpyThreadState *tstate, MpyObject *func, MpyObject *locals)
{
    MpyFunctionObject *f = (MpyFunctionObject *)func;
    MpyCodeObject *co = (MpyCodeObject *)f->code;
    MpyFrame *frame = mpy__datastack_push(tstate, mpy_frame_size(co));
    if (frame == NULL)
        return NULL;
    frame->code = co;
    frame->func = MPY_NEWREF(func);
    frame->globals = f->globals;
    frame->builtins = f->builtins;
    frame->locals = locals ? MPY_NEWREF(locals) : NULL;
    frame->previous = NULL;
    frame->ip = co->instrs;
    frame->sp = frame->localsplus + co->nlocalsplus;
    frame->block_depth = 0;
    frame->owner = MPY_FRAME_OWNED_BY_THREAD;
    frame->is_entry = 0;
    frame->state = MPY_FRAME_CREATED;
    frame->frame_obj = NULL;
    frame->init_self = NULL;
    memset(frame->localsplus, 0, sizeof(MpyObject *) * (size_t)co->nlocalsplus);
    return frame;
}

void mpy__frame_clear(MpyFrame *frame)
{
    /* A frame object outliving the call snapshots the locals first. */
    if (frame->frame_obj != NULL)
        mpy__frame_object_detach(frame);
    MpyObject **p = frame->localsplus;
    MpyObject **end = frame->sp;
    for (; p < end; p++)
        MPY_XDECREF(*p);
    frame->sp = frame->localsplus;
    MPY_CLEAR(frame->locals);
    MPY_CLEAR(frame->func);
    MPY_CLEAR(frame->init_self);
}

void mpy__frame_pop(MpyThreadState *tstate, MpyFrame *frame)
{
    mpy__frame_clear(frame);
    mpy__datastack_pop(tstate, frame);
}

/* ------------------------------------------------------------------ */
/* Calling a function from C                                            */

MpyObject *mpy__function_call(MpyObject *func, MpyObject *const *args, size_t nargs,
                              MpyObject *kwnames)
{
    MpyThreadState *tstate = mpy__tstate_get();
    MpyCodeObject *co = (MpyCodeObject *)((MpyFunctionObject *)func)->code;
    if (co->flags & (MPY_CO_GENERATOR | MPY_CO_COROUTINE | MPY_CO_ASYNC_GENERATOR))
        return mpy__gen_new_from_call(tstate, func, args, nargs, kwnames);
    MpyFrame *frame = mpy__frame_push(tstate, func, NULL);
    if (frame == NULL)
        return NULL;
    if (mpy__frame_bind_args(tstate, frame, func, args, nargs, kwnames) < 0) {
        mpy__frame_pop(tstate, frame);
        return NULL;
    }
    return mpy__eval_frame(tstate, frame, 0);
}

MpyObject *mpy_eval_code(MpyObject *code, MpyObject *globals, MpyObject *locals)
{
    MpyThreadState *tstate = mpy__tstate_get();
    if (mpy_dict_get_str_borrowed(globals, MPY_ID(__builtins__)) == NULL &&
        mpy_dict_set(globals, MPY_ID(__builtins__), mpy__interp->builtins_module) < 0)
        return NULL;
    MpyObject *func = mpy_function_new(code, globals);
    if (func == NULL)
        return NULL;
    MpyFrame *frame = mpy__frame_push(tstate, func, locals ? locals : globals);
    MPY_DECREF(func);
    if (frame == NULL)
        return NULL;
    if (make_cells(frame, frame->func) < 0) {
        mpy__frame_pop(tstate, frame);
        return NULL;
    }
    return mpy__eval_frame(tstate, frame, 0);
}

MpyObject *mpy__eval_class_body(MpyObject *func, MpyObject *ns)
{
    MpyThreadState *tstate = mpy__tstate_get();
    MpyFrame *frame = mpy__frame_push(tstate, func, ns);
    if (frame == NULL)
        return NULL;
    if (make_cells(frame, func) < 0) {
        mpy__frame_pop(tstate, frame);
        return NULL;
    }
    return mpy__eval_frame(tstate, frame, 0);
}

/* ------------------------------------------------------------------ */
/* Introspection of the running frames                                  */

MpyFrame *mpy_eval_current_frame(void)
{
    MpyThreadState *tstate = mpy__tstate_get();
    return tstate ? tstate->frame : NULL;
}

MpyObject *mpy_eval_get_globals(void)
{
    MpyFrame *f = mpy_eval_current_frame();
    return f ? f->globals : NULL;
}

MpyObject *mpy_eval_get_builtins(void)
{
    MpyFrame *f = mpy_eval_current_frame();
    return f ? f->builtins : mpy__interp->builtins;
}

MpyObject *mpy_eval_get_locals(void)
{
    MpyFrame *f = mpy_eval_current_frame();
    if (f == NULL)
        return mpy_err_format(mpy_exc_SystemError, "locals(): no current frame");
    return mpy__frame_locals(f);
}
