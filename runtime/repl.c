/* runtime/repl.c: the interactive prompt (one of the two files that talk to
 * GNU readline).
 *
 * Each line is added to a buffer that is compiled in "single" mode; if the
 * parser says the input is incomplete (an open block or bracket), the
 * "... " prompt asks for more.  readline runs with the GIL released, and a
 * small input hook notices Ctrl-C (our SIGINT handler only sets a flag)
 * and ends the line, which then reports KeyboardInterrupt like CPython.
 */
#include "runtime/repl.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "gil/gil.h"
#include "gil/tstate.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/run.h"
#include "runtime/signals.h"
#include "runtime/str.h"
#include "runtime/sysmodule.h"
#include "vm/compiler.h"
#include "vm/eval.h"

static volatile sig_atomic_t interrupted;
static struct sigaction saved_sigint;

static void on_sigint_in_readline(int sig)
{
    (void)sig;
    interrupted = 1;
}

/* Called by readline while it waits for a key: end the line on Ctrl-C. */
static int check_interrupt(void)
{
    if (interrupted)
        rl_done = 1;
    return 0;
}

static char history_path[4096];

/* ------------------------------------------------------------------ */
/* Tab completion: names in __main__ and builtins, or attributes after a
 * dot ("obj.ap" -> "obj.append").                                      */

static MpyObject *completion_candidates;

static void add_keys(MpyObject *list, MpyObject *dict)
{
    ptrdiff_t pos = 0;
    MpyObject *k;
    while (mpy_dict_next(dict, &pos, &k, NULL)) {
        if (mpy_str_check(k))
            mpy_list_append(list, k);
    }
}

static char *complete_one(const char *text, int state)
{
    static ptrdiff_t index;
    static size_t prefix_len;
    static const char *dot;
    MpyThreadState *ts = mpy__tstate_get();
    if (state == 0) {
        mpy__restore_thread(ts);
        MPY_CLEAR(completion_candidates);
        completion_candidates = mpy_list_new(0);
        dot = strrchr(text, '.');
        MpyObject *globals = mpy_module_get_dict(mpy__interp->main_module);
        if (completion_candidates != NULL && dot == NULL) {
            add_keys(completion_candidates, globals);
            add_keys(completion_candidates, mpy__interp->builtins);
        } else if (completion_candidates != NULL) {
            MpyObject *expr = mpy_str_from_utf8(text, (size_t)(dot - text));
            MpyObject *code = expr ? mpy_compile_source(text, (size_t)(dot - text), expr, MPY_PARSE_EVAL, NULL) : NULL;
            MpyObject *obj = code ? mpy_eval_code(code, globals, globals) : NULL;
            MpyObject *names = obj ? mpy_object_dir(obj) : NULL;
            if (names != NULL) {
                for (ptrdiff_t i = 0; i < mpy_list_size(names); i++)
                    mpy_list_append(completion_candidates, ((MpyListObject *)names)->items[i]);
            }
            MPY_XDECREF(expr);
            MPY_XDECREF(code);
            MPY_XDECREF(obj);
            MPY_XDECREF(names);
        }
        mpy_err_clear();
        index = 0;
        prefix_len = strlen(dot ? dot + 1 : text);
        mpy__save_thread();
    }
    const char *prefix = dot ? dot + 1 : text;
    while (completion_candidates != NULL && index < mpy_list_size(completion_candidates)) {
        MpyObject *name = ((MpyListObject *)completion_candidates)->items[index++];
        const char *s = mpy_str_utf8(name);
        if (strncmp(s, prefix, prefix_len) != 0)
            continue;
        if (prefix[0] != '_' && s[0] == '_')
            continue;
        if (dot == NULL)
            return strdup(s);
        size_t head = (size_t)(dot - text) + 1;
        char *r = malloc(head + strlen(s) + 1);
        if (r != NULL) {
            memcpy(r, text, head);
            strcpy(r + head, s);
        }
        return r;
    }
    return NULL;
}

/* ------------------------------------------------------------------ */
/* The loop                                                             */

/* Read one line with the GIL released.  NULL at EOF; "" with *cancelled
 * set after Ctrl-C.  The caller frees the result. */
