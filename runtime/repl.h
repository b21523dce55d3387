/* runtime/repl.h: the interactive prompt.
 *
 * Models CPython's interactive loop (Python/pythonrun.c, the `code`
 * module): ">>> " and "... " prompts with GNU readline (history in
 * ~/.minipy_history, tab completion of names and attributes), multi-line
 * blocks, results echoed through sys.displayhook, tracebacks that keep
 * the session, Ctrl-C cancelling the line, Ctrl-D leaving.
 */
#ifndef MINIPY_RUNTIME_REPL_H
#define MINIPY_RUNTIME_REPL_H

/* Run the prompt until EOF or SystemExit.  Returns the exit status. */
int mpy_repl_run(void);

#endif
