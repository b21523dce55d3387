/* runtime/gen.c: generator objects: next/send/throw/close.
 *
 * Models CPython's Objects/genobject.c.  A generator carries its own frame
 * (allocated in the same block as the generator) and runs it with
 * mpy__eval_frame, pushing its own handled-exception entry so `except`
 * blocks inside the generator see their own exception.  throw() raises at
 * the point of suspension, delegating first to a sub-iterator when the
 * generator is suspended in `yield from` (the instruction after its
 * YIELD_VALUE is RESUME 2).
 *
 * Coroutines (`async def`, PEP 492) are the same object with another type:
 * `await x` compiles to the `yield from` loop over GET_AWAITABLE's iterator
 * (the RESUME after its YIELD_VALUE is RESUME 3), so send/throw/close and
 * the delegation rules are shared.  The differences: a coroutine is not
 * iterable (coroutine.__await__() returns a coroutine_wrapper iterator),
 * resuming a finished one is a RuntimeError, and one destroyed before it
 * ever ran warns "coroutine '...' was never awaited".
 */
#include "runtime/gen.h"

#include <string.h>

#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/func.h"
#include "runtime/import.h"
#include "runtime/type.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/code.h"
#include "vm/eval.h"

MpyObject *mpy__gen_new_from_call(MpyThreadState *tstate, MpyObject *func, MpyObject *const *args,
                                  size_t nargs, MpyObject *kwnames)
{
    MpyFunctionObject *f = (MpyFunctionObject *)func;
    MpyCodeObject *co = (MpyCodeObject *)f->code;
    size_t fsize = mpy_frame_size(co);
    MpyType *type = (co->flags & MPY_CO_COROUTINE)         ? &mpy_coroutine_type
                    : (co->flags & MPY_CO_ASYNC_GENERATOR) ? &mpy_async_gen_type
                                                           : &mpy_generator_type;
    MpyGenObject *gen = (MpyGenObject *)mpy_object_alloc_var(type, fsize);
    if (gen == NULL)
        return NULL;
    MpyFrame *frame = (MpyFrame *)gen->frame_data;
    gen->frame = frame;
    frame->code = co;
    frame->func = MPY_NEWREF(func);
    frame->globals = f->globals;
    frame->builtins = f->builtins;
    frame->locals = NULL;
    frame->ip = co->instrs;
    frame->sp = frame->localsplus + co->nlocalsplus;
    frame->owner = MPY_FRAME_OWNED_BY_GENERATOR;
    frame->state = MPY_FRAME_CREATED;
    gen->name = MPY_NEWREF(f->name);
    gen->qualname = MPY_NEWREF(f->qualname);
    if (mpy__frame_bind_args(tstate, frame, func, args, nargs, kwnames) < 0) {
        MPY_DECREF(gen);
        return NULL;
    }
    mpy_gc_track((MpyObject *)gen);
    return (MpyObject *)gen;
}

/* ------------------------------------------------------------------ */
/* Running                                                              */

static const char *gen_kind(MpyGenObject *gen)
{
    MpyType *t = MPY_TYPE((MpyObject *)gen);
    return t == &mpy_coroutine_type ? "coroutine" : t == &mpy_async_gen_type ? "async generator" : "generator";
}

/* Run the generator's frame once.  `value` is pushed as the result of the
 * suspended yield (not for the first run); with `throwflag` the current
 * exception is raised at the suspension point instead.
 * Returns 1 (yielded, *result), 0 (returned, *result) or -1. */
static int gen_run(MpyGenObject *gen, MpyObject *value, int throwflag, MpyObject **result)
{
    MpyThreadState *tstate = mpy__tstate_get();
    MpyFrame *frame = gen->frame;
    const char *kind = gen_kind(gen);
    *result = NULL;
    if (gen->running) {
        mpy_err_format(mpy_exc_ValueError, "%s already executing", kind);
        return -1;
    }
    if (frame->state == MPY_FRAME_COMPLETED) {
        if (mpy_coro_check((MpyObject *)gen)) {
            if (throwflag)
                mpy_err_clear();
            mpy_err_set(mpy_exc_RuntimeError, "cannot reuse already awaited coroutine");
            return -1;
        }
        if (throwflag)
            return -1; /* the exception is already set */
        *result = MPY_NEWREF(MPY_NONE);
        return 0;
    }
    if (frame->state == MPY_FRAME_CREATED && value != MPY_NONE && !throwflag) {
        mpy_err_format(mpy_exc_TypeError, "can't send non-None value to a just-started %s", kind);
        return -1;
    }
    if (frame->state == MPY_FRAME_SUSPENDED && !throwflag)
        *frame->sp++ = MPY_NEWREF(value);
    gen->running = 1;
    gen->started = 1;
    gen->exc_state.previous = tstate->exc_info;
    tstate->exc_info = &gen->exc_state;
    MpyObject *r = mpy__eval_frame(tstate, frame, throwflag);
    tstate->exc_info = gen->exc_state.previous;
    gen->exc_state.previous = NULL;
    gen->running = 0;
    if (frame->state != MPY_FRAME_COMPLETED) {
        *result = r;
        return 1;
    }
    MPY_CLEAR(gen->exc_state.exc_value);
    gen->finished = 1;
    if (r != NULL) {
        *result = r;
        return 0;
    }
    /* A StopIteration escaping the body becomes a RuntimeError (PEP 479),
     * and so does a StopAsyncIteration escaping an async generator. */
    bool agen = MPY_TYPE((MpyObject *)gen) == &mpy_async_gen_type;
    if (mpy_err_matches(mpy_exc_StopIteration) || (agen && mpy_err_matches(mpy_exc_StopAsyncIteration))) {
        MpyObject *exc = mpy_err_fetch();
        mpy_err_format(mpy_exc_RuntimeError, "%s raised %T", kind, exc);
        MpyObject *rt = mpy_err_fetch();
        mpy_exc_set_cause(rt, exc);
        mpy_exc_set_context(rt, exc);
        MPY_DECREF(exc);
        mpy_err_restore_raw(rt);
    }
    return -1;
}

