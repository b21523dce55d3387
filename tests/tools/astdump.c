/* tests/tools/astdump.c: print the syntax tree of a Python file.
 *
 *   build/gil/tools/astdump [-a] [-m exec|eval|single] FILE
 *
 * prints mpy__ast_dump() of the parsed FILE, the same text as CPython's
 * `ast.dump(ast.parse(source))`, or, when the file does not parse,
 * "SyntaxError: msg (lineno, offset, end_lineno, end_offset)" (with the
 * exception's own type name: IndentationError, TabError ...).  Used by
 * tests/parser/check.sh to compare minipy's parser with CPython's.
 * -a adds every node's position (ast.dump(..., include_attributes=True)).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/init.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "vm/ast_dump.h"

static char *
read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf != NULL && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    *len = n;
    return buf;
}

static long
int_attr(MpyObject *exc, const char *name)
{
    MpyObject *v = mpy_object_getattr_cstr(exc, name);
    if (v == NULL) {
        mpy_err_clear();
        return 0;
    }
    long r = mpy_int_check(v) ? (long)mpy_int_as_long(v) : 0;
    MPY_DECREF(v);
    return r;
}

/* Print the pending SyntaxError in the checker's one-line format. */
static void
print_error(void)
{
    MpyObject *exc = mpy_err_fetch();
    if (exc == NULL)
        return;
    // SyntaxError has .msg; other errors (RecursionError ...) print str(exc).
    MpyObject *msg = mpy_object_getattr_cstr(exc, "msg");
    if (msg == NULL) {
        mpy_err_clear();
        msg = mpy_object_str(exc);
    }
    const char *text = msg != NULL && mpy_str_check(msg) ? mpy_str_utf8(msg) : "?";
    printf("%s: %s (%ld, %ld, %ld, %ld)\n", mpy_type_name_of(exc), text, int_attr(exc, "lineno"),
           int_attr(exc, "offset"), int_attr(exc, "end_lineno"), int_attr(exc, "end_offset"));
    MPY_XDECREF(msg);
    MPY_DECREF(exc);
}

int
main(int argc, char **argv)
{
    MpyParseMode mode = MPY_PARSE_FILE;
    int argi = 1;
    bool attributes = false;
    if (argc > 2 && strcmp(argv[1], "-a") == 0) {
        attributes = true;
        argi++;
    }
    if (argc > argi + 2 && strcmp(argv[argi], "-m") == 0) {
        const char *m = argv[argi + 1];
        mode = strcmp(m, "eval") == 0 ? MPY_PARSE_EVAL
               : strcmp(m, "single") == 0 ? MPY_PARSE_SINGLE : MPY_PARSE_FILE;
        argi += 2;
    }
    if (argi >= argc) {
        fprintf(stderr, "usage: astdump [-a] [-m exec|eval|single] FILE\n");
        return 2;
    }
    size_t len;
    char *src = read_file(argv[argi], &len);
    if (src == NULL) {
        perror(argv[argi]);
        return 2;
    }
    if (mpy_initialize() < 0)
        return 2;
    int status = 0;
    MpyObject *filename = mpy_str_from_cstr(argv[argi]);
    MpyArena *arena = mpy__arena_new();
    MpyAstMod *mod = arena ? mpy__parse(src, len, filename, mode, arena, NULL) : NULL;
    MpyObject *dump = mod ? mpy__ast_dump_ex(mod, attributes) : NULL;
    if (dump != NULL) {
        fwrite(mpy_str_utf8(dump), 1, (size_t)mpy_str_size(dump), stdout);
        putchar('\n');
        MPY_DECREF(dump);
    } else {
        print_error();
        status = 1;
    }
    mpy__arena_free(arena);
    MPY_XDECREF(filename);
    free(src);
    mpy_finalize();
    return status;
}
