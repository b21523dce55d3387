/* examples/sensor.c: a host that gives scripts a module written in C.
 *
 * The host registers a built-in module `sensor` (functions, constants, a
 * reading counter kept in C), sends what the script prints through a C
 * callback, runs the script, then reads a result the script left behind.
 * Shows: MpyHostModule / mpy_module_register, argument parsing with
 * mpy_args_bind, raising ValueError from C, mpy_output_redirect, and
 * reading globals, dicts and floats back in C.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>

#include <minipy.h>

/* ------------------------------------------------------------------ */
/* The module                                                           */

#define CHANNELS 4

static long readings;  // how many times scripts called sensor.read()

/* A pretend instrument: deterministic, so the output can be checked. */
static double measure(int64_t channel)
{
    return 20.0 + 0.5 * (double)channel + 0.1 * (double)(readings % 3);
}

/* read(channel, *, unit="C") -> float */
static MpyObject *sensor_read(MpyObject *self, MpyObject *const *args, size_t nargs,
                              MpyObject *kwnames)
{
    static const char *const names[] = {"channel", "$unit", NULL};
    MpyObject *values[2];
    if (mpy_args_bind("read", args, nargs, kwnames, names, 1, values) < 0)
        return NULL;
    int64_t channel;
    if (mpy_int_to_int64(values[0], &channel) < 0)
        return NULL;
    if (channel < 0 || channel >= CHANNELS)
        return mpy_err_set_format(mpy_exc_ValueError, "no channel %lld (the sensor has %d)",
                                  (long long)channel, CHANNELS);
    const char *unit = values[1] != NULL ? mpy_str_to_utf8(values[1], NULL) : "C";
    if (unit == NULL)
        return NULL;
    double celsius = measure(channel);
    readings++;
    if (unit[0] == 'F' && unit[1] == '\0')
        return mpy_float_create(celsius * 9 / 5 + 32);
    if (unit[0] != 'C' || unit[1] != '\0')
        return mpy_err_set_format(mpy_exc_ValueError, "unknown unit %R", values[1]);
    return mpy_float_create(celsius);
}

/* count() -> int: readings taken so far */
static MpyObject *sensor_count(MpyObject *self, MpyObject *const *args, size_t nargs,
                               MpyObject *kwnames)
{
    return mpy_int_create(readings);
}

static const MpyHostFunction sensor_functions[] = {
    {"read", sensor_read, MPY_ARGS_VECTOR, "read(channel, *, unit='C') -> float"},
    {"count", sensor_count, MPY_ARGS_NONE, "count() -> readings taken so far"},
    {NULL},
};

static const MpyHostConstant sensor_constants[] = {
    {.name = "CHANNELS", .kind = MPY_CONST_INT, .int_value = CHANNELS},
    {.name = "RESOLUTION", .kind = MPY_CONST_FLOAT, .float_value = 0.1},
    {.name = "MODEL", .kind = MPY_CONST_STR, .str_value = "TMP-36 (simulated)"},
    {NULL},
};

static const MpyHostModule sensor_module = {
    .name = "sensor",
    .doc = "A simulated temperature sensor provided by the host program.",
    .functions = sensor_functions,
    .constants = sensor_constants,
    .gil_not_used = 1,  // it keeps no state Python could race on
};

/* ------------------------------------------------------------------ */
/* The script                                                           */

static const char script[] =
    "import sensor\n"
    "print('model:', sensor.MODEL, '-', sensor.CHANNELS, 'channels')\n"
    "temps = [sensor.read(ch) for ch in range(sensor.CHANNELS)]\n"
    "print('readings:', ', '.join(f'{t:.1f}' for t in temps))\n"
    "print('channel 1 in F:', round(sensor.read(1, unit='F'), 2))\n"
    "try:\n"
    "    sensor.read(7)\n"
    "except ValueError as e:\n"
    "    print('error from C:', e)\n"
    "summary = {'mean': sum(temps) / len(temps), 'max': max(temps), 'count': sensor.count()}\n";

/* Everything the script prints arrives here. */
static void show_script_output(const char *text, size_t len, void *prefix)
{
    static int at_line_start = 1;
    for (size_t i = 0; i < len; i++) {
        if (at_line_start)
            fputs(prefix, stdout);
        putchar(text[i]);
        at_line_start = text[i] == '\n';
    }
}

static int run(void)
{
    if (mpy_output_redirect(MPY_STDOUT, show_script_output, "[script] ") < 0)
        return -1;
    MpyObject *r = mpy_run_source(script, "sensor_script.py", MPY_MODE_EXEC, NULL);
    if (r == NULL)
        return -1;
    MPY_DECREF(r);

    MpyObject *summary = mpy_module_get_global(NULL, "summary");  // a dict
    MpyObject *mean = summary ? mpy_mapping_get_str(summary, "mean") : NULL;
    MpyObject *count = summary ? mpy_mapping_get_str(summary, "count") : NULL;
    double mean_value = 0;
    int64_t count_value = 0;
    int ok = mean != NULL && count != NULL && mpy_float_to_double(mean, &mean_value) == 0 &&
             mpy_int_to_int64(count, &count_value) == 0;
    MPY_XDECREF(mean);
    MPY_XDECREF(count);
    MPY_XDECREF(summary);
    if (!ok)
        return -1;
    printf("[host] the script took %lld readings, mean %.2f C (C counted %ld)\n",
           (long long)count_value, mean_value, readings);
    return 0;
}

int main(void)
{
    // Registered before mpy_runtime_init (after it works too), the module
    // exists in every interpreter this program starts.
    if (mpy_module_register(&sensor_module) < 0 || mpy_runtime_init(NULL) < 0)
        return 1;
    int status = run();
    if (status < 0)
        mpy_err_report();
    if (mpy_runtime_fini() < 0)
        status = -1;
    return status < 0;
}
