/* runtime/mod_multiprocessing.c: the _multiprocessing module: what the
 * multiprocessing package (runtime/lib/multiprocessing/) needs from C.
 *
 * Models CPython's Modules/_multiprocessing/ (semaphore.c, multiprocessing.c)
 * and the parts of ctypes/mmap that multiprocessing.sharedctypes relies on.
 * minipy only starts processes with fork(), so everything shared between
 * processes lives in anonymous MAP_SHARED memory created *before* the fork:
 * parent and children then see the same bytes, and no names are needed.
 *
 * Three pieces:
 * - SemLock: a POSIX semaphore placed in shared memory (sem_init with
 *   pshared=1).  multiprocessing.Lock, RLock, Semaphore, Condition, Event
 *   and the locks of Queue/Value are built on it in Python.  acquire()
 *   first tries without giving up the GIL; if it must wait it releases the
 *   GIL and sleeps in sem_wait/sem_timedwait, which a signal interrupts:
 *   the signal handlers then run, so Ctrl-C works while waiting.
 *   The owner bookkeeping (count, owner thread) is per process, as in
 *   CPython: only the process holding a recursive lock ever looks at it.
 *   A forked child inherits a copy of that bookkeeping, so every method
 *   first forgets it when it finds itself in a new process.
 * - SharedArray: `length` C values of one typecode ('i', 'd', 'c' ...) in
 *   shared memory, read and written with ctypes' conversion rules (ints
 *   wrap around, floats are rejected for integer types).  Value and Array
 *   are Python wrappers around it.
 * - send_bytes / recv_bytes: one framed message over a pipe (a 4-byte
 *   big-endian length, or -1 and an 8-byte length for huge messages, as
 *   CPython's Connection), with the GIL released and EINTR handled.
 *
 * Invariant: shared memory is never unmapped while an object of this
 * process points into it; each process unmaps its own mapping when the
 * object dies (the other processes keep theirs).
 */
#include "runtime/module.h"

#include <errno.h>
#include <gmp.h>
#include <math.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include <pthread.h>

#include "gil/gil.h"
#include "gil/tstate.h"
#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/descr.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/type.h"
#include "vm/eval.h"

enum { RECURSIVE_MUTEX = 0, SEMAPHORE = 1 };

/* Shared memory: `size` zeroed bytes visible to every process forked after
 * this call.  Returns: the address, or NULL with an exception set. */
static void *shared_alloc(size_t size)
{
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        mpy_err_from_errno(mpy_exc_OSError);
        return NULL;
    }
    return p;
}

/* Round up to whole pages (mmap's unit); at least one page. */
static size_t page_round(size_t size)
{
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    return size == 0 ? page : (size + page - 1) / page * page;
}

/* ------------------------------------------------------------------ */
/* Waiting on a semaphore                                               */

/* The absolute CLOCK_REALTIME time `timeout` seconds from now. */
static struct timespec deadline_after(double timeout)
{
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    double whole = floor(timeout);
    deadline.tv_sec += (time_t)whole;
    deadline.tv_nsec += (long)((timeout - whole) * 1e9);
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000L;
    }
    return deadline;
}

/* Wait on `sem` with the GIL released, until `deadline` (NULL: forever).
 * Returns 1 acquired, 0 timed out, -1 with an exception (a signal handler
 * raised, e.g. KeyboardInterrupt, or a real error). */
static int sem_wait_released(sem_t *sem, const struct timespec *deadline)
{
    for (;;) {
        int r, err;
        MPY_BEGIN_ALLOW_THREADS
        r = deadline == NULL ? sem_wait(sem) : sem_timedwait(sem, deadline);
        err = errno;
        MPY_END_ALLOW_THREADS
        if (r == 0)
            return 1;
        if (err == ETIMEDOUT)
            return 0;
        if (err != EINTR) {
            errno = err;
            mpy_err_from_errno(mpy_exc_OSError);
            return -1;
        }
        if (mpy__eval_handle_pending(mpy__tstate_get()) < 0)
            return -1;
    }
}

