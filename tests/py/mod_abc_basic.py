import abc
from abc import ABC, ABCMeta, abstractmethod
class Base(ABC):
    @abstractmethod
    def bar(self): pass
    @abstractmethod
    def baz(self): pass
    @property
    @abstractmethod
    def p(self): pass
try: Base()
except TypeError as e: print(e)
class Half(Base):
    def bar(self): return 1
try: Half()
except TypeError as e: print(e)
class Full(Half):
    def baz(self): return 2
    p = 3
print(Full().bar(), Full().p, sorted(Base.__abstractmethods__), Full.__abstractmethods__)
class Other: pass
Base.register(Other)
print(isinstance(Other(), Base), issubclass(Other, Base), issubclass(int, Base), isinstance(Full(), Base))
class Sized2(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if any("__len__" in B.__dict__ for B in C.__mro__): return True
        return NotImplemented
print(isinstance([], Sized2), isinstance(1, Sized2), issubclass(dict, Sized2))
print(type(Base), ABC.__slots__, abc.get_cache_token() > 0)
try: Base.register(1)
except TypeError as e: print(e)
try: Full.register(Base)
except RuntimeError as e: print(e)
try: issubclass(1, Base)
except TypeError as e: print(e)
Full.__abstractmethods__ = frozenset()
class A2(ABC):
    @abstractmethod
    def f(self): ...
A2.f = lambda self: 1
abc.update_abstractmethods(A2)
print(A2().f())
class M(ABCMeta): pass
class X(metaclass=M):
    @abc.abstractclassmethod
    def c(cls): pass
try: X()
except TypeError as e: print(e)
print(Base.__dict__.get('_abc_impl') is not None, 'ABC' in dir(abc))
