/* examples/threaded_host.c: four threads of the host program call into
 * Python at the same time.
 *
 * Each pthread attaches with mpy_gil_ensure(), runs a Python function that
 * calls host.slow_io(200), a C function that sleeps 200 ms with the GIL
 * released (MPY_BEGIN_ALLOW_THREADS), then detaches with mpy_gil_release().
 * Because the sleeps happen without the GIL they overlap: the four jobs
 * take about 200 ms in total, not 800 ms.  The timeline printed at the end
 * shows it.  (The Python parts of the jobs still take turns holding the
 * GIL in the GIL build.)
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include <minipy.h>

#define THREADS 4
#define NAP_MS 200

static double start_ms;

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6 - start_ms;
}

/* When each job's nap began and ended (ms since start), filled by slow_io. */
static double nap_begin[THREADS], nap_end[THREADS];

/* host.slow_io(job, ms): pretend to wait for a device, without the GIL. */
static MpyObject *host_slow_io(MpyObject *self, MpyObject *const *args, size_t nargs,
                               MpyObject *kwnames)
{
    int64_t job, ms;
    if (nargs != 2 || kwnames != NULL)
        return mpy_err_set_string(mpy_exc_TypeError, "slow_io(job, ms) takes 2 arguments");
    if (mpy_int_to_int64(args[0], &job) < 0 || mpy_int_to_int64(args[1], &ms) < 0)
        return NULL;
    if (job < 0 || job >= THREADS || ms < 0)
        return mpy_err_set_string(mpy_exc_ValueError, "bad job or duration");

    // From here to MPY_END_ALLOW_THREADS: no Python objects, no API calls.
    MPY_BEGIN_ALLOW_THREADS
    nap_begin[job] = now_ms();
    struct timespec nap = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&nap, NULL);
    nap_end[job] = now_ms();
    MPY_END_ALLOW_THREADS

    return mpy_none();
}

static const MpyHostFunction host_functions[] = {
    {"slow_io", host_slow_io, MPY_ARGS_VECTOR, "slow_io(job, ms): sleep without the GIL"},
    {NULL},
};
static const MpyHostModule host_module = {
    .name = "host", .functions = host_functions, .gil_not_used = 1};

/* The Python side: a job does a little work, waits for "I/O", returns. */
static const char jobs_source[] =
    "import host\n"
    "def job(n):\n"
    "    checksum = sum(i * n for i in range(20000))\n"
    "    host.slow_io(n, 200)\n"  // NAP_MS
    "    return checksum\n";

typedef struct Job {
    pthread_t thread;
    int n;
    int64_t result;
    int ok;
} Job;

/* Body of each host thread. */
static void *run_job(void *arg)
{
    Job *job = arg;
    MpyGilState gil = mpy_gil_ensure();  // attach this thread, take the GIL
    if (gil == MPY_GIL_STATE_ERROR)
        return NULL;
    MpyObject *func = mpy_module_get_global(NULL, "job");
    MpyObject *n = mpy_int_create(job->n);
    MpyObject *r = func && n ? mpy_call(func, &n, 1) : NULL;
    job->ok = r != NULL && mpy_int_to_int64(r, &job->result) == 0;
    if (!job->ok)
        mpy_err_report();
    MPY_XDECREF(r);
    MPY_XDECREF(n);
    MPY_XDECREF(func);
    mpy_gil_release(gil);  // detach: the thread may exit or do other work
    return NULL;
}

static int define_jobs(void)
{
    MpyObject *r = mpy_run_string(jobs_source, MPY_MODE_EXEC, NULL);
    if (r == NULL) {
        mpy_err_report();
        return -1;
    }
    MPY_DECREF(r);
    return 0;
}

int main(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    start_ms = t.tv_sec * 1e3 + t.tv_nsec / 1e6;
    if (mpy_module_register(&host_module) < 0 || mpy_runtime_init(NULL) < 0)
        return 1;
    if (define_jobs() < 0)
        return 1;

    // The main thread holds the GIL since mpy_runtime_init: let go of it
    // while the workers run, or they would wait for it forever.
    MpyThreadState *main_state = mpy_gil_save();
    Job jobs[THREADS];
    double begin = now_ms();
    for (int i = 0; i < THREADS; i++) {
        jobs[i] = (Job){.n = i};
        pthread_create(&jobs[i].thread, NULL, run_job, &jobs[i]);
    }
    for (int i = 0; i < THREADS; i++)
        pthread_join(jobs[i].thread, NULL);
    double total = now_ms() - begin;
    mpy_gil_restore(main_state);

    int ok = 1;
    printf("job  nap begins  nap ends   result\n");
    for (int i = 0; i < THREADS; i++) {
        printf("%3d  %7.1f ms  %7.1f ms  %lld\n", i, nap_begin[i], nap_end[i],
               (long long)jobs[i].result);
        ok = ok && jobs[i].ok;
    }
    // One after the other, the naps alone would take THREADS * NAP_MS.
    int overlapped = ok && total < (THREADS - 1) * NAP_MS;
    printf("%d jobs with a %d ms nap each took %.0f ms in all (one after the other: at "
           "least %d ms): the naps %s\n", THREADS, NAP_MS, total, THREADS * NAP_MS,
           overlapped ? "overlapped" : "did NOT overlap");
    if (mpy_runtime_fini() < 0)
        return 1;
    return overlapped ? 0 : 1;
}
