a = "\\\n"
b = '\x00\x7f'
c = "\101\102"
d = '\''
e = "\""
f = "end\\"
g = b"\x80\xfe"
h = r'\''
i = "\u20ac \U0001f600 \N{snowman}"
j = "\z\8\9"
k = "\
"
