# PEP 560: a base that is not a class may supply the real bases through
# __mro_entries__; the class then records the originals in __orig_bases__.
class Real:
    def hello(self):
        return 'hello from Real'

class Stand:
    def __init__(self, *targets):
        self.targets = targets
    def __mro_entries__(self, bases):
        print('mro_entries called with', len(bases), 'bases')
        return self.targets

class Made(Stand(Real)):
    pass

print(Made.__bases__ == (Real,), Made().hello(), len(Made.__orig_bases__))
print('__orig_bases__' in Made.__dict__, '__orig_bases__' in Real.__dict__)

class Two(Stand(), Real):
    pass
print([b.__name__ for b in Two.__bases__])

class Alias(list[int]):
    pass
print(Alias.__bases__, Alias.__orig_bases__, Alias([1, 2]))

import typing
T = typing.TypeVar('T')
class Box(typing.Generic[T]):
    pass
print(Box.__orig_bases__ == (typing.Generic[T],))

class Point(typing.NamedTuple):
    x: int
    y: int = 0
print(Point(1), Point._fields)

class Bad:
    def __mro_entries__(self, bases):
        return [Real]
try:
    class Broken(Bad()):
        pass
except TypeError as e:
    print('TypeError', e)
