# -*- coding: latin-1 -*-
# A source file saved in latin-1: its bytes are decoded as declared.
s = "café naïve © °C"
print(s, len(s), ascii(s))
print("\xe9" == "é", "é".encode("latin-1"), "é".encode())
print([hex(ord(c)) for c in "àÿ"])
