// tests/unit/test_compiler.c: the compiler seen through mpy_compile_source
// and mpy__disassemble: instruction sequences for small snippets, code
// object attributes, the invariants of the assembler, and SyntaxErrors
// with CPython's messages and positions.
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/error.h"
#include "runtime/init.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "vm/code.h"
#include "vm/compiler.h"

static void setup(void) { mpy_initialize(); }
static void teardown(void) { mpy_finalize(); }

/* Compile `src` as a module named "<test>".  Returns: new code object. */
static MpyObject *compile_mode(const char *src, MpyParseMode mode)
{
    MpyObject *filename = mpy_str_from_cstr("<test>");
    MpyObject *code = mpy_compile_source(src, strlen(src), filename, mode, NULL);
    MPY_DECREF(filename);
    return code;
}

static MpyObject *compile_ok(const char *src)
{
    MpyObject *code = compile_mode(src, MPY_PARSE_FILE);
    if (code == NULL)
        mpy_err_print();
    ck_assert_ptr_nonnull(code);
    return code;
}

/* The listing of the module code only (nested code objects have
 * addresses in their repr).  Returns: malloc'd text. */
static char *listing(const char *src)
{
    MpyObject *code = compile_ok(src);
    MpyObject *text = mpy__disassemble(code, false);
    ck_assert_ptr_nonnull(text);
    char *copy = strdup(mpy_str_utf8(text));
    MPY_DECREF(text);
    MPY_DECREF(code);
    return copy;
}

static void check_listing(const char *src, const char *expected)
{
    char *got = listing(src);
    if (strcmp(got, expected) != 0)
        fprintf(stderr, "--- source:\n%s--- expected:\n%s--- got:\n%s", src, expected, got);
    ck_assert_str_eq(got, expected);
    free(got);
}

/* The first code object among the constants of `code`.  Borrowed. */
static MpyCodeObject *nested_code(MpyObject *code)
{
    MpyObject *consts = ((MpyCodeObject *)code)->consts;
    for (ptrdiff_t i = 0; i < mpy_tuple_size(consts); i++) {
        if (mpy_code_check(mpy_tuple_item(consts, i)))
            return (MpyCodeObject *)mpy_tuple_item(consts, i);
    }
    ck_abort_msg("no nested code object");
    return NULL;
}

static long attr_long(MpyObject *o, const char *name)
{
    MpyObject *v = mpy_object_getattr_cstr(o, name);
    ck_assert_ptr_nonnull(v);
    long r = mpy_int_check(v) ? (long)mpy_int_as_long(v) : -1;
    MPY_DECREF(v);
    return r;
}

/* Compiling `src` raises `type` with message `msg` at line/offset. */
static void check_error(const char *src, MpyType *type, const char *msg, int lineno,
                        int offset)
{
    MpyObject *code = compile_mode(src, MPY_PARSE_FILE);
    ck_assert_ptr_null(code);
    ck_assert(mpy_err_matches(type));
    MpyObject *exc = mpy_err_fetch();
    if (type == mpy_exc_SyntaxError) {
        MpyObject *m = mpy_object_getattr_cstr(exc, "msg");
        ck_assert_ptr_nonnull(m);
        ck_assert_str_eq(mpy_str_utf8(m), msg);
        MPY_DECREF(m);
        ck_assert_int_eq(attr_long(exc, "lineno"), lineno);
        ck_assert_int_eq(attr_long(exc, "offset"), offset);
    } else {
        MpyObject *s = mpy_object_str(exc);
        ck_assert_str_eq(mpy_str_utf8(s), msg);
        MPY_DECREF(s);
    }
    MPY_DECREF(exc);
}

/* Every conditional jump goes forward, every target is inside the code,
 * and only JUMP_BACKWARD* go back (recursively over nested code). */
