/* runtime/str_type.c: the `str` type object: its slots (repr, hash,
 * comparison, indexing and slicing, `in`, iteration, `+`, `*`, `%`), its
 * constructor, and the str iterator type.
 *
 * Models the type half of CPython's Objects/unicodeobject.c.  The
 * Python-visible methods are in runtime/str_methods.c and its siblings
 * (str_split.c, str_case.c, str_format.c, str_printf.c), the core
 * functions in runtime/str.c.
 *
 * Invariants kept here as everywhere: a str's text is valid generalized
 * UTF-8, `length` counts code points and `ascii`/`kind` describe it.  For
 * ASCII strings byte offsets are character offsets, and every fast path
 * below relies on that.  Instances of str subclasses have the same layout
 * (their __dict__ lives in front of the object, see runtime/type_new.c).
 */
#include "runtime/str_impl.h"

#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include <pthread.h>

#include "runtime/bytes.h"
#include "runtime/descr.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/slice.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

/* ------------------------------------------------------------------ */
/* Free lists                                                           */

/* Text code makes and drops short strs all the time (every f-string
 * piece, every split() item), and malloc + free cost a few hundred
 * instructions a pair.  So freed exact strs whose block is small are kept
 * on free lists by block size, 64 to 288 bytes in steps of 32, and new
 * short strs take a block of their class from there (or malloc one of
 * the full class size, so that it can serve any str of the class later).
 * The class of a freed block comes from malloc_usable_size, so a str that
 * grew in place (mpy_str_concat_take) or was made elsewhere is classed by
 * what its block really holds.
 *
 * The lists are per thread (initial-exec TLS: one instruction to reach
 * them, also in libminipy.so), so neither build needs a lock: a block
 * freed by another thread than the one that made it simply joins the
 * freeing thread's list.  A thread's lists are freed when it exits (a
 * pthread key destructor), or, in the child of a fork, when it does not
 * exist there (a pthread_atfork handler, as for tuples in runtime/tuple.c:
 * its TLS is still mapped, and nothing else would ever free those
 * blocks). */
#define STR_FREE_CLASSES 8
/* On in both builds (runtime/tuple.c says why they once were not). */
#define STR_FREE_LISTS 1
#define STR_FREE_MIN 64     /* block size of class 0 */
#define STR_FREE_STEP 32
#define STR_FREE_MAX_LEN 64 /* blocks kept per class */

typedef struct StrFreeList {
    void *head[STR_FREE_CLASSES]; /* blocks linked through their first word */
    uint16_t len[STR_FREE_CLASSES];
    bool registered;              /* the exit destructor is armed */
    struct StrFreeList *next, **pprev; /* all registered lists, under str_free_mutex */
} StrFreeList;

static _Thread_local StrFreeList str_free __attribute__((tls_model("initial-exec")));
static pthread_key_t str_free_key;
static pthread_once_t str_free_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t str_free_mutex = PTHREAD_MUTEX_INITIALIZER;
static StrFreeList *str_free_all;

static void str_free_blocks(StrFreeList *fl)
{
    for (int k = 0; k < STR_FREE_CLASSES; k++) {
        while (fl->head[k] != NULL) {
            void *block = fl->head[k];
            fl->head[k] = *(void **)block;
            free(block);
        }
        fl->len[k] = 0;
    }
}

static void str_free_release(void *arg)
{
    StrFreeList *fl = arg;
    pthread_mutex_lock(&str_free_mutex);
    str_free_blocks(fl);
    *fl->pprev = fl->next;
    if (fl->next != NULL)
        fl->next->pprev = fl->pprev;
    fl->registered = false;  // a later push (another destructor) re-arms it
    pthread_mutex_unlock(&str_free_mutex);
}

static void str_free_prepare_fork(void)
{
    pthread_mutex_lock(&str_free_mutex);
}

static void str_free_parent_fork(void)
{
    pthread_mutex_unlock(&str_free_mutex);
}

