/* runtime/mod_minipy.c: `_minipy`, minipy's own helpers for the library
 * modules written in Python (traceback, threading ...).
 *
 * Nothing here is part of CPython's API; user code should not need it.
 */
#include "runtime/module.h"

#include "gil/tstate.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/traceback.h"

/* format_exception(exc) -> str: the full report CPython prints for an
 * uncaught exception (chain, traceback with source lines and markers). */
static MpyObject *minipy_format_exception(MpyObject *self, MpyObject *const *args, size_t n, MpyObject *k)
{
    if (!mpy_exc_check(args[0]))
        return mpy_err_format(mpy_exc_TypeError, "format_exception() expects an exception, not %T", args[0]);
    return mpy__format_exception(args[0]);
}

/* display_exception(exc) -> str: the same report with the "Did you mean"
 * hints the default display adds (for threading.excepthook). */
static MpyObject *minipy_display_exception(MpyObject *self, MpyObject *const *args, size_t n, MpyObject *k)
{
    if (!mpy_exc_check(args[0]))
        return mpy_err_format(mpy_exc_TypeError, "display_exception() expects an exception, not %T", args[0]);
    return mpy__format_exception_display(args[0]);
}

/* source_line(filename, lineno) -> str or None: a line of a source file. */
static MpyObject *minipy_source_line(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *k)
{
    if (nargs != 2)
        return mpy_err_format(mpy_exc_TypeError, "source_line() takes 2 arguments");
    long long lineno = mpy_int_as_long(args[1]);
    if (lineno == -1 && mpy_err_occurred())
        return NULL;
    MpyObject *line = mpy__source_line(args[0], (int)lineno);
    return line ? line : MPY_NEWREF(MPY_NONE);
}

/* gil_flag() -> sys.flags.gil: 1 in the GIL build; in the free-threaded
 * build None (PYTHON_GIL / -X gil unset), 0 or 1. */
static MpyObject *minipy_gil_flag(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    int g = MPY_FREE_THREADED ? mpy__interp->enable_gil : 1;
    return g < 0 ? MPY_NEWREF(MPY_NONE) : mpy_int_from_long(g);
}

static const MpyMethodDef minipy_methods[] = {
    {"gil_flag", minipy_gil_flag, MPY_METH_NOARGS, "sys.flags.gil."},
    {"display_exception", minipy_display_exception, MPY_METH_O,
     "The report sys.excepthook prints, with \"Did you mean\" hints."},
    {"format_exception", minipy_format_exception, MPY_METH_O,
     "The traceback report of an exception, as printed for uncaught ones."},
    {"source_line", minipy_source_line, MPY_METH_FASTCALL, "Line `lineno` of a source file, or None."},
    {NULL},
};

const MpyModuleDef mpy__minipy_module_def = {
    "_minipy", "minipy's internal helpers for its Python-written library modules.", minipy_methods,
    NULL, 1,
};
