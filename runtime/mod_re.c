/* runtime/mod_re.c: the _re module: compiled patterns and the matcher.
 *
 * Stands in for CPython's Modules/_sre (sre.c): re.py compiles patterns
 * with _re.compile() and asks the resulting Program object for matches;
 * the Pattern and Match classes themselves are Python (runtime/lib/re).
 *
 * The matcher is a backtracking machine over the instructions of
 * mod_re.h.  Choices (RE_SPLIT) push the alternative on an explicit stack,
 * together with "undo" entries for every capture or loop register they
 * change; failing pops the stack, undoing changes, until the most recent
 * alternative.  Lookarounds and atomic groups run their sub-program as a
 * nested match (a barrier on the stack separates it); only those nest in
 * C, so deep repetition never exhausts the C stack.
 *
 * The subject string is decoded to code points once and cached on the
 * Program, so that repeated searches over one string stay linear;
 * scan() and findall() run the whole "next match" loop in C.
 */
#include "runtime/mod_re.h"

#include "gil/critical.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/bytes.h"
#include "runtime/descr.h"
#include "runtime/error.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "runtime/unicode.h"

/* ------------------------------------------------------------------ */
/* The machine                                                          */

enum { BT_BARRIER, BT_BRANCH, BT_RESTORE_CAP, BT_RESTORE_REG };

typedef struct {
    int32_t kind;
    int32_t index;      /* BRANCH: pc; RESTORE_*: slot or register */
    ptrdiff_t value;    /* BRANCH: position; RESTORE_*: the old value */
} BtEntry;

typedef struct {
    const MpyReProgram *prog;
    const uint32_t *text;
    ptrdiff_t end;      /* endpos: the text is text[0..end) */
    ptrdiff_t *caps;    /* 2 * (ngroups + 1) slots, then lastindex */
    size_t ncaps;
    ptrdiff_t *regs;
    BtEntry *stack;
    size_t sp, cap;
    bool ascii;
    bool oom;
    /* After an empty match at position p, the next search must not find
     * the same empty match again: reject_empty_at is p (else -1), and
     * start_at the start of the attempt being run. */
    ptrdiff_t reject_empty_at;
    ptrdiff_t start_at;
} Machine;

static bool push(Machine *m, int32_t kind, int32_t index, ptrdiff_t value)
{
    if (m->sp == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 256;
        BtEntry *s = realloc(m->stack, cap * sizeof(BtEntry));
        if (s == NULL) {
            m->oom = true;
            return false;
        }
        m->stack = s;
        m->cap = cap;
    }
    m->stack[m->sp++] = (BtEntry){kind, index, value};
    return true;
}

static bool is_word_at(Machine *m, ptrdiff_t i)
{
    return i >= 0 && i < m->end && mpy__re_is_word(m->text[i], m->ascii);
}

/* After a nested match succeeded, its undo entries are gone: record the
 * captures it changed so that backtracking in the outer match undoes them. */
static bool keep_nested_captures(Machine *m, const ptrdiff_t *before)
{
    for (size_t i = 0; i < m->ncaps; i++) {
        if (m->caps[i] != before[i] && !push(m, BT_RESTORE_CAP, (int32_t)i, before[i]))
            return false;
    }
    return true;
}

/* How a run ends: RUN_FULL only succeeds at the end of the text; RUN_TOP
 * marks the outermost match (not a lookaround or atomic group). */
enum { RUN_FULL = 1, RUN_TOP = 2 };

static ptrdiff_t run(Machine *m, size_t pc, ptrdiff_t pos, int how);

/* A nested match of code[start..) at pos; the captures it sets are kept
 * (and made undoable).  Returns its end, -1 if it fails, -2 on error. */