/* ------------------------------------------------------------------ */
/* SemLock                                                              */

typedef struct SemLockObject {
    MpyObject ob_base;
    sem_t *handle;      /* in its own shared page */
    int kind;           /* RECURSIVE_MUTEX or SEMAPHORE */
    int maxvalue;
    /* Per-process bookkeeping (see the file comment); atomic because the
     * threads of a process may share the object (free-threaded build). */
    _Atomic pid_t pid;          /* the process the fields below describe */
    _Atomic long count;         /* acquisitions not yet released, by this process */
    _Atomic uint64_t last_tid;  /* ident of the thread that acquired last */
} SemLockObject;

extern MpyType mpy_multiprocessing_semlock_type;

static uint64_t current_ident(void)
{
    return mpy__tstate_get()->ident;
}

/* This process's id, kept up to date by a fork handler (installed when the
 * module is first imported) so that lock operations need no getpid()
 * system call.  Process-wide by nature: one value per process, not per
 * interpreter or thread. */
static pid_t current_pid;

static void refresh_pid(void)
{
    current_pid = getpid();
}

/* A forked child starts with a copy of its parent's bookkeeping: drop it. */
static void forget_other_process(SemLockObject *s)
{
    pid_t me = current_pid;
    if (s->pid != me) {
        s->pid = me;
        s->count = 0;
        s->last_tid = 0;
    }
}

static bool is_mine(SemLockObject *s)
{
    forget_other_process(s);
    return s->count > 0 && s->last_tid == current_ident();
}

/* SemLock(kind, value, maxvalue, name=None, unlink=True).  The name and
 * unlink arguments exist for CPython compatibility; the semaphore is
 * anonymous either way. */
static MpyObject *semlock_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    static const char *const kwlist[] = {"kind", "value", "maxvalue", "name", "unlink", NULL};
    MpyObject *a[5];
    if (mpy_arg_parse("SemLock", args, nargs, kw, kwlist, 3, a) < 0)
        return NULL;
    long long kind = mpy_int_as_long(a[0]);
    long long value = kind == -1 && mpy_err_occurred() ? -1 : mpy_int_as_long(a[1]);
    long long maxvalue = value == -1 && mpy_err_occurred() ? -1 : mpy_int_as_long(a[2]);
    if (mpy_err_occurred())
        return NULL;
    if (kind != RECURSIVE_MUTEX && kind != SEMAPHORE)
        return mpy_err_format(mpy_exc_ValueError, "unrecognized kind");
    if (value < 0 || value > SEM_VALUE_MAX)
        return mpy_err_format(mpy_exc_ValueError, "invalid value");
    sem_t *handle = shared_alloc(page_round(sizeof(sem_t)));
    if (handle == NULL)
        return NULL;
    if (sem_init(handle, 1, (unsigned)value) < 0) {
        mpy_err_from_errno(mpy_exc_OSError);
        munmap(handle, page_round(sizeof(sem_t)));
        return NULL;
    }
    SemLockObject *s = (SemLockObject *)mpy_object_alloc(type);
    if (s == NULL) {
        munmap(handle, page_round(sizeof(sem_t)));
        return NULL;
    }
    s->handle = handle;
    s->kind = (int)kind;
    s->maxvalue = (int)maxvalue;
    s->pid = current_pid;
    return (MpyObject *)s;
}

static void semlock_dealloc(MpyObject *self)
{
    // No sem_destroy: other processes may still be using the semaphore.
    munmap(((SemLockObject *)self)->handle, page_round(sizeof(sem_t)));
    mpy_object_free(self);
}

