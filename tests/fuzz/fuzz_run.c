/* tests/fuzz/fuzz_run.c: libFuzzer target 2, compiling and running small
 * programs.
 *
 * Each input is Python source, run as a fresh module (its own globals)
 * with a copy of the builtins.  Two things keep a run finite and harmless:
 *
 *  - a time budget (BUDGET_MS): a watchdog thread posts TimeoutError to
 *    the main thread through the eval breaker when a run takes too long,
 *    exactly the way _thread.interrupt_main() posts KeyboardInterrupt
 *    (tstate->async_exc + MPY_BREAKER_ASYNC_EXC, under the GIL).  It keeps
 *    posting every few milliseconds, so `except Exception: pass` inside a
 *    loop only delays the end.  Work that never reaches the eval loop
 *    (one huge GMP power) is bounded by libFuzzer's -timeout instead.
 *  - no way out of the sandbox: no import, no open(), no input(), and the
 *    process-level functions of the modules already loaded (os.system,
 *    os.fork, os._exit, sys.setrecursionlimit ...) are deleted at start-up,
 *    so inputs can neither touch files nor change state that the next
 *    input would see.
 *
 * Every input must end with a result or a clean exception; then its
 * globals are cleared and collected, so cycles it made are not reported as
 * leaks.
 */
#include "tests/fuzz/fuzz_util.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <time.h>

#include "gil/gil.h"
#include "gil/tstate.h"
#include "runtime/dict.h"
#include "runtime/gc.h"
#include "runtime/str.h"
#include "vm/compiler.h"
#include "vm/eval.h"

enum { BUDGET_MS = 200, REFIRE_MS = 5 };

static MpyObject *filename;
static MpyObject *safe_builtins; /* dict: the builtins minus the way out */
static MpyThreadState *main_tstate;

/* ------------------------------------------------------------------ */
/* The watchdog                                                         */

static pthread_mutex_t dog_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t dog_cond = PTHREAD_COND_INITIALIZER;
static bool dog_running;          /* a run is in progress */
static unsigned long dog_run_id;  /* which run */
static struct timespec dog_deadline;

static void add_ms(struct timespec *t, long ms)
{
    t->tv_sec += ms / 1000;
    t->tv_nsec += (ms % 1000) * 1000000L;
    if (t->tv_nsec >= 1000000000L) {
        t->tv_sec++;
        t->tv_nsec -= 1000000000L;
    }
}

/* Post TimeoutError to the main thread if run `id` is still going. */
static void post_timeout(MpyThreadState *self, unsigned long id)
{
    mpy__gil_take(self);
    pthread_mutex_lock(&dog_mutex);
    bool same_run = dog_running && dog_run_id == id;
    pthread_mutex_unlock(&dog_mutex);
    if (same_run && main_tstate->async_exc == NULL) {
        main_tstate->async_exc = MPY_NEWREF((MpyObject *)mpy_exc_TimeoutError);
        mpy__breaker_set(main_tstate, MPY_BREAKER_ASYNC_EXC);
    }
    mpy__gil_drop(self, false);
}

static void *watchdog_main(void *arg)
{
    MpyThreadState *self = mpy__tstate_new(mpy__interp_get());
    pthread_mutex_lock(&dog_mutex);
    for (;;) {
        while (!dog_running)
            pthread_cond_wait(&dog_cond, &dog_mutex);
        unsigned long id = dog_run_id;
        int rc = 0;
        while (dog_running && dog_run_id == id && rc != ETIMEDOUT)
            rc = pthread_cond_timedwait(&dog_cond, &dog_mutex, &dog_deadline);
        if (!dog_running || dog_run_id != id)
            continue;
        add_ms(&dog_deadline, REFIRE_MS);
        pthread_mutex_unlock(&dog_mutex);
        post_timeout(self, id);
        pthread_mutex_lock(&dog_mutex);
    }
    return arg;
}

static void watchdog_arm(void)
{
    pthread_mutex_lock(&dog_mutex);
    clock_gettime(CLOCK_REALTIME, &dog_deadline);
    add_ms(&dog_deadline, BUDGET_MS);
    dog_run_id++;
    dog_running = true;
    pthread_cond_signal(&dog_cond);
    pthread_mutex_unlock(&dog_mutex);
}

/* Stop the watchdog and drop a TimeoutError it posted too late to raise. */
static void watchdog_disarm(void)
{
    pthread_mutex_lock(&dog_mutex);
    dog_running = false;
    pthread_cond_signal(&dog_cond);
    pthread_mutex_unlock(&dog_mutex);
    mpy__breaker_clear(main_tstate, MPY_BREAKER_ASYNC_EXC);
    MPY_CLEAR(main_tstate->async_exc);
}