/* In the child only this thread exists: free the other threads' lists. */
static void str_free_child_fork(void)
{
    for (StrFreeList *fl = str_free_all; fl != NULL; fl = fl->next) {
        if (fl != &str_free)
            str_free_blocks(fl);
    }
    str_free_all = NULL;
    if (str_free.registered) {
        str_free.next = NULL;
        str_free.pprev = &str_free_all;
        str_free_all = &str_free;
    }
    pthread_mutex_unlock(&str_free_mutex);
}

static void str_free_key_create(void)
{
    if (pthread_key_create(&str_free_key, str_free_release) != 0 ||
        pthread_atfork(str_free_prepare_fork, str_free_parent_fork, str_free_child_fork) != 0)
        abort();
}

/* Keep `block` (of class k) for reuse; false if the list is full. */
static bool str_free_push(void *block, int k)
{
    StrFreeList *fl = &str_free;
    if (fl->len[k] >= STR_FREE_MAX_LEN)
        return false;
    if (MPY_UNLIKELY(!fl->registered)) {
        pthread_once(&str_free_once, str_free_key_create);
        if (pthread_setspecific(str_free_key, fl) != 0)
            return false;
        pthread_mutex_lock(&str_free_mutex);
        fl->next = str_free_all;
        fl->pprev = &str_free_all;
        if (str_free_all != NULL)
            str_free_all->pprev = &fl->next;
        str_free_all = fl;
        fl->registered = true;
        pthread_mutex_unlock(&str_free_mutex);
    }
    *(void **)block = fl->head[k];
    fl->head[k] = block;
    fl->len[k]++;
    return true;
}

static void str_dealloc(MpyObject *self)
{
    // Subclass instances come here from subtype_dealloc; they may have a
    // prefix in front of the object, so only exact strs are kept.
    if (STR_FREE_LISTS && self->ob_type == &mpy_str_type) {
        size_t usable = malloc_usable_size(self);
        if (usable >= STR_FREE_MIN) {
            size_t k = (usable - STR_FREE_MIN) / STR_FREE_STEP;
            if (k < STR_FREE_CLASSES && str_free_push(self, (int)k))
                return;
        }
    }
    mpy_object_free(self);
}

/* A zeroed block for an exact str of `need` bytes, as
 * mpy_object_alloc_var would make it.  Returns: new reference or NULL. */
static MpyStrObject *str_alloc_small(size_t need)
{
    size_t k = (need - 1) / STR_FREE_STEP;  // need <= 64: class 0, ...
    k = k < 1 ? 0 : k - 1;
    size_t block_size = STR_FREE_MIN + k * STR_FREE_STEP;
    StrFreeList *fl = &str_free;
    void *block = fl->head[k];
    if (block != NULL) {
        fl->head[k] = *(void **)block;
        fl->len[k]--;
    } else {
        block = malloc(block_size);
        if (block == NULL) {
            mpy_err_no_memory();
            return NULL;
        }
    }
    memset(block, 0, need);
    MpyObject *o = block;
    mpy__refcnt_init(o);
    o->ob_type = &mpy_str_type;
    return block;
}

/* ------------------------------------------------------------------ */
/* Construction helpers shared by the text files                        */

MpyStrObject *mpy__str_alloc(MpyType *type, ptrdiff_t size)
{
    size_t need = sizeof(MpyStrObject) + (size_t)size + 1;
    MpyStrObject *s;
    if (STR_FREE_LISTS && type == &mpy_str_type &&
        need <= STR_FREE_MIN + (STR_FREE_CLASSES - 1) * STR_FREE_STEP)
        s = str_alloc_small(need);
    else
        s = (MpyStrObject *)mpy_object_alloc_var(type, (size_t)size + 1);
    if (s == NULL)
        return NULL;
    mpy__str_offset_cache_forget((MpyObject *)s);
    s->size = size;
    s->hash = -1;
    s->kind = 1;
    s->data[size] = '\0';
    return s;
}