/* acquire(block=True, timeout=None) -> bool */
static MpyObject *semlock_acquire(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    static const char *const kwlist[] = {"block", "timeout", NULL};
    SemLockObject *s = (SemLockObject *)self;
    MpyObject *a[2];
    if (mpy_arg_parse("acquire", args, nargs, kw, kwlist, 0, a) < 0)
        return NULL;
    int block = 1;
    if (a[0] != NULL && (block = mpy_object_is_true(a[0])) < 0)
        return NULL;
    double timeout = -1;   // forever
    if (block && a[1] != NULL && a[1] != MPY_NONE) {
        timeout = mpy_float_as_double(a[1]);
        if (timeout == -1.0 && mpy_err_occurred())
            return NULL;
        if (timeout < 0)
            timeout = 0;
    }
    if (s->kind == RECURSIVE_MUTEX && is_mine(s)) {
        s->count++;
        return MPY_NEWREF(MPY_TRUE);
    }
    forget_other_process(s);
    int r = 1;
    if (sem_trywait(s->handle) < 0) {
        if (errno != EAGAIN)
            return mpy_err_from_errno(mpy_exc_OSError);
        if (!block || timeout == 0) {
            r = 0;
        } else {
            struct timespec deadline;
            if (timeout > 0)
                deadline = deadline_after(timeout);
            r = sem_wait_released(s->handle, timeout > 0 ? &deadline : NULL);
        }
    }
    if (r < 0)
        return NULL;
    if (r == 1) {
        s->count++;
        s->last_tid = current_ident();
    }
    return MPY_NEWREF(mpy_bool_from(r));
}

static MpyObject *semlock_release(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    SemLockObject *s = (SemLockObject *)self;
    if (s->kind == RECURSIVE_MUTEX) {
        if (!is_mine(s))
            return mpy_err_format(mpy_exc_AssertionError,
                                  "attempt to release recursive lock not owned by thread");
        if (s->count > 1) {
            s->count--;
            return MPY_RETURN_NONE;
        }
    } else {
        forget_other_process(s);
        int value;
        if (s->maxvalue == 1) {
            // A lock: it must be taken now.  Probe by taking it, undo if free.
            if (sem_trywait(s->handle) == 0) {
                sem_post(s->handle);
                return mpy_err_format(mpy_exc_ValueError, "semaphore or lock released too many times");
            }
        } else if (sem_getvalue(s->handle, &value) == 0 && value >= s->maxvalue) {
            return mpy_err_format(mpy_exc_ValueError, "semaphore or lock released too many times");
        }
    }
    if (sem_post(s->handle) < 0)
        return mpy_err_from_errno(mpy_exc_OSError);
    s->count--;
    return MPY_RETURN_NONE;
}

static MpyObject *semlock_exit(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return semlock_release(self, NULL, 0, NULL);
}

static MpyObject *semlock_count(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    forget_other_process((SemLockObject *)self);
    return mpy_int_from_long(((SemLockObject *)self)->count);
}

static MpyObject *semlock_is_mine(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return MPY_NEWREF(mpy_bool_from(is_mine((SemLockObject *)self)));
}

static MpyObject *semlock_get_value(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    int value;
    if (sem_getvalue(((SemLockObject *)self)->handle, &value) < 0)
        return mpy_err_from_errno(mpy_exc_OSError);
    return mpy_int_from_long(value < 0 ? 0 : value);   // Linux never reports waiters
}

static MpyObject *semlock_is_zero(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    int value;
    if (sem_getvalue(((SemLockObject *)self)->handle, &value) < 0)
        return mpy_err_from_errno(mpy_exc_OSError);
    return MPY_NEWREF(mpy_bool_from(value <= 0));
}

static MpyObject *semlock_after_fork(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    ((SemLockObject *)self)->count = 0;
    return MPY_RETURN_NONE;
}

static MpyObject *semlock_get_kind(MpyObject *self, void *c)
{
    return mpy_int_from_long(((SemLockObject *)self)->kind);
}

static MpyObject *semlock_get_maxvalue(MpyObject *self, void *c)
{
    return mpy_int_from_long(((SemLockObject *)self)->maxvalue);
}

static MpyObject *semlock_get_handle(MpyObject *self, void *c)
{
    return mpy_int_from_ulong((uintptr_t)((SemLockObject *)self)->handle);
}

static MpyObject *semlock_get_name(MpyObject *self, void *c)
{
    return MPY_RETURN_NONE;
}