static void check_jumps(MpyCodeObject *co)
{
    for (ptrdiff_t k = 0; k < co->ninstrs; k++) {
        int op = MPY_INSTR_OP(co->instrs[k]), arg = MPY_INSTR_ARG(co->instrs[k]);
        if (!mpy_opcode_has_jump(op))
            continue;
        ck_assert_int_lt(arg, co->ninstrs);
        if (op == OP_JUMP_BACKWARD || op == OP_JUMP_BACKWARD_NO_INTERRUPT)
            ck_assert_int_le(arg, k);
        else
            ck_assert_int_gt(arg, k);
    }
    for (ptrdiff_t i = 0; i < mpy_tuple_size(co->consts); i++) {
        if (mpy_code_check(mpy_tuple_item(co->consts, i)))
            check_jumps((MpyCodeObject *)mpy_tuple_item(co->consts, i));
    }
}

START_TEST(module_assignment_and_call)
{
    check_listing("x = 1\nprint(x + 2)\n",
                  "  0           0 RESUME                   0\n"
                  "\n"
                  "  1           1 LOAD_CONST               0 (1)\n"
                  "              2 STORE_NAME               0 (x)\n"
                  "\n"
                  "  2           3 LOAD_NAME                1 (print)\n"
                  "              4 PUSH_NULL\n"
                  "              5 LOAD_NAME                0 (x)\n"
                  "              6 LOAD_CONST               1 (2)\n"
                  "              7 BINARY_OP                0 (+)\n"
                  "              8 CALL                     1\n"
                  "              9 POP_TOP\n"
                  "             10 LOAD_CONST               2 (None)\n"
                  "             11 RETURN_VALUE\n");
}
END_TEST

START_TEST(constants_are_folded)
{
    check_listing("a = 2 ** 10\nb = -1\nc = (1, 'x')\nd = 'ab' * 2\ne = 1 / 0\n",
                  "  0           0 RESUME                   0\n"
                  "\n"
                  "  1           1 LOAD_CONST               0 (1024)\n"
                  "              2 STORE_NAME               0 (a)\n"
                  "\n"
                  "  2           3 LOAD_CONST               1 (-1)\n"
                  "              4 STORE_NAME               1 (b)\n"
                  "\n"
                  "  3           5 LOAD_CONST               2 ((1, 'x'))\n"
                  "              6 STORE_NAME               2 (c)\n"
                  "\n"
                  "  4           7 LOAD_CONST               3 ('abab')\n"
                  "              8 STORE_NAME               3 (d)\n"
                  "\n"
                  "  5           9 LOAD_CONST               4 (1)\n"
                  "             10 LOAD_CONST               5 (0)\n"
                  "             11 BINARY_OP               11 (/)\n"
                  "             12 STORE_NAME               4 (e)\n"
                  "             13 LOAD_CONST               6 (None)\n"
                  "             14 RETURN_VALUE\n");
}
END_TEST

START_TEST(equal_constants_of_different_types_stay_apart)
{
    MpyObject *code = compile_ok("a = 1\nb = 1.0\nc = True\nd = 0.0\ne = -0.0\nf = 1\n");
    MpyObject *consts = ((MpyCodeObject *)code)->consts;
    // 1, 1.0, True, 0.0, -0.0, None: the second 1 is shared.
    ck_assert_int_eq(mpy_tuple_size(consts), 6);
    MPY_DECREF(code);
}
END_TEST

