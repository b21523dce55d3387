import abc
from abc import ABC, ABCMeta, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @property
    @abstractmethod
    def name(self): ...
    @classmethod
    @abstractmethod
    def make(cls): ...
    @staticmethod
    @abstractmethod
    def kind(): ...
    def describe(self): return f"{self.name} with area {self.area()}"
print(sorted(Shape.__abstractmethods__))
try: Shape()
except TypeError as e: print(e)
class Square(Shape):
    def __init__(self, s=2): self.s = s
    def area(self): return self.s ** 2
    name = "square"
    @classmethod
    def make(cls): return cls(3)
    @staticmethod
    def kind(): return "polygon"
print(Square().describe(), Square.make().area(), Square.kind(), Square.__abstractmethods__, isinstance(Square(), Shape), issubclass(Square, ABC))
class Partial(Shape):
    def area(self): return 0
try: Partial()
except TypeError as e: print(e)
class Plugin(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Plugin:
            return hasattr(C, "run") and callable(C.run) or NotImplemented
        return NotImplemented
class Runner:
    def run(self): pass
class NotRunner: pass
print(issubclass(Runner, Plugin), isinstance(Runner(), Plugin), issubclass(NotRunner, Plugin), issubclass(int, Plugin))
class Registry(ABC): pass
@Registry.register
class Impl: pass
print(issubclass(Impl, Registry), isinstance(Impl(), Registry), Registry.register(int) is int, isinstance(3, Registry), issubclass(bool, Registry), Registry in Impl.__mro__)
class SubReg(Registry): pass
print(issubclass(Impl, SubReg), issubclass(SubReg, Registry))
try: Registry.register("x")
except TypeError as e: print(e)
try: SubReg.register(Registry)
except RuntimeError as e: print(e)
print(type(Shape).__name__, abc.ABCMeta.__name__, ABC.__slots__, Shape.__module__, abc.get_cache_token() == abc.get_cache_token())
def f(): pass
print(abc.abstractmethod(f) is f, f.__isabstractmethod__, abc.abstractproperty.__isabstractmethod__)
class Later(ABC):
    @abstractmethod
    def g(self): ...
Later.g = lambda self: 42
abc.update_abstractmethods(Later); print(Later().g(), Later.__abstractmethods__)
class Meta2(ABCMeta):
    def __new__(mcls, name, bases, ns, **kw):
        ns.setdefault("tag", name.lower())
        return super().__new__(mcls, name, bases, ns, **kw)
class Tagged(metaclass=Meta2):
    @abstractmethod
    def x(self): ...
class T2(Tagged):
    def x(self): return self.tag
print(T2().x(), Tagged.tag, type(T2).__name__)