int mpy__gen_send_ex(MpyObject *gen, MpyObject *value, MpyObject **result)
{
    return gen_run((MpyGenObject *)gen, value, 0, result);
}

/* Returns: the next value (new reference) or NULL: exhausted (no error) or
 * error. */
static MpyObject *gen_iternext(MpyObject *self)
{
    MpyObject *result;
    int r = gen_run((MpyGenObject *)self, MPY_NONE, 0, &result);
    if (r == 1)
        return result;
    if (r == 0) {
        // `return x`: next(gen) must raise StopIteration(x), as CPython;
        // a plain `return` ends silently (loops need no exception).
        if (result != MPY_NONE)
            mpy_err_stop_iteration(result);
        MPY_DECREF(result);
    }
    return NULL;
}

static MpyObject *gen_send(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    MpyObject *result;
    int r = gen_run((MpyGenObject *)self, args[0], 0, &result);
    if (r == 1)
        return result;
    if (r == 0) {
        if (result == MPY_NONE)
            mpy_err_stop_iteration(NULL);
        else
            mpy_err_stop_iteration(result);
        MPY_DECREF(result);
    }
    return NULL;
}

/* Is the generator suspended inside `yield from`?  Returns its delegate
 * (borrowed: the top of the frame's stack) or NULL. */
static MpyObject *yield_from_target(MpyGenObject *gen)
{
    MpyFrame *f = gen->frame;
    if (f->state != MPY_FRAME_SUSPENDED)
        return NULL;
    MpyInstr next = *f->ip;
    if (MPY_INSTR_OP(next) != OP_RESUME || MPY_INSTR_ARG(next) < 2)
        return NULL;
    return f->sp[-1];
}

static MpyObject *gen_close_impl(MpyGenObject *gen);

/* throw(exc) with the delegation rules of PEP 380. */
static MpyObject *gen_throw_exc(MpyGenObject *gen, MpyObject *exc)
{
    MpyObject *sub = yield_from_target(gen);
    if (sub != NULL) {
        MpyObject *r = NULL;
        MPY_INCREF(sub);
        if (mpy_err_given_matches(exc, (MpyObject *)mpy_exc_GeneratorExit)) {
            /* close the delegate, then raise GeneratorExit here */
            MpyObject *cr;
            if (mpy_gen_like_check(sub)) {
                cr = gen_close_impl((MpyGenObject *)sub);
            } else {
                // Other iterators are closed only if they have a close().
                MpyObject *close = mpy_object_lookup_attr(sub, mpy_str_intern_cstr("close"));
                cr = close != NULL ? mpy_object_call(close, NULL, 0, NULL)
                     : mpy_err_occurred() ? NULL : MPY_NEWREF(MPY_NONE);
                MPY_XDECREF(close);
            }
            MPY_DECREF(sub);
            if (cr == NULL) {
                MpyObject *res;
                gen_run(gen, MPY_NONE, 1, &res);
                return res;
            }
            MPY_DECREF(cr);
            goto throw_here;
        }
        if (mpy_gen_like_check(sub)) {
            gen->running = 1;
            r = gen_throw_exc((MpyGenObject *)sub, exc);
            gen->running = 0;
        } else {
            MpyObject *meth = mpy_object_lookup_attr(sub, mpy_str_intern_cstr("throw"));
            if (meth == NULL) {
                MPY_DECREF(sub);
                if (mpy_err_occurred())
                    goto resume_with_error;
                goto throw_here;
            }
            MpyObject *args[3] = {(MpyObject *)MPY_TYPE(exc), exc,
                                  mpy_exc_get_traceback(exc) ? mpy_exc_get_traceback(exc) : MPY_NONE};
            r = mpy_object_call(meth, args, 3, NULL);
            MPY_DECREF(meth);
        }
        MPY_DECREF(sub);
        if (r != NULL)
            return r; /* the delegate yielded */
        /* The delegate finished: leave the yield-from loop as SEND would,
         * with the delegate's return value as the loop's result. */
        if (mpy_err_matches(mpy_exc_StopIteration)) {
            MpyObject *stop = mpy_err_fetch();
            MpyObject *val = MPY_NEWREF(mpy_exc_stop_iteration_value(stop));
            MPY_DECREF(stop);
            MpyFrame *f = gen->frame;
            MpyObject *receiver = *--f->sp;
            MPY_DECREF(receiver);
            /* f->ip is at RESUME 2; next comes JUMP_BACKWARD_NO_INTERRUPT to
             * the SEND whose target is the loop's exit. */
            int send_at = MPY_INSTR_ARG(f->ip[1]);
            f->ip = f->code->instrs + MPY_INSTR_ARG(f->code->instrs[send_at]);
            MpyObject *result;
            int rr = gen_run(gen, val, 0, &result);
            MPY_DECREF(val);
            if (rr == 1)
                return result;
            if (rr == 0) {
                mpy_err_stop_iteration(result == MPY_NONE ? NULL : result);
                MPY_DECREF(result);
            }
            return NULL;
        }
        goto resume_with_error;
    }
throw_here:
    mpy_err_restore(MPY_NEWREF(exc));
resume_with_error:;
    MpyObject *result;
    int r = gen_run(gen, MPY_NONE, 1, &result);
    if (r == 1)
        return result;
    if (r == 0) {
        mpy_err_stop_iteration(result == MPY_NONE ? NULL : result);
        MPY_DECREF(result);
    }
    return NULL;
}

