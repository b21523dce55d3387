# format() of ints: the format-spec mini-language.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


specs = ['', 'd', '5d', '<5d', '^7', '*^9', '08,', '09,', '0=10,', '*=10,', '#010x', '#_b', '_x', '_o', 'x', 'X',
         '#X', '#o', 'b', '+', '-', ' ', '+d', ' d', '010', '-^+10', '>10', '=10', 'x<8,d', 'n', ',', '_',
         'e', '.2f', '%', 'E', 'g', '08.3f', '#x', '+#x', ' #o', ',d', '_d', '020_', '+,']
for v in [0, 1, -1, 42, -42, 1234, 1234567, 255, -255, 123456789, 2 ** 70, -(2 ** 70)]:
    print(v, "|".join(format(v, s) for s in specs))
for v in [65, 0x263A, 0, 0x10FFFF]:
    print(repr(format(v, 'c')), repr(format(v, '5c')), repr(format(v, '<3c')))
for spec in ['.2d', 'z', 'zd', 's', 'abc', ',_', '_,', 'x,', ',x', ',c', '+c', '#c', 'é', '\n', '1000000000000000000000', '=', ',b', ',n']:
    show("format(7, %r)" % spec, lambda: format(7, spec))
show("format(-1, 'c')", lambda: format(-1, 'c'))
show("format(0x110000, 'c')", lambda: format(0x110000, 'c'))
show("format(2**70, 'c')", lambda: format(2 ** 70, 'c'))
show("format(True, '')", lambda: format(True, ''))
show("format(True, 'd')", lambda: format(True, 'd'))
show("format(False, '>5')", lambda: format(False, '>5'))
show("format(True, 'abc')", lambda: format(True, 'abc'))
show("format(10**400, 'e')", lambda: format(10 ** 400, 'e'))
show("format(2**100, '_')", lambda: format(2 ** 100, '_'))
show("format(2**100, '_b')", lambda: format(2 ** 100, '_b'))
