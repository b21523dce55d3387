/* runtime/signals.h: OS signals delivered to Python code.
 *
 * Models CPython's Modules/signalmodule.c core: the C handler only records
 * the signal and sets the main thread's eval breaker; the main thread then
 * runs the Python-level handler (KeyboardInterrupt for SIGINT by default)
 * at its next check point, or as soon as a blocking call it is in returns
 * with EINTR.
 */
#ifndef MINIPY_RUNTIME_SIGNALS_H
#define MINIPY_RUNTIME_SIGNALS_H

/* Install the default handlers (SIGINT -> KeyboardInterrupt, SIGPIPE
 * ignored so writes to closed pipes fail with BrokenPipeError). */
void mpy__signals_init(void);
/* Run handlers for signals that arrived.  Returns 0, or -1 with the
 * exception a handler raised.  Main thread only. */
int mpy__signals_run(void);

#endif