static const MpyMethodDef semlock_methods[] = {
    {"acquire", semlock_acquire, MPY_METH_FASTCALL, "Acquire the semaphore/lock."},
    {"release", semlock_release, MPY_METH_NOARGS, "Release the semaphore/lock."},
    {"__enter__", semlock_acquire, MPY_METH_FASTCALL, "Enter the semaphore/lock."},
    {"__exit__", semlock_exit, MPY_METH_FASTCALL, "Exit the semaphore/lock."},
    {"_count", semlock_count, MPY_METH_NOARGS, "Num of `acquire()`s minus num of `release()`s for this process."},
    {"_is_mine", semlock_is_mine, MPY_METH_NOARGS, "Whether the lock is owned by this thread."},
    {"_get_value", semlock_get_value, MPY_METH_NOARGS, "Get the value of the semaphore."},
    {"_is_zero", semlock_is_zero, MPY_METH_NOARGS, "Return whether semaphore has value zero."},
    {"_after_fork", semlock_after_fork, MPY_METH_NOARGS, "Rezero the net acquisition count after fork()."},
    {NULL},
};

static const MpyGetSetDef semlock_getset[] = {
    {"kind", semlock_get_kind, NULL, NULL, NULL},
    {"maxvalue", semlock_get_maxvalue, NULL, NULL, NULL},
    {"handle", semlock_get_handle, NULL, NULL, NULL},
    {"name", semlock_get_name, NULL, NULL, NULL},
    {NULL},
};

MpyType mpy_multiprocessing_semlock_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "_multiprocessing.SemLock",
    .doc = "Semaphore/Mutex type",
    .basicsize = sizeof(SemLockObject),
    .flags = MPY_TPFLAGS_BASETYPE,
    .dealloc = semlock_dealloc,
    .new = semlock_new,
    .methods = semlock_methods,
    .getset = semlock_getset,
};

/* ------------------------------------------------------------------ */
/* SharedArray                                                          */

typedef struct SharedArrayObject {
    MpyObject ob_base;
    char *data;         /* shared, page-aligned */
    size_t map_size;
    ptrdiff_t length;
    int itemsize;
    char typecode;
} SharedArrayObject;

extern MpyType mpy_multiprocessing_sharedarray_type;

/* The typecodes of the array module, with ctypes' sizes on LP64 Linux. */
static int typecode_size(char tc)
{
    switch (tc) {
    case 'c': case 'b': case 'B': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'f': case 'u': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'd': return 8;
    default: return 0;
    }
}

/* SharedArray(typecode, length): `length` zeroed items. */
static MpyObject *sharedarray_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    static const char *const kwlist[] = {"typecode", "length", NULL};
    MpyObject *a[2];
    if (mpy_arg_parse("SharedArray", args, nargs, kw, kwlist, 2, a) < 0)
        return NULL;
    if (!mpy_str_check(a[0]) || mpy_str_length(a[0]) != 1)
        return mpy_err_format(mpy_exc_TypeError, "SharedArray() argument 1 must be a one-character str");
    char tc = mpy_str_utf8(a[0])[0];
    int itemsize = typecode_size(tc);
    if (itemsize == 0)
        return mpy_err_format(mpy_exc_TypeError, "this type has no size");
    ptrdiff_t length = mpy_int_as_ssize(a[1]);
    if (length == -1 && mpy_err_occurred())
        return NULL;
    if (length < 0)
        return mpy_err_format(mpy_exc_ValueError, "Array length must be >= 0, not %zd", length);
    size_t map_size = page_round((size_t)length * (size_t)itemsize);
    char *data = shared_alloc(map_size);
    if (data == NULL)
        return NULL;
    SharedArrayObject *arr = (SharedArrayObject *)mpy_object_alloc(type);
    if (arr == NULL) {
        munmap(data, map_size);
        return NULL;
    }
    arr->data = data;
    arr->map_size = map_size;
    arr->length = length;
    arr->itemsize = itemsize;
    arr->typecode = tc;
    return (MpyObject *)arr;
}

