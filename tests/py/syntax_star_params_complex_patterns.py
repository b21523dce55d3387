# SyntaxError messages for a repeated '*' in parameter lists and for
# complex literals in match patterns (real part first, then imaginary),
# and for a 'for' header that does not end in ':'.
cases = [
    'def f(x, *a, *):\n pass',
    'lambda x, *a, *: 1',
    'def f(*a, *b): pass',
    'def f(*, *a): pass',
    'def f(*a, *, b): pass',
    'def f(*): pass',
    "match x:\n case 1 + 1: pass",
    "match x:\n case 1j + 2j: pass",
    "match x:\n case -1j - 2j: pass",
    "match x:\n case 1.5 - 2: pass",
    "match x:\n case -1 - 2j: pass",
    "match x:\n case 1 + 2.5j: pass",
    # a 'for' header with junk before ':' is plain invalid syntax; only a
    # missing ':' at the end of the line is "expected ':'"
    "for x in 1 2: pass",
    "for i in range(3) print(i)",
    "for i in range(3)\n  print(i)",
    "while x y: pass",
]
for source in cases:
    try:
        compile(source, '<case>', 'exec')
        print('ok', repr(source))
    except SyntaxError as e:
        print(repr(source), '->', e.msg, e.lineno, e.offset)

value = -1 + 2j
match value:
    case -1 + 2j:
        print('matched', value)