START_TEST(calls_methods_and_keywords)
{
    check_listing("o.m(1, k=2)\nf(*a, **k)\n",
                  "  0           0 RESUME                   0\n"
                  "\n"
                  "  1           1 LOAD_NAME                0 (o)\n"
                  "              2 LOAD_METHOD              1 (m)\n"
                  "              3 LOAD_CONST               0 (1)\n"
                  "              4 LOAD_CONST               1 (2)\n"
                  "              5 LOAD_CONST               2 (('k',))\n"
                  "              6 CALL_KW                  2\n"
                  "              7 POP_TOP\n"
                  "\n"
                  "  2           8 LOAD_NAME                2 (f)\n"
                  "              9 PUSH_NULL\n"
                  "             10 LOAD_NAME                3 (a)\n"
                  "             11 BUILD_MAP                0\n"
                  "             12 LOAD_NAME                4 (k)\n"
                  "             13 DICT_MERGE               1\n"
                  "             14 CALL_FUNCTION_EX         1\n"
                  "             15 POP_TOP\n"
                  "             16 LOAD_CONST               3 (None)\n"
                  "             17 RETURN_VALUE\n");
}
END_TEST

START_TEST(chained_comparison_and_boolean_values)
{
    check_listing("x = a < b < c or d\n",
                  "  0           0 RESUME                   0\n"
                  "\n"
                  "  1           1 LOAD_NAME                0 (a)\n"
                  "              2 LOAD_NAME                1 (b)\n"
                  "              3 SWAP                     2\n"
                  "              4 COPY                     2\n"
                  "              5 COMPARE_OP               0 (<)\n"
                  "              6 JUMP_IF_FALSE_OR_POP    10 (to 10)\n"
                  "              7 LOAD_NAME                2 (c)\n"
                  "              8 COMPARE_OP               0 (<)\n"
                  "              9 JUMP_FORWARD            12 (to 12)\n"
                  "        >>   10 SWAP                     2\n"
                  "             11 POP_TOP\n"
                  "        >>   12 JUMP_IF_TRUE_OR_POP     14 (to 14)\n"
                  "             13 LOAD_NAME                3 (d)\n"
                  "        >>   14 STORE_NAME               4 (x)\n"
                  "             15 LOAD_CONST               0 (None)\n"
                  "             16 RETURN_VALUE\n");
}
END_TEST

START_TEST(loops_break_and_continue)
{
    check_listing("for i in x:\n    if i:\n        break\n    continue\nwhile True:\n    pass\n",
                  "  0           0 RESUME                   0\n"
                  "\n"
                  "  1           1 LOAD_NAME                0 (x)\n"
                  "              2 GET_ITER\n"
                  "        >>    3 FOR_ITER                10 (to 10)\n"
                  "              4 STORE_NAME               1 (i)\n"
                  "\n"
                  "  2           5 LOAD_NAME                1 (i)\n"
                  "              6 POP_JUMP_IF_FALSE        9 (to 9)\n"
                  "\n"
                  "  3           7 POP_TOP\n"
                  "              8 JUMP_FORWARD            11 (to 11)\n"
                  "\n"
                  "  4     >>    9 JUMP_BACKWARD            3 (to 3)\n"
                  "\n"
                  "  5     >>   10 NOP\n"
                  "\n"
                  "  6     >>   11 NOP\n"
                  "\n"
                  "  5          12 JUMP_BACKWARD           11 (to 11)\n");
}
END_TEST