static void sharedarray_dealloc(MpyObject *self)
{
    SharedArrayObject *arr = (SharedArrayObject *)self;
    munmap(arr->data, arr->map_size);
    mpy_object_free(self);
}

static ptrdiff_t sharedarray_len(MpyObject *self)
{
    return ((SharedArrayObject *)self)->length;
}

/* Resolve a (possibly negative) index.  Returns the item's address, or
 * NULL with IndexError ("invalid index", ctypes' wording). */
static char *item_address(SharedArrayObject *arr, MpyObject *key)
{
    MpyObject *index = mpy_number_index(key);   // new reference or NULL
    if (index == NULL)
        return NULL;
    ptrdiff_t i = mpy_int_as_ssize(index);
    MPY_DECREF(index);
    if (i == -1 && mpy_err_occurred()) {
        mpy_err_clear();
        i = arr->length;   // out of range either way
    }
    if (i < 0)
        i += arr->length;
    if (i < 0 || i >= arr->length) {
        mpy_err_set(mpy_exc_IndexError, "invalid index");
        return NULL;
    }
    return arr->data + i * arr->itemsize;
}

/* Read one C value.  Returns: new reference. */
static MpyObject *load_item(char tc, const char *p)
{
    switch (tc) {
    case 'c': return mpy_bytes_from(p, 1);
    case 'b': return mpy_int_from_long(*(const signed char *)p);
    case 'B': return mpy_int_from_long(*(const unsigned char *)p);
    case 'h': return mpy_int_from_long(*(const short *)p);
    case 'H': return mpy_int_from_long(*(const unsigned short *)p);
    case 'i': return mpy_int_from_long(*(const int *)p);
    case 'I': return mpy_int_from_ulong(*(const unsigned int *)p);
    case 'l': case 'q': return mpy_int_from_long(*(const long long *)p);
    case 'L': case 'Q': return mpy_int_from_ulong(*(const unsigned long long *)p);
    case 'f': return mpy_float_from_double(*(const float *)p);
    case 'd': return mpy_float_from_double(*(const double *)p);
    case 'u': {
        return mpy_str_from_codepoint(*(const uint32_t *)p);
    }
    default: return mpy_err_bad_internal_call("SharedArray");
    }
}

/* The low 64 bits of any int (ctypes stores integers modulo 2**bits).
 * Returns 0, or -1 with TypeError for non-integers. */
static int low_bits(MpyObject *value, unsigned long long *out)
{
    MpyObject *index = mpy_number_index(value);   // new reference or NULL
    if (index == NULL)
        return -1;
    long long v;
    if (mpy_int_to_long_exact(index, &v)) {
        *out = (unsigned long long)v;
    } else {
        mpz_t z;
        mpz_init(z);
        mpy_int_to_mpz(index, z);
        mpz_fdiv_r_2exp(z, z, 64);
        *out = (unsigned long long)mpz_get_ui(z);
        mpz_clear(z);
    }
    MPY_DECREF(index);
    return 0;
}

static int store_char(char *p, MpyObject *value)
{
    if (mpy_bytes_check(value) && mpy_bytes_size(value) == 1) {
        *p = mpy_bytes_data(value)[0];
        return 0;
    }
    if (mpy_bytearray_check(value) && ((MpyByteArrayObject *)value)->size == 1) {
        *p = ((MpyByteArrayObject *)value)->data[0];
        return 0;
    }
    if (mpy_int_check(value)) {
        long long v;
        if (mpy_int_to_long_exact(value, &v) && v >= 0 && v < 256) {
            *p = (char)v;
            return 0;
        }
    }
    mpy_err_set(mpy_exc_TypeError, "one character bytes, bytearray or integer expected");
    return -1;
}

