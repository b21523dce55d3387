/* runtime/repl.c: the interactive prompt (one of the two files that talk to
 * GNU readline).
 *
 * Models CPython's interactive loop (PyRun_InteractiveLoop with
 * Modules/readline.c and Lib/rlcompleter.py).  Each line is added to a
 * buffer that is compiled in "single" mode; if the parser says the input
 * is incomplete (an open block or bracket), the "... " prompt asks for
 * more, and Ctrl-D there compiles the buffer as it is.  readline runs with
 * the GIL released and with its own signal handling off: our SIGINT
 * handler only sets a flag, the interrupted read() returns, and readline's
 * signal/event hook ends the line, which then reports KeyboardInterrupt
 * like CPython.  Bracketed paste is off (as CPython sets it), so a
 * terminal sees only the prompts and the echo.  Tab completes keywords,
 * names and attributes; history is read from and written to
 * ~/.minipy_history.  Tested through a pty by tests/repl/repl_test.sh.
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
#include "runtime/import.h"
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
/* Tab completion, as CPython's rlcompleter: keywords and the names of
 * __main__ and builtins, or the attributes of an expression before a dot
 * ("obj.ap" -> "obj.append(").  Callables get "(" appended, keywords a
 * space (or ":" for try/finally).  The matches are computed once, when
 * readline asks for the first one (state 0).                           */

static MpyObject *completion_candidates; /* list of str: the full matches */

static const char *const keywords[] = {
    "False", "None",   "True",     "and",   "as",     "assert", "async", "await",
    "break", "class",  "continue", "def",   "del",    "elif",   "else",  "except",
    "finally", "for",  "from",     "global", "if",    "import", "in",    "is",
    "lambda", "nonlocal", "not",   "or",    "pass",   "raise",  "return", "try",
    "while", "with",   "yield",    NULL};

/* Append `head` + `name` + (callable `value` ? "(" : "") unless seen. */
static void add_match(MpyObject *seen, const char *head, size_t head_len, MpyObject *name,
                      MpyObject *value)
{
    if (mpy_dict_contains(seen, name) != 0 || mpy_dict_set(seen, name, MPY_NONE) < 0)
        return;
    bool call = value != NULL && mpy_callable_check(value);
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    if (mpy_sb_append(&sb, head, head_len) < 0 || mpy_sb_append_str(&sb, name) < 0 ||
        (call && mpy_sb_append(&sb, "(", 1) < 0)) {
        mpy_sb_discard(&sb);
        return;
    }
    mpy_list_append_take(completion_candidates, mpy_sb_finish(&sb));
}

static void add_names(MpyObject *seen, MpyObject *dict, const char *prefix)
{
    ptrdiff_t pos = 0;
    MpyObject *k, *v;
    size_t n = strlen(prefix);
    while (mpy_dict_next(dict, &pos, &k, &v)) {
        if (mpy_str_check(k) && strncmp(mpy_str_utf8(k), prefix, n) == 0)
            add_match(seen, "", 0, k, v);
    }
}

static void global_matches(MpyObject *seen, const char *text)
{
    size_t n = strlen(text);
    for (int i = 0; keywords[i] != NULL; i++) {
        if (strncmp(keywords[i], text, n) != 0)
            continue;
        bool colon = strcmp(keywords[i], "try") == 0 || strcmp(keywords[i], "finally") == 0;
        bool bare = strcmp(keywords[i], "False") == 0 || strcmp(keywords[i], "None") == 0 ||
                    strcmp(keywords[i], "True") == 0 || strcmp(keywords[i], "break") == 0 ||
                    strcmp(keywords[i], "continue") == 0 || strcmp(keywords[i], "pass") == 0 ||
                    strcmp(keywords[i], "else") == 0;
        MpyObject *word = mpy_str_from_format("%s%s", keywords[i], colon ? ":" : bare ? "" : " ");
        MpyObject *key = mpy_str_from_cstr(keywords[i]);
        if (word != NULL && key != NULL && mpy_dict_set(seen, key, MPY_NONE) == 0)
            mpy_list_append(completion_candidates, word);
        MPY_XDECREF(word);
        MPY_XDECREF(key);
    }
    add_names(seen, mpy_module_get_dict(mpy__interp->main_module), text);
    add_names(seen, mpy__interp->builtins, text);
}

/* "expr.prefix": evaluate expr in __main__ and match its dir(). */
static void attr_matches(MpyObject *seen, const char *text, const char *dot)
{
    MpyObject *globals = mpy_module_get_dict(mpy__interp->main_module);
    size_t head = (size_t)(dot - text) + 1;
    const char *prefix = dot + 1;
    size_t n = strlen(prefix);
    MpyObject *expr = mpy_str_from_utf8(text, head - 1);
    MpyObject *code = expr ? mpy_compile_source(text, head - 1, expr, MPY_PARSE_EVAL, NULL) : NULL;
    MpyObject *obj = code ? mpy_eval_code(code, globals, globals) : NULL;
    MpyObject *names = obj ? mpy_object_dir(obj) : NULL;
    for (ptrdiff_t i = 0; names != NULL && i < mpy_list_size(names); i++) {
        MpyObject *name = ((MpyListObject *)names)->items[i];
        const char *s = mpy_str_check(name) ? mpy_str_utf8(name) : NULL;
        if (s == NULL || strncmp(s, prefix, n) != 0)
            continue;
        // rlcompleter hides _private names unless asked: "_" shows
        // single-underscore ones, "__" everything.
        if ((n == 0 && s[0] == '_') || (n == 1 && prefix[0] == '_' && s[1] == '_'))
            continue;
        MpyObject *value = mpy_object_getattr(obj, name);
        if (value == NULL)
            mpy_err_clear();
        add_match(seen, text, head, name, value);
        MPY_XDECREF(value);
    }
    MPY_XDECREF(expr);
    MPY_XDECREF(code);
    MPY_XDECREF(obj);
    MPY_XDECREF(names);
}

