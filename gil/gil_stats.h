/* gil/gil_stats.h: the figures of -X gilstats: a table at exit and
 * sys._gil_stats().
 *
 * The numbers come from the per-thread records of gil/gil_observe.h.  For
 * each thread: time running Python code, waiting for the GIL, blocked with
 * the GIL released; GIL takes; drop requests made and received; forced
 * switches.  Every thread that ever ran appears, also the ones that have
 * finished.
 */
#ifndef MINIPY_GIL_GIL_STATS_H
#define MINIPY_GIL_GIL_STATS_H

#include <stdio.h>

#include "runtime/object.h"

/* Print the table of every thread, the totals and the switch interval.
 * Runs no Python code (it is called after the runtime is torn down). */
void mpy__gil_stats_print(FILE *out);

/* sys._gil_stats(): a list with one dict per thread, in start order:
 *   {'name': 'Thread-1 (countdown)', 'ident': ..., 'native_id': ...,
 *    'alive': False, 'running': 0.61, 'waiting': 0.59, 'blocked': 0.0,
 *    'lifetime': 1.2, 'acquisitions': 121, 'drop_requests_made': 119,
 *    'drop_requests_received': 121, 'forced_switches': 120}
 * (times in seconds).  Returns: new reference, or NULL with RuntimeError
 * when statistics are off (no -X gilstats / MINIPY_GILSTATS=1). */
MpyObject *mpy__gil_stats_as_list(void);

/* "minipy (GIL build)", "minipyt (free-threaded build, GIL disabled)" ...
 * Returns: buf. */
const char *mpy__gil_stats_build_label(char *buf, size_t size);

#endif