/* Build the exception object throw() received: throw(type[, value[, tb]])
 * or throw(instance). */
static MpyObject *make_thrown(MpyObject *const *args, size_t nargs)
{
    MpyObject *typ = args[0];
    MpyObject *val = nargs > 1 ? args[1] : NULL;
    MpyObject *tb = nargs > 2 ? args[2] : NULL;
    if (tb == MPY_NONE)
        tb = NULL;
    MpyObject *exc;
    if (mpy_exc_type_check(typ)) {
        if (val != NULL && val != MPY_NONE && mpy_object_type_is(val, (MpyType *)typ))
            exc = MPY_NEWREF(val);
        else if (val == NULL || val == MPY_NONE)
            exc = mpy_object_call0(typ);
        else if (mpy_tuple_check(val))
            exc = mpy_object_call_tuple(typ, val, NULL);
        else
            exc = mpy_object_call1(typ, val);
        if (exc == NULL)
            return NULL;
    } else if (mpy_exc_check(typ)) {
        if (val != NULL && val != MPY_NONE) {
            mpy_err_set(mpy_exc_TypeError, "instance exception may not have a separate value");
            return NULL;
        }
        exc = MPY_NEWREF(typ);
    } else {
        mpy_err_format(mpy_exc_TypeError, "exceptions must be classes or instances deriving from BaseException, not %T", typ);
        return NULL;
    }
    if (tb != NULL)
        mpy_exc_set_traceback(exc, tb);
    return exc;
}

static MpyObject *gen_throw(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (mpy_arg_check_positional("throw", nargs, 1, 3) < 0)
        return NULL;
    MpyObject *exc = make_thrown(args, nargs);
    if (exc == NULL)
        return NULL;
    MpyObject *r = gen_throw_exc((MpyGenObject *)self, exc);
    MPY_DECREF(exc);
    return r;
}

static MpyObject *gen_close_impl(MpyGenObject *gen)
{
    MpyFrame *f = gen->frame;
    if (f->state == MPY_FRAME_CREATED) {
        f->state = MPY_FRAME_COMPLETED;
        mpy__frame_clear(f);
        gen->finished = 1;
        return MPY_NEWREF(MPY_NONE);
    }
    if (f->state == MPY_FRAME_COMPLETED)
        return MPY_NEWREF(MPY_NONE);
    MpyObject *exc = mpy_exc_new(mpy_exc_GeneratorExit, NULL, 0);
    if (exc == NULL)
        return NULL;
    MpyObject *r = gen_throw_exc(gen, exc);
    MPY_DECREF(exc);
    if (r != NULL) {
        MPY_DECREF(r);
        mpy_err_format(mpy_exc_RuntimeError, "%s ignored GeneratorExit", gen_kind(gen));
        return NULL;
    }
    if (mpy_err_matches(mpy_exc_StopIteration) || mpy_err_matches(mpy_exc_GeneratorExit)) {
        mpy_err_clear();
        return MPY_NEWREF(MPY_NONE);
    }
    return mpy_err_occurred() ? NULL : MPY_NEWREF(MPY_NONE);
}

static MpyObject *gen_close(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return gen_close_impl((MpyGenObject *)self);
}