START_TEST(function_code_attributes)
{
    MpyObject *code = compile_ok("def f(a, b=1, *args, c, **kw):\n"
                                 "    '''doc'''\n"
                                 "    x = 1\n"
                                 "    def g():\n"
                                 "        return a + x\n"
                                 "    return g\n");
    MpyCodeObject *f = nested_code(code);
    ck_assert_str_eq(mpy_str_utf8(f->name), "f");
    ck_assert_int_eq(f->argcount, 2);
    ck_assert_int_eq(f->kwonlyargcount, 1);
    ck_assert_int_eq(f->flags, MPY_CO_OPTIMIZED | MPY_CO_NEWLOCALS | MPY_CO_VARARGS |
                                   MPY_CO_VARKEYWORDS);
    ck_assert_str_eq(mpy_str_utf8(mpy_tuple_item(f->consts, 0)), "doc");
    // varnames: parameters in order (kw-only before *args), then locals.
    const char *varnames[] = {"a", "b", "c", "args", "kw", "g"};
    ck_assert_int_eq(mpy_tuple_size(f->varnames), 6);
    for (int i = 0; i < 6; i++)
        ck_assert_str_eq(mpy_str_utf8(mpy_tuple_item(f->varnames, i)), varnames[i]);
    ck_assert_int_eq(f->ncellvars, 2); // a and x, sorted
    ck_assert_str_eq(mpy_str_utf8(mpy_tuple_item(f->cellvars, 0)), "a");
    ck_assert_str_eq(mpy_str_utf8(mpy_tuple_item(f->cellvars, 1)), "x");
    ck_assert_ptr_nonnull(f->cell2arg);
    ck_assert_int_eq(f->cell2arg[0], 0);
    ck_assert_int_eq(f->cell2arg[1], -1);
    MpyCodeObject *g = nested_code((MpyObject *)f);
    ck_assert_str_eq(mpy_str_utf8(g->qualname), "f.<locals>.g");
    ck_assert_int_eq(g->nfreevars, 2);
    ck_assert(g->flags & MPY_CO_NESTED);
    MPY_DECREF(code);
}
END_TEST

START_TEST(generators_and_comprehensions)
{
    MpyObject *code = compile_ok("def gen():\n    yield 1\n    yield from x\n"
                                 "y = [i for i in z]\n");
    MpyCodeObject *gen = nested_code(code);
    ck_assert(gen->flags & MPY_CO_GENERATOR);
    // Every YIELD_VALUE is followed by RESUME 1, or RESUME 2 in yield from.
    int yields = 0;
    for (ptrdiff_t k = 0; k < gen->ninstrs; k++) {
        if (MPY_INSTR_OP(gen->instrs[k]) != OP_YIELD_VALUE)
            continue;
        yields++;
        ck_assert_int_eq(MPY_INSTR_OP(gen->instrs[k + 1]), OP_RESUME);
        ck_assert_int_eq(MPY_INSTR_ARG(gen->instrs[k + 1]), yields);
    }
    ck_assert_int_eq(yields, 2);
    MpyObject *consts = ((MpyCodeObject *)code)->consts;
    MpyCodeObject *comp = (MpyCodeObject *)mpy_tuple_item(consts, 1);
    ck_assert(mpy_code_check((MpyObject *)comp));
    ck_assert_str_eq(mpy_str_utf8(comp->name), "<listcomp>");
    ck_assert_int_eq(comp->argcount, 1);
    ck_assert_str_eq(mpy_str_utf8(mpy_tuple_item(comp->varnames, 0)), ".0");
    ck_assert(!(comp->flags & MPY_CO_GENERATOR));
    MPY_DECREF(code);
}
END_TEST

START_TEST(class_body_with_class_cell)
{
    MpyObject *code = compile_ok("class C(B):\n    def m(self):\n        return super().m()\n");
    MpyCodeObject *body = nested_code(code);
    ck_assert_int_eq(body->ncellvars, 1);
    ck_assert_str_eq(mpy_str_utf8(mpy_tuple_item(body->cellvars, 0)), "__class__");
    // The body ends: LOAD_CLOSURE __class__; COPY 1; STORE_NAME __classcell__; RETURN_VALUE
    ptrdiff_t n = body->ninstrs;
    ck_assert_int_eq(MPY_INSTR_OP(body->instrs[n - 4]), OP_LOAD_CLOSURE);
    ck_assert_int_eq(MPY_INSTR_OP(body->instrs[n - 3]), OP_COPY);
    ck_assert_int_eq(MPY_INSTR_OP(body->instrs[n - 2]), OP_STORE_NAME);
    ck_assert_int_eq(MPY_INSTR_OP(body->instrs[n - 1]), OP_RETURN_VALUE);
    MpyCodeObject *m = nested_code((MpyObject *)body);
    ck_assert_str_eq(mpy_str_utf8(m->qualname), "C.m");
    ck_assert_int_eq(m->nfreevars, 1);
    MPY_DECREF(code);
}
END_TEST