static ptrdiff_t run_nested(Machine *m, size_t start, ptrdiff_t pos, bool keep)
{
    ptrdiff_t *before = malloc(m->ncaps * sizeof(ptrdiff_t));
    if (before == NULL) {
        m->oom = true;
        return -2;
    }
    memcpy(before, m->caps, m->ncaps * sizeof(ptrdiff_t));
    ptrdiff_t r = run(m, start, pos, 0);
    if (r >= 0 && keep) {
        if (!keep_nested_captures(m, before))
            r = -2;
    } else if (r >= 0) {
        memcpy(m->caps, before, m->ncaps * sizeof(ptrdiff_t));
    }
    free(before);
    return r;
}

/* Match code[pc..) at pos (`how`: RUN_* bits).
 * Returns the end position, -1 for no match, -2 on error (out of memory). */
static ptrdiff_t run(Machine *m, size_t pc, ptrdiff_t pos, int how)
{
    const int32_t *code = m->prog->code;
    const uint32_t *text = m->text;
    size_t base = m->sp;
    if (!push(m, BT_BARRIER, 0, 0))
        return -2;
    for (;;) {
        switch (code[pc]) {
        case RE_MATCH:
            if ((how & RUN_FULL) && pos != m->end)
                goto fail;
            if ((how & RUN_TOP) && pos == m->reject_empty_at && m->start_at == pos)
                goto fail;
            m->sp = base;
            return pos;
        case RE_CHAR:
            if (pos >= m->end || text[pos] != (uint32_t)code[pc + 1])
                goto fail;
            pos++;
            pc += 2;
            break;
        case RE_CHAR_I:
            if (pos >= m->end || mpy__re_fold(text[pos], m->ascii) != (uint32_t)code[pc + 1])
                goto fail;
            pos++;
            pc += 2;
            break;
        case RE_ANY:
            if (pos >= m->end || text[pos] == '\n')
                goto fail;
            pos++;
            pc += 1;
            break;
        case RE_ANY_ALL:
            if (pos >= m->end)
                goto fail;
            pos++;
            pc += 1;
            break;
        case RE_CLASS:
            if (pos >= m->end || !mpy__re_class_match(&m->prog->classes[code[pc + 1]], text[pos]))
                goto fail;
            pos++;
            pc += 2;
            break;
        case RE_AT_BEGIN:
            if (pos != 0)
                goto fail;
            pc += 1;
            break;
        case RE_AT_BEGIN_LINE:
            if (pos != 0 && text[pos - 1] != '\n')
                goto fail;
            pc += 1;
            break;
        case RE_AT_END:
            if (!(pos == m->end || (pos == m->end - 1 && text[pos] == '\n')))
                goto fail;
            pc += 1;
            break;
        case RE_AT_END_LINE:
            if (pos != m->end && text[pos] != '\n')
                goto fail;
            pc += 1;
            break;
        case RE_AT_END_STRING:
            if (pos != m->end)
                goto fail;
            pc += 1;
            break;
        case RE_WORD_BOUNDARY:
        case RE_NOT_WORD_BOUNDARY: {
            bool boundary = is_word_at(m, pos - 1) != is_word_at(m, pos);
            if (boundary != (code[pc] == RE_WORD_BOUNDARY))
                goto fail;
            pc += 1;
            break;
        }
        case RE_SPLIT:
            if (!push(m, BT_BRANCH, code[pc + 2], pos))
                return -2;
            pc = (size_t)code[pc + 1];
            break;
        case RE_JUMP:
            pc = (size_t)code[pc + 1];
            break;
        case RE_SAVE: {
            int32_t slot = code[pc + 1];
            if (!push(m, BT_RESTORE_CAP, slot, m->caps[slot]))
                return -2;
            m->caps[slot] = pos;
            if (slot & 1) {
                /* A group closed: it is now the last matched group. */
                size_t last = m->ncaps - 1;
                if (!push(m, BT_RESTORE_CAP, (int32_t)last, m->caps[last]))
                    return -2;
                m->caps[last] = slot / 2;
            }
            pc += 2;
            break;
        }
        case RE_BACKREF: {
            int32_t g = code[pc + 1];
            bool ic = code[pc + 2] != 0;
            ptrdiff_t s = m->caps[2 * g], e = m->caps[2 * g + 1];
            if (s < 0 || e < 0)
                goto fail;
            if (pos + (e - s) > m->end)
                goto fail;
            for (ptrdiff_t k = 0; k < e - s; k++) {
                uint32_t a = text[s + k], b = text[pos + k];
                if (a != b && !(ic && mpy__re_fold(a, m->ascii) == mpy__re_fold(b, m->ascii)))
                    goto fail;
            }
            pos += e - s;
            pc += 3;
            break;
        }
        case RE_ASSERT: {
            int32_t kind = code[pc + 1];
            size_t start = (size_t)code[pc + 2], next = (size_t)code[pc + 3];
            ptrdiff_t width = code[pc + 4];
            bool positive = kind == RE_LOOKAHEAD || kind == RE_LOOKBEHIND;
            bool behind = kind == RE_LOOKBEHIND || kind == RE_NEG_LOOKBEHIND;
            /* A lookbehind has a fixed width: it runs from pos - width and,
             * matching that many code points, ends exactly at pos. */
            ptrdiff_t at = behind ? pos - width : pos;
            bool ok = false;
            if (at >= 0) {
                ptrdiff_t r = run_nested(m, start, at, positive);
                if (r == -2)
                    return -2;
                ok = r >= 0;
            }
            if (ok != positive)
                goto fail;
            pc = next;
            break;
        }
        case RE_ATOMIC: {
            ptrdiff_t r = run_nested(m, (size_t)code[pc + 1], pos, true);
            if (r == -2)
                return -2;
            if (r < 0)
                goto fail;
            pos = r;
            pc = (size_t)code[pc + 2];
            break;
        }
        case RE_GROUP_EXISTS: {
            int32_t g = code[pc + 1];
            if (m->caps[2 * g] >= 0 && m->caps[2 * g + 1] >= 0)
                pc += 3;
            else
                pc = (size_t)code[pc + 2];
            break;
        }
        case RE_LOOP_MARK: {
            int32_t reg = code[pc + 1];
            if (!push(m, BT_RESTORE_REG, reg, m->regs[reg]))
                return -2;
            m->regs[reg] = pos;
            pc += 2;
            break;
        }
        case RE_LOOP_NEXT:
            /* An iteration that matched nothing ends the loop. */
            pc = pos != m->regs[code[pc + 1]] ? (size_t)code[pc + 2] : (size_t)code[pc + 3];
            break;
        default:
            mpy_err_format(mpy_exc_SystemError, "re: bad instruction %d", (int)code[pc]);
            return -2;
        }
        continue;
    fail:
        for (;;) {
            BtEntry e = m->stack[--m->sp];
            if (e.kind == BT_BRANCH) {
                pc = (size_t)e.index;
                pos = e.value;
                break;
            }
            if (e.kind == BT_RESTORE_CAP) {
                m->caps[e.index] = e.value;
            } else if (e.kind == BT_RESTORE_REG) {
                m->regs[e.index] = e.value;
            } else {
                /* The barrier: no alternative left. */
                m->sp = base;
                return -1;
            }
        }
    }
}

