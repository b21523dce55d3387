# The error messages beginners meet most often, exactly as CPython words them.
cases = [
    "'2' + 2", "2 + '2'", "[1] + (2,)", "None + 1", "'a' * 'b'", "'a' - 'b'", "len(5)", "5[0]",
    "None[0]", "{}.x", "None.x", "(5).append", "int('x')", "float('nan%')", "[1, 2, 3][10]",
    "{'a': 1}['b']", "'abc'.index('z')", "[].remove(1)", "1 / 0", "10 // 0", "10 % 0", "2 ** 10000.0",
    "undefined_var", "import nonexistent_module", "x, y = [1, 2, 3]", "a, b, c = 'ab'",
    "int([])", "sum(['a'])", "sorted([1, 'a'])", "max()", "abs('x')", "'x'.join([1])",
    "list(5)", "dict(5)", "tuple(None)", "hash([])", "{[]: 1}", "{{}}", "print(undefined)",
    "f'{1:d}'.format()", "'{:d}'.format(1.5)", "range(1.5)", "chr('a')", "ord(1)", "open(5.5)",
    "object().x = 1", "(1, 2).append(3)", "'abc'.upper = 1", "iter(1)", "next([])", "callable()",
    "isinstance(1, 1)", "getattr(1, 'nope')", "int.nope", "[].sort(key=1)", "[3, 1].sort(key=len)",
    "lambda: yield", "1 if True", "def f(x, x): pass", "f(**{'a': 1}, a=2)", "'%d' % 'x'",
]
for src in cases:
    try:
        if src.startswith(("import", "def", "lambda", "1 if", "x, y", "a, b")):
            exec(src)
        else:
            eval(src)
    except Exception as e:
        print(f"{src:<28} {type(e).__name__}: {e}")
