# format() of floats: precision, types, alignment, grouping, sign, z.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


specs = ['', '.2f', '.0f', 'e', 'E', '.3e', 'g', 'G', '.3g', '#g', '#.0f', '#.0e', '%', '.1%', '010.3f', '+.2f',
         ' .2f', '010', '+010', ',', '010,.1f', '012,.1f', ',.2f', '_.3f', 'z.2f', 'z.1f', 'z', '.3', '.17g',
         'n', '=+8.2f', '>10.3f', '<10.2f', '^12.1f', '*^12.1e', 'F', '#.3', '.10', '.1g', '+e', '-.1f']
vals = [0.0, -0.0, 1.0, 1.5, 2.5, -1.5, 0.125, 1234.5, -1234.5, 1234.5678, 0.1, 1e-5, 1e16, 1e20, 1e100,
        123456789.0, 100.0, -0.001, 0.001, float('inf'), float('-inf'), float('nan'), 3.14159, 2.675,
        1e-320, 12345678901234567890.0, 0.5, 9.995, -9.995, 1e300 * 1e10]
for v in vals:
    print(repr(v), "|".join(format(v, s) for s in specs))
for spec in ['.', 'd', 'x', 'c', 's', '.2s', ',x', '_n', 'abc', 'z=', '.1000000000000000000000f']:
    show("format(1.5, %r)" % spec, lambda: format(1.5, spec))
print(format(1e300, '.2f')[:30], len(format(1e300, 'f')), format(2 ** -30, '.40f'))
print(format(1.0, '.100f')[-5:], format(0.1, '.55f'), format(5e-324, '.3e'), format(1.7976931348623157e308, ',.0f')[:20])