/* ------------------------------------------------------------------ */
/* The Program object                                                   */

typedef struct {
    MpyObject ob_base;
    MpyReProgram prog;
    bool is_bytes;
    /* The last subject, decoded (a strong reference keeps it unchanged). */
    MpyObject *cached;
    uint32_t *text;
    ptrdiff_t textlen;
    /* Scratch space reused from match to match. */
    ptrdiff_t *caps;
    ptrdiff_t *regs;
    BtEntry *stack;
    size_t stack_cap;
} ProgramObject;

extern MpyType mpy_re_program_type;

static void program_dealloc(MpyObject *self)
{
    ProgramObject *po = (ProgramObject *)self;
    mpy_gc_untrack(self);
    mpy__re_program_free(&po->prog);
    MPY_CLEAR(po->cached);
    free(po->text);
    free(po->caps);
    free(po->regs);
    free(po->stack);
    mpy_object_free(self);
}

static int program_traverse(MpyObject *self, MpyVisitFunc visit, void *arg)
{
    ProgramObject *po = (ProgramObject *)self;
    MPY_VISIT(po->prog.groupindex);
    MPY_VISIT(po->cached);
    return 0;
}

/* The bytes of a bytes or bytearray object (their layouts differ). */
static const unsigned char *byte_buffer(MpyObject *o, size_t *n)
{
    if (mpy_bytearray_check(o)) {
        MpyByteArrayObject *ba = (MpyByteArrayObject *)o;
        *n = (size_t)ba->size;
        return ba->data ? (const unsigned char *)ba->data : (const unsigned char *)"";
    }
    *n = (size_t)mpy_bytes_size(o);
    return (const unsigned char *)mpy_bytes_data(o);
}