/* Write one C value with ctypes' conversions.  Returns 0 / -1. */
static int store_item(char tc, char *p, MpyObject *value)
{
    if (tc == 'c')
        return store_char(p, value);
    if (tc == 'f' || tc == 'd') {
        double d = mpy_float_as_double(value);
        if (d == -1.0 && mpy_err_occurred())
            return -1;
        if (tc == 'f')
            *(float *)p = (float)d;
        else
            *(double *)p = d;
        return 0;
    }
    if (tc == 'u') {
        if (!mpy_str_check(value) || mpy_str_length(value) != 1) {
            mpy_err_format(mpy_exc_TypeError, "unicode string expected instead of %T instance", value);
            return -1;
        }
        *(uint32_t *)p = mpy_str_char_at(value, 0);
        return 0;
    }
    unsigned long long bits;
    if (low_bits(value, &bits) < 0)
        return -1;
    switch (typecode_size(tc)) {
    case 1: *(unsigned char *)p = (unsigned char)bits; break;
    case 2: *(unsigned short *)p = (unsigned short)bits; break;
    case 4: *(unsigned int *)p = (unsigned int)bits; break;
    default: *(unsigned long long *)p = bits; break;
    }
    return 0;
}

static MpyObject *sharedarray_getitem(MpyObject *self, MpyObject *key)
{
    SharedArrayObject *arr = (SharedArrayObject *)self;
    char *p = item_address(arr, key);
    return p == NULL ? NULL : load_item(arr->typecode, p);
}

static int sharedarray_setitem(MpyObject *self, MpyObject *key, MpyObject *value)
{
    SharedArrayObject *arr = (SharedArrayObject *)self;
    if (value == NULL) {
        mpy_err_set(mpy_exc_TypeError, "Array does not support item deletion");
        return -1;
    }
    char *p = item_address(arr, key);
    return p == NULL ? -1 : store_item(arr->typecode, p, value);
}

/* tobytes() -> the raw memory as bytes. */
static MpyObject *sharedarray_tobytes(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    SharedArrayObject *arr = (SharedArrayObject *)self;
    return mpy_bytes_from(arr->data, (size_t)(arr->length * arr->itemsize));
}

/* frombytes(data): overwrite the start of the memory with `data`. */
static MpyObject *sharedarray_frombytes(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *k)
{
    SharedArrayObject *arr = (SharedArrayObject *)self;
    if (mpy_arg_check_positional("frombytes", nargs, 1, 1) < 0)
        return NULL;
    const char *data;
    ptrdiff_t len;
    if (mpy_bytes_check(args[0])) {
        data = mpy_bytes_data(args[0]);
        len = mpy_bytes_size(args[0]);
    } else if (mpy_bytearray_check(args[0])) {
        data = ((MpyByteArrayObject *)args[0])->data;
        len = ((MpyByteArrayObject *)args[0])->size;
    } else {
        return mpy_err_format(mpy_exc_TypeError, "a bytes-like object is required, not '%T'", args[0]);
    }
    if (len > arr->length * arr->itemsize)
        return mpy_err_format(mpy_exc_ValueError, "byte string too long");
    if (len > 0)
        memcpy(arr->data, data, (size_t)len);
    return MPY_RETURN_NONE;
}

static MpyObject *sharedarray_get_typecode(MpyObject *self, void *c)
{
    return mpy_str_from_utf8(&((SharedArrayObject *)self)->typecode, 1);
}

static MpyObject *sharedarray_get_itemsize(MpyObject *self, void *c)
{
    return mpy_int_from_long(((SharedArrayObject *)self)->itemsize);
}

static const MpyMethodDef sharedarray_methods[] = {
    {"tobytes", sharedarray_tobytes, MPY_METH_NOARGS, "The raw memory as bytes."},
    {"frombytes", sharedarray_frombytes, MPY_METH_FASTCALL, "Copy bytes to the start of the memory."},
    {NULL},
};

static const MpyGetSetDef sharedarray_getset[] = {
    {"typecode", sharedarray_get_typecode, NULL, NULL, NULL},
    {"itemsize", sharedarray_get_itemsize, NULL, NULL, NULL},
    {NULL},
};

MpyType mpy_multiprocessing_sharedarray_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "_multiprocessing.SharedArray",
    .doc = "C values of one type in memory shared with forked children.",
    .basicsize = sizeof(SharedArrayObject),
    .dealloc = sharedarray_dealloc,
    .new = sharedarray_new,
    .len = sharedarray_len,
    .getitem = sharedarray_getitem,
    .setitem = sharedarray_setitem,
    .methods = sharedarray_methods,
    .getset = sharedarray_getset,
};

