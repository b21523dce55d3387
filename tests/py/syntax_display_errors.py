# SyntaxError messages for common mistakes in list, set and dict displays.
cases = [
    "[a, b for a, b in pairs]",
    "{a, b for a, b in pairs}",
    "[x, *rest for x in y]",
    "(a, b for a in c)",
    "[*a for a in b]",
    "{*a for a in b}",
    "(*a for a in b)",
    "{*a: 1}",
    "{**a for a in b}",
    "{a: *b}",
    "{1: 2, a: *b}",
    "{a: }",
    "{a: 1, b: }",
    "{**a, b}",
    "[1, 2, 3]",
    "{1: 2, **{3: 4}}",
]
for source in cases:
    try:
        compile(source, '<case>', 'eval')
        print('ok', source)
    except SyntaxError as e:
        print(source, '->', e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
