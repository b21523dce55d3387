# The int/str conversion length limit (4300 digits by default).
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


import sys
print(sys.get_int_max_str_digits())
ok = 10 ** 4299
print(len(str(ok)), str(ok)[:10])
show("str(10**4300)", lambda: len(str(10 ** 4300)))
show("str(10**5000)", lambda: str(10 ** 5000))
show("repr(-10**5000)", lambda: repr(-10 ** 5000))
show("int('1'*4300)", lambda: int('1' * 4300) % 10 ** 9)
show("int('1'*4301)", lambda: int('1' * 4301))
show("int('1_'*3000 + '1')", lambda: int('1_' * 3000 + '1'))
show("hex(10**5000)[:12]", lambda: hex(10 ** 5000)[:12])
show("int('f'*5000, 16) > 0", lambda: int('f' * 5000, 16) > 0)
show("f'{10**5000}'", lambda: f'{10 ** 5000}')
show("format(10**5000, 'x')[:8]", lambda: format(10 ** 5000, 'x')[:8])
