/* runtime/mod_pickle.h: what the two halves of the _pickle module share.
 *
 * The _pickle module (runtime/mod_pickle.c writes pickles,
 * runtime/mod_pickle_load.c reads them) is the C accelerator of
 * runtime/lib/pickle.py, like CPython's Modules/_pickle.c.  The opcodes
 * below (PICKLE_*) are the pickle format's; pickle.py documents them.
 */
#ifndef MINIPY_RUNTIME_MOD_PICKLE_H
#define MINIPY_RUNTIME_MOD_PICKLE_H

#include "runtime/object.h"

enum {
    PICKLE_MARK = '(', PICKLE_STOP = '.', PICKLE_POP = '0', PICKLE_POP_MARK = '1', PICKLE_DUP = '2',
    PICKLE_FLOAT = 'F', PICKLE_INT = 'I', PICKLE_BININT = 'J', PICKLE_BININT1 = 'K', PICKLE_LONG = 'L',
    PICKLE_BININT2 = 'M', PICKLE_NONE = 'N', PICKLE_PERSID = 'P', PICKLE_BINPERSID = 'Q', PICKLE_REDUCE = 'R',
    PICKLE_STRING = 'S', PICKLE_BINSTRING = 'T', PICKLE_SHORT_BINSTRING = 'U', PICKLE_UNICODE = 'V',
    PICKLE_BINUNICODE = 'X', PICKLE_APPEND = 'a', PICKLE_BUILD = 'b', PICKLE_GLOBAL = 'c', PICKLE_DICT = 'd',
    PICKLE_EMPTY_DICT = '}', PICKLE_APPENDS = 'e', PICKLE_GET = 'g', PICKLE_BINGET = 'h', PICKLE_INST = 'i',
    PICKLE_LONG_BINGET = 'j', PICKLE_LIST = 'l', PICKLE_EMPTY_LIST = ']', PICKLE_OBJ = 'o', PICKLE_PUT = 'p',
    PICKLE_BINPUT = 'q', PICKLE_LONG_BINPUT = 'r', PICKLE_SETITEM = 's', PICKLE_TUPLE = 't',
    PICKLE_EMPTY_TUPLE = ')', PICKLE_SETITEMS = 'u', PICKLE_BINFLOAT = 'G',
    /* protocol 2 */
    PICKLE_PROTO = 0x80, PICKLE_NEWOBJ = 0x81, PICKLE_EXT1 = 0x82, PICKLE_EXT2 = 0x83, PICKLE_EXT4 = 0x84,
    PICKLE_TUPLE1 = 0x85, PICKLE_TUPLE2 = 0x86, PICKLE_TUPLE3 = 0x87, PICKLE_NEWTRUE = 0x88,
    PICKLE_NEWFALSE = 0x89, PICKLE_LONG1 = 0x8a, PICKLE_LONG4 = 0x8b,
    /* protocol 3 */
    PICKLE_BINBYTES = 'B', PICKLE_SHORT_BINBYTES = 'C',
    /* protocol 4 */
    PICKLE_SHORT_BINUNICODE = 0x8c, PICKLE_BINUNICODE8 = 0x8d, PICKLE_BINBYTES8 = 0x8e,
    PICKLE_EMPTY_SET = 0x8f, PICKLE_ADDITEMS = 0x90, PICKLE_FROZENSET = 0x91, PICKLE_NEWOBJ_EX = 0x92,
    PICKLE_STACK_GLOBAL = 0x93, PICKLE_MEMOIZE = 0x94, PICKLE_FRAME = 0x95,
    /* protocol 5 */
    PICKLE_BYTEARRAY8 = 0x96, PICKLE_NEXT_BUFFER = 0x97, PICKLE_READONLY_BUFFER = 0x98,
};

#define MPY_PICKLE_HIGHEST_PROTOCOL 5

/* Raise the exception class `name` ("PicklingError", "UnpicklingError")
 * that pickle.py registered in the _pickle module, with a printf-style
 * message (mpy_err_format's conversions).  Falls back to RuntimeError
 * before pickle.py is imported.  Returns NULL. */
MpyObject *mpy__pickle_error(MpyObject *module, const char *name, const char *fmt, ...);

/* The function `name` ("_describe", "_find_class") that pickle.py
 * registers in the _pickle module, importing pickle first if needed.
 * Returns: new reference, or NULL with an exception. */
MpyObject *mpy__pickle_hook(MpyObject *module, const char *name);

/* _pickle.loads(data, /, *, fix_imports=True, encoding='ASCII',
 * errors='strict', buffers=()): the unpickler (runtime/mod_pickle_load.c).
 * Module function; globals are found by pickle._find_class. */
MpyObject *mpy__pickle_loads(MpyObject *module, MpyObject *const *args, size_t nargs,
                             MpyObject *kwnames);

#endif