/* ------------------------------------------------------------------ */
/* The type                                                             */

static void gen_dealloc(MpyObject *self)
{
    MpyGenObject *gen = (MpyGenObject *)self;
    mpy_gc_untrack(self);
    MpyFrame *f = gen->frame;
    if (f->state == MPY_FRAME_CREATED && mpy_coro_check(self)) {
        /* warnings._warn_unawaited_coroutine(coro), as CPython does. */
        mpy__resurrect_start(self);
        MpyObject *saved = mpy_err_fetch();
        MpyObject *warnings = mpy_import_module_cstr("warnings");
        MpyObject *r = warnings == NULL ? NULL
                       : mpy_object_call_method_cstr(warnings, "_warn_unawaited_coroutine", &self, 1);
        if (r == NULL)
            mpy_err_write_unraisable(self);
        MPY_XDECREF(r);
        MPY_XDECREF(warnings);
        mpy_err_restore_raw(saved);
        if (mpy__resurrect_end(self))
            return; /* resurrected */
    }
    if (f->state == MPY_FRAME_SUSPENDED) {
        /* Finalize: close() so `finally` blocks run. */
        mpy__resurrect_start(self);
        MpyObject *saved = mpy_err_fetch();
        MpyObject *r = gen_close_impl(gen);
        if (r == NULL)
            mpy_err_write_unraisable(self);
        MPY_XDECREF(r);
        mpy_err_restore_raw(saved);
        if (mpy__resurrect_end(self))
            return; /* resurrected */
    }
    if (f->state != MPY_FRAME_COMPLETED) {
        f->state = MPY_FRAME_COMPLETED;
        mpy__frame_clear(f);
    }
    MPY_XDECREF(gen->exc_state.exc_value);
    MPY_XDECREF(gen->name);
    MPY_XDECREF(gen->qualname);
    mpy_object_free(self);
}

static int gen_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    MpyGenObject *gen = (MpyGenObject *)self;
    MpyFrame *f = gen->frame;
    if (f->state != MPY_FRAME_COMPLETED) {
        MPY_VISIT(f->func);
        MPY_VISIT(f->locals);
        for (MpyObject **p = f->localsplus; p < f->sp; p++)
            MPY_VISIT(*p);
    }
    MPY_VISIT(gen->exc_state.exc_value);
    return 0;
}

static MpyObject *gen_iter(MpyObject *self)
{
    return MPY_NEWREF(self);
}

static MpyObject *gen_repr(MpyObject *self)
{
    return mpy_str_from_format("<generator object %U at %p>", ((MpyGenObject *)self)->qualname, (void *)self);
}

static MpyObject *gen_get_running(MpyObject *self, void *c)
{
    return MPY_NEWREF(mpy_bool_from(((MpyGenObject *)self)->running));
}

static MpyObject *gen_get_suspended(MpyObject *self, void *c)
{
    return MPY_NEWREF(mpy_bool_from(((MpyGenObject *)self)->frame->state == MPY_FRAME_SUSPENDED));
}

static MpyObject *gen_get_code(MpyObject *self, void *c)
{
    return MPY_NEWREF(((MpyGenObject *)self)->frame->code);
}

static MpyObject *gen_get_frame(MpyObject *self, void *c)
{
    MpyGenObject *gen = (MpyGenObject *)self;
    if (gen->frame->state == MPY_FRAME_COMPLETED)
        return MPY_NEWREF(MPY_NONE);
    return mpy__frame_object_get(gen->frame);
}

static MpyObject *gen_get_yieldfrom(MpyObject *self, void *c)
{
    MpyObject *sub = yield_from_target((MpyGenObject *)self);
    return MPY_NEWREF(sub ? sub : MPY_NONE);
}

static const MpyMemberDef gen_members[] = {
    {"__name__", MPY_MEMBER_OBJECT, offsetof(MpyGenObject, name), 0, NULL},
    {"__qualname__", MPY_MEMBER_OBJECT, offsetof(MpyGenObject, qualname), 0, NULL},
    {NULL},
};

static const MpyGetSetDef gen_getset[] = {
    {"gi_running", gen_get_running, NULL, NULL, NULL},
    {"gi_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"gi_code", gen_get_code, NULL, NULL, NULL},
    {"gi_frame", gen_get_frame, NULL, NULL, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL, NULL, NULL},
    {NULL},
};

static const MpyMethodDef gen_methods[] = {
    {"send", gen_send, MPY_METH_O,
     "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", gen_throw, MPY_METH_FASTCALL,
     "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration."},
    {"close", gen_close, MPY_METH_NOARGS, "close() -> raise GeneratorExit inside generator."},
    {NULL},
};

MpyType mpy_generator_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "generator",
    .basicsize = sizeof(MpyGenObject),
    .itemsize = 1,
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = gen_dealloc,
    .traverse = gen_traverse,
    .repr = gen_repr,
    .iter = gen_iter,
    .iternext = gen_iternext,
    .methods = gen_methods,
    .members = gen_members,
    .getset = gen_getset,
};

