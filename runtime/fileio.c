/* runtime/fileio.c: file objects over POSIX descriptors.
 *
 * Models Modules/_io (FileIO + BufferedReader/Writer + TextIOWrapper) in a
 * single implementation: a descriptor, a write buffer flushed when full,
 * at newlines (line-buffered streams: terminals, stderr) or on flush/close,
 * and a read buffer.  Text files decode/encode through runtime/codecs.c;
 * reading text translates "\r\n" and "\r" to "\n" (universal newlines).
 * Blocking reads and writes release the GIL (gil/gil.h).  A write to a
 * closed pipe raises BrokenPipeError, which the interpreter silences at
 * exit like CPython does for `python3 script.py | head -1`.
 */
#include "runtime/fileio.h"
#include "vm/eval.h"
#include <stdio.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gil/gil.h"
#include "runtime/bytes.h"
#include "runtime/descr.h"
#include "runtime/error.h"
#include "runtime/import.h"
#include "runtime/int.h"
#include "runtime/list.h"
#include "runtime/str.h"
#include "runtime/str_impl.h"
#include "runtime/tuple.h"

#define WBUF_SIZE 8192
#define RBUF_SIZE 8192

typedef struct FileObject {
    MpyObject ob_base;
    int fd;
    bool readable, writable, binary, closefd, closed, line_buffered, eof, seekable_known;
    bool write_through;             /* -u: every write goes to the descriptor */
    bool pending_cr;          /* text read: last chunk ended in \r */
    bool keep_newlines;       /* text read: newline= given, no "\r\n" -> "\n" */
    const char *write_newline; /* text write: "\n" becomes this (newline="\r\n"), or NULL */
    MpyObject *name;
    MpyObject *mode;
    MpyObject *encoding;      /* str, text files only */
    char errors[24];          /* open()'s errors= ("" = "strict") */
    MpyObject *buffer;        /* text files: the binary file below (lazily) */
    MpyObject *dict;
    char *wbuf;
    size_t wlen;
    char *rbuf;
    size_t rpos, rlen, rcap;
} FileObject;

bool mpy_file_check(MpyObject *o)
{
    MpyType *t = MPY_TYPE(o);
    return t == &mpy_textio_type || t == &mpy_bufferedreader_type ||
           t == &mpy_bufferedwriter_type || t == &mpy_bufferedrandom_type;
}

static int check_open(FileObject *f)
{
    if (f->closed) {
        mpy_err_set(mpy_exc_ValueError, f->binary && !f->readable ? "write to closed file"
                                        : "I/O operation on closed file.");
        return -1;
    }
    return 0;
}

/* CPython's other spellings: fileno/isatty/readable/writable/seekable say
 * "I/O operation on closed file" (no period); a binary read says "read of
 * closed file". */