START_TEST(stack_and_block_depths)
{
    MpyObject *code = compile_ok("f(1, 2, 3, 4)\n");
    ck_assert_int_eq(((MpyCodeObject *)code)->stacksize, 6);
    ck_assert_int_eq(((MpyCodeObject *)code)->maxblocks, 0);
    MPY_DECREF(code);
    code = compile_ok("try:\n    try:\n        pass\n    finally:\n        x()\n"
                      "except E as e:\n    pass\n");
    ck_assert_int_eq(((MpyCodeObject *)code)->maxblocks, 2);
    MPY_DECREF(code);
    code = compile_ok("with a as x, b as y:\n    f()\n");
    ck_assert_int_eq(((MpyCodeObject *)code)->maxblocks, 2);
    MPY_DECREF(code);
}
END_TEST

START_TEST(jumps_only_go_backward_when_unconditional)
{
    const char *src =
        "def f(xs):\n"
        "    for x in xs:\n"
        "        while x > 0 and not x is None:\n"
        "            x -= 1\n"
        "            if x in (1, 2) or x < -5 < 7:\n"
        "                continue\n"
        "            try:\n"
        "                yield x if x else -x\n"
        "            except (KeyError, ValueError) as e:\n"
        "                break\n"
        "            finally:\n"
        "                pass\n"
        "        with open(x) as f:\n"
        "            return [y for y in f if y and y]\n"
        "match v:\n"
        "    case [1, *r] | (2, *r) if r:\n"
        "        pass\n"
        "    case {'k': p, **q}:\n"
        "        pass\n"
        "    case C(a, b=c) as d:\n"
        "        pass\n";
    MpyObject *code = compile_ok(src);
    check_jumps((MpyCodeObject *)code);
    MPY_DECREF(code);
}
END_TEST

START_TEST(locations_cover_expressions)
{
    MpyObject *code = compile_ok("x = (a +\n     b)\n");
    MpyCodeObject *co = (MpyCodeObject *)code;
    ptrdiff_t k = 0;
    while (MPY_INSTR_OP(co->instrs[k]) != OP_BINARY_OP)
        k++;
    // The BINARY_OP spans the whole `a +\n     b`.
    ck_assert_int_eq(co->locations[k].line, 1);
    ck_assert_int_eq(co->locations[k].end_line, 2);
    ck_assert_int_eq(co->locations[k].col, 5);
    ck_assert_int_eq(co->locations[k].end_col, 6);
    ck_assert_int_eq(mpy_code_line_of(co, k), 1);
    MPY_DECREF(code);
}
END_TEST

START_TEST(eval_and_single_modes)
{
    MpyObject *code = compile_mode("1 + x", MPY_PARSE_EVAL);
    ck_assert_ptr_nonnull(code);
    MpyCodeObject *co = (MpyCodeObject *)code;
    ck_assert_int_eq(MPY_INSTR_OP(co->instrs[co->ninstrs - 1]), OP_RETURN_VALUE);
    ck_assert_int_eq(MPY_INSTR_OP(co->instrs[co->ninstrs - 2]), OP_BINARY_OP);
    MPY_DECREF(code);
    code = compile_mode("x\n", MPY_PARSE_SINGLE);
    ck_assert_ptr_nonnull(code);
    co = (MpyCodeObject *)code;
    ck_assert_int_eq(MPY_INSTR_OP(co->instrs[2]), OP_PRINT_EXPR);
    MPY_DECREF(code);
}
END_TEST

