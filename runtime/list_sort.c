/* runtime/list_sort.c: list.sort(), a stable natural merge sort.
 *
 * Models the structure of CPython's timsort (Objects/listsort.txt) without
 * galloping mode:
 *
 *  1. Split the array into *runs*: maximal ascending stretches, or strictly
 *     descending ones (reversed in place; strictness keeps the sort
 *     stable).  Runs shorter than `minrun` (32..64) are extended with a
 *     binary insertion sort.
 *  2. Push each run on a stack and merge neighbours while the stack breaks
 *     timsort's balance rules, so merges stay between runs of similar
 *     length: O(n log n) worst case, O(n) for already sorted input.
 *  3. A merge first skips the prefix of the left run and the suffix of the
 *     right run that are already in place (two binary searches), then
 *     copies the left part aside and merges forwards.
 *
 * Stability: an element of the right run moves before one of the left run
 * only when it is strictly less.  reverse=True reverses the list, sorts,
 * and reverses again, which keeps equal elements in their original order.
 *
 * Speed: before sorting we look at the keys once.  If they are all tagged
 * ints, all floats or all strs, comparisons use a direct C comparison
 * instead of the generic `<` protocol (CPython's unsafe_*_compare).  The
 * merge code is written once; the compiler specializes it for each
 * comparison because the comparison is a constant argument of inlined
 * functions.
 *
 * Safety: a comparison or key function can run arbitrary Python code.
 * While sorting, the list is made to look empty (its array is detached),
 * so that code cannot pull items out from under us; if it added items, we
 * throw them away and raise "list modified during sort" (as CPython).
 * After a comparison error the array is still a permutation of the items.
 */
#include "runtime/list.h"

#include <string.h>

#include "gil/critical.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/str.h"

#if defined(__GNUC__)
#define SORT_INLINE static inline __attribute__((always_inline))
#else
#define SORT_INLINE static inline
#endif

#define MAX_RUNS 85 /* enough for any array: run lengths grow like Fibonacci */

/* "Is a < b?"  Returns 1, 0, or -1 with an exception set. */
typedef int (*LessFunc)(MpyObject *a, MpyObject *b);

typedef struct Run {
    ptrdiff_t start, len;
} Run;

typedef struct Sorter {
    MpyObject **keys;
    MpyObject **values;     /* moved along with keys (key=...), or NULL */
    MpyObject **tmp_keys;   /* merge scratch, n entries each */
    MpyObject **tmp_values;
    Run runs[MAX_RUNS];
    int nruns;
} Sorter;

/* ------------------------------------------------------------------ */
/* Comparisons                                                          */

/* Tagged words keep the order of their values: (v << 1) | 1 is monotonic. */
static int lt_tagged(MpyObject *a, MpyObject *b)
{
    return (intptr_t)a < (intptr_t)b;
}

static int lt_int(MpyObject *a, MpyObject *b)
{
    return mpy_int_compare(a, b) < 0;
}

static int lt_float(MpyObject *a, MpyObject *b)
{
    return mpy_float_value(a) < mpy_float_value(b);
}

/* UTF-8 byte order is code point order, so memcmp compares strs. */
static int lt_str(MpyObject *a, MpyObject *b)
{
    ptrdiff_t na = mpy_str_size(a), nb = mpy_str_size(b);
    int c = memcmp(mpy_str_utf8(a), mpy_str_utf8(b), (size_t)(na < nb ? na : nb));
    return c != 0 ? c < 0 : na < nb;
}

static int lt_object(MpyObject *a, MpyObject *b)
{
    return mpy_object_richcompare_bool(a, b, MPY_LT);
}

/* The cheapest comparison valid for every key. */
static LessFunc choose_less(MpyObject *const *keys, ptrdiff_t n)
{
    bool tagged = true, ints = true, floats = true, strs = true;
    for (ptrdiff_t i = 0; i < n && (ints || floats || strs); i++) {
        MpyObject *k = keys[i];
        if (mpy_is_small_int(k)) {
            floats = strs = false;
            continue;
        }
        tagged = false;
        MpyType *t = k->ob_type;
        ints = ints && t == &mpy_int_type;
        floats = floats && t == &mpy_float_type;
        strs = strs && t == &mpy_str_type;
    }
    if (ints)
        return tagged ? lt_tagged : lt_int;
    if (floats)
        return lt_float;
    if (strs)
        return lt_str;
    return lt_object;
}

