/* runtime/mod_pickle_load.c: the _pickle module, part 2: reading pickles.
 *
 * Models the Unpickler half of CPython's Modules/_pickle.c.  A pickle is a
 * program for a small stack machine; loads() runs it over a bytes object:
 * each opcode pushes values (ints, strings, empty containers), combines
 * the values above the last MARK (TUPLE, APPENDS, SETITEMS), stores and
 * fetches values in the memo (PUT/MEMOIZE, GET), or calls Python
 * (REDUCE, NEWOBJ, BUILD).  Globals are looked up through
 * pickle._find_class (registered by pickle.py), so the import rules and
 * the Python 2 name mappings stay in Python.
 *
 * The stack is a growable array of owned references; MARK records the
 * stack height in `marks`.  The memo is an array indexed by memo number
 * (PUT can use any number, MEMOIZE the next one).  Error messages are
 * those of CPython's C unpickler.
 */
#include "runtime/mod_pickle.h"

#include <gmp.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/bytes.h"
#include "runtime/descr.h"
#include "runtime/dict.h"
#include "runtime/error.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

typedef struct Unpickler {
    MpyObject *module;           /* _pickle (borrowed), for the exceptions */
    MpyObject *find_class;       /* pickle._find_class (owned) */
    bool fix_imports;
    const char *encoding, *errors;   /* for Python 2 str (STRING opcodes) */
    const unsigned char *data;
    size_t size, pos;
    MpyObject **stack;           /* owned references */
    size_t depth, stack_cap;
    size_t *marks;
    size_t nmarks, marks_cap;
    MpyObject **memo;            /* owned references or NULL */
    size_t memo_cap;
    size_t memo_next;            /* the index MEMOIZE uses */
    int proto;                   /* from the PROTO opcode (0 before) */
} Unpickler;

/* ------------------------------------------------------------------ */
/* Errors and input                                                     */

static int truncated(Unpickler *u)
{
    mpy__pickle_error(u->module, "UnpicklingError", "pickle data was truncated");
    return -1;
}

static int unpickling_error(Unpickler *u, const char *msg)
{
    mpy__pickle_error(u->module, "UnpicklingError", "%s", msg);
    return -1;
}

/* Point *out at the next n bytes.  Returns 0 / -1 (truncated). */
static int take(Unpickler *u, size_t n, const unsigned char **out)
{
    if (n > u->size - u->pos)
        return truncated(u);
    *out = u->data + u->pos;
    u->pos += n;
    return 0;
}

static int take_uint(Unpickler *u, int width, uint64_t *value)
{
    const unsigned char *p;
    if (take(u, (size_t)width, &p) < 0)
        return -1;
    uint64_t v = 0;
    for (int i = width - 1; i >= 0; i--)
        v = v << 8 | p[i];
    *value = v;
    return 0;
}

/* A text argument up to the next newline (excluded). */
static int take_line(Unpickler *u, const char **line, size_t *len)
{
    const unsigned char *start = u->data + u->pos;
    const unsigned char *nl = memchr(start, '\n', u->size - u->pos);
    if (nl == NULL)
        return truncated(u);
    *line = (const char *)start;
    *len = (size_t)(nl - start);
    u->pos += *len + 1;
    return 0;
}

/* ------------------------------------------------------------------ */
/* The stack, the marks and the memo                                    */

/* Push a new reference (consumed, also on failure). */
static int push_take(Unpickler *u, MpyObject *obj)
{
    if (obj == NULL)
        return -1;
    if (u->depth == u->stack_cap) {
        size_t cap = u->stack_cap ? u->stack_cap * 2 : 64;
        MpyObject **stack = realloc(u->stack, cap * sizeof *stack);
        if (stack == NULL) {
            MPY_DECREF(obj);
            mpy_err_no_memory();
            return -1;
        }
        u->stack = stack;
        u->stack_cap = cap;
    }
    u->stack[u->depth++] = obj;
    return 0;
}

static size_t current_mark(Unpickler *u)
{
    return u->nmarks ? u->marks[u->nmarks - 1] : 0;
}

/* Pop the top value.  Returns: the reference (now the caller's), or NULL
 * with UnpicklingError when only the mark is left. */
static MpyObject *pop(Unpickler *u)
{
    if (u->depth <= current_mark(u)) {
        unpickling_error(u, "unpickling stack underflow");
        return NULL;
    }
    return u->stack[--u->depth];
}