START_TEST(syntax_errors_have_cpython_messages)
{
    check_error("return 1\n", mpy_exc_SyntaxError, "'return' outside function", 1, 1);
    check_error("x = 1\nyield x\n", mpy_exc_SyntaxError, "'yield' outside function", 2, 1);
    check_error("break\n", mpy_exc_SyntaxError, "'break' outside loop", 1, 1);
    check_error("while x:\n    def f():\n        continue\n", mpy_exc_SyntaxError,
                "'continue' not properly in loop", 3, 9);
    check_error("nonlocal x\n", mpy_exc_SyntaxError,
                "nonlocal declaration not allowed at module level", 1, 1);
    check_error("def f():\n    nonlocal x\n", mpy_exc_SyntaxError,
                "no binding for nonlocal 'x' found", 2, 5);
    check_error("def f(x):\n    global x\n", mpy_exc_SyntaxError,
                "name 'x' is parameter and global", 2, 5);
    check_error("def f():\n    print(x)\n    global x\n", mpy_exc_SyntaxError,
                "name 'x' is used prior to global declaration", 3, 5);
    check_error("def f():\n    x = 1\n    global x\n", mpy_exc_SyntaxError,
                "name 'x' is assigned to before global declaration", 3, 5);
    check_error("def f(a, a):\n    pass\n", mpy_exc_SyntaxError,
                "duplicate argument 'a' in function definition", 1, 10);
    check_error("def f():\n    from m import *\n", mpy_exc_SyntaxError,
                "import * only allowed at module level", 2, 19);
    check_error("a, *b, *c = d\n", mpy_exc_SyntaxError,
                "multiple starred expressions in assignment", 1, 1);
    check_error("*a = b\n", mpy_exc_SyntaxError,
                "starred assignment target must be in a list or tuple", 1, 1);
    check_error("[(yield) for x in y]\n", mpy_exc_SyntaxError,
                "'yield' inside list comprehension", 1, 3);
    check_error("f(a=1, a=2)\n", mpy_exc_SyntaxError, "keyword argument repeated: a", 1, 8);
}
END_TEST

START_TEST(nesting_limits)
{
    // 21 nested loops: too many statically nested blocks.
    char src[2000] = "";
    for (int depth = 0; depth < 21; depth++)
        sprintf(src + strlen(src), "%*sfor x%d in y:\n", depth * 2, "", depth);
    sprintf(src + strlen(src), "%*spass\n", 21 * 2, "");
    check_error(src, mpy_exc_SyntaxError, "too many statically nested blocks", 21, 41);
    // A very deep expression: RecursionError, not a crash.
    size_t n = 3100;
    char *deep = malloc(n + 3);
    memset(deep, '-', n);
    strcpy(deep + n, "1\n");
    MpyObject *code = compile_mode(deep, MPY_PARSE_FILE);
    ck_assert_ptr_null(code);
    ck_assert(mpy_err_matches(mpy_exc_RecursionError));
    mpy_err_clear();
    free(deep);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("compiler");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, module_assignment_and_call);
    tcase_add_test(tc, constants_are_folded);
    tcase_add_test(tc, equal_constants_of_different_types_stay_apart);
    tcase_add_test(tc, calls_methods_and_keywords);
    tcase_add_test(tc, chained_comparison_and_boolean_values);
    tcase_add_test(tc, loops_break_and_continue);
    tcase_add_test(tc, function_code_attributes);
    tcase_add_test(tc, generators_and_comprehensions);
    tcase_add_test(tc, class_body_with_class_cell);
    tcase_add_test(tc, stack_and_block_depths);
    tcase_add_test(tc, jumps_only_go_backward_when_unconditional);
    tcase_add_test(tc, locations_cover_expressions);
    tcase_add_test(tc, eval_and_single_modes);
    tcase_add_test(tc, syntax_errors_have_cpython_messages);
    tcase_add_test(tc, nesting_limits);
    suite_add_tcase(s, tc);
    SRunner *r = srunner_create(s);
    srunner_run_all(r, CK_NORMAL);
    int nf = srunner_ntests_failed(r);
    srunner_free(r);
    return nf != 0;
}
