"""multiprocessing: run Python functions in child processes.

minipy's version of CPython's Lib/multiprocessing package (3.11 API),
written for minipy.  Each child is a fork() of the running interpreter,
so it has its own GIL: processes run Python code in parallel on several
cores, which threads of one process cannot do in the GIL build.

The package, module by module (runtime/lib/multiprocessing/):
  process.py       Process: start (fork), join, exit codes, names
  context.py       contexts and the factories exported below
  connection.py    Pipe and Connection: pickled messages over pipes
  queues.py        Queue (with a feeder thread), JoinableQueue, SimpleQueue
  synchronize.py   Lock, RLock, Semaphore, Condition, Event, Barrier
  sharedctypes.py  Value and Array in shared memory
  pool.py          Pool and ThreadPool: map/apply/imap, results
  pool_engine.py   the workers of a Pool and the thread that feeds them
  dummy/           the same API on threads (multiprocessing.dummy)
  reduction.py     the pickler used for everything sent between processes
  util.py          finalizers and the work done at exit
What needs C lives in the _multiprocessing module
(runtime/mod_multiprocessing.c): semaphores and arrays in shared memory,
and framed reads/writes on pipes with the GIL released.
"""

import sys
from . import context
from . import util

__all__ = ['Array', 'AuthenticationError', 'Barrier', 'BoundedSemaphore', 'BufferTooShort',
           'Condition', 'Event', 'JoinableQueue', 'Lock', 'Manager', 'Pipe', 'Pool',
           'Process', 'ProcessError', 'Queue', 'RLock', 'RawArray', 'RawValue',
           'Semaphore', 'SimpleQueue', 'TimeoutError', 'Value', 'active_children',
           'allow_connection_pickling', 'cpu_count', 'current_process', 'freeze_support',
           'get_all_start_methods', 'get_context', 'get_logger', 'get_start_method',
           'log_to_stderr', 'parent_process', 'reducer', 'set_executable',
           'set_forkserver_preload', 'set_start_method']

# The module-level functions are the default context's methods.
globals().update((name, getattr(context._default_context, name)) for name in __all__)

SUBDEBUG = 5
SUBWARNING = 25

if '__main__' in sys.modules:
    sys.modules['__mp_main__'] = sys.modules['__main__']

util._register_exit_function()
