import textwrap
text = ("The quick brown fox jumps over the lazy dog. Python is a programming language that lets you work quickly and integrate systems more effectively. "
        "Some well-known self-evident long-term state-of-the-art words--and em-dashes--appear here; also a supercalifragilisticexpialidocious word.")
for w in [10, 20, 35, 50, 70]:
    print(w, textwrap.wrap(text, width=w))
print(textwrap.fill(text, width=40, initial_indent="* ", subsequent_indent="  "))
print(textwrap.fill("Hello.  How are you? Fine. ok", width=100, fix_sentence_endings=True))
print(textwrap.wrap("a\tb\tc d", width=6), textwrap.wrap("a\tb", expand_tabs=False, width=10), textwrap.wrap("  leading  spaces ", width=5, drop_whitespace=False))
print(textwrap.wrap("abcdefghijklmnop", width=5), textwrap.wrap("abcdefghijklmnop", width=5, break_long_words=False), textwrap.wrap("aaa-bbb-ccc-ddd", width=6), textwrap.wrap("aaa-bbb-ccc-ddd", width=6, break_on_hyphens=False))
print(textwrap.shorten("Hello  world!", width=12), textwrap.shorten("Hello  world!", width=11), textwrap.shorten(text, width=60), textwrap.shorten(text, 30, placeholder="..."))
print(textwrap.wrap(text, width=30, max_lines=3), textwrap.wrap(text, width=30, max_lines=1, placeholder=" ~"))
print(repr(textwrap.dedent("""\
    def f():
        return 1
      # odd
    end
""")), repr(textwrap.dedent("  a\n\tb\n")), repr(textwrap.dedent("  x\n  \n  y")), repr(textwrap.indent("a\nb\n\nc", "> ")), repr(textwrap.indent("a\n\nb", "+", lambda l: True)))
try: textwrap.wrap("x", width=0)
except ValueError as e: print(e)
try: textwrap.wrap("hello world", width=3, max_lines=2, placeholder="[......]")
except ValueError as e: print(e)
w = textwrap.TextWrapper(width=15, replace_whitespace=False); print(w.wrap("one\ntwo three four"), w.fill("x y"))
print(textwrap.wrap(""), textwrap.wrap("   "), textwrap.fill("naïve café résumé déjà-vu über", width=12))