MpyObject *mpy__str_finish(MpyStrObject *s)
{
    const unsigned char *p = (const unsigned char *)s->data;
    ptrdiff_t n = s->size, length = 0, i = 0;
    uint32_t max_char = 0;
    while (i < n) {
        if (p[i] < 0x80) {
            length++;
            i++;
            continue;
        }
        int len;
        uint32_t cp = mpy_utf8_decode((const char *)p + i, &len);
        if (cp > max_char)
            max_char = cp;
        length++;
        i += len;
    }
    if (n <= 1 && max_char == 0) {
        // "" and single ASCII characters are shared immortal objects.
        MpyObject *shared = n == 0 ? mpy_str_empty() : mpy_str_from_codepoint(p[0]);
        MPY_DECREF(s);
        return shared;
    }
    s->length = length;
    s->ascii = max_char < 0x80;
    s->kind = max_char < 0x100 ? 1 : max_char < 0x10000 ? 2 : 4;
    return (MpyObject *)s;
}

MpyObject *mpy__str_from_ascii(const char *s, size_t n)
{
    if (n <= 1)
        return n == 0 ? mpy_str_empty() : mpy_str_from_codepoint((unsigned char)s[0]);
    MpyStrObject *r = mpy__str_alloc(&mpy_str_type, (ptrdiff_t)n);
    if (r == NULL)
        return NULL;
    memcpy(r->data, s, n);
    r->length = (ptrdiff_t)n;
    r->ascii = 1;
    return (MpyObject *)r;
}

MpyObject *mpy__sb_finish(MpyStrBuilder *sb)
{
    if (!sb->ascii)
        return mpy_sb_finish(sb);
    MpyObject *r = mpy__str_from_ascii(sb->buf, sb->len);
    mpy_sb_discard(sb);
    mpy_sb_init(sb);
    return r;
}

MpyObject *mpy__str_subtype_copy(MpyType *type, MpyObject *s)
{
    MpyStrObject *src = (MpyStrObject *)s;
    MpyStrObject *r = mpy__str_alloc(type, src->size);
    if (r == NULL)
        return NULL;
    memcpy(r->data, src->data, (size_t)src->size);
    r->length = src->length;
    r->ascii = src->ascii;
    r->kind = src->kind;
    if (mpy_type_has_flag(type, MPY_TPFLAGS_HAVE_GC))
        mpy_gc_track((MpyObject *)r);
    return (MpyObject *)r;
}

MpyObject *mpy__str_unchanged(MpyObject *s)
{
    if (mpy_str_check_exact(s))
        return MPY_NEWREF(s);
    return mpy__str_subtype_copy(&mpy_str_type, s);
}

void mpy__str_byte_range(MpyObject *s, ptrdiff_t start, ptrdiff_t end, ptrdiff_t *byte_start,
                         ptrdiff_t *byte_end)
{
    if (((MpyStrObject *)s)->ascii) {
        *byte_start = start;
        *byte_end = end;
        return;
    }
    *byte_start = mpy_str_byte_offset(s, start);
    *byte_end = *byte_start + mpy_str_byte_offset_from(s, *byte_start, end - start);
}

bool mpy__defines_reflected(MpyObject *o, MpyObject *name)
{
    MpyType *t = MPY_TYPE(o);
    if (!mpy_type_has_flag(t, MPY_TPFLAGS_HEAPTYPE))
        return false;
    MpyObject *method = mpy_type_lookup(t, name);
    return method != NULL && MPY_TYPE(method) != &mpy_wrapper_descr_type;
}

/* ------------------------------------------------------------------ */
/* Slots                                                                */

static MpyObject *str_repr(MpyObject *self)
{
    return mpy_str_repr(self);
}

static MpyObject *str_str(MpyObject *self)
{
    return mpy__str_unchanged(self);
}

static MpyObject *str_richcompare(MpyObject *a, MpyObject *b, int op)
{
    if (!mpy_str_check(a) || !mpy_str_check(b))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    bool r;
    if (op == MPY_EQ || op == MPY_NE) {
        r = mpy_str_equal(a, b) == (op == MPY_EQ);
    } else {
        int c = mpy_str_compare(a, b);
        r = op == MPY_LT ? c < 0 : op == MPY_LE ? c <= 0 : op == MPY_GT ? c > 0 : c >= 0;
    }
    return MPY_NEWREF(mpy_bool_from(r));
}

