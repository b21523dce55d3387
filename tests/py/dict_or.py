# dict | and |=
a = {'x': 1, 'y': 2}
b = {'y': 3, 'z': 4}
print(a | b, b | a, a | {}, {} | a)
c = a
c |= b
print(a, c is a)
c |= [('w', 0)]
c |= {'q': 9}.items()
print(a)
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: a | [('k', 1)])
t(lambda: a | 1)
t(lambda: [('k', 1)] | a)
def ior(x, y):
    x |= y
    return x
t(lambda: ior({}, 1))
t(lambda: ior({}, [1]))
class D(dict):
    pass
print(type(D(a=1) | {'b': 2}).__name__, type({'b': 2} | D(a=1)).__name__)
print(D(a=1) | {'b': 2})
class KeysOnly:
    def keys(self): return ['k']
    def __getitem__(self, k): return 'v'
print(ior({}, KeysOnly()))
t(lambda: {} | KeysOnly())