/* ------------------------------------------------------------------ */
/* Framed messages over a file descriptor                               */

static int fd_arg(MpyObject *o, int *fd)
{
    long long v = mpy_int_as_long(o);
    if (v == -1 && mpy_err_occurred())
        return -1;
    *fd = (int)v;
    return 0;
}

/* Write all of iov[0..n) to fd with the GIL released.  Returns 0 / -1. */
static int write_all(int fd, struct iovec *iov, int n)
{
    while (n > 0) {
        ssize_t r;
        int err;
        MPY_BEGIN_ALLOW_THREADS
        r = writev(fd, iov, n);
        err = errno;
        MPY_END_ALLOW_THREADS
        if (r < 0) {
            if (err == EINTR) {
                if (mpy__eval_handle_pending(mpy__tstate_get()) < 0)
                    return -1;
                continue;
            }
            errno = err;
            mpy_err_from_errno(mpy_exc_OSError);
            return -1;
        }
        // Skip what was written.
        while (n > 0 && (size_t)r >= iov->iov_len) {
            r -= (ssize_t)iov->iov_len;
            iov++;
            n--;
        }
        if (n > 0) {
            iov->iov_base = (char *)iov->iov_base + r;
            iov->iov_len -= (size_t)r;
        }
    }
    return 0;
}

/* send_bytes(fd, data): write one framed message. */
static MpyObject *mp_send_bytes(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *k)
{
    if (mpy_arg_check_positional("send_bytes", nargs, 2, 2) < 0)
        return NULL;
    int fd;
    if (fd_arg(args[0], &fd) < 0)
        return NULL;
    const char *data;
    ptrdiff_t len;
    if (mpy_bytes_check(args[1])) {
        data = mpy_bytes_data(args[1]);
        len = mpy_bytes_size(args[1]);
    } else if (mpy_bytearray_check(args[1])) {
        data = ((MpyByteArrayObject *)args[1])->data;
        len = ((MpyByteArrayObject *)args[1])->size;
    } else {
        return mpy_err_format(mpy_exc_TypeError, "a bytes-like object is required, not '%T'", args[1]);
    }
    unsigned char header[12];
    size_t header_len = 4;
    uint64_t n = (uint64_t)len;
    if (n < 0x7fffffff) {
        for (int i = 0; i < 4; i++)
            header[i] = (unsigned char)(n >> (24 - 8 * i));
    } else {
        memset(header, 0xff, 4);
        for (int i = 0; i < 8; i++)
            header[4 + i] = (unsigned char)(n >> (56 - 8 * i));
        header_len = 12;
    }
    // The bytes object stays alive (we borrow it from args) while the GIL
    // is released: bytes are immutable; a bytearray could be resized by
    // another thread, as in CPython, which is the caller's problem.
    struct iovec iov[2] = {{header, header_len}, {(void *)(data ? data : ""), (size_t)len}};
    if (write_all(fd, iov, len > 0 ? 2 : 1) < 0)
        return NULL;
    return MPY_RETURN_NONE;
}

/* Read exactly n bytes.  Returns n, fewer at end of file, or -1. */
static ptrdiff_t read_exact(int fd, char *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r;
        int err;
        MPY_BEGIN_ALLOW_THREADS
        r = read(fd, buf + got, n - got);
        err = errno;
        MPY_END_ALLOW_THREADS
        if (r == 0)
            break;
        if (r < 0) {
            if (err == EINTR) {
                if (mpy__eval_handle_pending(mpy__tstate_get()) < 0)
                    return -1;
                continue;
            }
            errno = err;
            mpy_err_from_errno(mpy_exc_OSError);
            return -1;
        }
        got += (size_t)r;
    }
    return (ptrdiff_t)got;
}

/* Read the length header.  Returns 1 with *size set, 0 at a clean end of
 * file (nothing read), -1 with an exception. */
