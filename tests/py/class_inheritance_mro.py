# Single and multiple inheritance, the C3 MRO and cooperative super().
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def describe(self):
        return f"{type(self).__name__}({self.name!r})"

class Dog(Animal):
    sound = "Woof"

class Puppy(Dog):
    def speak(self):
        return super().speak() + "!"

for a in [Animal("generic"), Dog("Rex"), Puppy("Bit")]:
    print(a.speak(), a.describe())
print([c.__name__ for c in Puppy.__mro__])
print(Puppy.__bases__, Dog.__base__)

# Diamond: every __init__ runs once, in MRO order.
class Base:
    def __init__(self):
        print("Base.__init__")
        self.trace = ["Base"]
class Left(Base):
    def __init__(self):
        print("Left.__init__")
        super().__init__()
        self.trace.append("Left")
class Right(Base):
    def __init__(self):
        print("Right.__init__")
        super().__init__()
        self.trace.append("Right")
class Bottom(Left, Right):
    def __init__(self):
        print("Bottom.__init__")
        super().__init__()
        self.trace.append("Bottom")
b = Bottom()
print(b.trace)
print([c.__name__ for c in Bottom.mro()])

# Mixins with keyword arguments passed along the chain.
class Named:
    def __init__(self, name, **kw):
        super().__init__(**kw)
        self.name = name
class Aged:
    def __init__(self, age, **kw):
        super().__init__(**kw)
        self.age = age
class Person(Named, Aged):
    pass
p = Person(name="Ann", age=30)
print(p.name, p.age)

# A consistent MRO is impossible here.
class X: pass
class Y: pass
class A(X, Y): pass
class B(Y, X): pass
try:
    class C(A, B): pass
except TypeError as e:
    print(type(e).__name__, str(e).splitlines()[0])

try:
    class D(X, X): pass
except TypeError as e:
    print(type(e).__name__, e)

# super() with explicit arguments and in classmethods.
class P:
    @classmethod
    def create(cls):
        return f"P.create for {cls.__name__}"
class Q(P):
    @classmethod
    def create(cls):
        return "Q/" + super().create()
print(Q.create(), super(Q, Q).create())

# Method resolution reaches object.
print(Bottom.__mro__[-1] is object, issubclass(Bottom, object))
print(hasattr(b, "__init__"), Left.__init__ is not Base.__init__)