/* The top value, borrowed. */
static MpyObject *peek(Unpickler *u)
{
    if (u->depth <= current_mark(u)) {
        unpickling_error(u, "unpickling stack underflow");
        return NULL;
    }
    return u->stack[u->depth - 1];
}

static int push_mark(Unpickler *u)
{
    if (u->nmarks == u->marks_cap) {
        size_t cap = u->marks_cap ? u->marks_cap * 2 : 16;
        size_t *marks = realloc(u->marks, cap * sizeof *marks);
        if (marks == NULL) {
            mpy_err_no_memory();
            return -1;
        }
        u->marks = marks;
        u->marks_cap = cap;
    }
    u->marks[u->nmarks++] = u->depth;
    return 0;
}

/* Remove the last mark; the values above it stay on the stack from
 * index *start.  Returns 0 / -1. */
static int pop_mark(Unpickler *u, size_t *start)
{
    if (u->nmarks == 0)
        return unpickling_error(u, "could not find MARK");
    *start = u->marks[--u->nmarks];
    return 0;
}

/* Drop stack[start:] (the values above a mark). */
static void drop_from(Unpickler *u, size_t start)
{
    while (u->depth > start)
        MPY_DECREF(u->stack[--u->depth]);
}

static int memo_put(Unpickler *u, size_t index, MpyObject *obj)
{
    if (index >= u->memo_cap) {
        size_t cap = u->memo_cap ? u->memo_cap : 64;
        while (cap <= index)
            cap *= 2;
        MpyObject **memo = realloc(u->memo, cap * sizeof *memo);
        if (memo == NULL) {
            mpy_err_no_memory();
            return -1;
        }
        memset(memo + u->memo_cap, 0, (cap - u->memo_cap) * sizeof *memo);
        u->memo = memo;
        u->memo_cap = cap;
    }
    MPY_XDECREF(u->memo[index]);
    u->memo[index] = MPY_NEWREF(obj);
    return 0;
}

static int memo_push(Unpickler *u, uint64_t index)
{
    if (index >= u->memo_cap || u->memo[index] == NULL) {
        mpy__pickle_error(u->module, "UnpicklingError", "Memo value not found at index %llu",
                          (unsigned long long)index);
        return -1;
    }
    return push_take(u, MPY_NEWREF(u->memo[index]));
}

/* ------------------------------------------------------------------ */
/* Opcodes that build values                                            */

static MpyObject *decode_long(const unsigned char *p, size_t n)
{
    if (n == 0)
        return mpy_int_from_long(0);
    if (n <= 8) {
        uint64_t v = 0;
        for (size_t i = n; i-- > 0;)
            v = v << 8 | p[i];
        if (n < 8 && (p[n - 1] & 0x80))
            v |= ~(uint64_t)0 << (8 * n);   // sign-extend
        return mpy_int_from_long((long long)v);
    }
    mpz_t z;
    mpz_init(z);
    mpz_import(z, n, -1, 1, 0, 0, p);
    if (p[n - 1] & 0x80) {
        mpz_t modulus;
        mpz_init(modulus);
        mpz_ui_pow_ui(modulus, 2, 8 * n);
        mpz_sub(z, z, modulus);
        mpz_clear(modulus);
    }
    MpyObject *r = mpy_int_from_mpz(z);
    mpz_clear(z);
    return r;
}

static int load_long_n(Unpickler *u, int width)
{
    uint64_t n;
    const unsigned char *p;
    if (take_uint(u, width, &n) < 0)
        return -1;
    if (width == 4 && (n & 0x80000000u))
        return unpickling_error(u, "LONG pickle has negative byte count");
    if (take(u, (size_t)n, &p) < 0)
        return -1;
    return push_take(u, decode_long(p, (size_t)n));
}

static int load_binfloat(Unpickler *u)
{
    const unsigned char *p;
    if (take(u, 8, &p) < 0)
        return -1;
    uint64_t bits = 0;
    for (int i = 0; i < 8; i++)
        bits = bits << 8 | p[i];
    double d;
    memcpy(&d, &bits, sizeof d);
    return push_take(u, mpy_float_from_double(d));
}

