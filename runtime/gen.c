/* runtime/gen.c: generator objects: next/send/throw/close.
 *
 * Models CPython's Objects/genobject.c.  A generator carries its own frame
 * (allocated in the same block as the generator) and runs it with
 * mpy__eval_frame, pushing its own handled-exception entry so `except`
 * blocks inside the generator see their own exception.  throw() raises at
 * the point of suspension, delegating first to a sub-iterator when the
 * generator is suspended in `yield from` (the instruction after its
 * YIELD_VALUE is RESUME 2).
 */
#include "runtime/gen.h"

#include <string.h>

#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/func.h"
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
    MpyGenObject *gen = (MpyGenObject *)mpy_object_alloc_var(&mpy_generator_type, fsize);
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

/* Run the generator's frame once.  `value` is pushed as the result of the
 * suspended yield (not for the first run); with `throwflag` the current
 * exception is raised at the suspension point instead.
 * Returns 1 (yielded, *result), 0 (returned, *result) or -1. */
static int gen_run(MpyGenObject *gen, MpyObject *value, int throwflag, MpyObject **result)
{
    MpyThreadState *tstate = mpy__tstate_get();
    MpyFrame *frame = gen->frame;
    *result = NULL;
    if (gen->running) {
        mpy_err_set(mpy_exc_ValueError, "generator already executing");
        return -1;
    }
    if (frame->state == MPY_FRAME_COMPLETED) {
        if (throwflag)
            return -1; /* the exception is already set */
        *result = MPY_NEWREF(MPY_NONE);
        return 0;
    }
    if (frame->state == MPY_FRAME_CREATED && value != MPY_NONE && !throwflag) {
        mpy_err_set(mpy_exc_TypeError, "can't send non-None value to a just-started generator");
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
    /* A StopIteration escaping the body becomes a RuntimeError (PEP 479). */
    if (mpy_err_matches(mpy_exc_StopIteration)) {
        MpyObject *exc = mpy_err_fetch();
        mpy_err_set(mpy_exc_RuntimeError, "generator raised StopIteration");
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
            if (mpy_gen_check(sub)) {
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
        if (mpy_gen_check(sub)) {
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
        mpy_err_set(mpy_exc_RuntimeError, "generator ignored GeneratorExit");
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