/* ------------------------------------------------------------------ */
/* The algorithm, written once for any LessFunc                         */

static void reverse_range(MpyObject **a, ptrdiff_t lo, ptrdiff_t hi)
{
    for (hi--; lo < hi; lo++, hi--) {
        MpyObject *t = a[lo];
        a[lo] = a[hi];
        a[hi] = t;
    }
}

/* Extend the sorted stretch [lo, start) to [lo, hi) by inserting each next
 * element after every element it is not less than.  Returns 0 / -1. */
SORT_INLINE int binary_insertion(Sorter *s, ptrdiff_t lo, ptrdiff_t start, ptrdiff_t hi,
                                 LessFunc lt, bool has_values)
{
    MpyObject **keys = s->keys, **values = has_values ? s->values : NULL;
    for (; start < hi; start++) {
        MpyObject *pivot = keys[start];
        ptrdiff_t left = lo, right = start;
        while (left < right) {
            ptrdiff_t mid = left + ((right - left) >> 1);
            int r = lt(pivot, keys[mid]);
            if (r < 0)
                return -1;
            if (r)
                right = mid;
            else
                left = mid + 1;
        }
        memmove(&keys[left + 1], &keys[left], (size_t)(start - left) * sizeof(MpyObject *));
        keys[left] = pivot;
        if (values != NULL) {
            MpyObject *v = values[start];
            memmove(&values[left + 1], &values[left], (size_t)(start - left) * sizeof(MpyObject *));
            values[left] = v;
        }
    }
    return 0;
}

/* Length of the run starting at lo (at most hi - lo); a strictly
 * descending run is reversed in place.  Returns the length or -1. */
SORT_INLINE ptrdiff_t count_run(Sorter *s, ptrdiff_t lo, ptrdiff_t hi, LessFunc lt,
                                bool has_values)
{
    MpyObject **keys = s->keys;
    if (hi - lo == 1)
        return 1;
    int r = lt(keys[lo + 1], keys[lo]);
    if (r < 0)
        return -1;
    ptrdiff_t i = lo + 2;
    if (r) {
        for (; i < hi; i++) {
            if ((r = lt(keys[i], keys[i - 1])) < 0)
                return -1;
            if (!r)
                break;
        }
        reverse_range(keys, lo, i);
        if (has_values)
            reverse_range(s->values, lo, i);
    } else {
        for (; i < hi; i++) {
            if ((r = lt(keys[i], keys[i - 1])) < 0)
                return -1;
            if (r)
                break;
        }
    }
    return i - lo;
}

/* First index in [lo, hi) whose key is greater than `key` (upper bound),
 * or -1 on error. */