/* INT / LONG / FLOAT: a decimal text argument. */
static int load_text_number(Unpickler *u, int op)
{
    const char *line;
    size_t len;
    if (take_line(u, &line, &len) < 0)
        return -1;
    if (op == PICKLE_INT && len == 2 && line[0] == '0' && (line[1] == '0' || line[1] == '1'))
        return push_take(u, MPY_NEWREF(mpy_bool_from(line[1] == '1')));
    if (op == PICKLE_FLOAT)
        return push_take(u, mpy_float_from_string(line, len));
    if (op == PICKLE_LONG && len > 0 && line[len - 1] == 'L')
        len--;
    return push_take(u, mpy_int_from_string(line, len, 10));
}

/* Length-prefixed payloads: BINUNICODE*, BINBYTES*, BYTEARRAY8, BINSTRING. */
static int load_sized(Unpickler *u, int width, char kind)
{
    uint64_t n;
    const unsigned char *p;
    if (take_uint(u, width, &n) < 0)
        return -1;
    if (kind == 'S' && width == 4 && (n & 0x80000000u))
        return unpickling_error(u, "BINSTRING pickle has negative byte count");
    if (take(u, (size_t)n, &p) < 0)
        return -1;
    switch (kind) {
    case 'u': return push_take(u, mpy_str_from_utf8((const char *)p, (size_t)n));
    case 'b': return push_take(u, mpy_bytes_from((const char *)p, (size_t)n));
    case 'a': return push_take(u, mpy_bytearray_from((const char *)p, (size_t)n));
    default:   // Python 2 str
        if (strcmp(u->encoding, "bytes") == 0)
            return push_take(u, mpy_bytes_from((const char *)p, (size_t)n));
        return push_take(u, mpy_bytes_decode((const char *)p, (size_t)n, u->encoding, u->errors));
    }
}

/* UNICODE: raw-unicode-escape text (protocol 0). */
static int load_unicode(Unpickler *u)
{
    const char *line;
    size_t len;
    if (take_line(u, &line, &len) < 0)
        return -1;
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)line[i];
        if (c == '\\' && i + 1 < len && (line[i + 1] == 'u' || line[i + 1] == 'U')) {
            size_t width = line[i + 1] == 'u' ? 4 : 8;
            if (i + 2 + width > len) {
                mpy_sb_discard(&sb);
                return unpickling_error(u, "truncated \\uXXXX escape");
            }
            char hex[9] = {0};
            memcpy(hex, line + i + 2, width);
            if (mpy_sb_append_char(&sb, (uint32_t)strtoul(hex, NULL, 16)) < 0)
                goto fail;
            i += 2 + width;
        } else {
            if (mpy_sb_append_char(&sb, c) < 0)
                goto fail;
            i++;
        }
    }
    return push_take(u, mpy_sb_finish(&sb));
fail:
    mpy_sb_discard(&sb);
    return -1;
}

/* The character the escape backslash-`e` stands for, or 0 if none (the
 * backslash then stays, as in Python 2). */
static char unescape(char e)
{
    switch (e) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'a': return '\a';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'v': return '\v';
    case '\\': case '\'': case '"': return e;
    default: return 0;
    }
}

/* STRING: a quoted Python 2 string literal (protocol 0). */
static int load_string(Unpickler *u)
{
    const char *line;
    size_t len;
    if (take_line(u, &line, &len) < 0)
        return -1;
    if (len < 2 || line[0] != line[len - 1] || (line[0] != '\'' && line[0] != '"'))
        return unpickling_error(u, "the STRING opcode argument must be quoted");
    char *buf = malloc(len);
    if (buf == NULL) {
        mpy_err_no_memory();
        return -1;
    }
    size_t n = 0;
    for (size_t i = 1; i < len - 1; i++) {
        char c = line[i];
        if (c != '\\' || i + 1 >= len - 1) {
            buf[n++] = c;
            continue;
        }
        char e = line[++i];
        if (e == 'x' && i + 2 < len - 1) {
            char hex[3] = {line[i + 1], line[i + 2], 0};
            buf[n++] = (char)strtol(hex, NULL, 16);
            i += 2;
        } else if (e >= '0' && e <= '7') {
            int v = 0, k = 0;
            while (k < 3 && i < len - 1 && line[i] >= '0' && line[i] <= '7')
                v = v * 8 + (line[i++] - '0'), k++;
            i--;
            buf[n++] = (char)v;
        } else {
            char c2 = unescape(e);
            if (c2 == 0)
                buf[n++] = '\\';
            buf[n++] = c2 ? c2 : e;
        }
    }
    MpyObject *value = strcmp(u->encoding, "bytes") == 0
                           ? mpy_bytes_from(buf, n)
                           : mpy_bytes_decode(buf, n, u->encoding, u->errors);
    free(buf);
    return push_take(u, value);
}