/* The code points of a str, or the bytes of a bytes object.  NULL with
 * MemoryError, or with TypeError for other types. */
static uint32_t *decode(MpyObject *s, ptrdiff_t *len, bool *is_bytes)
{
    if (mpy_str_check(s)) {
        ptrdiff_t n = mpy_str_length(s);
        uint32_t *out = malloc(((size_t)n + 1) * sizeof(uint32_t));
        if (out == NULL) {
            mpy_err_no_memory();
            return NULL;
        }
        const unsigned char *p = (const unsigned char *)mpy_str_utf8(s);
        for (ptrdiff_t i = 0; i < n; i++) {
            if (*p < 0x80) {
                out[i] = *p++;
            } else {
                int k;
                out[i] = mpy_utf8_decode((const char *)p, &k);
                p += k;
            }
        }
        *len = n;
        *is_bytes = false;
        return out;
    }
    if (mpy_bytes_check(s) || mpy_bytearray_check(s)) {
        size_t size;
        const unsigned char *p = byte_buffer(s, &size);
        ptrdiff_t n = (ptrdiff_t)size;
        uint32_t *out = malloc(((size_t)n + 1) * sizeof(uint32_t));
        if (out == NULL) {
            mpy_err_no_memory();
            return NULL;
        }
        for (ptrdiff_t i = 0; i < n; i++)
            out[i] = p[i];
        *len = n;
        *is_bytes = true;
        return out;
    }
    mpy_err_format(mpy_exc_TypeError, "expected string or bytes-like object, got '%T'", s);
    return NULL;
}

/* _re.compile(pattern, flags) -> Program, or ('error', msg, pos). */
static MpyObject *re_compile(MpyObject *m, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    if (mpy_arg_check_positional("compile", nargs, 2, 2) < 0)
        return NULL;
    long long flags = mpy_int_as_long(args[1]);
    if (flags == -1 && mpy_err_occurred())
        return NULL;
    ptrdiff_t len;
    bool is_bytes;
    uint32_t *pat = decode(args[0], &len, &is_bytes);
    if (pat == NULL)
        return NULL;
    ProgramObject *po = (ProgramObject *)mpy_object_alloc(&mpy_re_program_type);
    if (po == NULL) {
        free(pat);
        return NULL;
    }
    char msg[300];
    ptrdiff_t errpos;
    int r = mpy__re_compile(pat, (size_t)len, (int)flags, is_bytes, &po->prog, msg, sizeof msg, &errpos);
    free(pat);
    po->is_bytes = is_bytes;
    mpy_gc_track((MpyObject *)po);
    if (r == 0) {
        size_t ncaps = 2 * ((size_t)po->prog.ngroups + 1) + 1;
        po->caps = malloc(ncaps * sizeof(ptrdiff_t));
        po->regs = malloc(((size_t)po->prog.nregs + 1) * sizeof(ptrdiff_t));
        if (po->caps == NULL || po->regs == NULL) {
            MPY_DECREF(po);
            return mpy_err_no_memory();
        }
        return (MpyObject *)po;
    }
    MPY_DECREF(po);
    if (r == -2)
        return NULL;
    MpyObject *text = mpy_str_from_cstr(msg);
    MpyObject *where = errpos >= 0 ? mpy_int_from_ssize(errpos) : MPY_NEWREF(MPY_NONE);
    MpyObject *tag = mpy_str_from_cstr("error");
    MpyObject *res = text && where && tag ? mpy_tuple_pack(3, tag, text, where) : NULL;
    MPY_XDECREF(text);
    MPY_XDECREF(where);
    MPY_XDECREF(tag);
    return res;
}