static char *read_line(const char *prompt, bool *cancelled)
{
    struct sigaction sa = {0};
    sa.sa_handler = on_sigint_in_readline;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &saved_sigint);
    interrupted = 0;
    char *line;
    MPY_BEGIN_ALLOW_THREADS
    line = readline(prompt);
    MPY_END_ALLOW_THREADS
    sigaction(SIGINT, &saved_sigint, NULL);
    *cancelled = interrupted != 0;
    if (*cancelled) {
        free(line);
        return strdup("");
    }
    return line;
}

/* Compile and run what the user typed.  Returns 1 to continue (more input
 * needed), 0 when done with this statement, -1 on SystemExit (*status). */
static int run_buffer(const char *source, int *status)
{
    MpyObject *filename = mpy_str_from_cstr("<stdin>");
    int incomplete = 0;
    MpyObject *code = mpy_compile_source(source, strlen(source), filename, MPY_PARSE_SINGLE, &incomplete);
    MPY_DECREF(filename);
    if (code == NULL && incomplete) {
        mpy_err_clear();
        return 1;
    }
    MpyObject *r = NULL;
    if (code != NULL) {
        MpyObject *globals = mpy_module_get_dict(mpy__interp->main_module);
        r = mpy_eval_code(code, globals, globals);
        MPY_DECREF(code);
    }
    if (r == NULL) {
        if (mpy_err_matches(mpy_exc_SystemExit)) {
            *status = mpy_handle_uncaught();
            return -1;
        }
        mpy_err_print();
    }
    MPY_XDECREF(r);
    mpy__sys_flush_streams();
    return 0;
}

static void print_banner(void)
{
    printf("Python %d.%d.%d (minipy %s, %s) [GCC " __VERSION__ "] on linux\n"
           "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n",
           MPY_PYTHON_MAJOR, MPY_PYTHON_MINOR, MPY_PYTHON_MICRO, MPY_VERSION_STRING,
           MPY_FREE_THREADED ? "free-threading build" : "GIL build");
    fflush(stdout);
}

int mpy_repl_run(void)
{
    MpyInterp *interp = mpy__interp;
    if (interp->main_module == NULL) {
        interp->main_module = mpy_module_new_cstr("__main__");
        if (interp->main_module == NULL ||
            mpy_dict_set_cstr(interp->modules, "__main__", interp->main_module) < 0 ||
            mpy_dict_set(mpy_module_get_dict(interp->main_module), MPY_ID(__builtins__),
                         interp->builtins_module) < 0)
            return mpy_handle_uncaught();
    }
    const char *home = getenv("HOME");
    if (home != NULL) {
        snprintf(history_path, sizeof history_path, "%s/.minipy_history", home);
        read_history(history_path);
    }
    rl_event_hook = check_interrupt;
    rl_completion_entry_function = complete_one;
    rl_basic_word_break_characters = " \t\n\"'`@$><=;|&{(";
    print_banner();
    char *buffer = NULL;
    size_t len = 0;
    int status = 0;
    for (;;) {
        bool cancelled;
        char *line = read_line(buffer ? "... " : ">>> ", &cancelled);
        if (line == NULL) {
            printf("\n");
            break;
        }
        if (cancelled) {
            free(buffer);
            buffer = NULL;
            len = 0;
            free(line);
            printf("\n");
            fflush(stdout);
            mpy_err_set_object(mpy_exc_KeyboardInterrupt, NULL);
            mpy_err_print();
            continue;
        }
        if (line[0] != '\0')
            add_history(line);
        size_t n = strlen(line);
        char *grown = realloc(buffer, len + n + 2);
        if (grown == NULL) {
            free(line);
            break;
        }
        buffer = grown;
        memcpy(buffer + len, line, n);
        buffer[len + n] = '\n';
        buffer[len + n + 1] = '\0';
        len += n + 1;
        free(line);
        int r = run_buffer(buffer, &status);
        if (r == 1)
            continue;
        free(buffer);
        buffer = NULL;
        len = 0;
        if (r < 0)
            break;
    }
    free(buffer);
    if (history_path[0])
        write_history(history_path);
    MPY_CLEAR(completion_candidates);
    return status;
}
