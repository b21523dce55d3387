/* tests/fuzz/fuzz_util.h: what every libFuzzer target of minipy shares.
 *
 * libFuzzer calls LLVMFuzzerTestOneInput millions of times in one process,
 * so the runtime is initialized once (LLVMFuzzerInitialize) and never
 * finalized: objects still alive at exit are left to the OS, exactly as a
 * normal `minipy` run does.  Each input must leave no exception set and
 * must drop every reference it made, or LeakSanitizer reports it.
 *
 * stdout goes to /dev/null: programs and error paths may print, and
 * libFuzzer writes its own progress to stderr.
 */
#ifndef MINIPY_TESTS_FUZZ_FUZZ_UTIL_H
#define MINIPY_TESTS_FUZZ_FUZZ_UTIL_H

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "runtime/error.h"
#include "runtime/init.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

/* Bring the runtime up once; silence stdout.  Exits on failure. */
static inline void fuzz_init_runtime(void)
{
    int devnull = open("/dev/null", O_WRONLY);
    if (devnull >= 0) {
        dup2(devnull, 1);
        close(devnull);
    }
    if (mpy_initialize() < 0) {
        fprintf(stderr, "fuzz: mpy_initialize failed\n");
        exit(1);
    }
}

/* Forget the exception an input left behind (expected: SyntaxError,
 * ValueError ...).  A non-NULL result with an exception set, or NULL
 * without one, is a bug in the code under test: abort so libFuzzer
 * saves the input. */
static inline void fuzz_check_result(MpyObject *result, const char *what)
{
    bool failed = mpy_err_occurred() != NULL;
    if ((result == NULL) != failed) {
        fprintf(stderr, "fuzz: %s returned %s %s an exception set\n", what,
                result ? "a value" : "NULL", failed ? "with" : "without");
        abort();
    }
    if (failed)
        mpy_err_clear();
    MPY_XDECREF(result);
}

#endif