/* ------------------------------------------------------------------ */
/* Opcodes that combine values                                          */

static int load_tuple_n(Unpickler *u, size_t n)
{
    if (u->depth < current_mark(u) + n)
        return unpickling_error(u, "unpickling stack underflow");
    MpyObject *t = mpy_tuple_from_array(u->stack + u->depth - n, (ptrdiff_t)n);
    if (t == NULL)
        return -1;
    drop_from(u, u->depth - n);
    return push_take(u, t);
}

static int load_marked(Unpickler *u, int op)
{
    size_t start;
    if (pop_mark(u, &start) < 0)
        return -1;
    MpyObject **items = u->stack + start;
    ptrdiff_t n = (ptrdiff_t)(u->depth - start);
    MpyObject *value = NULL;
    if (op == PICKLE_TUPLE) {
        value = mpy_tuple_from_array(items, n);
    } else if (op == PICKLE_LIST) {
        value = mpy_list_from_array(items, n);
    } else if (op == PICKLE_FROZENSET) {
        MpyObject *t = mpy_tuple_from_array(items, n);
        value = t ? mpy_frozenset_new(t) : NULL;
        MPY_XDECREF(t);
    } else {   // DICT
        if (n % 2) {
            drop_from(u, start);
            return unpickling_error(u, "odd number of items for DICT");
        }
        value = mpy_dict_new();
        for (ptrdiff_t i = 0; value != NULL && i < n; i += 2) {
            if (mpy_dict_set(value, items[i], items[i + 1]) < 0)
                MPY_CLEAR(value);
        }
    }
    drop_from(u, start);
    return push_take(u, value);
}

/* APPENDS / SETITEMS / ADDITEMS: the values above the mark go into the
 * container just below it. */
static int load_into(Unpickler *u, int op)
{
    size_t start;
    if (pop_mark(u, &start) < 0)
        return -1;
    if (start == 0 || start <= current_mark(u)) {
        drop_from(u, start);
        return unpickling_error(u, "unpickling stack underflow");
    }
    MpyObject *target = u->stack[start - 1];
    MpyObject **items = u->stack + start;
    size_t n = u->depth - start;
    int r = 0;
    if (op == PICKLE_APPENDS) {
        if (mpy_list_check_exact(target)) {
            for (size_t i = 0; i < n && r == 0; i++)
                r = mpy_list_append(target, items[i]);
        } else {
            MpyObject *list = mpy_list_from_array(items, (ptrdiff_t)n);
            MpyObject *res = list ? mpy_object_call_method_cstr(target, "extend", &list, 1) : NULL;
            r = res ? 0 : -1;
            MPY_XDECREF(res);
            MPY_XDECREF(list);
        }
    } else if (op == PICKLE_SETITEMS) {
        if (n % 2) {
            drop_from(u, start);
            return unpickling_error(u, "odd number of items for SETITEMS");
        }
        for (size_t i = 0; i < n && r == 0; i += 2)
            r = mpy_dict_check_exact(target) ? mpy_dict_set(target, items[i], items[i + 1])
                                             : mpy_object_setitem(target, items[i], items[i + 1]);
    } else {   // ADDITEMS
        for (size_t i = 0; i < n && r == 0; i++) {
            if (MPY_TYPE(target) == &mpy_set_type) {
                r = mpy_set_add(target, items[i]);
            } else {
                MpyObject *res = mpy_object_call_method_cstr(target, "add", &items[i], 1);
                r = res ? 0 : -1;
                MPY_XDECREF(res);
            }
        }
    }
    drop_from(u, start);
    return r;
}

static int load_append_one(Unpickler *u, int op)
{
    size_t mark = current_mark(u);
    size_t need = op == PICKLE_APPEND ? 2 : 3;
    if (u->depth < mark + need)
        return unpickling_error(u, "unpickling stack underflow");
    MpyObject *target = u->stack[u->depth - need];
    int r;
    if (op == PICKLE_APPEND) {
        MpyObject *item = u->stack[u->depth - 1];
        if (mpy_list_check_exact(target)) {
            r = mpy_list_append(target, item);
        } else {
            MpyObject *res = mpy_object_call_method_cstr(target, "append", &item, 1);
            r = res ? 0 : -1;
            MPY_XDECREF(res);
        }
    } else {
        r = mpy_object_setitem(target, u->stack[u->depth - 2], u->stack[u->depth - 1]);
    }
    drop_from(u, u->depth - need + 1);
    return r;
}