static ptrdiff_t str_len(MpyObject *self)
{
    return mpy_str_length(self);
}

/* a + b.  CPython raises its own message when the left operand is a str
 * and the right one cannot be added, unless the right one's class has a
 * __radd__ of its own. */
static MpyObject *str_add(MpyObject *a, MpyObject *b)
{
    if (!mpy_str_check(a) || !mpy_str_check(b)) {
        if (mpy_str_check(a) && !mpy__defines_reflected(b, MPY_ID(__radd__)))
            return mpy_err_format(mpy_exc_TypeError, "can only concatenate str (not \"%T\") to str", b);
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    }
    return mpy_str_concat(a, b);
}

/* Does the caller hold the only reference to `s`, so that nobody else can
 * see it change?  In the free-threaded build the count alone does not
 * tell: the object must belong to this thread, with one local reference
 * and no shared ones (another thread may hold a reference it counted in
 * the shared part, or be about to merge it).
 * (Reads the count fields, which belong to gil/refcount.h: a helper
 * there would be the right home.) */
static bool str_is_unique(MpyObject *s)
{
#if MPY_FREE_THREADED
    return mpy__is_owned_by_me(s) &&
           atomic_load_explicit(&s->ob_ref_local, memory_order_relaxed) == 1 &&
           atomic_load_explicit(&s->ob_ref_shared, memory_order_acquire) == 0;
#else
    return s->ob_refcnt == 1;
#endif
}

MpyObject *mpy_str_concat_take(MpyObject *left, MpyObject *right)
{
    MpyStrObject *l = (MpyStrObject *)left, *r = (MpyStrObject *)right;
    // Only a str nobody else can see may change: exact type (no prefix in
    // front of the object, so the malloc'd block starts at `left`; see
    // runtime/alloc.c), one reference, not interned, not "" or a cached
    // character (those are immortal, so their count is not 1).
    if (!mpy_str_check_exact(left) || !str_is_unique(left) || l->interned || r->size == 0 ||
        left == right) {
        MpyObject *sum = mpy_str_concat(left, right);
        MPY_DECREF(left);
        return sum;
    }
    if (l->size > PTRDIFF_MAX / 2 - r->size) {
        MPY_DECREF(left);
        return mpy_err_no_memory();
    }
    size_t bytes = sizeof(MpyStrObject) + (size_t)(l->size + r->size) + 1;
    MpyStrObject *grown = l;
    // malloc rounds blocks up: appending a character or two usually fits.
    if (malloc_usable_size(l) < bytes) {
        grown = mpy_mem_realloc(l, bytes);
        if (grown == NULL) {
            MPY_DECREF(left);
            return NULL;
        }
    }
    mpy__str_offset_cache_forget(left);
    mpy__str_offset_cache_forget((MpyObject *)grown);
    memcpy(grown->data + grown->size, r->data, (size_t)r->size + 1);
    grown->size += r->size;
    grown->length += r->length;
    grown->ascii = grown->ascii && r->ascii;
    if (r->kind > grown->kind)
        grown->kind = r->kind;
    grown->hash = -1;
    return (MpyObject *)grown;
}