/* ------------------------------------------------------------------ */
/* Coroutines                                                           */

static MpyObject *coro_repr(MpyObject *self)
{
    return mpy_str_from_format("<coroutine object %U at %p>", ((MpyGenObject *)self)->qualname, (void *)self);
}

/* coroutine_wrapper: next/send/throw/close forward to the coroutine, so
 * a class's __await__ can return coro.__await__(). */
typedef struct {
    MpyObject ob_base;
    MpyObject *coro;
} MpyCoroWrapper;

static MpyObject *coro_await(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    MpyCoroWrapper *w = (MpyCoroWrapper *)mpy_object_alloc(&mpy_coroutine_wrapper_type);
    if (w == NULL)
        return NULL;
    w->coro = MPY_NEWREF(self);
    mpy_gc_track((MpyObject *)w);
    return (MpyObject *)w;
}

static MpyObject *coro_get_origin(MpyObject *self, void *c)
{
    return MPY_NEWREF(MPY_NONE); /* origin tracking is not modeled */
}

static const MpyGetSetDef coro_getset[] = {
    {"cr_running", gen_get_running, NULL, NULL, NULL},
    {"cr_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"cr_code", gen_get_code, NULL, NULL, NULL},
    {"cr_frame", gen_get_frame, NULL, NULL, NULL},
    {"cr_await", gen_get_yieldfrom, NULL, NULL, NULL},
    {"cr_origin", coro_get_origin, NULL, NULL, NULL},
    {NULL},
};

static const MpyMethodDef coro_methods[] = {
    {"send", gen_send, MPY_METH_O,
     "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration."},
    {"throw", gen_throw, MPY_METH_FASTCALL,
     "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next iterated value or raise\nStopIteration."},
    {"close", gen_close, MPY_METH_NOARGS, "close() -> raise GeneratorExit inside coroutine."},
    {"__await__", coro_await, MPY_METH_NOARGS, "Return an iterator to be used in await expression."},
    {NULL},
};

MpyType mpy_coroutine_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "coroutine",
    .basicsize = sizeof(MpyGenObject),
    .itemsize = 1,
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = gen_dealloc,
    .traverse = gen_traverse,
    .repr = coro_repr,
    .methods = coro_methods,
    .members = gen_members,
    .getset = coro_getset,
};

static MpyObject *wrapper_coro(MpyObject *self)
{
    return ((MpyCoroWrapper *)self)->coro;
}

static void wrapper_dealloc(MpyObject *self)
{
    mpy_gc_untrack(self);
    MPY_XDECREF(wrapper_coro(self));
    mpy_object_free(self);
}

static int wrapper_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    MPY_VISIT(((MpyCoroWrapper *)self)->coro);
    return 0;
}

static MpyObject *wrapper_iternext(MpyObject *self)
{
    MpyObject *none = MPY_NONE;
    return gen_send(wrapper_coro(self), &none, 1, NULL);
}

static MpyObject *wrapper_send(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    return gen_send(wrapper_coro(self), args, nargs, kw);
}

static MpyObject *wrapper_throw(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    return gen_throw(wrapper_coro(self), args, nargs, kw);
}

static MpyObject *wrapper_close(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return gen_close_impl((MpyGenObject *)wrapper_coro(self));
}

static const MpyMethodDef wrapper_methods[] = {
    {"send", wrapper_send, MPY_METH_O, "send(arg) -> send 'arg' into coroutine."},
    {"throw", wrapper_throw, MPY_METH_FASTCALL, "throw(typ[,val[,tb]]) -> raise exception in coroutine."},
    {"close", wrapper_close, MPY_METH_NOARGS, "close() -> raise GeneratorExit inside coroutine."},
    {NULL},
};

MpyType mpy_coroutine_wrapper_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "coroutine_wrapper",
    .basicsize = sizeof(MpyCoroWrapper),
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = wrapper_dealloc,
    .traverse = wrapper_traverse,
    .iter = gen_iter,
    .iternext = wrapper_iternext,
    .methods = wrapper_methods,
};

/* ------------------------------------------------------------------ */
/* The async instructions                                               */

/* Does type(o) define `name`? */
static bool has_special(MpyObject *o, const char *name)
{
    return mpy_type_lookup(MPY_TYPE(o), mpy_str_intern_cstr(name)) != NULL;
}