/* ------------------------------------------------------------------ */
/* Opcodes that call Python                                             */

/* find_class(module, name, protocol, fix_imports): pickle.py applies the
 * protocol's rules (Python 2 names below 3, dotted names from 4). */
static int load_global_pair(Unpickler *u, MpyObject *module, MpyObject *name)
{
    MpyObject *args[4] = {module, name, mpy_small_int(u->proto), mpy_bool_from(u->fix_imports)};
    return push_take(u, mpy_object_call(u->find_class, args, 4, NULL));
}

static int load_global(Unpickler *u)
{
    const char *line;
    size_t len;
    if (take_line(u, &line, &len) < 0)
        return -1;
    MpyObject *module = mpy_str_from_utf8(line, len);
    if (module == NULL)
        return -1;
    int r = take_line(u, &line, &len);
    MpyObject *name = r == 0 ? mpy_str_from_utf8(line, len) : NULL;
    r = name == NULL ? -1 : load_global_pair(u, module, name);
    MPY_DECREF(module);
    MPY_XDECREF(name);
    return r;
}

static int load_stack_global(Unpickler *u)
{
    MpyObject *name = pop(u);
    MpyObject *module = name ? pop(u) : NULL;
    int r = -1;
    if (module != NULL) {
        if (!mpy_str_check_exact(name) || !mpy_str_check_exact(module))
            unpickling_error(u, "STACK_GLOBAL requires str");
        else
            r = load_global_pair(u, module, name);
    }
    MPY_XDECREF(name);
    MPY_XDECREF(module);
    return r;
}

/* REDUCE: func(*args) replaces (func, args). */
static int load_reduce(Unpickler *u)
{
    MpyObject *args = pop(u);
    MpyObject *func = args ? pop(u) : NULL;
    int r = -1;
    if (func != NULL) {
        if (!mpy_tuple_check(args))
            unpickling_error(u, "REDUCE argument must be a tuple");
        else
            r = push_take(u, mpy_object_call(func, mpy_tuple_items(args),
                                             (size_t)mpy_tuple_size(args), NULL));
    }
    MPY_XDECREF(args);
    MPY_XDECREF(func);
    return r;
}

/* NEWOBJ / NEWOBJ_EX: cls.__new__(cls, *args, **kwargs). */
static int load_newobj(Unpickler *u, bool ex)
{
    MpyObject *kwargs = ex ? pop(u) : NULL;
    MpyObject *args = (!ex || kwargs) ? pop(u) : NULL;
    MpyObject *cls = args ? pop(u) : NULL;
    int r = -1;
    if (cls != NULL) {
        if (!mpy_type_check(cls))
            mpy__pickle_error(u->module, "UnpicklingError", "NEWOBJ class argument isn't a type object");
        else if (!mpy_tuple_check(args))
            unpickling_error(u, "NEWOBJ expected an arg tuple.");
        else if (ex && !mpy_dict_check(kwargs))
            unpickling_error(u, "NEWOBJ_EX args argument must be a dict");
        else {
            MpyObject *new = mpy_object_getattr_cstr(cls, "__new__");   // new reference
            MpyObject *full = NULL;
            if (new != NULL) {
                ptrdiff_t n = mpy_tuple_size(args);
                full = mpy_tuple_new(n + 1);
                if (full != NULL) {
                    mpy_tuple_init_take(full, 0, MPY_NEWREF(cls));
                    for (ptrdiff_t i = 0; i < n; i++)
                        mpy_tuple_init_take(full, i + 1, MPY_NEWREF(mpy_tuple_item(args, i)));
                    r = push_take(u, mpy_object_call_tuple(new, full, ex ? kwargs : NULL));
                }
            }
            MPY_XDECREF(new);
            MPY_XDECREF(full);
        }
    }
    MPY_XDECREF(kwargs);
    MPY_XDECREF(args);
    MPY_XDECREF(cls);
    return r;
}