/* s[start::step] for step != 1, `n` characters. */
static MpyObject *extended_slice(MpyObject *self, ptrdiff_t start, ptrdiff_t step, ptrdiff_t n)
{
    MpyStrObject *s = (MpyStrObject *)self;
    if (s->ascii) {
        MpyStrObject *r = mpy__str_alloc(&mpy_str_type, n);
        if (r == NULL)
            return NULL;
        for (ptrdiff_t i = 0, j = start; i < n; i++, j += step)
            r->data[i] = s->data[j];
        r->length = n;
        r->ascii = 1;
        return (MpyObject *)r;
    }
    // Non-ASCII: find every character's byte offset once, then pick.
    ptrdiff_t *offsets = malloc(((size_t)s->length + 1) * sizeof *offsets);
    if (offsets == NULL)
        return mpy_err_no_memory();
    for (ptrdiff_t i = 0, off = 0; i <= s->length; i++) {
        offsets[i] = off;
        if (i < s->length)
            off += mpy__utf8_seq_len((unsigned char)s->data[off]);
    }
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    int err = 0;
    for (ptrdiff_t i = 0, j = start; i < n && err == 0; i++, j += step)
        err = mpy_sb_append(&sb, s->data + offsets[j], (size_t)(offsets[j + 1] - offsets[j]));
    free(offsets);
    if (err < 0) {
        mpy_sb_discard(&sb);
        return NULL;
    }
    return mpy__sb_finish(&sb);
}

/* s[i] for a C index (negative counts from the end).  ASCII strings index
 * their bytes directly; others walk the UTF-8 up to character i. */
static MpyObject *str_item(MpyObject *self, ptrdiff_t i)
{
    MpyStrObject *s = (MpyStrObject *)self;
    if (i < 0)
        i += s->length;
    if (i < 0 || i >= s->length)
        return mpy_err_format(mpy_exc_IndexError, "string index out of range");
    if (s->ascii)
        return mpy_str_from_codepoint((unsigned char)s->data[i]);
    return mpy_str_from_codepoint(mpy_str_char_at(self, i));
}

/* s[key]: a one-character str for an integer key (tagged ints first, the
 * common case), a str for a slice. */
static MpyObject *str_getitem(MpyObject *self, MpyObject *key)
{
    if (mpy_is_small_int(key))
        return str_item(self, (ptrdiff_t)mpy_small_int_value(key));
    if (mpy_slice_check(key)) {
        ptrdiff_t start, stop, step, n;
        if (mpy_slice_indices(key, mpy_str_length(self), &start, &stop, &step, &n) < 0)
            return NULL;
        if (step == 1) {
            // ASCII text needs no scan to find its length and kind.
            if (((MpyStrObject *)self)->ascii && (n < mpy_str_length(self) || !mpy_str_check_exact(self)))
                return mpy__str_from_ascii(mpy_str_utf8(self) + start, (size_t)(n > 0 ? n : 0));
            return mpy_str_substring(self, start, stop);
        }
        if (n <= 0)
            return mpy_str_empty();
        return extended_slice(self, start, step, n);
    }
    if (!mpy_int_check(key) && MPY_TYPE(key)->nb_index == NULL)
        return mpy_err_format(mpy_exc_TypeError, "string indices must be integers, not '%T'", key);
    ptrdiff_t i = mpy_sequence_index(key, mpy_str_length(self), "string");
    if (i == -1 && mpy_err_occurred())
        return NULL;
    if (i < 0)
        return mpy_err_format(mpy_exc_IndexError, "string index out of range");
    return str_item(self, i);
}

/* `item in s`: a substring search over the UTF-8 bytes. */
static int str_contains(MpyObject *self, MpyObject *item)
{
    if (!mpy_str_check(item)) {
        mpy_err_format(mpy_exc_TypeError, "'in <string>' requires string as left operand, not %T",
                       item);
        return -1;
    }
    return mpy__search_find(mpy_str_utf8(self), mpy_str_size(self), mpy_str_utf8(item),
                            mpy_str_size(item)) >= 0;
}

/* s * count, count already a C integer. */
static MpyObject *str_repeat(MpyObject *self, ptrdiff_t count)
{
    MpyStrObject *s = (MpyStrObject *)self;
    if (count <= 0 || s->size == 0)
        return mpy_str_empty();
    if (count == 1)
        return mpy__str_unchanged(self);
    if (s->size > PTRDIFF_MAX / count)
        return mpy_err_format(mpy_exc_OverflowError, "repeated string is too long");
    ptrdiff_t total = s->size * count;
    MpyStrObject *r = mpy__str_alloc(&mpy_str_type, total);
    if (r == NULL)
        return NULL;
    if (s->size == 1) {
        memset(r->data, s->data[0], (size_t)total);
    } else {
        // Copy once, then keep doubling what is already there.
        memcpy(r->data, s->data, (size_t)s->size);
        ptrdiff_t done = s->size;
        while (done < total) {
            ptrdiff_t chunk = done <= total - done ? done : total - done;
            memcpy(r->data + done, r->data, (size_t)chunk);
            done += chunk;
        }
    }
    r->length = s->length * count;
    r->ascii = s->ascii;
    r->kind = s->kind;
    return (MpyObject *)r;
}