/* Make `string` the decoded subject.  Returns 0 / -1. */
static int load_subject(ProgramObject *po, MpyObject *string)
{
    if (string == po->cached)
        return 0;
    ptrdiff_t len;
    bool is_bytes;
    uint32_t *text = decode(string, &len, &is_bytes);
    if (text == NULL)
        return -1;
    if (is_bytes != po->is_bytes) {
        free(text);
        mpy_err_format(mpy_exc_TypeError, po->is_bytes
                       ? "cannot use a bytes pattern on a string-like object"
                       : "cannot use a string pattern on a bytes-like object");
        return -1;
    }
    free(po->text);
    po->text = text;
    po->textlen = len;
    MPY_SETREF(po->cached, MPY_NEWREF(string));
    return 0;
}

/* Clamp pos/endpos as CPython does.  Returns 0, 1 if the range is empty
 * (endpos < pos), -1 on error. */
static int read_range(ProgramObject *po, MpyObject *pos_obj, MpyObject *end_obj,
                      ptrdiff_t *pos, ptrdiff_t *endpos)
{
    *pos = mpy_number_as_ssize(pos_obj, NULL);
    if (*pos == -1 && mpy_err_occurred())
        return -1;
    *endpos = end_obj == MPY_NONE ? po->textlen : mpy_number_as_ssize(end_obj, NULL);
    if (*endpos == -1 && mpy_err_occurred())
        return -1;
    if (*pos < 0)
        *pos = 0;
    if (*pos > po->textlen)
        *pos = po->textlen;
    if (*endpos > po->textlen)
        *endpos = po->textlen;
    return *endpos < *pos ? 1 : 0;
}

/* One attempt: mode 0 match, 1 search, 2 fullmatch, 3 search that may
 * not return an empty match at pos.  On success po->caps holds the spans
 * (caps[0], caps[1] the whole match).  Returns 1 found, 0 not, -1 error. */
static int find(ProgramObject *po, ptrdiff_t pos, ptrdiff_t endpos, int mode)
{
    const MpyReProgram *prog = &po->prog;
    Machine m = {0};
    m.prog = prog;
    m.text = po->text;
    m.end = endpos;
    m.ncaps = 2 * ((size_t)prog->ngroups + 1) + 1;
    m.ascii = (prog->flags & MPY_RE_ASCII) != 0 || po->is_bytes;
    m.caps = po->caps;
    m.regs = po->regs;
    m.stack = po->stack;
    m.cap = po->stack_cap;
    ptrdiff_t found = -1, start = pos;
    int32_t first = prog->code[0];
    bool search = mode == 1 || mode == 3;
    m.reject_empty_at = mode == 3 ? pos : -1;
    for (; start <= endpos; start++) {
        if (search && start > pos) {
            /* Cheap rejections for search. */
            if (first == RE_AT_BEGIN)
                break;
            if (first == RE_CHAR) {
                while (start < endpos && m.text[start] != (uint32_t)prog->code[1])
                    start++;
                if (start >= endpos)
                    break;
            }
        }
        for (size_t i = 0; i < m.ncaps; i++)
            m.caps[i] = -1;
        for (int i = 0; i < prog->nregs; i++)
            m.regs[i] = -1;
        m.start_at = start;
        found = run(&m, 0, start, RUN_TOP | (mode == 2 ? RUN_FULL : 0));
        if (found != -1 || !search)
            break;
    }
    po->stack = m.stack;
    po->stack_cap = m.cap;
    if (found == -2) {
        if (!mpy_err_occurred())
            mpy_err_no_memory();
        return -1;
    }
    if (found < 0)
        return 0;
    m.caps[0] = start;
    m.caps[1] = found;
    return 1;
}