/* Set attributes of `inst` from a dict (BUILD's state). */
static int set_attributes(MpyObject *inst, MpyObject *state)
{
    ptrdiff_t pos = 0;
    MpyObject *key, *value;
    MpyObject **dictptr = mpy_object_dict_ptr(inst);
    while (mpy_dict_next(state, &pos, &key, &value)) {
        int r;
        if (dictptr != NULL && mpy_str_check(key)) {
            if (*dictptr == NULL && (*dictptr = mpy_dict_new()) == NULL)
                return -1;
            r = mpy_dict_set(*dictptr, key, value);
        } else if (mpy_str_check(key)) {
            r = mpy_object_setattr(inst, key, value);
        } else {
            mpy_err_set(mpy_exc_TypeError, "attribute name must be string");
            r = -1;
        }
        if (r < 0)
            return -1;
    }
    return 0;
}

/* BUILD: inst.__setstate__(state), or update its __dict__ and slots. */
static int load_build(Unpickler *u)
{
    MpyObject *state = pop(u);
    if (state == NULL)
        return -1;
    MpyObject *inst = peek(u);
    int r = -1;
    if (inst == NULL)
        goto done;
    MpyObject *setstate = mpy_object_lookup_attr(inst, mpy_str_intern_cstr("__setstate__"));
    if (setstate != NULL) {
        MpyObject *res = mpy_object_call1(setstate, state);
        MPY_DECREF(setstate);
        r = res ? 0 : -1;
        MPY_XDECREF(res);
        goto done;
    }
    if (mpy_err_occurred())
        goto done;
    MpyObject *dict_state = state, *slot_state = NULL;
    if (mpy_tuple_check(state) && mpy_tuple_size(state) == 2) {
        dict_state = mpy_tuple_item(state, 0);
        slot_state = mpy_tuple_item(state, 1);
    }
    r = 0;
    if (dict_state != MPY_NONE) {
        if (!mpy_dict_check(dict_state)) {
            unpickling_error(u, "state is not a dictionary");
            r = -1;
        } else {
            r = set_attributes(inst, dict_state);
        }
    }
    if (r == 0 && slot_state != NULL && slot_state != MPY_NONE) {
        if (!mpy_dict_check(slot_state)) {
            unpickling_error(u, "slot state is not a dictionary");
            r = -1;
        } else {
            ptrdiff_t pos = 0;
            MpyObject *key, *value;
            while (r == 0 && mpy_dict_next(slot_state, &pos, &key, &value))
                r = mpy_object_setattr(inst, key, value);
        }
    }
done:
    MPY_DECREF(state);
    return r;
}

/* PERSID / BINPERSID: only pickle.Unpickler subclasses can resolve them. */
static int load_persid(Unpickler *u)
{
    return unpickling_error(u, "A load persistent id instruction was encountered, "
                               "but no persistent_load function was specified.");
}

/* ------------------------------------------------------------------ */
/* The loop                                                             */

static int load_memo_op(Unpickler *u, int op)
{
    uint64_t index;
    const char *line;
    size_t len;
    switch (op) {
    case PICKLE_MEMOIZE:
        index = u->memo_next;
        break;
    case PICKLE_BINPUT: case PICKLE_BINGET:
        if (take_uint(u, 1, &index) < 0)
            return -1;
        break;
    case PICKLE_LONG_BINPUT: case PICKLE_LONG_BINGET:
        if (take_uint(u, 4, &index) < 0)
            return -1;
        break;
    default: {   // PUT, GET: decimal text
        if (take_line(u, &line, &len) < 0)
            return -1;
        char tmp[32];
        if (len == 0 || len >= sizeof tmp)
            return unpickling_error(u, "invalid memo key");
        memcpy(tmp, line, len);
        tmp[len] = 0;
        char *end;
        long long v = strtoll(tmp, &end, 10);
        if (*end != 0)
            return unpickling_error(u, "invalid memo key");
        if (v < 0) {
            mpy_err_set(mpy_exc_ValueError, "negative PUT argument");
            return -1;
        }
        index = (uint64_t)v;
    }
    }
    if (op == PICKLE_GET || op == PICKLE_BINGET || op == PICKLE_LONG_BINGET)
        return memo_push(u, index);
    MpyObject *top = peek(u);
    if (top == NULL || memo_put(u, (size_t)index, top) < 0)
        return -1;
    if (op == PICKLE_MEMOIZE || index >= u->memo_next)
        u->memo_next = (size_t)index + 1;
    return 0;
}