/* s * n and n * s.  Called for either operand order, so first find which
 * side is the str.  A negative count gives "". */
static MpyObject *str_mul(MpyObject *a, MpyObject *b)
{
    MpyObject *seq = mpy_str_check(a) ? a : b;
    MpyObject *count = seq == a ? b : a;
    if (!mpy_int_check(count) && MPY_TYPE(count)->nb_index == NULL) {
        // A class on the right that defines __rmul__ gets its turn first.
        if (count == b && mpy__defines_reflected(b, MPY_ID(__rmul__)))
            return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
        return mpy_err_format(mpy_exc_TypeError, "can't multiply sequence by non-int of type '%T'",
                              count);
    }
    ptrdiff_t k = mpy__text_as_ssize(count);
    if (k == -1 && mpy_err_occurred())
        return NULL;
    return str_repeat(seq, k);
}

/* fmt % args: printf-style formatting (runtime/str_printf.c).  Only the
 * left operand may be the format. */
static MpyObject *str_mod(MpyObject *a, MpyObject *b)
{
    if (!mpy_str_check(a))
        return MPY_NEWREF(MPY_NOT_IMPLEMENTED);
    return mpy_str_printf_format(a, b);
}

/* ------------------------------------------------------------------ */
/* str(object='') and str(bytes, encoding='utf-8', errors='strict')     */

static const char *const str_new_names[] = {"object", "encoding", "errors"};

/* The C string of an optional str argument; NULL when absent. */
static int cstr_arg(const char *fname, const char *argname, MpyObject *o, const char **out)
{
    *out = NULL;
    if (o == NULL)
        return 0;
    if (!mpy_str_check(o)) {
        mpy_err_format(mpy_exc_TypeError, "%s() argument '%s' must be str, not %T", fname, argname,
                       o);
        return -1;
    }
    *out = mpy_str_utf8(o);
    return 0;
}

/* str(obj, encoding, errors): obj must be bytes-like. */
static MpyObject *decode_object(MpyObject *obj, const char *encoding, const char *errors)
{
    if (mpy_str_check(obj))
        return mpy_err_format(mpy_exc_TypeError, "decoding str is not supported");
    const char *data;
    ptrdiff_t size;
    if (mpy_bytes_check(obj)) {
        data = mpy_bytes_data(obj);
        size = mpy_bytes_size(obj);
    } else if (mpy_bytearray_check(obj)) {
        MpyByteArrayObject *ba = (MpyByteArrayObject *)obj;
        data = ba->data != NULL ? ba->data : "";
        size = ba->size;
    } else {
        return mpy_err_format(mpy_exc_TypeError,
                              "decoding to str: need a bytes-like object, %T found", obj);
    }
    return mpy_bytes_decode(data, (size_t)size, encoding ? encoding : "utf-8",
                            errors ? errors : "strict");
}

/* str(), str(obj) (obj.__str__ or repr), str(bytes, encoding, errors).  For
 * a subclass, the text is copied into a new instance of it. */
static MpyObject *str_new(MpyType *type, MpyObject *const *args, size_t nargs, MpyObject *kwnames)
{
    MpyObject *a[3];
    if (mpy__text_parse_args("str", args, nargs, kwnames, str_new_names, 3, 0, 0, a) < 0)
        return NULL;
    const char *encoding, *errors;
    if (cstr_arg("str", "encoding", a[1], &encoding) < 0 ||
        cstr_arg("str", "errors", a[2], &errors) < 0)
        return NULL;
    MpyObject *result;
    if (a[0] == NULL)
        result = mpy_str_empty();
    else if (a[1] == NULL && a[2] == NULL)
        result = mpy_object_str(a[0]);
    else
        result = decode_object(a[0], encoding, errors);
    if (result == NULL || type == &mpy_str_type)
        return result;
    MpyObject *sub = mpy__str_subtype_copy(type, result);
    MPY_DECREF(result);
    return sub;
}

