# String literal forms: quotes, triple quotes, escapes, raw, bytes, \N{}, concatenation.
print('single', "double", '''triple single''', """triple double""")
print('it\'s', "say \"hi\"", 'mixed "quotes"', "mixed 'quotes'")
print("tab\tnew\\nline", "bell\a".encode(), "null\0byte".encode(), "\x41\u00e9\U0001F600")
print(r"raw \n stays", R"C:\path\to\file", r'\d+\.\d+', len(r"\n"), len("\n"))
print(b"bytes", B"B", rb"raw\bytes", br"\x00", b"\x00\xff")
print("\N{GREEK SMALL LETTER ALPHA}\N{EM DASH}\N{snowman}", "\N{LATIN CAPITAL LETTER E WITH ACUTE}")
print("implicit " 'concatenation ' """works""", ("across "
      "lines"))
multi = """line 1
  line 2 indented
line 3\
 continued"""
print(multi)
print(repr(multi), multi.count("\n"))
doc = '''
    Indented docstring style text.
    Second line.
'''
print(doc.strip().splitlines())
print("\101\102\103", "\7" == "\a", "\x7f".isprintable(), "\u2028".isprintable())
print(len("é"), len("e\u0301"), "é" == "e\u0301", "Straße".casefold(), "ǆ".title())
print(f"{'nested'!r}", f'{"x" * 3}', f"""{'''triple'''}""", rf"\t{1+1}")
print("""a""" """b""", 'x' "y" '''z''')
for bad in ['"unterminated', "'\\N{NO SUCH NAME}'", "b'é'", "'\\x4'", '"""never closed']:
    try:
        compile(bad, "<test>", "eval")
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
print("\d is kept" if False else "invalid escapes stay: \\d")
