# errors raised by sets
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: set(1))
t(lambda: set(1, 2))
t(lambda: set(x=1))
t(lambda: set([[]]))
t(lambda: {[]})
t(lambda: {{}: 1})
t(lambda: set().pop())
t(lambda: set().remove(1))
t(lambda: set().remove([]))
t(lambda: set().discard([]))
t(lambda: [] in set())
one = {1}
t(lambda: one[0])
t(lambda: {1} + {2})
t(lambda: {1} * 2)
t(lambda: set.add(frozenset(), 1))
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print('RuntimeError', e)
s = {1, 2, 3}
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print('RuntimeError', e)
s = {1, 2, 3}
for x in s:
    s.discard(x)
    s.add(x)
print(s)
class BadHash:
    def __hash__(self):
        raise ValueError('bad hash')
t(lambda: {BadHash()})
t(lambda: BadHash() in {1})
class BadEq:
    def __hash__(self): return 1
    def __eq__(self, o): raise ValueError('bad eq')
b = BadEq()
t(lambda: {1, b})
t(lambda: {b, BadEq()})
print(b in {b}, len({b, b}))
it = iter({1, 2})
print(it.__length_hint__(), next(it), it.__length_hint__())
print(type(it).__name__)
class Mutator:
    def __init__(self, target): self.target = target
    def __hash__(self): return 7
    def __eq__(self, o):
        self.target.clear()
        return False
z = set()
z.add(Mutator(z))
z.add(Mutator(z))
print(len(z))
