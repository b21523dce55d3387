/* runtime/main.c: the `minipy` command: options, then run a script, a
 * command (-c), standard input, or the interactive prompt.
 *
 * Models CPython's Modules/main.c and the option parsing of
 * Python/getopt.c and Python/initconfig.c, including the PYTHON_GIL /
 * -X gil rules of CPython 3.13 (config_read_gil).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gil/gil.h"
#include "gil/gil_observe.h"
#include "gil/tstate.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/init.h"
#include "runtime/int.h"
#include "runtime/repl.h"
#include "runtime/run.h"
#include "runtime/signals.h"
#include "runtime/str.h"
#include "runtime/sysmodule.h"

typedef struct Options {
    const char *command;      /* -c */
    const char *module;       /* -m */
    const char *script;       /* file or "-" */
    int script_index;         /* argv index of the script / -c / -m */
    bool disassemble;         /* -d */
    bool ignore_env;          /* -E / -I */
    bool unbuffered;          /* -u */
    bool inspect;             /* -i */
    int version;              /* -V count */
    const char *xopts[64];
    int nxopts;
} Options;

static const char usage_line[] =
    "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

static void print_help(const char *prog)
{
    printf(usage_line, prog);
    printf("Options (and corresponding environment variables):\n"
           "-c cmd : program passed in as string (terminates option list)\n"
           "-d     : print the bytecode of the program (and every function) instead of running it\n"
           "-E     : ignore PYTHON* environment variables (such as PYTHON_GIL)\n"
           "-h     : print this help message and exit (also -? or --help)\n"
           "-i     : inspect interactively after running script\n"
           "-I     : isolate (implies -E)\n"
           "-m mod : run library module as a script (terminates option list)\n"
           "-u     : force the stdout and stderr streams to be unbuffered\n"
           "-V     : print the version number and exit (also --version)\n"
           "         when given twice, print more information about the build\n"
           "-X opt : set implementation-specific option:\n"
           "         -X gil=[0|1]: disable/enable the GIL (see README, PYTHON_GIL)\n"
           "         -X gilstats: at exit, print per-thread GIL statistics on stderr\n"
           "         -X giltrace=FILE: at exit, write the GIL timeline to FILE (.json for\n"
           "             Perfetto, .svg or .html for a picture, .txt or - for text)\n"
           "         -X trace: print each instruction as it runs, with its thread\n"
           "         unknown -X options are accepted and ignored, as in CPython\n"
           "file   : program read from script file\n"
           "-      : program read from stdin (default; interactive mode if a tty)\n"
           "arg ...: arguments passed to program in sys.argv[1:]\n\n"
           "Environment variables:\n"
           "PYTHON_GIL     : 0 disables the GIL (free-threaded build only), 1 enables it\n"
           "PYTHONUNBUFFERED: same as -u\n"
           "MINIPY_GILSTATS: 1 is the same as -X gilstats\n");
}

static void unknown_option(const char *prog, const char *opt)
{
    fprintf(stderr, "Unknown option: %s\n", opt);
    fprintf(stderr, usage_line, prog);
    fprintf(stderr, "Try `python -h' for more information.\n");
}

static void missing_argument(const char *prog, char opt)
{
    fprintf(stderr, "Argument expected for the -%c option\n", opt);
    fprintf(stderr, usage_line, prog);
    fprintf(stderr, "Try `python -h' for more information.\n");
}

/* Parse options up to the script.  Returns -1 to continue, or an exit
 * status to stop with. */