static int load_pop(Unpickler *u, int op)
{
    if (op == PICKLE_POP_MARK) {
        size_t start;
        if (pop_mark(u, &start) < 0)
            return -1;
        drop_from(u, start);
        return 0;
    }
    if (u->depth > current_mark(u)) {
        MPY_DECREF(u->stack[--u->depth]);
        return 0;
    }
    if (u->nmarks > 0) {   // POP with only a mark on top removes the mark
        u->nmarks--;
        return 0;
    }
    return unpickling_error(u, "unpickling stack underflow");
}

static int invalid_key(Unpickler *u, int op)
{
    if (op >= 0x20 && op < 0x7f)
        mpy__pickle_error(u->module, "UnpicklingError", "invalid load key, '%c'.", op);
    else
        mpy__pickle_error(u->module, "UnpicklingError", "invalid load key, '\\x%02x'.", op);
    return -1;
}

/* Execute one opcode.  Returns 0, 1 at STOP, -1 on error. */
static int step(Unpickler *u, int op)
{
    const unsigned char *p;
    uint64_t v;
    switch (op) {
    case PICKLE_BININT1: case PICKLE_BININT2: case PICKLE_BININT:
        if (take_uint(u, op == PICKLE_BININT1 ? 1 : op == PICKLE_BININT2 ? 2 : 4, &v) < 0)
            return -1;
        return push_take(u, mpy_int_from_long(op == PICKLE_BININT ? (long long)(int32_t)v : (long long)v));
    case PICKLE_MEMOIZE: case PICKLE_BINPUT: case PICKLE_LONG_BINPUT: case PICKLE_PUT:
    case PICKLE_BINGET: case PICKLE_LONG_BINGET: case PICKLE_GET:
        return load_memo_op(u, op);
    case PICKLE_SHORT_BINUNICODE: return load_sized(u, 1, 'u');
    case PICKLE_BINUNICODE: return load_sized(u, 4, 'u');
    case PICKLE_BINUNICODE8: return load_sized(u, 8, 'u');
    case PICKLE_SHORT_BINBYTES: return load_sized(u, 1, 'b');
    case PICKLE_BINBYTES: return load_sized(u, 4, 'b');
    case PICKLE_BINBYTES8: return load_sized(u, 8, 'b');
    case PICKLE_BYTEARRAY8: return load_sized(u, 8, 'a');
    case PICKLE_SHORT_BINSTRING: return load_sized(u, 1, 'S');
    case PICKLE_BINSTRING: return load_sized(u, 4, 'S');
    case PICKLE_MARK: return push_mark(u);
    case PICKLE_APPENDS: case PICKLE_SETITEMS: case PICKLE_ADDITEMS: return load_into(u, op);
    case PICKLE_APPEND: case PICKLE_SETITEM: return load_append_one(u, op);
    case PICKLE_BINFLOAT: return load_binfloat(u);
    case PICKLE_TUPLE1: return load_tuple_n(u, 1);
    case PICKLE_TUPLE2: return load_tuple_n(u, 2);
    case PICKLE_TUPLE3: return load_tuple_n(u, 3);
    case PICKLE_TUPLE: case PICKLE_LIST: case PICKLE_DICT: case PICKLE_FROZENSET:
        return load_marked(u, op);
    case PICKLE_EMPTY_TUPLE: return push_take(u, mpy_tuple_empty());
    case PICKLE_EMPTY_LIST: return push_take(u, mpy_list_new(0));
    case PICKLE_EMPTY_DICT: return push_take(u, mpy_dict_new());
    case PICKLE_EMPTY_SET: return push_take(u, mpy_set_new(NULL));
    case PICKLE_NONE: return push_take(u, MPY_NEWREF(MPY_NONE));
    case PICKLE_NEWTRUE: return push_take(u, MPY_NEWREF(MPY_TRUE));
    case PICKLE_NEWFALSE: return push_take(u, MPY_NEWREF(MPY_FALSE));
    case PICKLE_LONG1: return load_long_n(u, 1);
    case PICKLE_LONG4: return load_long_n(u, 4);
    case PICKLE_INT: case PICKLE_LONG: case PICKLE_FLOAT: return load_text_number(u, op);
    case PICKLE_UNICODE: return load_unicode(u);
    case PICKLE_STRING: return load_string(u);
    case PICKLE_GLOBAL: return load_global(u);
    case PICKLE_STACK_GLOBAL: return load_stack_global(u);
    case PICKLE_REDUCE: return load_reduce(u);
    case PICKLE_NEWOBJ: return load_newobj(u, false);
    case PICKLE_NEWOBJ_EX: return load_newobj(u, true);
    case PICKLE_BUILD: return load_build(u);
    case PICKLE_POP: case PICKLE_POP_MARK: return load_pop(u, op);
    case PICKLE_DUP: {
        MpyObject *top = peek(u);
        return top == NULL ? -1 : push_take(u, MPY_NEWREF(top));
    }
    case PICKLE_PERSID: case PICKLE_BINPERSID: return load_persid(u);
    case PICKLE_FRAME:   // frames only matter to readers of files
        if (take_uint(u, 8, &v) < 0)
            return -1;
        return v > u->size - u->pos ? truncated(u) : 0;
    case PICKLE_PROTO:
        if (take(u, 1, &p) < 0)
            return -1;
        if (p[0] > MPY_PICKLE_HIGHEST_PROTOCOL) {
            mpy_err_format(mpy_exc_ValueError, "unsupported pickle protocol: %d", p[0]);
            return -1;
        }
        u->proto = p[0];
        return 0;
    case PICKLE_STOP:
        return 1;
    default:
        // INST, OBJ, EXT*, NEXT_BUFFER... are left to pickle.py's Unpickler.
        if (op == PICKLE_INST || op == PICKLE_OBJ || op == PICKLE_EXT1 || op == PICKLE_EXT2 ||
            op == PICKLE_EXT4 || op == PICKLE_NEXT_BUFFER || op == PICKLE_READONLY_BUFFER) {
            mpy_err_set(mpy_exc_NotImplementedError, "_pickle: opcode needs pickle.Unpickler");
            return -1;
        }
        return invalid_key(u, op);
    }
}

