x = 1if y else 2
z = [0x1for x in y]
w = 1or 2
v = 0 if 1else 2
u = 1.5j.imag + 1e3.real
t = 1 .bit_length()
s = 1_000_000.__str__()