/* ------------------------------------------------------------------ */
/* The iterator: hands out one-character strs (cached for ASCII)        */

typedef struct StrIter {
    MpyObject ob_base;
    MpyObject *str;      /* NULL once exhausted */
    ptrdiff_t offset;    /* byte offset of the next character */
    ptrdiff_t index;     /* its character index (for __length_hint__) */
} StrIter;

MpyType mpy_str_iter_type;

static MpyObject *str_iter(MpyObject *self)
{
    StrIter *it = (StrIter *)mpy_object_alloc(&mpy_str_iter_type);
    if (it == NULL)
        return NULL;
    it->str = MPY_NEWREF(self);
    return (MpyObject *)it;
}

static void str_iter_dealloc(MpyObject *self)
{
    MPY_XDECREF(((StrIter *)self)->str);
    mpy_object_free(self);
}

/* The next character, decoded from the UTF-8 at the saved byte offset:
 * iteration is linear even for non-ASCII text. */
static MpyObject *str_iter_next(MpyObject *self)
{
    StrIter *it = (StrIter *)self;
    if (it->str == NULL)
        return NULL;
    MpyStrObject *s = (MpyStrObject *)it->str;
    if (it->offset >= s->size) {
        MPY_CLEAR(it->str);
        return NULL;
    }
    unsigned char c = (unsigned char)s->data[it->offset];
    it->index++;
    if (c < 0x80) {
        it->offset++;
        return mpy_str_from_codepoint(c);
    }
    int len;
    uint32_t cp = mpy_utf8_decode(s->data + it->offset, &len);
    it->offset += len;
    return mpy_str_from_codepoint(cp);
}

static MpyObject *str_iter_self(MpyObject *self)
{
    return MPY_NEWREF(self);
}

static MpyObject *str_iter_length_hint(MpyObject *self, MpyObject *const *args, size_t nargs,
                                       MpyObject *kwnames)
{
    StrIter *it = (StrIter *)self;
    return mpy_int_from_ssize(it->str ? mpy_str_length(it->str) - it->index : 0);
}

static const MpyMethodDef str_iter_methods[] = {
    {"__length_hint__", str_iter_length_hint, MPY_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL},
};

MpyType mpy_str_iter_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "str_ascii_iterator",
    .basicsize = sizeof(StrIter),
    .dealloc = str_iter_dealloc,
    .iter = str_iter_self,
    .iternext = str_iter_next,
    .methods = str_iter_methods,
};

MpyType mpy_str_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "str",
    .doc = "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
           "Create a new string object from the given object. If encoding or\n"
           "errors is specified, then the object must expose a data buffer\n"
           "that will be decoded using the given encoding and error handler.\n"
           "Otherwise, returns the result of object.__str__() (if defined)\n"
           "or repr(object).\n"
           "encoding defaults to sys.getdefaultencoding().\n"
           "errors defaults to 'strict'.",
    .basicsize = sizeof(MpyStrObject),
    .itemsize = 1,
    .flags = MPY_TPFLAGS_BASETYPE | MPY_TPFLAGS_STR_SUBCLASS,
    .dealloc = str_dealloc,
    .repr = str_repr,
    .str = str_str,
    .hash = mpy_str_hash,
    .richcompare = str_richcompare,
    .iter = str_iter,
    .len = str_len,
    .getitem = str_getitem,
    .contains = str_contains,
    .nb[MPY_NB_ADD] = str_add,
    .nb[MPY_NB_MULTIPLY] = str_mul,
    .nb[MPY_NB_REMAINDER] = str_mod,
    .new = str_new,
    .methods = mpy__str_methods,
};
