# printf-style % formatting of numbers.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


for f in ['%d', '%i', '%u', '%5d', '%-5d|', '%05d', '%+d', '% d', '%.3d', '%x', '%X', '%#x', '%#X', '%o', '%#o', '%#8o', '%-#8o|', '%+#x', '%10.4d', '%-010d|']:
    print(f, "|".join(f % v for v in [0, 5, -42, 255, -255, 2 ** 70]))
for f in ['%f', '%.2f', '%e', '%E', '%g', '%G', '%.3g', '%10.3f', '%-10.3f|', '%010.2f', '%+.1f', '% .1f', '%#.0f', '%#g', '%.0e', '%F', '%08.3e', '%.10g']:
    print(f, "|".join(f % v for v in [0.0, -0.0, 1.5, -2.25, 1234.5678, 1e20, 1e-10, 2.675, float('inf'), float('-inf'), float('nan')]))
print("%d %s %r" % (3.7, 1.5, 2.5), "%d" % True, "%x" % 255, "%.2f%%" % 99.5, "%5.1f|%-5.1f|" % (2.25, 2.35))
print("%(a)d + %(b).1f" % {'a': 1, 'b': 2.25}, "%*d|%-*d|" % (5, 42, 5, 42), "%.*f" % (2, 3.14159))
show("'%d' % 'x'", lambda: '%d' % 'x')
show("'%x' % 1.5", lambda: '%x' % 1.5)
show("'%f' % 'x'", lambda: '%f' % 'x')
show("'%d' % 10**400", lambda: len('%d' % 10 ** 400))
show("'%f' % 10**400", lambda: '%f' % 10 ** 400)
show("'%c' % 65", lambda: '%c' % 65)
