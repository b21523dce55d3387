# format() of strings and other objects.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


for s in ['abc', '', 'héllo', 'a longer string']:
    print("|".join(repr(format(s, spec)) for spec in ['', 's', '^9', '*^10', '.2', '05', '<6', '>6', '10.2', 'é^7', '=^5', '>>4', '.0']))
for spec in ['+', '#', '=10', 'd', ',', '_', 'z', ' ', '-', 'x', '.2f', '0=5', ',s']:
    show("format('a', %r)" % spec, lambda: format('a', spec))
show("format(None, '')", lambda: format(None, ''))
show("format(None, 'x')", lambda: format(None, 'x'))
show("format([1, 2], '')", lambda: format([1, 2], ''))
show("format([1, 2], '10')", lambda: format([1, 2], '10'))
show("format(1+2j, '')", lambda: format(1 + 2j, ''))
for spec in ['', '.2f', '>20', '<20', '^20', 'g', 'e', '.3', '+.1f', '*^24.2f', 'z.1f', '#.0f', '.0e', ' ', 'E', 'n', '-']:
    print(repr(spec), "|".join(repr(format(z, spec)) for z in [1 + 2j, 1j, complex(-0.0, -0.0), 1.5 - 2.25j, complex(1e20, 1e-20), complex(float('nan'), float('inf'))]))
for spec in ['=10', '010', '%', 'd', 'x', ',']:
    show("format(1+2j, %r)" % spec, lambda: format(1 + 2j, spec))

class Fmt:
    def __format__(self, spec):
        return "Fmt(" + spec + ")"

print(format(Fmt(), 'xyz'), f"{Fmt():abc}", "{:q}".format(Fmt()))