static MpyObject *spans_tuple(ProgramObject *po)
{
    size_t ncaps = 2 * ((size_t)po->prog.ngroups + 1) + 1;
    MpyObject *result = mpy_tuple_new((ptrdiff_t)ncaps);
    for (size_t i = 0; result != NULL && i < ncaps; i++) {
        MpyObject *v = mpy_int_from_ssize(po->caps[i]);
        if (v == NULL) {
            MPY_CLEAR(result);
            break;
        }
        mpy_tuple_init_take(result, (ptrdiff_t)i, v);
    }
    return result;
}

/* Program.match(string, pos, endpos, mode) -> None or the span tuple
 * (start0, end0, start1, end1, ..., lastindex).  Unset groups are -1. */
static MpyObject *program_match_impl(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    ProgramObject *po = (ProgramObject *)self;
    if (mpy_arg_check_positional("match", nargs, 4, 4) < 0 || load_subject(po, args[0]) < 0)
        return NULL;
    ptrdiff_t pos, endpos;
    int empty = read_range(po, args[1], args[2], &pos, &endpos);
    if (empty < 0)
        return NULL;
    if (empty)
        return MPY_RETURN_NONE;
    long long mode = mpy_int_as_long(args[3]);
    if (mode == -1 && mpy_err_occurred())
        return NULL;
    int r = find(po, pos, endpos, (int)mode);
    if (r < 0)
        return NULL;
    return r ? spans_tuple(po) : MPY_RETURN_NONE;
}

/* The text of code points [s, e) of the subject, as the subject's type. */
static MpyObject *piece(ProgramObject *po, ptrdiff_t s, ptrdiff_t e)
{
    if (s < 0 || e < 0)
        s = e = 0;
    if (po->is_bytes) {
        size_t n;
        const unsigned char *data = byte_buffer(po->cached, &n);
        return mpy_bytes_from((const char *)data + s, (size_t)(e - s));
    }
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    for (ptrdiff_t i = s; i < e; i++) {
        if (mpy_sb_append_char(&sb, po->text[i]) < 0) {
            mpy_sb_discard(&sb);
            return NULL;
        }
    }
    return mpy_sb_finish(&sb);
}

/* Successive non-overlapping matches: after an empty match the next
 * search may not be empty at the same place (x* on 'ab': 0, 1 and 2).
 * `each` turns po->caps into an item of the result list. */
static MpyObject *scan(ProgramObject *po, MpyObject *const *args, size_t nargs,
                       MpyObject *(*each)(ProgramObject *))
{
    if (mpy_arg_check_positional("scan", nargs, 3, 3) < 0 || load_subject(po, args[0]) < 0)
        return NULL;
    ptrdiff_t pos, endpos;
    int empty = read_range(po, args[1], args[2], &pos, &endpos);
    if (empty < 0)
        return NULL;
    MpyObject *list = mpy_list_new(0);
    if (list == NULL || empty)
        return list;
    bool must_advance = false;
    while (pos <= endpos) {
        int r = find(po, pos, endpos, must_advance ? 3 : 1);
        if (r <= 0) {
            if (r < 0)
                MPY_CLEAR(list);
            break;
        }
        MpyObject *item = each(po);
        if (item == NULL || mpy_list_append_take(list, item) < 0) {
            MPY_CLEAR(list);
            break;
        }
        must_advance = po->caps[0] == po->caps[1];
        pos = po->caps[1];
    }
    return list;
}