MpyObject *mpy__coro_get_awaitable(MpyObject *o, int where)
{
    if (mpy_coro_check(o)) {
        if (yield_from_target((MpyGenObject *)o) != NULL) {
            mpy_err_set(mpy_exc_RuntimeError, "coroutine is being awaited already");
            return NULL;
        }
        return MPY_NEWREF(o);
    }
    if (!has_special(o, "__await__")) {
        if (where == 1)
            return mpy_err_format(mpy_exc_TypeError, "'async with' received an object from __aenter__ "
                                  "that does not implement __await__: %T", o);
        if (where == 2)
            return mpy_err_format(mpy_exc_TypeError, "'async with' received an object from __aexit__ "
                                  "that does not implement __await__: %T", o);
        return mpy_err_format(mpy_exc_TypeError, "object %T can't be used in 'await' expression", o);
    }
    MpyObject *it = mpy_object_call_method_cstr(o, "__await__", NULL, 0);
    if (it == NULL)
        return NULL;
    if (mpy_coro_check(it)) {
        MPY_DECREF(it);
        mpy_err_set(mpy_exc_TypeError, "__await__() returned a coroutine");
        return NULL;
    }
    if (MPY_TYPE(it)->iternext == NULL) {
        mpy_err_format(mpy_exc_TypeError, "__await__() returned non-iterator of type '%T'", it);
        MPY_DECREF(it);
        return NULL;
    }
    return it;
}

MpyObject *mpy__coro_get_aiter(MpyObject *o)
{
    if (!has_special(o, "__aiter__"))
        return mpy_err_format(mpy_exc_TypeError, "'async for' requires an object with __aiter__ method, got %T", o);
    MpyObject *it = mpy_object_call_method_cstr(o, "__aiter__", NULL, 0);
    if (it != NULL && !has_special(it, "__anext__")) {
        mpy_err_format(mpy_exc_TypeError, "'async for' received an object from __aiter__ "
                       "that does not implement __anext__: %T", it);
        MPY_CLEAR(it);
    }
    return it;
}

MpyObject *mpy__coro_get_anext(MpyObject *aiter)
{
    MpyObject *next = mpy_object_call_method_cstr(aiter, "__anext__", NULL, 0);
    if (next == NULL)
        return NULL;
    if (!mpy_coro_check(next) && !has_special(next, "__await__")) {
        mpy_err_format(mpy_exc_TypeError, "'async for' received an invalid object from __anext__: %T", next);
        MPY_DECREF(next);
        return NULL;
    }
    MpyObject *it = mpy__coro_get_awaitable(next, 0);
    MPY_DECREF(next);
    return it;
}

MpyObject *mpy__coro_before_async_with(MpyObject *mgr, MpyObject **exit)
{
    *exit = NULL;
    if (!has_special(mgr, "__aenter__"))
        return mpy_err_format(mpy_exc_TypeError,
                              "'%T' object does not support the asynchronous context manager protocol", mgr);
    if (!has_special(mgr, "__aexit__"))
        return mpy_err_format(mpy_exc_TypeError, "'%T' object does not support the asynchronous context "
                              "manager protocol (missed __aexit__ method)", mgr);
    MpyObject *ex = mpy_object_getattr_cstr(mgr, "__aexit__");
    if (ex == NULL)
        return NULL;
    MpyObject *res = mpy_object_call_method_cstr(mgr, "__aenter__", NULL, 0);
    if (res == NULL) {
        MPY_DECREF(ex);
        return NULL;
    }
    *exit = ex;
    return res;
}

/* ------------------------------------------------------------------ */
/* Async generators                                                     */
/*
 * The body's own `yield v` wraps v (ASYNC_GEN_WRAP) so that the awaitables
 * below can tell it from a value an `await` inside passes through to the
 * event loop: __anext__()/asend(v) return an "asend" awaitable whose
 * send() runs the generator and either passes a plain value through or,
 * for a wrapped one, finishes with StopIteration(v) (the await's result).
 * The generator returning is StopAsyncIteration.  athrow()/aclose() work
 * the same way, throwing into the generator first.
 */

typedef struct {
    MpyObject ob_base;
    MpyObject *value;
} MpyAsyncGenWrapped;

MpyObject *mpy__async_gen_wrap(MpyObject *v)
{
    MpyAsyncGenWrapped *w = (MpyAsyncGenWrapped *)mpy_object_alloc(&mpy_async_gen_wrapped_type);
    if (w == NULL) {
        MPY_DECREF(v);
        return NULL;
    }
    w->value = v;
    return (MpyObject *)w;
}

static void wrapped_dealloc(MpyObject *self)
{
    MPY_XDECREF(((MpyAsyncGenWrapped *)self)->value);
    mpy_object_free(self);
}

MpyType mpy_async_gen_wrapped_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "async_generator_wrapped_value",
    .basicsize = sizeof(MpyAsyncGenWrapped),
    .dealloc = wrapped_dealloc,
};

enum { AG_INIT, AG_ITER, AG_CLOSED };
enum { AG_ASEND, AG_ATHROW, AG_ACLOSE };

/* The awaitable of asend()/__anext__() (kind AG_ASEND) and of
 * athrow()/aclose(). */
typedef struct {
    MpyObject ob_base;
    MpyGenObject *gen;
    MpyObject *arg;     /* asend: the value to send; athrow: the exception */
    int state;
    int kind;
} MpyAsyncGenOp;

