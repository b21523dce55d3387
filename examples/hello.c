/* examples/hello.c: the smallest useful host program: start minipy, run a
 * few statements, evaluate an expression and read its value back in C.
 *
 * Build (after `make install`):
 *     cc hello.c $(pkg-config --cflags --libs minipy) -o hello
 * or in the source tree: `make examples`, then build/gil/examples/hello.
 */
#include <stdint.h>
#include <stdio.h>

#include <minipy.h>

int main(void)
{
    if (mpy_runtime_init(NULL) < 0)
        return 1;

    // Statements (MPY_MODE_EXEC) run in the __main__ module; the result is None.
    MpyObject *none = mpy_run_string("import sys\n"
                                     "print('Hello from minipy, speaking Python',\n"
                                     "      '.'.join(map(str, sys.version_info[:3])))\n"
                                     "squares = [n * n for n in range(10)]\n",
                                     MPY_MODE_EXEC, NULL);

    // An expression (MPY_MODE_EVAL) gives back its value, as a new reference.
    MpyObject *total = NULL;
    if (none != NULL)
        total = mpy_run_string("sum(squares)", MPY_MODE_EVAL, NULL);

    int64_t value = 0;
    int ok = total != NULL && mpy_int_to_int64(total, &value) == 0;
    if (!ok)
        mpy_err_report();  // the Python traceback, on stderr

    MPY_XDECREF(none);     // we own both results: give them back
    MPY_XDECREF(total);

    // Shutting down flushes what Python printed, so print from C after it.
    if (mpy_runtime_fini() < 0 || !ok)
        return 1;
    printf("C got the sum of the squares below 10 from Python: %lld\n", (long long)value);
    return 0;
}
