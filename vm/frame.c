/* vm/frame.c: line numbers of frames, locals(), and frame objects.
 *
 * Models CPython 3.11's Objects/frameobject.c.  Frames themselves are not
 * Python objects (vm/frame.h); a Python-visible `frame` object is made only
 * when someone asks (sys._getframe(), inspect): it points at the live frame
 * and, when that frame finishes, keeps a snapshot of what it showed.
 */
#include "vm/frame.h"

#include "gil/tstate.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/func.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/code.h"

typedef struct MpyFrameObject {
    MpyObject ob_base;
    MpyFrame *frame;       /* the live frame, or NULL once it finished */
    MpyObject *code;
    MpyObject *globals;
    MpyObject *builtins;
    MpyObject *locals;     /* snapshot after the frame finished */
    MpyObject *back;       /* f_back captured at detach time */
    int lineno;
    int lasti;
} MpyFrameObject;

int mpy_frame_lineno(MpyFrame *f)
{
    ptrdiff_t i = mpy_frame_lasti(f);
    if (i < 0)
        i = 0;
    return mpy_code_line_of(f->code, i);
}

MpyObject *mpy__frame_locals(MpyFrame *f)
{
    if (f->locals != NULL)
        return MPY_NEWREF(f->locals);
    MpyObject *d = mpy_dict_new();
    if (d == NULL)
        return NULL;
    MpyCodeObject *co = f->code;
    for (int i = 0; i < co->nlocalsplus; i++) {
        MpyObject *v = f->localsplus[i];
        MpyObject *name;
        if (i < co->nlocals) {
            name = mpy_tuple_item(co->varnames, i);
        } else {
            int k = i - co->nlocals;
            name = k < co->ncellvars ? mpy_tuple_item(co->cellvars, k)
                                     : mpy_tuple_item(co->freevars, k - co->ncellvars);
            v = v != NULL ? ((MpyCellObject *)v)->ref : NULL;
        }
        if (v != NULL && mpy_dict_set(d, name, v) < 0) {
            MPY_DECREF(d);
            return NULL;
        }
    }
    return d;
}

MpyObject *mpy__frame_object_get(MpyFrame *frame)
{
    if (frame->frame_obj != NULL)
        return MPY_NEWREF(frame->frame_obj);
    MpyFrameObject *fo = (MpyFrameObject *)mpy_object_alloc(&mpy_frame_type);
    if (fo == NULL)
        return NULL;
    fo->frame = frame;
    fo->code = MPY_NEWREF(frame->code);
    fo->globals = MPY_NEWREF(frame->globals);
    fo->builtins = MPY_NEWREF(frame->builtins);
    fo->lineno = -1;
    frame->frame_obj = (MpyObject *)fo; /* the frame holds a reference */
    mpy_gc_track((MpyObject *)fo);
    return MPY_NEWREF(fo);
}

void mpy__frame_object_detach(MpyFrame *frame)
{
    MpyFrameObject *fo = (MpyFrameObject *)frame->frame_obj;
    frame->frame_obj = NULL;
    MpyObject *saved = mpy_err_fetch();
    fo->lineno = mpy_frame_lineno(frame);
    fo->lasti = (int)mpy_frame_lasti(frame);
    fo->locals = mpy__frame_locals(frame);
    if (fo->locals == NULL)
        mpy_err_clear();
    fo->back = frame->previous ? mpy__frame_object_get(frame->previous) : NULL;
    if (fo->back == NULL)
        mpy_err_clear();
    mpy_err_restore_raw(saved);
    fo->frame = NULL;
    MPY_DECREF(fo);
}

/* ------------------------------------------------------------------ */
/* The type                                                             */

static void fo_dealloc(MpyObject *o)
{
    MpyFrameObject *fo = (MpyFrameObject *)o;
    mpy_gc_untrack(o);
    MPY_XDECREF(fo->code);
    MPY_XDECREF(fo->globals);
    MPY_XDECREF(fo->builtins);
    MPY_XDECREF(fo->locals);
    MPY_XDECREF(fo->back);
    mpy_object_free(o);
}

static int fo_traverse(MpyObject *o, MpyVisitFunc visit, void *arg)
{
    MpyFrameObject *fo = (MpyFrameObject *)o;
    MPY_VISIT(fo->code);
    MPY_VISIT(fo->globals);
    MPY_VISIT(fo->locals);
    MPY_VISIT(fo->back);
    return 0;
}

static MpyObject *fo_get_code(MpyObject *o, void *c) { return MPY_NEWREF(((MpyFrameObject *)o)->code); }
static MpyObject *fo_get_globals(MpyObject *o, void *c) { return MPY_NEWREF(((MpyFrameObject *)o)->globals); }
static MpyObject *fo_get_builtins(MpyObject *o, void *c) { return MPY_NEWREF(((MpyFrameObject *)o)->builtins); }

static MpyObject *fo_get_locals(MpyObject *o, void *c)
{
    MpyFrameObject *fo = (MpyFrameObject *)o;
    if (fo->frame != NULL)
        return mpy__frame_locals(fo->frame);
    return fo->locals ? MPY_NEWREF(fo->locals) : mpy_dict_new();
}

static MpyObject *fo_get_lineno(MpyObject *o, void *c)
{
    MpyFrameObject *fo = (MpyFrameObject *)o;
    return mpy_int_from_long(fo->frame ? mpy_frame_lineno(fo->frame) : fo->lineno);
}

static MpyObject *fo_get_lasti(MpyObject *o, void *c)
{
    MpyFrameObject *fo = (MpyFrameObject *)o;
    return mpy_int_from_long(2 * (fo->frame ? (int)mpy_frame_lasti(fo->frame) : fo->lasti));
}

static MpyObject *fo_get_back(MpyObject *o, void *c)
{
    MpyFrameObject *fo = (MpyFrameObject *)o;
    if (fo->frame != NULL) {
        MpyFrame *prev = fo->frame->previous;
        return prev ? mpy__frame_object_get(prev) : MPY_NEWREF(MPY_NONE);
    }
    return MPY_NEWREF(fo->back ? fo->back : MPY_NONE);
}

static MpyObject *fo_get_trace(MpyObject *o, void *c) { return MPY_NEWREF(MPY_NONE); }

static MpyObject *fo_repr(MpyObject *o)
{
    MpyFrameObject *fo = (MpyFrameObject *)o;
    MpyCodeObject *co = (MpyCodeObject *)fo->code;
    int line = fo->frame ? mpy_frame_lineno(fo->frame) : fo->lineno;
    return mpy_str_from_format("<frame at %p, file %R, line %d, code %U>", (void *)o, co->filename,
                               line, co->name);
}

static const MpyGetSetDef fo_getset[] = {
    {"f_code", fo_get_code, NULL, NULL, NULL},
    {"f_globals", fo_get_globals, NULL, NULL, NULL},
    {"f_builtins", fo_get_builtins, NULL, NULL, NULL},
    {"f_locals", fo_get_locals, NULL, NULL, NULL},
    {"f_lineno", fo_get_lineno, NULL, NULL, NULL},
    {"f_lasti", fo_get_lasti, NULL, NULL, NULL},
    {"f_back", fo_get_back, NULL, NULL, NULL},
    {"f_trace", fo_get_trace, NULL, NULL, NULL},
    {NULL},
};

MpyType mpy_frame_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "frame",
    .basicsize = sizeof(MpyFrameObject),
    .flags = MPY_TPFLAGS_HAVE_GC,
    .dealloc = fo_dealloc,
    .traverse = fo_traverse,
    .repr = fo_repr,
    .getset = fo_getset,
};
