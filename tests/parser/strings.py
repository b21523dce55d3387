a = 'single'
b = "double"
c = """triple
double"""
d = \'\'\'triple
single\'\'\'
e = 'it\'s' + "say \"hi\""
f = "tab\there\nnewline\\backslash"
g = "\a\b\f\v\r\0\01\012\x41\u00e9\U0001F600"
h = r"raw\n\t" + R'raw' + r"""raw
triple"""
i = b"bytes" + B'\x00\xff\n' + br"raw\bytes" + Rb'x' + bR"y" + RB'z'
j = u"unicode" 
k = "concat" "enated" 'strings'
l = ("implicit"
     "joining"
     'across lines')
m = "unknown \q escape \d"
n = "line \
continued"
o = "\N{BULLET} \N{EM DASH} \N{GREEK SMALL LETTER ALPHA}"
p = 'héllo wörld ünïcode ✓ 日本語'
q = ''
r = ""
s = """"""
t = "a'b" + 'a"b' + 'a\'b"c'
u = b'\t\\'
v = "\x7f\x80\x9f\xa0"
w = "\ud800"