SORT_INLINE ptrdiff_t upper_bound(MpyObject **keys, ptrdiff_t lo, ptrdiff_t hi, MpyObject *key,
                                  LessFunc lt)
{
    while (lo < hi) {
        ptrdiff_t mid = lo + ((hi - lo) >> 1);
        int r = lt(key, keys[mid]);
        if (r < 0)
            return -1;
        if (r)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* First index in [lo, hi) whose key is not less than `key` (lower bound),
 * or -1 on error. */
SORT_INLINE ptrdiff_t lower_bound(MpyObject **keys, ptrdiff_t lo, ptrdiff_t hi, MpyObject *key,
                                  LessFunc lt)
{
    while (lo < hi) {
        ptrdiff_t mid = lo + ((hi - lo) >> 1);
        int r = lt(keys[mid], key);
        if (r < 0)
            return -1;
        if (r)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Merge the sorted neighbours [lo, mid) and [mid, hi).  Returns 0 / -1. */
SORT_INLINE int merge(Sorter *s, ptrdiff_t lo, ptrdiff_t mid, ptrdiff_t hi, LessFunc lt,
                      bool has_values)
{
    MpyObject **keys = s->keys, **values = has_values ? s->values : NULL;
    // Left elements not greater than the right run's first are in place,
    // and so are right elements not less than the left run's last.
    lo = upper_bound(keys, lo, mid, keys[mid], lt);
    if (lo < 0)
        return -1;
    if (lo == mid)
        return 0;
    hi = lower_bound(keys, mid, hi, keys[mid - 1], lt);
    if (hi < 0)
        return -1;
    ptrdiff_t nleft = mid - lo;
    memcpy(s->tmp_keys, &keys[lo], (size_t)nleft * sizeof(MpyObject *));
    if (values != NULL)
        memcpy(s->tmp_values, &values[lo], (size_t)nleft * sizeof(MpyObject *));
    ptrdiff_t i = 0, j = mid, k = lo; // invariant: k == lo + i + (j - mid)
    int result = 0;
    MpyObject **tmp_keys = s->tmp_keys, **tmp_values = s->tmp_values;
    while (i < nleft && j < hi) {
        int r = lt(keys[j], tmp_keys[i]);
        if (r < 0) {
            result = -1;
            break;
        }
        // Written without branches on r (conditional moves): for the C
        // comparisons the outcome is unpredictable and a branch would
        // mispredict half the time.
        keys[k] = r ? keys[j] : tmp_keys[i];
        if (values != NULL)
            values[k] = r ? values[j] : tmp_values[i];
        j += r;
        i += 1 - r;
        k++;
    }
    // Whatever stays in scratch fills exactly the gap [k, j).  This also
    // restores a permutation after a comparison error.
    memcpy(&keys[k], &s->tmp_keys[i], (size_t)(nleft - i) * sizeof(MpyObject *));
    if (values != NULL)
        memcpy(&values[k], &s->tmp_values[i], (size_t)(nleft - i) * sizeof(MpyObject *));
    return result;
}

SORT_INLINE int merge_at(Sorter *s, int i, LessFunc lt, bool has_values)
{
    Run *a = &s->runs[i], *b = &s->runs[i + 1];
    int r = merge(s, a->start, b->start, b->start + b->len, lt, has_values);
    a->len += b->len;
    // Drop run i+1 from the stack (i may be the third from the top).
    for (int k = i + 1; k < s->nruns - 1; k++)
        s->runs[k] = s->runs[k + 1];
    s->nruns--;
    return r;
}

/* Merge until the stack obeys timsort's rules: from the top down, each
 * run is longer than the next two together, and than the next one. */
SORT_INLINE int merge_collapse(Sorter *s, LessFunc lt, bool has_values)
{
    Run *r = s->runs;
    while (s->nruns > 1) {
        int n = s->nruns - 2;
        if ((n > 0 && r[n - 1].len <= r[n].len + r[n + 1].len) ||
            (n > 1 && r[n - 2].len <= r[n - 1].len + r[n].len)) {
            if (r[n - 1].len < r[n + 1].len)
                n--;
        } else if (r[n].len > r[n + 1].len) {
            break;
        }
        if (merge_at(s, n, lt, has_values) < 0)
            return -1;
    }
    return 0;
}

SORT_INLINE int merge_force_collapse(Sorter *s, LessFunc lt, bool has_values)
{
    while (s->nruns > 1) {
        int n = s->nruns - 2;
        if (n > 0 && s->runs[n - 1].len < s->runs[n + 1].len)
            n--;
        if (merge_at(s, n, lt, has_values) < 0)
            return -1;
    }
    return 0;
}

/* A run length in [32, 64] such that n / minrun is a power of two or a
 * little less, so the final merges are balanced. */
static ptrdiff_t compute_minrun(ptrdiff_t n)
{
    ptrdiff_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

SORT_INLINE int sort_with(Sorter *s, ptrdiff_t n, LessFunc lt, bool has_values)
{
    ptrdiff_t minrun = compute_minrun(n);
    for (ptrdiff_t lo = 0; lo < n;) {
        ptrdiff_t len = count_run(s, lo, n, lt, has_values);
        if (len < 0)
            return -1;
        if (len < minrun) {
            ptrdiff_t force = n - lo < minrun ? n - lo : minrun;
            if (binary_insertion(s, lo, lo + len, lo + force, lt, has_values) < 0)
                return -1;
            len = force;
        }
        s->runs[s->nruns++] = (Run){lo, len};
        if (merge_collapse(s, lt, has_values) < 0)
            return -1;
        lo += len;
    }
    return merge_force_collapse(s, lt, has_values);
}

/* One entry point per comparison: each gets its own inlined copy, with
 * the value moves compiled out when there are no values (no key=). */
#define SORT_ENTRY(name, lt)                                                                 \
    static int name(Sorter *s, ptrdiff_t n)                                                  \
    {                                                                                        \
        return s->values != NULL ? sort_with(s, n, lt, true) : sort_with(s, n, lt, false);   \
    }
SORT_ENTRY(sort_tagged, lt_tagged)
SORT_ENTRY(sort_int, lt_int)
SORT_ENTRY(sort_float, lt_float)
SORT_ENTRY(sort_str, lt_str)
SORT_ENTRY(sort_object, lt_object)
#undef SORT_ENTRY

/* Sort keys[0..n) (and values alongside, if not NULL).  Returns 0 / -1. */
static int sort_arrays(MpyObject **keys, MpyObject **values, ptrdiff_t n)
{
    if (n < 2)
        return 0;
    Sorter s = {.keys = keys, .values = values, .nruns = 0};
    size_t bytes = (size_t)n * sizeof(MpyObject *);
    s.tmp_keys = mpy_mem_alloc(values != NULL ? 2 * bytes : bytes);
    if (s.tmp_keys == NULL)
        return -1;
    s.tmp_values = values != NULL ? s.tmp_keys + n : NULL;
    LessFunc lt = choose_less(keys, n);
    int r;
    if (lt == lt_tagged)
        r = sort_tagged(&s, n);
    else if (lt == lt_int)
        r = sort_int(&s, n);
    else if (lt == lt_float)
        r = sort_float(&s, n);
    else if (lt == lt_str)
        r = sort_str(&s, n);
    else
        r = sort_object(&s, n);
    mpy_mem_free(s.tmp_keys);
    return r;
}

/* ------------------------------------------------------------------ */
/* list.sort                                                            */

/* keys[i] = keyfunc(items[i]).  Returns the key array (n >= 1) or NULL. */
static MpyObject **compute_keys(MpyObject *keyfunc, MpyObject **items, ptrdiff_t n)
{
    MpyObject **keys = mpy_mem_alloc((size_t)n * sizeof(MpyObject *));
    if (keys == NULL)
        return NULL;
    for (ptrdiff_t i = 0; i < n; i++) {
        keys[i] = mpy_object_call1(keyfunc, items[i]);
        if (keys[i] == NULL) {
            while (--i >= 0)
                MPY_DECREF(keys[i]);
            mpy_mem_free(keys);
            return NULL;
        }
    }
    return keys;
}

int mpy_list_sort(MpyObject *self, MpyObject *keyfunc, bool reverse)
{
    MpyListObject *l = (MpyListObject *)self;
    // Detach the array: the list looks empty while we sort, and
    // allocated == -1 lets us notice if anyone touched it meanwhile.
    // The whole sort is one critical section in the free-threaded build,
    // as CPython's: sorting is atomic unless a comparison blocks.
    MpyObject **items, **stray;
    ptrdiff_t n, allocated, nstray;
    int result = -1;
    bool modified;
    MPY_BEGIN_CRITICAL(l);
    items = l->items;
    n = l->size;
    allocated = l->allocated;
    l->items = NULL;
    MPY_FT_STORE_RELAXED(l->size, 0);
    l->allocated = -1;

    MpyObject **keys = items;
    if (keyfunc != NULL && n > 0 && (keys = compute_keys(keyfunc, items, n)) == NULL)
        goto restore;
    MpyObject **values = keys == items ? NULL : items;
    if (reverse && n > 1) {
        reverse_range(keys, 0, n);
        if (values != NULL)
            reverse_range(values, 0, n);
    }
    result = sort_arrays(keys, values, n);
    if (reverse && n > 1) {
        reverse_range(keys, 0, n);
        if (values != NULL)
            reverse_range(values, 0, n);
    }
    if (keys != items) {
        for (ptrdiff_t i = 0; i < n; i++)
            MPY_DECREF(keys[i]);
        mpy_mem_free(keys);
    }

restore:
    modified = l->allocated != -1;
    stray = l->items;
    nstray = l->size;
    l->items = items;
    MPY_FT_STORE_RELAXED(l->size, n);
    l->allocated = allocated;
    MPY_END_CRITICAL();
    if (modified && result == 0) {
        mpy_err_set(mpy_exc_ValueError, "list modified during sort");
        result = -1;
    }
    // Items that were added during the sort are dropped, last of all.
    if (stray != NULL) {
        while (--nstray >= 0)
            MPY_XDECREF(stray[nstray]);
        mpy_mem_free(stray);
    }
    return result;
}

#undef SORT_INLINE
#undef MAX_RUNS
