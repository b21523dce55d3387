/* runtime/mod_io.c: the _io module, which names the C file types.
 *
 * Models the type exports of CPython's Modules/_io/_iomodule.c.  The file
 * objects themselves live in runtime/fileio.c (open() builds them); this
 * module only makes their classes importable, so that io.py can export
 * io.TextIOWrapper, io.BufferedReader ... and isinstance checks against
 * them work.  StringIO and BytesIO are written in Python (runtime/lib/io.py).
 */
#include "runtime/module.h"

#include "runtime/fileio.h"
#include "runtime/import.h"
#include "runtime/type.h"

static int io_exec(MpyObject *module)
{
    MpyType *types[] = {&mpy_textio_type, &mpy_bufferedreader_type, &mpy_bufferedwriter_type,
                        &mpy_bufferedrandom_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (mpy_type_ready(types[i]) < 0 || mpy_module_add_type(module, types[i]) < 0)
            return -1;
    }
    /* _io.open is the built-in open(). */
    MpyObject *builtins = mpy_import_module_cstr("builtins");
    MpyObject *open = builtins ? mpy_object_getattr_cstr(builtins, "open") : NULL;
    MPY_XDECREF(builtins);
    if (open == NULL)
        return -1;
    return mpy_module_add_take(module, "open", open);
}

const MpyModuleDef mpy__io_module_def = {
    "_io", "The io module provides the Python interfaces to stream handling.", NULL, io_exec, 1,
};
