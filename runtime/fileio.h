/* runtime/fileio.h: file objects (open(), sys.stdin/stdout/stderr).
 *
 * Models the parts of CPython's Modules/_io that programs use: one C type
 * per familiar name (_io.TextIOWrapper for text files, _io.BufferedReader /
 * _io.BufferedWriter / _io.BufferedRandom for binary ones) sharing one
 * implementation over a POSIX file descriptor with its own read and write
 * buffers.  Text is UTF-8 (or ascii / latin-1 when asked); reading
 * translates \r\n to \n.  Every read and write that can block releases the
 * GIL.
 */
#ifndef MINIPY_RUNTIME_FILEIO_H
#define MINIPY_RUNTIME_FILEIO_H

#include "runtime/object.h"

extern MpyType mpy_textio_type;
extern MpyType mpy_bufferedreader_type;
extern MpyType mpy_bufferedwriter_type;
extern MpyType mpy_bufferedrandom_type;

/* open(file, mode, buffering, encoding, errors, newline, closefd).
 * Returns: new file object or NULL + OSError/ValueError. */
MpyObject *mpy_file_open(MpyObject *file, const char *mode, int buffering, const char *encoding,
                         bool closefd);
/* open()'s `errors` argument ("strict", "replace", "ignore" ...; None: strict)
 * for a text file mpy_file_open made.  Returns: 0, or -1 with
 * ValueError/TypeError. */
int mpy__file_set_errors(MpyObject *file, MpyObject *errors);
/* open()'s `newline` argument (None, "", "\n", "\r", "\r\n") for a file
 * mpy_file_open made.  Returns: 0, or -1 with ValueError/TypeError. */
int mpy__file_set_newline(MpyObject *file, MpyObject *newline);
/* A text stream over an existing descriptor (the standard streams).
 * `line_buffered`: flush at each newline.  Returns: new reference. */
MpyObject *mpy_file_from_fd(int fd, const char *name, const char *mode, bool line_buffered);
/* -u / PYTHONUNBUFFERED: every write of `file` (made by mpy_file_from_fd)
 * reaches its descriptor at once, as CPython's write_through. */
void mpy__file_set_write_through(MpyObject *file);
/* Write a str (text) or bytes (binary) to a file object of ours, or call
 * .write on any other object.  Returns 0 / -1. */
int mpy_file_write_obj(MpyObject *file, MpyObject *s);
int mpy_file_write_cstr(MpyObject *file, const char *s);
/* file.flush() on any object with flush.  Returns 0 / -1. */
int mpy_file_flush(MpyObject *file);
/* One line from a file object (input()): new str without the newline
 * removal, "" at EOF.  Returns: new reference or NULL. */
MpyObject *mpy_file_readline(MpyObject *file);
/* Is `o` one of our file objects? */
bool mpy_file_check(MpyObject *o);

#endif