static MpyObject *agen_op_new(MpyObject *gen, MpyObject *arg, int kind)
{
    MpyType *t = kind == AG_ASEND ? &mpy_async_gen_asend_type : &mpy_async_gen_athrow_type;
    MpyAsyncGenOp *op = (MpyAsyncGenOp *)mpy_object_alloc(t);
    if (op == NULL)
        return NULL;
    op->gen = (MpyGenObject *)MPY_NEWREF(gen);
    op->arg = arg ? MPY_NEWREF(arg) : NULL;
    op->state = AG_INIT;
    op->kind = kind;
    mpy_gc_track((MpyObject *)op);
    return (MpyObject *)op;
}

/* Turn one step of the generator (gen_run's r and result) into what the
 * awaitable's send()/throw() returns. */
static MpyObject *agen_op_result(MpyAsyncGenOp *op, int r, MpyObject *result)
{
    if (r == 1) {
        if (MPY_TYPE(result) != &mpy_async_gen_wrapped_type)
            return result; /* an await inside passes a value to the loop */
        op->state = AG_CLOSED;
        if (op->kind == AG_ACLOSE) {
            MPY_DECREF(result);
            mpy_err_set(mpy_exc_RuntimeError, "async generator ignored GeneratorExit");
            return NULL;
        }
        MpyObject *v = ((MpyAsyncGenWrapped *)result)->value;
        mpy_err_stop_iteration(v == MPY_NONE ? NULL : v);
        MPY_DECREF(result);
        return NULL;
    }
    op->state = AG_CLOSED;
    if (r == 0) {
        MPY_DECREF(result);
        if (op->kind == AG_ACLOSE)
            mpy_err_stop_iteration(NULL);
        else
            mpy_err_raise((MpyObject *)mpy_exc_StopAsyncIteration);
        return NULL;
    }
    if (op->kind == AG_ACLOSE &&
        (mpy_err_matches(mpy_exc_StopAsyncIteration) || mpy_err_matches(mpy_exc_GeneratorExit))) {
        mpy_err_clear();
        mpy_err_stop_iteration(NULL);
    }
    return NULL;
}

/* gen_throw_exc as a gen_run-style step.  Returns 1, 0 or -1. */
static int agen_throw_step(MpyGenObject *gen, MpyObject *exc, MpyObject **result)
{
    *result = gen_throw_exc(gen, exc);
    if (*result != NULL)
        return 1;
    if (mpy_err_matches(mpy_exc_StopIteration)) {
        MpyObject *stop = mpy_err_fetch();
        *result = MPY_NEWREF(mpy_exc_stop_iteration_value(stop));
        MPY_DECREF(stop);
        return 0;
    }
    return -1;
}

