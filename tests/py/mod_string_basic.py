import string
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), repr(string.printable), len(string.printable))
print(string.capwords('hello   world  foo'), string.capwords('a-b-c', '-'), string.capwords(''), string.capwords(' x y '))
T = string.Template
t = T('$who likes $what, ${who}ish $$5')
print(t.substitute(who='tim', what='kung pao'), t.substitute({'who': 'a', 'what': 'b'}), t.substitute({'who': 'a', 'what': 'b'}, what='c'))
print(t.safe_substitute(who='x'), t.get_identifiers(), t.is_valid(), t.template)
for bad in [lambda: T('$who').substitute(), lambda: T('$ x').substitute(x=1), lambda: T('ab\ncd $').substitute(), lambda: T('${x').substitute(x=1), lambda: T('$1').substitute()]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
print(T('$ x ${y ${z}').safe_substitute(z=1), T('$ x').is_valid(), T('a$$b').substitute())
class MyT(T):
    delimiter = '%'
print(MyT('%who is %{x}%%').substitute(who=1, x=2))
f = string.Formatter()
print(f.format('{} + {} = {}', 1, 2, 3), f.format('{0}{1}{0}', 'a', 'b'), f.format('{x.real:>5}|{y[1]}|{z[k]}', x=3, y=[0, 9], z={'k': 'v'}))
print(f.format('{:{w}.{p}f}', 3.14159, w=8, p=2), f.format('{!r} {!s} {!a}', 'x', 'y', 'é'), f.format('{{literal}}'))
print(list(f.parse('a{0}b{x!r:>3}c{{d}}')), list(f.parse('')), list(f.parse('{}')))
for bad in [lambda: f.format('{'), lambda: f.format('}'), lambda: f.format('{0}{}', 1, 2), lambda: f.format('{}{0}', 1, 2), lambda: f.format('{!x}', 1), lambda: f.format('{a}'), lambda: f.format('{5}', 1)]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
class Up(string.Formatter):
    def format_field(self, value, spec): return format(value, spec).upper()
    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs: return '<' + key + '>'
        return super().get_value(key, args, kwargs)
print(Up().format('{a} {b} {0}', 'z', a='hello'))