static int parse_options(int argc, char **argv, Options *o)
{
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || strcmp(a, "-") == 0)
            break;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (strcmp(a, "--help") == 0) {
            print_help(argv[0]);
            return 0;
        }
        if (strcmp(a, "--version") == 0) {
            o->version++;
            continue;
        }
        if (a[1] == '-') {
            unknown_option(argv[0], a);
            return 2;
        }
        for (const char *p = a + 1; *p; p++) {
            switch (*p) {
            case 'c': case 'm': case 'X': {
                const char *val = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (val == NULL) {
                    missing_argument(argv[0], *p);
                    return 2;
                }
                if (*p == 'X') {
                    if (o->nxopts < 64)
                        o->xopts[o->nxopts++] = val;
                    goto next_arg;
                }
                if (*p == 'c')
                    o->command = val;
                else
                    o->module = val;
                o->script_index = i;
                return -1;
            }
            case 'd': o->disassemble = true; break;
            case 'E': o->ignore_env = true; break;
            case 'I': o->ignore_env = true; break;
            case 'u': o->unbuffered = true; break;
            case 'i': o->inspect = true; break;
            case 'V': o->version++; break;
            case 'h': case '?': print_help(argv[0]); return 0;
            case 'B': case 'O': case 's': case 'S': case 'q': case 'b': case 'R': case 'v':
                break; /* accepted, no effect in minipy */
            case 'W': {
                if (!p[1] && i + 1 < argc)
                    i++;
                goto next_arg;
            }
            default: {
                char opt[3] = {'-', *p, 0};
                unknown_option(argv[0], opt);
                return 2;
            }
            }
        }
    next_arg:;
    }
    if (i < argc) {
        o->script = argv[i];
        o->script_index = i;
    } else {
        o->script_index = argc;
    }
    return -1;
}

/* ------------------------------------------------------------------ */
/* PYTHON_GIL / -X gil (CPython 3.13's config_read_gil)                 */

static int gil_fatal(const char *msg)
{
    fprintf(stderr, "Fatal Python error: config_read_gil: %s\nPython runtime state: preinitialized\n\n", msg);
    return 1;
}

/* One value: "0" or "1" only.  Returns 0/1, -2 for a fatal error. */
static int gil_value(const char *v)
{
    if (strcmp(v, "0") == 0)
        return MPY_FREE_THREADED ? 0 : (gil_fatal("Disabling the GIL is not supported by this build"), -2);
    if (strcmp(v, "1") == 0)
        return 1;
    gil_fatal("PYTHON_GIL / -X gil must be \"0\" or \"1\"");
    return -2;
}

/* Returns -1 (default), 0, 1, or -2 after printing a fatal error. */
static int read_gil_config(const Options *o)
{
    int enable = -1;
    const char *env = o->ignore_env ? NULL : getenv("PYTHON_GIL");
    if (env != NULL && env[0] != '\0') {
        enable = gil_value(env);
        if (enable == -2)
            return -2;
    }
    for (int i = 0; i < o->nxopts; i++) {
        const char *x = o->xopts[i];
        if (strncmp(x, "gil", 3) != 0 || (x[3] != '\0' && x[3] != '='))
            continue;
        enable = gil_value(x[3] == '=' ? x + 4 : "");
        if (enable == -2)
            return -2;
    }
    return enable;
}

static int store_xoptions(const Options *o)
{
    MpyObject *d = mpy_dict_new();
    if (d == NULL)
        return -1;
    for (int i = 0; i < o->nxopts; i++) {
        const char *x = o->xopts[i];
        const char *eq = strchr(x, '=');
        MpyObject *k = mpy_str_from_utf8(x, eq ? (size_t)(eq - x) : strlen(x));
        MpyObject *v = eq ? mpy_str_from_cstr(eq + 1) : MPY_NEWREF(MPY_TRUE);
        int r = k && v ? mpy_dict_set(d, k, v) : -1;
        MPY_XDECREF(k);
        MPY_XDECREF(v);
        if (r < 0) {
            MPY_DECREF(d);
            return -1;
        }
    }
    mpy__interp->xoptions = d;
    return 0;
}

/* The program's name in -X gilstats / giltrace titles: the script's file
 * name, "-c", "-m mod" or "<stdin>". */
static const char *program_label(const Options *o)
{
    static char label[256];
    if (o->command != NULL)
        return "-c";
    if (o->module != NULL) {
        snprintf(label, sizeof label, "-m %s", o->module);
        return label;
    }
    if (o->script == NULL || strcmp(o->script, "-") == 0)
        return "<stdin>";
    const char *slash = strrchr(o->script, '/');
    return slash != NULL ? slash + 1 : o->script;
}