static MpyObject *agen_op_send_value(MpyAsyncGenOp *op, MpyObject *value)
{
    MpyObject *result;
    int r;
    if (op->state == AG_CLOSED) {
        mpy_err_set(mpy_exc_RuntimeError, op->kind == AG_ASEND
                                              ? "cannot reuse already awaited __anext__()/asend()"
                                              : "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    if (op->state == AG_INIT) {
        op->state = AG_ITER;
        if (op->kind == AG_ASEND) {
            if (value == MPY_NONE && op->arg != NULL)
                value = op->arg;
        } else {
            if (op->gen->running) {
                op->state = AG_CLOSED;
                mpy_err_set(mpy_exc_RuntimeError, op->kind == AG_ACLOSE
                                                      ? "aclose(): asynchronous generator is already running"
                                                      : "athrow(): asynchronous generator is already running");
                return NULL;
            }
            if (op->gen->frame->state == MPY_FRAME_COMPLETED ||
                (op->kind == AG_ACLOSE && op->gen->frame->state == MPY_FRAME_CREATED)) {
                if (op->gen->frame->state == MPY_FRAME_CREATED) {
                    MpyObject *c = gen_close_impl(op->gen);
                    MPY_XDECREF(c);
                }
                op->state = AG_CLOSED;
                if (op->kind == AG_ACLOSE)
                    mpy_err_stop_iteration(NULL);
                else
                    mpy_err_raise((MpyObject *)mpy_exc_StopAsyncIteration);
                return NULL;
            }
            // athrow's exception, or a new GeneratorExit for aclose().
            MpyObject *exc = op->arg ? MPY_NEWREF(op->arg) : mpy_exc_new(mpy_exc_GeneratorExit, NULL, 0);
            if (exc == NULL)
                return NULL;
            r = agen_throw_step(op->gen, exc, &result);
            MPY_DECREF(exc);
            return agen_op_result(op, r, result);
        }
    }
    r = gen_run(op->gen, value, 0, &result);
    return agen_op_result(op, r, result);
}

static MpyObject *agen_op_send(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    return agen_op_send_value((MpyAsyncGenOp *)self, args[0]);
}

static MpyObject *agen_op_iternext(MpyObject *self)
{
    return agen_op_send_value((MpyAsyncGenOp *)self, MPY_NONE);
}

static MpyObject *agen_op_throw(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    MpyAsyncGenOp *op = (MpyAsyncGenOp *)self;
    if (op->state == AG_CLOSED) {
        mpy_err_set(mpy_exc_RuntimeError, op->kind == AG_ASEND
                                              ? "cannot reuse already awaited __anext__()/asend()"
                                              : "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    if (mpy_arg_check_positional("throw", nargs, 1, 3) < 0)
        return NULL;
    MpyObject *exc = make_thrown(args, nargs);
    if (exc == NULL)
        return NULL;
    op->state = AG_ITER;
    MpyObject *result;
    int r = agen_throw_step(op->gen, exc, &result);
    MPY_DECREF(exc);
    return agen_op_result(op, r, result);
}

static MpyObject *agen_op_close(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    ((MpyAsyncGenOp *)self)->state = AG_CLOSED;
    return MPY_NEWREF(MPY_NONE);
}

static MpyObject *agen_op_await(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return MPY_NEWREF(self);
}

static void agen_op_dealloc(MpyObject *self)
{
    MpyAsyncGenOp *op = (MpyAsyncGenOp *)self;
    mpy_gc_untrack(self);
    MPY_XDECREF(op->gen);
    MPY_XDECREF(op->arg);
    mpy_object_free(self);
}

static int agen_op_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    MpyAsyncGenOp *op = (MpyAsyncGenOp *)self;
    MPY_VISIT(op->gen);
    MPY_VISIT(op->arg);
    return 0;
}

static const MpyMethodDef agen_op_methods[] = {
    {"send", agen_op_send, MPY_METH_O, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", agen_op_throw, MPY_METH_FASTCALL, "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration."},
    {"close", agen_op_close, MPY_METH_NOARGS, "close() -> raise GeneratorExit inside generator."},
    {"__await__", agen_op_await, MPY_METH_NOARGS, "Return an iterator to be used in await expression."},
    {NULL},
};

MpyType mpy_async_gen_asend_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "async_generator_asend",
    .basicsize = sizeof(MpyAsyncGenOp),
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = agen_op_dealloc,
    .traverse = agen_op_traverse,
    .iter = gen_iter,
    .iternext = agen_op_iternext,
    .methods = agen_op_methods,
};

MpyType mpy_async_gen_athrow_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "async_generator_athrow",
    .basicsize = sizeof(MpyAsyncGenOp),
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = agen_op_dealloc,
    .traverse = agen_op_traverse,
    .iter = gen_iter,
    .iternext = agen_op_iternext,
    .methods = agen_op_methods,
};

static MpyObject *agen_anext(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return agen_op_new(self, NULL, AG_ASEND);
}

static MpyObject *agen_asend(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *k)
{
    return agen_op_new(self, args[0], AG_ASEND);
}

static MpyObject *agen_athrow(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *k)
{
    if (mpy_arg_check_positional("athrow", nargs, 1, 3) < 0)
        return NULL;
    MpyObject *exc = make_thrown(args, nargs);
    if (exc == NULL)
        return NULL;
    MpyObject *op = agen_op_new(self, exc, AG_ATHROW);
    MPY_DECREF(exc);
    return op;
}

static MpyObject *agen_aclose(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return agen_op_new(self, NULL, AG_ACLOSE);
}

static MpyObject *agen_repr(MpyObject *self)
{
    return mpy_str_from_format("<async_generator object %U at %p>", ((MpyGenObject *)self)->qualname, (void *)self);
}

static const MpyGetSetDef agen_getset[] = {
    {"ag_running", gen_get_running, NULL, NULL, NULL},
    {"ag_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"ag_code", gen_get_code, NULL, NULL, NULL},
    {"ag_frame", gen_get_frame, NULL, NULL, NULL},
    {"ag_await", gen_get_yieldfrom, NULL, NULL, NULL},
    {NULL},
};

static const MpyMethodDef agen_methods[] = {
    {"__aiter__", agen_op_await, MPY_METH_NOARGS, "Return an awaitable, that resolves in asynchronous iterator."},
    {"__anext__", agen_anext, MPY_METH_NOARGS, "Return a value or raise StopAsyncIteration."},
    {"asend", agen_asend, MPY_METH_O, "asend(v) -> send 'v' in generator."},
    {"athrow", agen_athrow, MPY_METH_FASTCALL, "athrow(typ[,val[,tb]]) -> raise exception in generator."},
    {"aclose", agen_aclose, MPY_METH_NOARGS, "aclose() -> raise GeneratorExit inside generator."},
    {NULL},
};

MpyType mpy_async_gen_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "async_generator",
    .basicsize = sizeof(MpyGenObject),
    .itemsize = 1,
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = gen_dealloc,
    .traverse = gen_traverse,
    .repr = agen_repr,
    .methods = agen_methods,
    .members = gen_members,
    .getset = agen_getset,
};