/* ------------------------------------------------------------------ */
/* The sandbox                                                          */

static const char sandbox_setup[] =
    "import sys\n"
    "_gone = {'system', 'fork', 'forkpty', 'vfork', '_exit', 'abort', 'kill', 'killpg',\n"
    "         'remove', 'unlink', 'rmdir', 'removedirs', 'rename', 'renames', 'replace',\n"
    "         'mkdir', 'makedirs', 'chdir', 'fchdir', 'chmod', 'chown', 'truncate', 'ftruncate',\n"
    "         'write', 'writev', 'close', 'closerange', 'dup', 'dup2', 'pipe', 'open', 'fdopen',\n"
    "         'execv', 'execve', 'execl', 'execlp', 'execvp', 'execvpe', 'spawnv', 'spawnve',\n"
    "         'posix_spawn', 'popen', 'putenv', 'unsetenv', 'symlink', 'link', 'utime',\n"
    "         'setrecursionlimit', 'set_int_max_str_digits', 'setswitchinterval',\n"
    "         'settrace', 'setprofile', 'set_threshold', 'disable', 'signal', 'alarm',\n"
    "         'setitimer', 'pthread_kill', 'sleep', 'start_new_thread', 'start_new',\n"
    "         'interrupt_main', 'exit', 'stdout', 'stderr', 'stdin', 'modules'}\n"
    "for _m in list(sys.modules.values()):\n"
    "    if _m is sys:\n"
    "        continue\n"
    "    for _n in _gone:\n"
    "        try:\n"
    "            delattr(_m, _n)\n"
    "        except Exception:\n"
    "            pass\n"
    "import builtins\n"
    "for _n in ('open', 'input', '__import__', 'breakpoint', 'help', 'exit', 'quit'):\n"
    "    try:\n"
    "        delattr(builtins, _n)\n"
    "    except Exception:\n"
    "        pass\n";

static void run_setup(void)
{
    MpyObject *name = mpy_str_from_cstr("<fuzz-setup>");
    MpyObject *code = mpy_compile_source(sandbox_setup, sizeof sandbox_setup - 1, name,
                                         MPY_PARSE_FILE, NULL);
    MpyObject *globals = mpy_dict_new();
    MpyObject *r = code && globals ? mpy_eval_code(code, globals, globals) : NULL;
    if (r == NULL) {
        mpy_err_print();
        exit(1);
    }
    MPY_DECREF(r);
    MPY_DECREF(code);
    MPY_DECREF(globals);
    MPY_DECREF(name);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz_init_runtime();
    filename = mpy_str_from_cstr("<fuzz>");
    main_tstate = mpy__tstate_get();
    run_setup();
    safe_builtins = mpy_dict_copy(mpy__interp_get()->builtins);
    pthread_t dog;
    if (safe_builtins == NULL || pthread_create(&dog, NULL, watchdog_main, NULL) != 0) {
        fprintf(stderr, "fuzz: set-up failed\n");
        exit(1);
    }
    pthread_detach(dog);
    return 0;
}

/* ------------------------------------------------------------------ */

static MpyObject *run_program(MpyObject *code)
{
    MpyObject *globals = mpy_dict_new();
    MpyObject *builtins = mpy_dict_copy(safe_builtins);
    if (globals == NULL || builtins == NULL || mpy_dict_set_cstr(globals, "__builtins__", builtins) < 0 ||
        mpy_dict_set_cstr(globals, "__name__", filename) < 0) {
        MPY_XDECREF(globals);
        MPY_XDECREF(builtins);
        return NULL;
    }
    MPY_DECREF(builtins);
    static unsigned long runs;
    watchdog_arm();
    MpyObject *r = mpy_eval_code(code, globals, globals);
    // Break the cycles through the globals (functions refer to them) and
    // collect them while the budget still runs: __del__ methods are
    // program code too.  A full collection now and then keeps memory flat.
    MpyObject *saved = mpy_err_fetch();
    mpy_dict_clear(globals);
    MPY_DECREF(globals);
    mpy_gc_collect(++runs % 256 == 0 ? 2 : 0);
    mpy_err_clear();
    watchdog_disarm();
    if (saved != NULL)
        mpy_err_restore_raw(saved);
    return r;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (size > 4096)
        return -1; /* small programs only: keep each run short */
    MpyObject *code = mpy_compile_source((const char *)data, size, filename, MPY_PARSE_FILE, NULL);
    if (code == NULL) {
        fuzz_check_result(NULL, "compile");
        return 0;
    }
    MpyObject *r = run_program(code);
    MPY_DECREF(code);
    fuzz_check_result(r, "exec");
    return 0;
}
