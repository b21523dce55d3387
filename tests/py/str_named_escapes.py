# -*- coding: utf-8 -*-
# \N{NAME} escapes: any case, aliases, CJK ideographs, in f-strings; the
# errors for unknown and malformed names; raw strings and bytes keep the
# escape as text.
print("\N{GREEK SMALL LETTER ALPHA}\N{greek small letter beta}\N{Greek Capital Letter Omega}")
print("\N{SNOWMAN} \N{BLACK HEART SUIT} \N{EM DASH} \N{HORIZONTAL ELLIPSIS} \N{BULLET}")
print(ascii("\N{NO-BREAK SPACE}\N{DEGREE SIGN}\N{COPYRIGHT SIGN}\N{EURO SIGN}\N{POUND SIGN}"))
print(ascii("\N{LINE FEED}\N{CARRIAGE RETURN}\N{NULL}\N{ESCAPE}\N{CHARACTER TABULATION}\N{DELETE}"))
print(ascii("\N{LATIN SMALL LETTER E WITH ACUTE}\N{LATIN CAPITAL LETTER C WITH CEDILLA}\N{CYRILLIC SMALL LETTER ZHE}"))
print(ascii("\N{RIGHTWARDS ARROW}\N{INFINITY}\N{NOT EQUAL TO}\N{BOX DRAWINGS LIGHT HORIZONTAL}\N{FULL BLOCK}"))
print(ascii("\N{THUMBS UP SIGN}\N{PILE OF POO}\N{GRINNING FACE}\N{ROCKET}\N{CHECK MARK}\N{CROSS MARK}"))
print(ascii("\N{CJK UNIFIED IDEOGRAPH-4E2D}\N{CJK UNIFIED IDEOGRAPH-20000}\N{HIRAGANA LETTER A}"))
print(ascii("\N{COMBINING ACUTE ACCENT}\N{ZERO WIDTH SPACE}\N{BYTE ORDER MARK}\N{REPLACEMENT CHARACTER}"))
name = "world"
print(f"\N{WAVING HAND SIGN} hello {name} \N{EXCLAMATION MARK}")
print(r"\N{SNOWMAN}", b"\N{SNOWMAN}", len("\N{SNOWMAN}"))
for bad in ["NOT A REAL NAME", "CJK UNIFIED IDEOGRAPH-0041", "GREEK SMALL LETTER ALPHAX", ""]:
    try:
        eval('"\\N{%s}"' % bad)
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
for bad in ['"\\N"', '"\\Nabc"', '"ab\\N{}"']:
    try:
        eval(bad)
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