static char *complete_one(const char *text, int state)
{
    static ptrdiff_t index;
    MpyThreadState *ts = mpy__tstate_get();
    if (state == 0) {
        mpy__restore_thread(ts);
        MPY_CLEAR(completion_candidates);
        completion_candidates = mpy_list_new(0);
        MpyObject *seen = mpy_dict_new();
        const char *dot = strrchr(text, '.');
        if (completion_candidates != NULL && seen != NULL) {
            if (dot == NULL)
                global_matches(seen, text);
            else
                attr_matches(seen, text, dot);
        }
        MPY_XDECREF(seen);
        mpy_err_clear();
        index = 0;
        mpy__save_thread();
    }
    if (completion_candidates == NULL || index >= mpy_list_size(completion_candidates))
        return NULL;
    return strdup(mpy_str_utf8(((MpyListObject *)completion_candidates)->items[index++]));
}

/* Tab on a blank line indents (as CPython): insert a tab and offer the
 * empty match, so readline neither rings the bell nor lists names. */
static char **attempt_completion(const char *text, int start, int end)
{
    // readline resets this to ' ' before every completion: no space
    // after "print(" or "math.pi" (rlcompleter adds what it wants).
    rl_completion_append_character = '\0';
    for (int i = 0; i < end; i++) {
        if (rl_line_buffer[i] != ' ' && rl_line_buffer[i] != '\t')
            return NULL; // the normal completion (complete_one)
    }
    rl_insert_text("\t");
    rl_attempted_completion_over = 1;
    char **matches = malloc(2 * sizeof *matches);
    if (matches != NULL) {
        matches[0] = strdup("");
        matches[1] = NULL;
    }
    return matches;
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
static int run_buffer(const char *source, int *status, bool at_eof)
{
    MpyObject *filename = mpy_str_from_cstr("<stdin>");
    int incomplete = 0;
    // At end of input nothing more can come: compile what there is, and
    // an unfinished statement is a SyntaxError ("'[' was never closed").
    MpyObject *code = mpy_compile_source(source, strlen(source), filename, MPY_PARSE_SINGLE,
                                         at_eof ? NULL : &incomplete);
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
            mpy__main_add_annotations(mpy_module_get_dict(interp->main_module)) < 0 ||
            mpy_dict_set(mpy_module_get_dict(interp->main_module), MPY_ID(__builtins__),
                         interp->builtins_module) < 0)
            return mpy_handle_uncaught();
    }
    // exit, quit, help, copyright, credits, license (CPython's site.py).
    MpyObject *site = mpy_import_module_cstr("_sitebuiltins");
    MpyObject *done = site ? mpy_object_call_method_cstr(site, "install", NULL, 0) : NULL;
    if (done == NULL)
        mpy_err_print();
    MPY_XDECREF(done);
    MPY_XDECREF(site);
    const char *home = getenv("HOME");
    if (home != NULL) {
        snprintf(history_path, sizeof history_path, "%s/.minipy_history", home);
        read_history(history_path);
    }
    // Ctrl-C: readline must not catch SIGINT itself (it would echo "^C"
    // and restart the read); our handler sets a flag, the interrupted
    // read() returns EINTR and the signal hook ends the line.
    rl_catch_signals = 0;
    rl_signal_event_hook = check_interrupt;
    rl_event_hook = check_interrupt;
    // CPython's readline module turns bracketed paste off: no escape
    // sequences around each prompt.
    rl_variable_bind("enable-bracketed-paste", "off");
    rl_attempted_completion_function = attempt_completion;
    rl_completion_entry_function = complete_one;
    // CPython's readline.get_completer_delims() default.
    rl_basic_word_break_characters = " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?";
    print_banner();
    char *buffer = NULL;
    size_t len = 0;
    int status = 0;
    for (;;) {
        bool cancelled;
        char *line = read_line(buffer ? "... " : ">>> ", &cancelled);
        if (line == NULL) {
            printf("\n");
            if (buffer == NULL)
                break;
            // Ctrl-D on a "... " line ends the statement (as CPython).
            int r = run_buffer(buffer, &status, true);
            free(buffer);
            buffer = NULL;
            len = 0;
            if (r < 0)
                break;
            continue;
        }
        if (cancelled) {
            free(buffer);
            buffer = NULL;
            len = 0;
            free(line);
            // readline has already moved to a new line.
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
        int r = run_buffer(buffer, &status, false);
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