static MpyObject *findall_item(ProgramObject *po)
{
    int groups = po->prog.ngroups;
    if (groups == 0)
        return piece(po, po->caps[0], po->caps[1]);
    if (groups == 1)
        return piece(po, po->caps[2], po->caps[3]);
    MpyObject *t = mpy_tuple_new(groups);
    for (int g = 1; t != NULL && g <= groups; g++) {
        MpyObject *text = piece(po, po->caps[2 * g], po->caps[2 * g + 1]);
        if (text == NULL) {
            MPY_CLEAR(t);
            break;
        }
        mpy_tuple_init_take(t, g - 1, text);
    }
    return t;
}

/* Program.scan(string, pos, endpos) -> list of span tuples (as match()). */
static MpyObject *program_scan_impl(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    return scan((ProgramObject *)self, args, nargs, spans_tuple);
}

/* Program.findall(string, pos, endpos) -> list, as Pattern.findall. */
static MpyObject *program_findall_impl(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    return scan((ProgramObject *)self, args, nargs, findall_item);
}

static MpyObject *program_get_groups(MpyObject *self, void *c)
{
    return mpy_int_from_long(((ProgramObject *)self)->prog.ngroups);
}

static MpyObject *program_get_groupindex(MpyObject *self, void *c)
{
    return MPY_NEWREF(((ProgramObject *)self)->prog.groupindex);
}

static MpyObject *program_get_flags(MpyObject *self, void *c)
{
    return mpy_int_from_long(((ProgramObject *)self)->prog.flags);
}

/* A Program keeps its decoded subject and scratch buffers between calls,
 * so in the free-threaded build each call runs in a critical section on
 * it (threads sharing a compiled pattern take turns); in the GIL build
 * the macros are plain braces. */
#define LOCKED_METHOD(name)                                                                 \
    static MpyObject *name(MpyObject *self, MpyObject *const *args, size_t nargs,          \
                           MpyObject *kw)                                                  \
    {                                                                                       \
        MpyObject *result;                                                                  \
        MPY_BEGIN_CRITICAL(self);                                                           \
        result = name##_impl(self, args, nargs, kw);                                        \
        MPY_END_CRITICAL();                                                                 \
        return result;                                                                      \
    }

LOCKED_METHOD(program_match)
LOCKED_METHOD(program_scan)
LOCKED_METHOD(program_findall)

static const MpyMethodDef program_methods[] = {
    {"match", program_match, MPY_METH_FASTCALL,
     "match(string, pos, endpos, mode) -> None or the tuple of group spans."},
    {"scan", program_scan, MPY_METH_FASTCALL,
     "scan(string, pos, endpos) -> list of the span tuples of all matches."},
    {"findall", program_findall, MPY_METH_FASTCALL,
     "findall(string, pos, endpos) -> list, as Pattern.findall."},
    {NULL},
};

static const MpyGetSetDef program_getset[] = {
    {"groups", program_get_groups, NULL, "number of capturing groups", NULL},
    {"groupindex", program_get_groupindex, NULL, "dict: group name -> number", NULL},
    {"flags", program_get_flags, NULL, "the flags, with the inline ones", NULL},
    {NULL},
};

MpyType mpy_re_program_type = {
    .ob_base = MPY_STATIC_HEAD(&mpy_type_type),
    .name = "_re.Program",
    .doc = "A compiled regular expression (use re.compile).",
    .basicsize = sizeof(ProgramObject),
    .flags = MPY_TPFLAGS_HAVE_GC | MPY_TPFLAGS_DISALLOW_INSTANTIATION,
    .dealloc = program_dealloc,
    .traverse = program_traverse,
    .methods = program_methods,
    .getset = program_getset,
};

static const MpyMethodDef re_methods[] = {
    {"compile", re_compile, MPY_METH_FASTCALL,
     "compile(pattern, flags) -> Program, or ('error', message, position)."},
    {NULL},
};

static int re_exec(MpyObject *module)
{
    if (mpy_type_ready(&mpy_re_program_type) < 0)
        return -1;
    return mpy_module_add_type(module, &mpy_re_program_type);
}

const MpyModuleDef mpy__re_module_def = {
    "_re", "minipy's regular expression engine (used by re).", re_methods, re_exec, 1,
};
