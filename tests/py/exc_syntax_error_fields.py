# SyntaxError attributes as CPython sets them: end_lineno/end_offset None
# when unknown, and the text of errors found by the tokenizer without the
# line's newline.
sources = [
    "x = (1,", "def f(:\n pass", "a b", "x = 1 +", "if True:\npass",
    "  x=1", "'abc", "x = $", "return 5", "del f()", "1 = 2", '"""abc',
    "x = 'abc\n", "x = '''abc\ny\n", "x = 1_\n", "x = 0b2\n", "x = 1abc\n",
    "x = )\n", "x = (]\n", "if x:\n    a\n  b\n", "x = 09\n", "x = \\ y\n",
    "x = 'a' 'b\n", "x = 1e\n", "def f():\nx\n", "x = 5 if\n", "x = 0x\n",
    "f(**a, *b)", "True = 1", "def f(a, a): pass", "nonlocal x",
]
for src in sources:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg, e.lineno, e.offset,
              e.end_lineno, e.end_offset, repr(e.text))
    else:
        print(repr(src), "compiled")

e = SyntaxError("m")
print(e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text, e.filename)
e = SyntaxError("m", ("f", 1, 2, "t"))
print(e.lineno, e.offset, e.end_lineno, e.end_offset, e.text, e.filename, e)
e = SyntaxError("m", ("f", 1, 2, "t", 3, 4))
print(e.lineno, e.offset, e.end_lineno, e.end_offset, e.text, e.filename, e)
print(IndentationError("i").end_lineno, TabError("t").end_offset)