static MpyObject *run(Unpickler *u)
{
    if (u->size == 0) {
        mpy_err_set(mpy_exc_EOFError, "Ran out of input");
        return NULL;
    }
    for (;;) {
        if (u->pos >= u->size) {
            truncated(u);
            return NULL;
        }
        int r = step(u, u->data[u->pos++]);
        if (r < 0)
            return NULL;
        if (r == 1)
            break;
    }
    if (u->nmarks > 0) {
        unpickling_error(u, "unexpected MARK found");
        return NULL;
    }
    MpyObject *value = pop(u);
    return value;
}

/* loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict",
 * buffers=()), as CPython's _pickle.loads (out-of-band buffers are left
 * to pickle.Unpickler: NotImplementedError). */
MpyObject *mpy__pickle_loads(MpyObject *module, MpyObject *const *args, size_t nargs,
                             MpyObject *kwnames)
{
    static const char *const kwlist[] = {"data", "$fix_imports", "$encoding", "$errors",
                                         "$buffers", NULL};
    MpyObject *a[5];
    if (mpy_arg_parse("loads", args, nargs, kwnames, kwlist, 1, a) < 0)
        return NULL;
    MpyObject *data = a[0];
    // bytes only: a bytearray could change under us while Python code runs.
    if (!mpy_bytes_check(data))
        return mpy_err_format(mpy_exc_TypeError, "a bytes-like object is required, not '%T'", data);
    Unpickler u = {.module = module, .encoding = "ASCII", .errors = "strict", .fix_imports = true};
    int fix_imports = a[1] == NULL ? 1 : mpy_object_is_true(a[1]);
    if (fix_imports < 0)
        return NULL;
    u.fix_imports = fix_imports != 0;
    if ((a[2] != NULL && !mpy_str_check(a[2])) || (a[3] != NULL && !mpy_str_check(a[3])))
        return mpy_err_format(mpy_exc_TypeError, "loads: encoding and errors must be str");
    if (a[2] != NULL)
        u.encoding = mpy_str_utf8(a[2]);
    if (a[3] != NULL)
        u.errors = mpy_str_utf8(a[3]);
    u.find_class = mpy__pickle_hook(module, "_find_class");
    if (u.find_class == NULL)
        return NULL;
    u.data = (const unsigned char *)mpy_bytes_data(data);
    u.size = (size_t)mpy_bytes_size(data);
    // Keep the data alive even if a callback drops the caller's reference.
    MPY_INCREF(data);
    MpyObject *result = run(&u);
    MPY_DECREF(data);
    MPY_DECREF(u.find_class);
    drop_from(&u, 0);
    free(u.stack);
    free(u.marks);
    for (size_t i = 0; i < u.memo_cap; i++)
        MPY_XDECREF(u.memo[i]);
    free(u.memo);
    return result;
}