static int read_header(int fd, uint64_t *size)
{
    unsigned char header[8];
    ptrdiff_t got = read_exact(fd, (char *)header, 4);
    if (got < 0)
        return -1;
    if (got == 0)
        return 0;
    if (got < 4)
        goto truncated;
    uint64_t n = 0;
    for (int i = 0; i < 4; i++)
        n = n << 8 | header[i];
    if (n == 0xffffffff) {
        got = read_exact(fd, (char *)header, 8);
        if (got < 0)
            return -1;
        if (got < 8)
            goto truncated;
        n = 0;
        for (int i = 0; i < 8; i++)
            n = n << 8 | header[i];
    }
    *size = n;
    return 1;
truncated:
    mpy_err_set(mpy_exc_OSError, "got end of file during message");
    return -1;
}

/* recv_bytes(fd, maxlength=None) -> bytes; EOFError at end of file. */
static MpyObject *mp_recv_bytes(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *k)
{
    if (mpy_arg_check_positional("recv_bytes", nargs, 1, 2) < 0)
        return NULL;
    int fd;
    if (fd_arg(args[0], &fd) < 0)
        return NULL;
    long long maxlength = -1;
    if (nargs == 2 && args[1] != MPY_NONE) {
        maxlength = mpy_int_as_long(args[1]);
        if (maxlength == -1 && mpy_err_occurred())
            return NULL;
    }
    uint64_t size;
    int r = read_header(fd, &size);
    if (r <= 0) {
        if (r == 0)
            mpy_err_set_object(mpy_exc_EOFError, NULL);
        return NULL;
    }
    if (maxlength >= 0 && size > (uint64_t)maxlength)
        return mpy_err_format(mpy_exc_OSError, "bad message length");
    char *buf = malloc(size ? size : 1);
    if (buf == NULL)
        return mpy_err_no_memory();
    ptrdiff_t got = read_exact(fd, buf, size);
    MpyObject *result = NULL;
    if (got >= 0 && (uint64_t)got < size)
        mpy_err_set(mpy_exc_OSError, "got end of file during message");
    else if (got >= 0)
        result = mpy_bytes_from(buf, size);
    free(buf);
    return result;
}

static const MpyMethodDef mp_methods[] = {
    {"send_bytes", mp_send_bytes, MPY_METH_FASTCALL,
     "send_bytes(fd, data): write one length-prefixed message to a descriptor."},
    {"recv_bytes", mp_recv_bytes, MPY_METH_FASTCALL,
     "recv_bytes(fd, maxlength=None) -> bytes: read one length-prefixed message."},
    {NULL},
};

static int mp_exec(MpyObject *m)
{
    static bool fork_handler_installed;
    if (!fork_handler_installed) {
        refresh_pid();
        pthread_atfork(NULL, NULL, refresh_pid);
        fork_handler_installed = true;
    }
    MpyType *types[] = {&mpy_multiprocessing_semlock_type, &mpy_multiprocessing_sharedarray_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (!mpy_type_has_flag(types[i], MPY_TPFLAGS_READY) && mpy_type_ready(types[i]) < 0)
            return -1;
        if (mpy_module_add_type(m, types[i]) < 0)
            return -1;
    }
    if (mpy_module_add_int(m, "SEM_VALUE_MAX", SEM_VALUE_MAX) < 0)
        return -1;
    // CPython exposes it on the type too: SemLock.SEM_VALUE_MAX.
    MpyObject *max = mpy_int_from_long(SEM_VALUE_MAX);
    if (max == NULL)
        return -1;
    int r = mpy_dict_set_cstr(mpy_multiprocessing_semlock_type.dict, "SEM_VALUE_MAX", max);
    MPY_DECREF(max);
    if (r == 0)
        mpy_type_modified(&mpy_multiprocessing_semlock_type);
    return r;
}

const MpyModuleDef mpy__multiprocessing_module_def = {
    "_multiprocessing", "Shared-memory semaphores, arrays and pipe messages for multiprocessing.",
    mp_methods, mp_exec, 1,
};
