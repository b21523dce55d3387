# str case conversion and character classes, ASCII and beyond.
tests = ['hello world', 'Hello World', 'HELLO', 'hello', '', '123', 'abc123', ' ',
         'Straße', 'ǅungla', 'ΣΊΣΥΦΟΣ', 'όσος Σ', 'ﬁne', 'İstanbul', 'ŉ', 'ÉCOLE',
         "they're bill's friends", 'x1y2', 'ΑΣ.', 'aΣ b', 'Σ', 'A\u0345Σ',
         '٣٤٥', '½', '²', '五', 'ⅷ', '\t\n', '\u2003', 'a_b', '_x', '1a', 'ℌ', 'é',
         '\x00', '\u0378', 'a\u200bb', 'Ω', 'ǈ', 'ǉ']
for t in tests:
    print(repr(t), repr(t.lower()), repr(t.upper()), repr(t.casefold()), repr(t.title()),
          repr(t.capitalize()), repr(t.swapcase()))
    print('   ', t.isalpha(), t.isalnum(), t.isdecimal(), t.isdigit(), t.isnumeric(),
          t.isspace(), t.islower(), t.isupper(), t.istitle(), t.isidentifier(),
          t.isprintable(), t.isascii())
print('ß'.upper(), 'ß'.casefold(), 'ß'.title(), 'ﬃ'.upper(), 'ﬃ'.title())
print('ΑΣ ΒΣ'.lower(), 'ΑΣ\'Σ'.lower(), 'Σ'.lower(), 'ΑΣΑ'.lower())
print('hello world'.title(), "they're".title(), 'o\'neil mc-donald'.title(), '2nd place'.title())
print('abc'.isidentifier(), 'def'.isidentifier(), 'ünïcode'.isidentifier(), '1x'.isidentifier(), 'x-y'.isidentifier())
