/* runtime/frozen.c: Python modules compiled into the binary.
 *
 * Models CPython's Python/frozen.c, with a twist: instead of generating C
 * arrays of bytecode at build time, each source file listed in
 * runtime/frozen.def is embedded verbatim with the assembler's .incbin
 * directive (plus a NUL) and compiled on first import.
 */
#include "runtime/import.h"

#include <string.h>

#define MPY_FROZEN(id, name, path, pkg)                                                    \
    extern const char mpy__frozen_src_##id[];                                              \
    __asm__(".pushsection .rodata\n"                                                       \
            ".global mpy__frozen_src_" #id "\n"                                            \
            "mpy__frozen_src_" #id ":\n"                                                   \
            ".incbin \"" path "\"\n"                                                       \
            ".byte 0\n"                                                                    \
            ".popsection\n");
#include "runtime/frozen.def"
#undef MPY_FROZEN

static const MpyFrozenModule frozen_modules[] = {
#define MPY_FROZEN(id, name, path, pkg) {name, mpy__frozen_src_##id, pkg},
#include "runtime/frozen.def"
#undef MPY_FROZEN
    {NULL, NULL, 0},
};

const MpyFrozenModule *mpy__find_frozen_module(const char *name)
{
    for (const MpyFrozenModule *m = frozen_modules; m->name != NULL; m++) {
        if (strcmp(m->name, name) == 0)
            return m;
    }
    return NULL;
}
