# Class statements: bodies, __qualname__, super(), decorators, keywords.

class Base:
    """Base docstring."""
    kind = "base"

    def __init__(self, name):
        self.name = name

    def hello(self):
        return "Base.hello " + self.name

    @classmethod
    def make(cls, name):
        return cls(name)

    @staticmethod
    def util(x):
        return x * 2


class Child(Base):
    kind = "child"

    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra

    def hello(self):
        return "Child+" + super().hello()

    def cls_name(self):
        return __class__.__name__


c = Child("c", 1)
print(c.hello(), c.extra, c.cls_name())
print(Base.__doc__, Child.__doc__, Base.__module__, Child.__qualname__)
print(Base.make("m").hello(), Child.util(21))
print(Child.__mro__ == (Child, Base, object))
print(type(Child.__dict__["hello"]).__name__)

class Outer:
    class Inner:
        def method(self):
            pass
    def f(self):
        def g():
            pass
        return g

print(Outer.Inner.__qualname__, Outer.Inner.method.__qualname__, Outer().f().__qualname__)
print(Outer.f.__code__.co_name, Outer.f.__code__.co_qualname)

def factory():
    class Local:
        pass
    return Local
print(factory().__qualname__)

# Decorators apply bottom-up and see the function first.
def tag(label):
    def deco(f):
        print("decorating", f.__name__, "with", label)
        f.tags = getattr(f, "tags", []) + [label]
        return f
    return deco

@tag("outer")
@tag("inner")
def decorated():
    return "called"
print(decorated(), decorated.tags)

def class_deco(cls):
    cls.added = True
    return cls

@class_deco
class Decorated:
    pass
print(Decorated.added)

# Class keywords and metaclasses
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["meta_kw"] = kw
        return super().__new__(mcls, name, bases, ns)

class WithMeta(metaclass=Meta, flag=1):
    pass
print(type(WithMeta).__name__, WithMeta.meta_kw)

bases = (Base,)
class Star(*bases):
    pass
print(Star.__bases__[0].__name__)

# Class body executes top to bottom with its own namespace
class Body:
    a = 1
    b = a + 1
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    if a:
        branch = "yes"
    del a
print(Body.b, Body.doubled, Body.branch, hasattr(Body, "a"))

# Annotations in class and module bodies
class Annotated:
    x: int
    y: str = "y"
print(Annotated.__annotations__, Annotated.y)

module_annotated: float = 1.5
print(__annotations__)

# super() with explicit arguments, and inside a comprehension (an error)
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super(B, self).who()
    def many(self):
        try:
            return [super().who() for _ in range(2)]
        except TypeError as e:
            return "TypeError: " + str(e)
print(B().who(), B().many())

# __class__ cell is filled in
class HasCell:
    def get(self):
        return __class__
print(HasCell().get() is HasCell)

# Properties and special methods defined in the body
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)
v = Vec(1, -2) + Vec(3, 4)
print(v, v.norm1)
v.x += 10
print(v)