static int check_open_quiet(FileObject *f)
{
    if (f->closed) {
        mpy_err_set(mpy_exc_ValueError, "I/O operation on closed file");
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Raw descriptor I/O (GIL released)                                    */

static int raw_write_all(FileObject *f, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w;
        MPY_BEGIN_ALLOW_THREADS
        w = write(f->fd, p, n);
        MPY_END_ALLOW_THREADS
        if (w < 0) {
            if (errno == EINTR)
                continue;
            mpy_err_from_errno(mpy_exc_OSError);
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static int flush_wbuf(FileObject *f)
{
    if (f->wlen == 0)
        return 0;
    size_t n = f->wlen;
    f->wlen = 0; /* data is dropped on error, as a failed flush would */
    return raw_write_all(f, f->wbuf, n);
}

/* Read at most `n` raw bytes.  Returns the count, 0 at EOF, -1 on error. */
static ssize_t raw_read(FileObject *f, char *buf, size_t n)
{
    for (;;) {
        ssize_t r;
        MPY_BEGIN_ALLOW_THREADS
        r = read(f->fd, buf, n);
        MPY_END_ALLOW_THREADS
        if (r >= 0)
            return r;
        if (errno == EINTR) {
            if (mpy__eval_handle_pending(mpy__tstate_get()) < 0)
                return -1;
            continue;
        }
        mpy_err_from_errno(mpy_exc_OSError);
        return -1;
    }
}

/* Make sure at least one unread byte is buffered.  Returns 1, 0 at EOF, -1. */
static int fill_rbuf(FileObject *f)
{
    if (f->rpos < f->rlen)
        return 1;
    if (f->rbuf == NULL) {
        if ((f->rbuf = malloc(RBUF_SIZE)) == NULL) {
            mpy_err_no_memory();
            return -1;
        }
        f->rcap = RBUF_SIZE;
    }
    f->rpos = f->rlen = 0;
    if (f->eof)
        return 0;
    ssize_t r = raw_read(f, f->rbuf, f->rcap);
    if (r < 0)
        return -1;
    if (r == 0) {
        f->eof = true;
        return 0;
    }
    f->rlen = (size_t)r;
    return 1;
}

/* ------------------------------------------------------------------ */
/* Reading bytes                                                        */

/* Append up to `limit` bytes (-1: no limit) of one line (through '\n') to
 * `out` (a growing C buffer).  Returns 0 / -1. */
static int read_line_bytes(FileObject *f, char **out, size_t *len, size_t *cap, ptrdiff_t limit)
{
    for (;;) {
        int r = fill_rbuf(f);
        if (r <= 0)
            return r;
        char *start = f->rbuf + f->rpos;
        size_t avail = f->rlen - f->rpos;
        if (limit >= 0 && avail > (size_t)limit - *len)
            avail = (size_t)limit - *len;
        char *nl = memchr(start, '\n', avail);
        size_t take = nl ? (size_t)(nl - start) + 1 : avail;
        if (*len + take + 1 > *cap) {
            size_t ncap = (*cap ? *cap : 256);
            while (ncap < *len + take + 1)
                ncap *= 2;
            char *p = realloc(*out, ncap);
            if (p == NULL) {
                mpy_err_no_memory();
                return -1;
            }
            *out = p;
            *cap = ncap;
        }
        memcpy(*out + *len, start, take);
        *len += take;
        f->rpos += take;
        if (nl != NULL || (limit >= 0 && *len >= (size_t)limit))
            return 1;
    }
}

/* Read `n` bytes (-1: to EOF) into a malloc'd buffer. */
static char *read_bytes(FileObject *f, ptrdiff_t n, size_t *len)
{
    size_t cap = n >= 0 ? (size_t)n + 1 : 8192, got = 0;
    char *buf = malloc(cap);
    if (buf == NULL) {
        mpy_err_no_memory();
        return NULL;
    }
    while (n < 0 || got < (size_t)n) {
        int r = fill_rbuf(f);
        if (r < 0) {
            free(buf);
            return NULL;
        }
        if (r == 0)
            break;
        size_t avail = f->rlen - f->rpos;
        if (n >= 0 && avail > (size_t)n - got)
            avail = (size_t)n - got;
        if (got + avail + 1 > cap) {
            while (got + avail + 1 > cap)
                cap *= 2;
            char *p = realloc(buf, cap);
            if (p == NULL) {
                free(buf);
                mpy_err_no_memory();
                return NULL;
            }
            buf = p;
        }
        memcpy(buf + got, f->rbuf + f->rpos, avail);
        got += avail;
        f->rpos += avail;
        if (n >= 0 && f->binary && got > 0 && f->fd == 0)
            break; /* interactive binary reads return what is there */
    }
    *len = got;
    return buf;
}

/* ------------------------------------------------------------------ */
/* Text conversion                                                      */

static const char *encoding_of(FileObject *f)
{
    return f->encoding ? mpy_str_utf8(f->encoding) : "utf-8";
}

/* Decode and translate newlines.  Returns: new str or NULL. */
static MpyObject *decode_text(FileObject *f, char *data, size_t n)
{
    size_t j = f->keep_newlines ? n : 0;
    for (size_t i = 0; i < n && !f->keep_newlines; i++) {
        if (data[i] == '\r') {
            data[j++] = '\n';
            if (i + 1 < n && data[i + 1] == '\n')
                i++;
        } else {
            data[j++] = data[i];
        }
    }
    const char *enc = encoding_of(f);
    if (f->errors[0] != '\0')
        return mpy_bytes_decode(data, j, enc, f->errors);
    if (strcmp(enc, "utf-8") == 0 || strcmp(enc, "UTF-8") == 0 || strcmp(enc, "utf8") == 0)
        return mpy_str_from_utf8(data, j);
    return mpy_bytes_decode(data, j, enc, "strict");
}

/* ------------------------------------------------------------------ */
/* Writing                                                              */

static int buffered_write(FileObject *f, const char *p, size_t n)
{
    if (f->wbuf == NULL && (f->wbuf = malloc(WBUF_SIZE)) == NULL) {
        mpy_err_no_memory();
        return -1;
    }
    if (f->wlen + n > WBUF_SIZE) {
        if (flush_wbuf(f) < 0)
            return -1;
        if (n > WBUF_SIZE)
            return raw_write_all(f, p, n);
    }
    memcpy(f->wbuf + f->wlen, p, n);
    f->wlen += n;
    if (f->write_through || (f->line_buffered && memchr(p, '\n', n) != NULL))
        return flush_wbuf(f);
    return 0;
}

/* Raise io.UnsupportedOperation(msg) (an OSError and ValueError subclass
 * defined in runtime/lib/io.py), or OSError if io cannot be imported.
 * Returns NULL. */
static MpyObject *unsupported_operation(const char *msg)
{
    MpyObject *io = mpy_import_module_cstr("io");
    MpyObject *cls = io ? mpy_object_getattr_cstr(io, "UnsupportedOperation") : NULL;
    MPY_XDECREF(io);
    if (cls == NULL || !mpy_type_check(cls)) {
        MPY_XDECREF(cls);
        mpy_err_clear();
        return mpy_err_format(mpy_exc_OSError, "%s", msg);
    }
    MpyObject *text = mpy_str_from_cstr(msg);
    if (text != NULL)
        mpy_err_set_object((MpyType *)cls, text);
    MPY_XDECREF(text);
    MPY_DECREF(cls);
    return NULL;
}

static MpyObject *file_write(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    FileObject *f = (FileObject *)self;
    MpyObject *data = args[0];
    if (check_open(f) < 0)
        return NULL;
    if (!f->writable)
        return unsupported_operation("not writable");
    if (f->binary) {
        const char *p;
        ptrdiff_t n;
        if (!mpy__bytes_view(data, &p, &n)) // bytes, bytearray or a memoryview of them
            return mpy_err_format(mpy_exc_TypeError, "a bytes-like object is required, not '%T'", data);
        if (buffered_write(f, p ? p : "", (size_t)n) < 0)
            return NULL;
        return mpy_int_from_ssize(n);
    }
    if (!mpy_str_check(data))
        return mpy_err_format(mpy_exc_TypeError, "write() argument must be str, not %T", data);
    if (f->write_newline != NULL && memchr(mpy_str_utf8(data), '\n', (size_t)mpy_str_size(data))) {
        // newline="\r\n" or "\r": translate, then write the result.
        MpyObject *nl = mpy_str_from_cstr("\n"), *to = mpy_str_from_cstr(f->write_newline);
        MpyObject *translated = nl && to ? mpy_object_call_method_cstr(data, "replace", (MpyObject *[]){nl, to}, 2) : NULL;
        MPY_XDECREF(nl);
        MPY_XDECREF(to);
        if (translated == NULL)
            return NULL;
        bool saved = f->write_newline != NULL;
        const char *keep = f->write_newline;
        f->write_newline = NULL;
        MpyObject *r = file_write(self, &translated, 1, NULL);
        f->write_newline = saved ? keep : NULL;
        MPY_DECREF(translated);
        if (r == NULL)
            return NULL;
        MPY_DECREF(r);
        return mpy_int_from_ssize(mpy_str_length(data));
    }
    const char *enc = encoding_of(f);
    int r;
    if (f->errors[0] == '\0' &&
        (strcmp(enc, "utf-8") == 0 || strcmp(enc, "UTF-8") == 0 || strcmp(enc, "utf8") == 0)) {
        r = buffered_write(f, mpy_str_utf8(data), (size_t)mpy_str_size(data));
    } else {
        MpyObject *b = mpy_str_encode(data, enc, f->errors[0] ? f->errors : "strict");
        if (b == NULL)
            return NULL;
        r = buffered_write(f, mpy_bytes_data(b), (size_t)mpy_bytes_size(b));
        MPY_DECREF(b);
    }
    if (r < 0)
        return NULL;
    return mpy_int_from_ssize(mpy_str_length(data));
}

static MpyObject *file_flush(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    FileObject *f = (FileObject *)self;
    if (check_open(f) < 0)
        return NULL;
    if (flush_wbuf(f) < 0)
        return NULL;
    return MPY_RETURN_NONE;
}

static int file_close_impl(FileObject *f)
{
    if (f->closed)
        return 0;
    int r = flush_wbuf(f);
    f->closed = true;
    if (f->closefd && f->fd >= 0 && close(f->fd) < 0 && r == 0) {
        mpy_err_from_errno(mpy_exc_OSError);
        r = -1;
    }
    return r;
}

static MpyObject *file_close(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return file_close_impl((FileObject *)self) < 0 ? NULL : MPY_RETURN_NONE;
}

/* ------------------------------------------------------------------ */
/* Reading                                                              */

static MpyObject *finish_read(FileObject *f, char *buf, size_t len)
{
    MpyObject *r = f->binary ? mpy_bytes_from(buf, len) : decode_text(f, buf, len);
    free(buf);
    return r;
}

static int check_readable(FileObject *f)
{
    if (f->closed && f->binary) {
        mpy_err_set(mpy_exc_ValueError, "read of closed file");
        return -1;
    }
    if (check_open(f) < 0)
        return -1;
    if (!f->readable) {
        unsupported_operation("not readable");
        return -1;
    }
    return flush_wbuf(f);
}

static MpyObject *file_read(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    FileObject *f = (FileObject *)self;
    if (mpy_arg_check_positional("read", nargs, 0, 1) < 0 || check_readable(f) < 0)
        return NULL;
    ptrdiff_t n = -1;
    if (nargs == 1 && args[0] != MPY_NONE && (n = mpy_number_as_ssize(args[0], mpy_exc_OverflowError)) == -1 &&
        mpy_err_occurred())
        return NULL;
    if (n < 0) {
        size_t len;
        char *buf = read_bytes(f, -1, &len);
        return buf ? finish_read(f, buf, len) : NULL;
    }
    if (f->binary) {
        size_t len;
        char *buf = read_bytes(f, n, &len);
        return buf ? finish_read(f, buf, len) : NULL;
    }
    /* Text: n characters.  Collect the bytes of n characters (whole UTF-8
     * sequences, or one byte each in other encodings: single-byte codecs
     * assumed), then decode them, so bad input raises as CPython's does. */
    const char *enc = encoding_of(f);
    bool utf8 = strcmp(enc, "utf-8") == 0 || strcmp(enc, "UTF-8") == 0 || strcmp(enc, "utf8") == 0;
    MpyStrBuilder sb;
    mpy_sb_init(&sb);
    for (ptrdiff_t nread = 0; nread < n; nread++) {
        size_t len;
        char *buf = read_bytes(f, 1, &len);
        if (buf == NULL) {
            mpy_sb_discard(&sb);
            return NULL;
        }
        if (len == 0) {
            free(buf);
            break;
        }
        unsigned char c = (unsigned char)buf[0];
        int extra = !utf8 ? 0 : c >= 0xF8 ? 0 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
        char seq[4] = {buf[0]};
        free(buf);
        size_t got = 1;
        // Only continuation bytes: a broken sequence stays short and the
        // decoder reports (or replaces) it.
        while (extra-- > 0 && fill_rbuf(f) > 0 && ((unsigned char)f->rbuf[f->rpos] & 0xC0) == 0x80)
            seq[got++] = f->rbuf[f->rpos++];
        if (mpy_err_occurred()) {
            mpy_sb_discard(&sb);
            return NULL;
        }
        if (seq[0] == '\r' && !f->keep_newlines) {
            seq[0] = '\n';
            if (fill_rbuf(f) > 0 && f->rbuf[f->rpos] == '\n')
                f->rpos++;
        }
        if (mpy_sb_append(&sb, seq, got) < 0) {
            mpy_sb_discard(&sb);
            return NULL;
        }
    }
    MpyObject *r = mpy_bytes_decode(sb.buf != NULL ? sb.buf : "", sb.len, enc,
                                    f->errors[0] != '\0' ? f->errors : "strict");
    mpy_sb_discard(&sb);
    return r;
}

MpyObject *mpy_file_readline(MpyObject *self)
{
    FileObject *f = (FileObject *)self;
    if (check_readable(f) < 0)
        return NULL;
    char *buf = NULL;
    size_t len = 0, cap = 0;
    if (read_line_bytes(f, &buf, &len, &cap, -1) < 0) {
        free(buf);
        return NULL;
    }
    if (buf == NULL)
        return f->binary ? mpy_bytes_from("", 0) : mpy_str_empty();
    if (!f->binary && !f->keep_newlines && len > 0 && buf[len - 1] == '\r') {
        /* "\r\n" split across reads, or a lone "\r" line ending */
        if (fill_rbuf(f) > 0 && f->rbuf[f->rpos] == '\n')
            f->rpos++;
    }
    return finish_read(f, buf, len);
}

static MpyObject *file_readline(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    FileObject *f = (FileObject *)self;
    if (mpy_arg_check_positional("readline", nargs, 0, 1) < 0)
        return NULL;
    ptrdiff_t limit = -1;
    if (nargs == 1 && args[0] != MPY_NONE &&
        (limit = mpy_number_as_ssize(args[0], mpy_exc_OverflowError)) == -1 && mpy_err_occurred())
        return NULL;
    if (limit < 0)
        return mpy_file_readline(self);
    if (check_readable(f) < 0)
        return NULL;
    char *buf = NULL;
    size_t len = 0, cap = 0;
    if (read_line_bytes(f, &buf, &len, &cap, limit) < 0) {
        free(buf);
        return NULL;
    }
    if (buf == NULL)
        return f->binary ? mpy_bytes_from("", 0) : mpy_str_empty();
    return finish_read(f, buf, len);
}

static MpyObject *file_readlines(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    MpyObject *list = mpy_list_new(0);
    if (list == NULL)
        return NULL;
    for (;;) {
        MpyObject *line = mpy_file_readline(self);
        if (line == NULL) {
            MPY_DECREF(list);
            return NULL;
        }
        ptrdiff_t len = ((FileObject *)self)->binary ? mpy_bytes_size(line) : mpy_str_length(line);
        if (len == 0) {
            MPY_DECREF(line);
            return list;
        }
        if (mpy_list_append_take(list, line) < 0) {
            MPY_DECREF(list);
            return NULL;
        }
    }
}

static MpyObject *file_iter(MpyObject *self)
{
    if (check_open((FileObject *)self) < 0)
        return NULL;
    return MPY_NEWREF(self);
}

static MpyObject *file_iternext(MpyObject *self)
{
    MpyObject *line = mpy_file_readline(self);
    if (line == NULL)
        return NULL;
    ptrdiff_t len = ((FileObject *)self)->binary ? mpy_bytes_size(line) : mpy_str_length(line);
    if (len == 0) {
        MPY_DECREF(line);
        return NULL;
    }
    return line;
}

/* ------------------------------------------------------------------ */
/* Positioning and queries                                              */

static MpyObject *file_seek(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    FileObject *f = (FileObject *)self;
    if (mpy_arg_check_positional("seek", nargs, 1, 2) < 0 || check_open(f) < 0 || flush_wbuf(f) < 0)
        return NULL;
    long long off = mpy_int_as_long(args[0]);
    long long whence = nargs > 1 ? mpy_int_as_long(args[1]) : 0;
    if (mpy_err_occurred())
        return NULL;
    if (whence == SEEK_CUR)
        off -= (long long)(f->rlen - f->rpos);
    off_t pos = lseek(f->fd, (off_t)off, (int)whence);
    if (pos < 0)
        return mpy_err_from_errno(mpy_exc_OSError);
    f->rpos = f->rlen = 0;
    f->eof = false;
    return mpy_int_from_long((long long)pos);
}

static MpyObject *file_tell(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    FileObject *f = (FileObject *)self;
    if (check_open(f) < 0)
        return NULL;
    off_t pos = lseek(f->fd, 0, SEEK_CUR);
    if (pos < 0)
        return mpy_err_from_errno(mpy_exc_OSError);
    return mpy_int_from_long((long long)pos + (long long)f->wlen - (long long)(f->rlen - f->rpos));
}

/* truncate(size=None): cut the file at `size` (default: the current
 * position) and return the new size; the position does not move. */
static MpyObject *file_truncate(MpyObject *self, MpyObject *const *args, size_t nargs, MpyObject *kw)
{
    FileObject *f = (FileObject *)self;
    if (mpy_arg_check_positional("truncate", nargs, 0, 1) < 0 || check_open(f) < 0 || flush_wbuf(f) < 0)
        return NULL;
    if (!f->writable)
        return unsupported_operation("File not open for writing");
    long long size;
    if (nargs == 0 || args[0] == MPY_NONE) {
        off_t pos = lseek(f->fd, 0, SEEK_CUR);
        if (pos < 0)
            return mpy_err_from_errno(mpy_exc_OSError);
        size = (long long)pos - (long long)(f->rlen - f->rpos);
    } else {
        size = mpy_int_as_long(args[0]);
        if (size == -1 && mpy_err_occurred())
            return NULL;
    }
    if (ftruncate(f->fd, (off_t)size) < 0)
        return mpy_err_from_errno(mpy_exc_OSError);
    return mpy_int_from_long(size);
}

static MpyObject *file_fileno(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    FileObject *f = (FileObject *)self;
    return check_open_quiet(f) < 0 ? NULL : mpy_int_from_long(f->fd);
}

static MpyObject *file_isatty(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    FileObject *f = (FileObject *)self;
    return check_open_quiet(f) < 0 ? NULL : MPY_NEWREF(mpy_bool_from(isatty(f->fd)));
}

static MpyObject *file_readable(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    FileObject *f = (FileObject *)self;
    return check_open_quiet(f) < 0 ? NULL : MPY_NEWREF(mpy_bool_from(f->readable));
}

static MpyObject *file_writable(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    FileObject *f = (FileObject *)self;
    return check_open_quiet(f) < 0 ? NULL : MPY_NEWREF(mpy_bool_from(f->writable));
}

static MpyObject *file_seekable(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    FileObject *f = (FileObject *)self;
    return check_open_quiet(f) < 0 ? NULL : MPY_NEWREF(mpy_bool_from(lseek(f->fd, 0, SEEK_CUR) >= 0));
}

static MpyObject *file_enter(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return check_open((FileObject *)self) < 0 ? NULL : MPY_NEWREF(self);
}

static MpyObject *file_exit(MpyObject *self, MpyObject *const *a, size_t n, MpyObject *k)
{
    return file_close(self, NULL, 0, NULL);
}

static MpyObject *file_writelines(MpyObject *self, MpyObject *const *args, size_t n, MpyObject *k)
{
    MpyObject *it = mpy_object_get_iter(args[0]);
    if (it == NULL)
        return NULL;
    MpyObject *line;
    while ((line = mpy_iter_next(it)) != NULL) {
        MpyObject *r = file_write(self, &line, 1, NULL);
        MPY_DECREF(line);
        if (r == NULL) {
            MPY_DECREF(it);
            return NULL;
        }
        MPY_DECREF(r);
    }
    MPY_DECREF(it);
    return mpy_err_occurred() ? NULL : MPY_RETURN_NONE;
}

static const MpyMethodDef file_methods[] = {
    {"write", file_write, MPY_METH_O, NULL},
    {"writelines", file_writelines, MPY_METH_O, NULL},
    {"read", file_read, MPY_METH_FASTCALL, NULL},
    {"readline", file_readline, MPY_METH_FASTCALL, NULL},
    {"readlines", file_readlines, MPY_METH_FASTCALL, NULL},
    {"flush", file_flush, MPY_METH_NOARGS, NULL},
    {"close", file_close, MPY_METH_NOARGS, NULL},
    {"seek", file_seek, MPY_METH_FASTCALL, NULL},
    {"tell", file_tell, MPY_METH_NOARGS, NULL},
    {"truncate", file_truncate, MPY_METH_FASTCALL, NULL},
    {"fileno", file_fileno, MPY_METH_NOARGS, NULL},
    {"isatty", file_isatty, MPY_METH_NOARGS, NULL},
    {"readable", file_readable, MPY_METH_NOARGS, NULL},
    {"writable", file_writable, MPY_METH_NOARGS, NULL},
    {"seekable", file_seekable, MPY_METH_NOARGS, NULL},
    {"__enter__", file_enter, MPY_METH_NOARGS, NULL},
    {"__exit__", file_exit, MPY_METH_FASTCALL, NULL},
    {NULL},
};

static MpyObject *file_get_closed(MpyObject *self, void *c)
{
    return MPY_NEWREF(mpy_bool_from(((FileObject *)self)->closed));
}

static MpyObject *file_get_field(MpyObject *v)
{
    return MPY_NEWREF(v ? v : MPY_NONE);
}

static MpyObject *file_get_name(MpyObject *self, void *c) { return file_get_field(((FileObject *)self)->name); }
static MpyObject *file_get_mode(MpyObject *self, void *c) { return file_get_field(((FileObject *)self)->mode); }
static MpyObject *file_get_encoding(MpyObject *self, void *c) { return file_get_field(((FileObject *)self)->encoding); }

static MpyObject *file_get_line_buffering(MpyObject *self, void *c)
{
    return MPY_NEWREF(mpy_bool_from(((FileObject *)self)->line_buffered));
}

static MpyType *binary_type_for(FileObject *f)
{
    return f->readable && f->writable ? &mpy_bufferedrandom_type
           : f->readable              ? &mpy_bufferedreader_type
                                      : &mpy_bufferedwriter_type;
}

/* sys.stdout.buffer: a binary file sharing the descriptor (writes go
 * through the text file's buffer first, so order is kept). */
static MpyObject *file_get_buffer(MpyObject *self, void *c)
{
    FileObject *f = (FileObject *)self;
    if (f->binary)
        return mpy_err_format(mpy_exc_AttributeError, "'%T' object has no attribute 'buffer'", self);
    if (f->buffer == NULL) {
        if (flush_wbuf(f) < 0)
            return NULL;
        FileObject *b = (FileObject *)mpy_object_alloc(binary_type_for(f));
        if (b == NULL)
            return NULL;
        b->fd = f->fd;
        b->readable = f->readable;
        b->writable = f->writable;
        b->binary = true;
        b->line_buffered = f->line_buffered;
        b->name = f->name ? MPY_NEWREF(f->name) : NULL;
        b->mode = mpy_str_from_cstr(f->readable ? "rb" : "wb");
        f->buffer = (MpyObject *)b;
    }
    return MPY_NEWREF(f->buffer);
}

static const MpyGetSetDef file_getset[] = {
    {"closed", file_get_closed, NULL, NULL, NULL},
    {"name", file_get_name, NULL, NULL, NULL},
    {"mode", file_get_mode, NULL, NULL, NULL},
    {"encoding", file_get_encoding, NULL, NULL, NULL},
    {"line_buffering", file_get_line_buffering, NULL, NULL, NULL},
    {"buffer", file_get_buffer, NULL, NULL, NULL},
    {NULL},
};

static MpyObject *file_repr(MpyObject *self)
{
    FileObject *f = (FileObject *)self;
    MpyObject *name = f->name ? f->name : MPY_NONE;
    if (f->binary)
        return mpy_str_from_format("<_io.%s name=%R>", strchr(MPY_TYPE(self)->name, '.') + 1, name);
    return mpy_str_from_format("<_io.TextIOWrapper name=%R mode=%R encoding=%R>", name,
                               f->mode ? f->mode : MPY_NONE, f->encoding ? f->encoding : MPY_NONE);
}

static void file_dealloc(MpyObject *self)
{
    FileObject *f = (FileObject *)self;
    if (!f->closed && f->closefd) {
        MpyObject *saved = mpy_err_fetch();
        if (file_close_impl(f) < 0)
            mpy_err_clear();
        mpy_err_restore_raw(saved);
    } else if (!f->closed) {
        MpyObject *saved = mpy_err_fetch();
        if (flush_wbuf(f) < 0)
            mpy_err_clear();
        mpy_err_restore_raw(saved);
    }
    MPY_XDECREF(f->name);
    MPY_XDECREF(f->mode);
    MPY_XDECREF(f->encoding);
    MPY_XDECREF(f->buffer);
    MPY_XDECREF(f->dict);
    free(f->wbuf);
    free(f->rbuf);
    mpy_object_free(self);
}

#define FILE_TYPE(var, pyname)                                                             \
    MpyType var = {                                                                        \
        .ob_base = MPY_STATIC_HEAD(&mpy_type_type),                                        \
        .name = pyname,                                                                    \
        .basicsize = sizeof(FileObject),                                                   \
        .dealloc = file_dealloc,                                                           \
        .repr = file_repr,                                                                 \
        .iter = file_iter,                                                                 \
        .iternext = file_iternext,                                                         \
        .methods = file_methods,                                                           \
        .getset = file_getset,                                                             \
        .dictoffset = offsetof(FileObject, dict),                                          \
    };
FILE_TYPE(mpy_textio_type, "_io.TextIOWrapper")
FILE_TYPE(mpy_bufferedreader_type, "_io.BufferedReader")
FILE_TYPE(mpy_bufferedwriter_type, "_io.BufferedWriter")
FILE_TYPE(mpy_bufferedrandom_type, "_io.BufferedRandom")
#undef FILE_TYPE

/* ------------------------------------------------------------------ */
/* Opening                                                              */

/* Parse an open() mode.  Returns 0 / -1 (ValueError). */
static int parse_mode(const char *mode, int *flags, bool *readable, bool *writable, bool *binary)
{
    int r = 0, w = 0, a = 0, x = 0, plus = 0, b = 0, t = 0;
    for (const char *p = mode; *p; p++) {
        switch (*p) {
        case 'r': r++; break;
        case 'w': w++; break;
        case 'a': a++; break;
        case 'x': x++; break;
        case '+': plus++; break;
        case 'b': b++; break;
        case 't': t++; break;
        default: goto invalid;
        }
    }
    if (r + w + a + x != 1 || plus > 1 || b > 1 || t > 1 || (b && t))
        goto invalid;
    *readable = r || plus;
    *writable = w || a || x || plus;
    *binary = b != 0;
    *flags = (*readable && *writable) ? O_RDWR : *readable ? O_RDONLY : O_WRONLY;
    if (w)
        *flags |= O_CREAT | O_TRUNC;
    if (a)
        *flags |= O_CREAT | O_APPEND;
    if (x)
        *flags |= O_CREAT | O_EXCL;
    *flags |= O_CLOEXEC;
    return 0;
invalid:
    if (r + w + a + x > 1)
        mpy_err_set(mpy_exc_ValueError, "must have exactly one of create/read/write/append mode");
    else if (b && t)
        mpy_err_set(mpy_exc_ValueError, "can't have text and binary mode at once");
    else
        mpy_err_format(mpy_exc_ValueError, "invalid mode: '%s'", mode);
    return -1;
}

static FileObject *file_new(int fd, MpyObject *name, const char *mode, bool readable, bool writable,
                            bool binary, const char *encoding)
{
    MpyType *t = &mpy_textio_type;
    if (binary)
        t = readable && writable ? &mpy_bufferedrandom_type
            : readable          ? &mpy_bufferedreader_type : &mpy_bufferedwriter_type;
    FileObject *f = (FileObject *)mpy_object_alloc(t);
    if (f == NULL)
        return NULL;
    f->fd = fd;
    f->readable = readable;
    f->writable = writable;
    f->binary = binary;
    f->closefd = true;
    f->name = MPY_NEWREF(name);
    f->mode = mpy_str_from_cstr(mode);
    if (!binary)
        f->encoding = mpy_str_from_cstr(encoding ? encoding : "UTF-8");
    return f;
}

int mpy__file_set_errors(MpyObject *file, MpyObject *errors)
{
    FileObject *f = (FileObject *)file;
    if (errors == MPY_NONE)
        return 0;
    if (!mpy_str_check(errors)) {
        mpy_err_format(mpy_exc_TypeError, "open() argument 'errors' must be str or None, not %T", errors);
        return -1;
    }
    if (f->binary) {
        mpy_err_set(mpy_exc_ValueError, "binary mode doesn't take an errors argument");
        return -1;
    }
    snprintf(f->errors, sizeof f->errors, "%s", mpy_str_utf8(errors));
    return 0;
}

int mpy__file_set_newline(MpyObject *file, MpyObject *newline)
{
    FileObject *f = (FileObject *)file;
    if (newline == MPY_NONE)
        return 0;
    if (!mpy_str_check(newline)) {
        mpy_err_format(mpy_exc_TypeError, "open() argument 'newline' must be str or None, not %T", newline);
        return -1;
    }
    const char *nl = mpy_str_utf8(newline);
    if (strcmp(nl, "") != 0 && strcmp(nl, "\n") != 0 && strcmp(nl, "\r") != 0 && strcmp(nl, "\r\n") != 0) {
        mpy_err_format(mpy_exc_ValueError, "illegal newline value: %U", newline);
        return -1;
    }
    if (f->binary) {
        mpy_err_set(mpy_exc_ValueError, "binary mode doesn't take a newline argument");
        return -1;
    }
    // "" and "\n": lines end at "\n" and are returned as they are (a lone
    // "\r" does not end a line, unlike CPython's ""); "\r", "\r\n": also
    // translate "\n" when writing.
    f->keep_newlines = true;
    f->write_newline = strcmp(nl, "\r") == 0 ? "\r" : strcmp(nl, "\r\n") == 0 ? "\r\n" : NULL;
    return 0;
}

MpyObject *mpy_file_open(MpyObject *file, const char *mode, int buffering, const char *encoding,
                         bool closefd)
{
    int flags;
    bool readable, writable, binary;
    if (parse_mode(mode, &flags, &readable, &writable, &binary) < 0)
        return NULL;
    if (binary && encoding != NULL)
        return mpy_err_format(mpy_exc_ValueError, "binary mode doesn't take an encoding argument");
    int fd;
    if (mpy_int_check(file)) {
        fd = (int)mpy_int_as_long(file);
        if (fd == -1 && mpy_err_occurred())
            return NULL;
    } else if (mpy_str_check(file)) {
        MPY_BEGIN_ALLOW_THREADS
        fd = open(mpy_str_utf8(file), flags, 0666);
        MPY_END_ALLOW_THREADS
        if (fd < 0)
            return mpy_err_from_errno_filename(mpy_exc_OSError, file);
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            close(fd);
            errno = EISDIR;
            return mpy_err_from_errno_filename(mpy_exc_OSError, file);
        }
    } else {
        return mpy_err_format(mpy_exc_TypeError, "expected str, bytes or os.PathLike object, not %T", file);
    }
    char canonical[8];
    snprintf(canonical, sizeof canonical, "%s", mode);
    FileObject *f = file_new(fd, file, canonical, readable, writable, binary, encoding);
    if (f == NULL) {
        if (mpy_str_check(file))
            close(fd);
        return NULL;
    }
    f->closefd = mpy_str_check(file) ? true : closefd;
    f->line_buffered = buffering == 1 || (buffering < 0 && isatty(fd));
    return (MpyObject *)f;
}

MpyObject *mpy_file_from_fd(int fd, const char *name, const char *mode, bool line_buffered)
{
    MpyObject *pyname = mpy_str_from_cstr(name);
    if (pyname == NULL)
        return NULL;
    bool readable = mode[0] == 'r', writable = mode[0] != 'r';
    FileObject *f = file_new(fd, pyname, mode, readable, writable, false, "utf-8");
    MPY_DECREF(pyname);
    if (f != NULL) {
        f->closefd = false;
        f->line_buffered = line_buffered;
    }
    return (MpyObject *)f;
}

void mpy__file_set_write_through(MpyObject *file)
{
    ((FileObject *)file)->write_through = true;
}

/* ------------------------------------------------------------------ */
/* Helpers for print() and friends                                      */

int mpy_file_write_obj(MpyObject *file, MpyObject *s)
{
    MpyObject *r;
    if (mpy_file_check(file))
        r = file_write(file, &s, 1, NULL);
    else
        r = mpy_object_call_method_cstr(file, "write", &s, 1);
    if (r == NULL)
        return -1;
    MPY_DECREF(r);
    return 0;
}

int mpy_file_write_cstr(MpyObject *file, const char *text)
{
    MpyObject *s = mpy_str_from_cstr(text);
    if (s == NULL)
        return -1;
    int r = mpy_file_write_obj(file, s);
    MPY_DECREF(s);
    return r;
}

int mpy_file_flush(MpyObject *file)
{
    MpyObject *r = mpy_file_check(file) ? file_flush(file, NULL, 0, NULL)
                                        : mpy_object_call_method_cstr(file, "flush", NULL, 0);
    if (r == NULL)
        return -1;
    MPY_DECREF(r);
    return 0;
}
