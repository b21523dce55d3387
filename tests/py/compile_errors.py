# SyntaxErrors found by the compiler (symbol table and code generator),
# reported with CPython's message and position.
cases = [
    "return 1",
    "yield 1",
    "x = [(yield) for y in z]",
    "x = ((yield) for y in z)",
    "break",
    "continue",
    "def f():\n    break",
    "for x in y:\n    def f():\n        continue",
    "await x",
    "nonlocal x",
    "def f():\n    nonlocal x",
    "def f():\n    x = 1\n    global x",
    "def f():\n    print(x)\n    global x",
    "def f(x):\n    global x",
    "def f(x):\n    nonlocal x",
    "def f(a, b, a):\n    pass",
    "lambda a, a: 1",
    "def f():\n    from os import *",
    "class C:\n    from os import *",
    "*a = 1",
    "a, *b, *c = d",
    "f(a=1, a=2)",
    "x.m(k=1, k=2)",
    "try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass",
    "x: int = 1\nglobal x",
    "del __debug__",
    "class C:\n    [y := 1 for x in z]",
    "[x := 1 for x in z]",
    "[i for i in (j := z)]",
    "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x",
    "match x:\n    case y:\n        pass\n    case z:\n        pass",
    "match x:\n    case [a, a]:\n        pass",
    "match x:\n    case a | [b]:\n        pass",
    "match x:\n    case [a] | [b]:\n        pass",
    "match x:\n    case {1: a, 1: b}:\n        pass",
    "match x:\n    case C(a=1, a=2):\n        pass",
    "match x:\n    case [*a, *b]:\n        pass",
    "match x:\n    case _:\n        pass\n    case 1:\n        pass",
    "from __future__ import braces",
    "from __future__ import nope",
    "import os\nfrom __future__ import annotations",
    "'doc'\nfrom __future__ import annotations\nx = 1\nfrom __future__ import division",
    "async def f():\n    yield 1\n    return 2",
]
for src in cases:
    try:
        compile(src, "<test>", "exec")
        print("compiled:", repr(src))
    except SyntaxError as e:
        end = e.end_offset if e.end_offset else None  # minipy may give 0 for "unknown"
        print(f"{e.msg!r} line {e.lineno} col {e.offset}-{end} end line {e.end_lineno}")

# Deeply nested expressions are refused cleanly.
try:
    compile("-" * 5000 + "1", "<deep>", "eval")
except RecursionError as e:
    print("RecursionError:", e)
except SyntaxError as e:
    print("SyntaxError:", e.msg)

# Too many nested blocks
src = ""
for depth in range(21):
    src += "    " * depth + "for x%d in y:\n" % depth
src += "    " * 21 + "pass\n"
try:
    compile(src, "<blocks>", "exec")
except SyntaxError as e:
    print(e.msg, e.lineno)

# Errors raised by exec show the file name given to compile
try:
    exec(compile("def f():\n    return\nreturn", "myfile.py", "exec"))
except SyntaxError as e:
    print(e.msg, e.filename, e.lineno)

# eval and single modes
print(eval(compile("1 + 2", "<e>", "eval")))
exec(compile("print('exec mode')", "<x>", "exec"))
code = compile("40 + 2", "<s>", "single")
exec(code)
