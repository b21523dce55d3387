# isinstance/issubclass with user classes, tuples, ABCs and __class__.
class Shape: pass
class Circle(Shape): pass
class Square(Shape): pass
class Unit(Circle, Square): pass

c, s, u = Circle(), Square(), Unit()
print(isinstance(c, Shape), isinstance(c, Square), isinstance(u, (int, Square)))
print(issubclass(Unit, Shape), issubclass(Circle, (Square, Unit)), issubclass(Shape, Shape))
print(isinstance(c, object), issubclass(Circle, object), isinstance(Circle, type))
print(isinstance(3, (str, (float, int))), isinstance(True, int), issubclass(bool, int))
print(type(u) is Unit, type(u) == Circle, type(c).__name__)
try:
    isinstance(c, "Shape")
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(c, Shape)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(Circle, [Shape])
except TypeError as e:
    print(type(e).__name__, e)

# __subclasses__ and __bases__
print(sorted(k.__name__ for k in Shape.__subclasses__()), Unit.__bases__)

# Abstract base classes.
from abc import ABC, abstractmethod
class Animal(ABC):
    @abstractmethod
    def speak(self): ...
    def intro(self):
        return f"I say {self.speak()}"
class Dog(Animal):
    def speak(self):
        return "woof"
print(Dog().intro(), isinstance(Dog(), Animal))
try:
    Animal()
except TypeError as e:
    print(type(e).__name__, e)
class Half(Animal):
    pass
try:
    Half()
except TypeError as e:
    print(type(e).__name__, e)

# collections.abc checks on built-ins and user classes.
from collections.abc import Iterable, Sized, Mapping, Sequence, Callable, Hashable
class Box:
    def __iter__(self):
        return iter([])
    def __len__(self):
        return 0
print(isinstance(Box(), Iterable), isinstance(Box(), Sized), isinstance(3, Iterable))
print(isinstance({}, Mapping), isinstance([], Sequence), isinstance("s", Sequence), isinstance(len, Callable))
print(isinstance([], Hashable), isinstance((), Hashable))

# __instancecheck__/__subclasscheck__ through a metaclass.
class Meta(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, "quack")
    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")
class Duck(metaclass=Meta): pass
class Robot:
    def quack(self): pass
print(isinstance(Robot(), Duck), isinstance(1, Duck), issubclass(Robot, Duck))

# Exceptions are classes too.
class AppError(Exception): pass
class DbError(AppError): pass
print(issubclass(DbError, Exception), isinstance(DbError("x"), AppError), issubclass(KeyError, LookupError))