static void print_version(int level)
{
    if (level >= 2)
        printf("Python %d.%d.%d (minipy %s, %s, " __DATE__ ", " __TIME__ ") [GCC " __VERSION__ "]\n",
               MPY_PYTHON_MAJOR, MPY_PYTHON_MINOR, MPY_PYTHON_MICRO, MPY_VERSION_STRING,
               MPY_FREE_THREADED ? "free-threading build" : "GIL build");
    else
        printf("Python %d.%d.%d (minipy %s)\n", MPY_PYTHON_MAJOR, MPY_PYTHON_MINOR, MPY_PYTHON_MICRO,
               MPY_VERSION_STRING);
}

/* The directory of the script for sys.path[0]. */
static void script_dir(const char *script, char *out, size_t size)
{
    char resolved[4096];
    if (realpath(script, resolved) == NULL)
        snprintf(resolved, sizeof resolved, "%s", script);
    char *slash = strrchr(resolved, '/');
    if (slash == NULL)
        snprintf(out, size, "%s", "");
    else if (slash == resolved)
        snprintf(out, size, "/");
    else {
        *slash = '\0';
        snprintf(out, size, "%s", resolved);
    }
}

/* CPython 3.9+ shows the script as an absolute path (os.path.abspath,
 * symlinks kept) in __file__ and tracebacks. */
static const char *absolute_path(const char *path, char *out, size_t size)
{
    if (path[0] == '/')
        return path;
    char cwd[4096];
    if (getcwd(cwd, sizeof cwd) == NULL)
        return path;
    const char *p = path;
    while (p[0] == '.' && p[1] == '/')
        p += 2;
    snprintf(out, size, "%s/%s", cwd, p);
    return out;
}

int main(int argc, char **argv)
{
    Options o = {0};
    int stop = parse_options(argc, argv, &o);
    if (stop >= 0)
        return stop;
    if (o.version) {
        print_version(o.version);
        return 0;
    }
    int enable_gil = read_gil_config(&o);
    if (enable_gil == -2)
        return 1;
    if (mpy__gil_observe_configure(o.xopts, o.nxopts, o.ignore_env, program_label(&o)) != 0)
        return 1;  /* -X gilstats / giltrace / trace: a bad value */
    if (!o.ignore_env && getenv("PYTHONUNBUFFERED") && getenv("PYTHONUNBUFFERED")[0])
        o.unbuffered = true;
    mpy__signals_init();
    if (mpy_initialize() < 0)
        return 1;
    mpy__interp->enable_gil = enable_gil;
    mpy__gil_configure(mpy__tstate_get(), enable_gil);
    mpy__interp->flag_unbuffered = o.unbuffered;
    mpy__interp->flag_disassemble = o.disassemble;
    if (store_xoptions(&o) < 0 || mpy__sys_set_config(argc, argv) < 0)
        return mpy_handle_uncaught();
    if (o.unbuffered && mpy__sys_init_streams() < 0)
        return mpy_handle_uncaught();

    int status;
    char dir[4096], script_path[8192];
    if (o.command != NULL) {
        argv[o.script_index] = "-c";
        if (mpy__sys_set_argv(argc - o.script_index, argv + o.script_index, "") < 0)
            return mpy_handle_uncaught();
        status = mpy_run_main_source(o.command, strlen(o.command), "<string>", o.disassemble);
    } else if (o.module != NULL) {
        if (mpy__sys_set_argv(argc - o.script_index, argv + o.script_index, "") < 0)
            return mpy_handle_uncaught();
        status = mpy_run_module(o.module);
    } else if (o.script != NULL && strcmp(o.script, "-") != 0) {
        script_dir(o.script, dir, sizeof dir);
        if (mpy__sys_set_argv(argc - o.script_index, argv + o.script_index, dir) < 0)
            return mpy_handle_uncaught();
        status = mpy_run_main_file(absolute_path(o.script, script_path, sizeof script_path), o.disassemble);
    } else {
        int n = argc - o.script_index;
        if (mpy__sys_set_argv(n, argv + o.script_index, "") < 0)
            return mpy_handle_uncaught();
        if (o.script == NULL && isatty(0))
            status = mpy_repl_run();
        else
            status = mpy_run_main_file("-", o.disassemble);
    }
    if (o.inspect && isatty(0))
        status = mpy_repl_run();
    mpy_finalize();
    return status;
}
