# classes
class Animal:
    species_count = 0
    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound
        Animal.species_count += 1
    def speak(self):
        return f"{self.name} says {self.sound}"
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
    def __str__(self):
        return self.name
    def __eq__(self, other):
        return isinstance(other, Animal) and self.name == other.name
    def __hash__(self):
        return hash(self.name)
    def __lt__(self, other):
        return self.name < other.name

class Dog(Animal):
    def __init__(self, name):
        super().__init__(name, "woof")
    def speak(self):
        return super().speak() + "!"

class Cat(Animal):
    def __init__(self, name):
        super().__init__(name, sound="meow")

pets = [Dog("rex"), Cat("tom"), Dog("ace")]
for p in sorted(pets):
    print(p, repr(p), p.speak())
print(Animal.species_count, Dog.__mro__, Dog.__bases__, Dog.__name__, Dog.__qualname__)
print(isinstance(pets[0], Animal), issubclass(Cat, Dog), Dog("rex") == pets[0], Dog("rex") in pets)
print({p for p in pets} == set(pets), len({Dog("a"), Dog("a")}))
print(max(pets), min(pets, key=lambda a: a.sound))
print(vars(pets[0]), pets[0].__dict__)
print(type(Animal.__dict__["speak"]).__name__)
print(str(Animal), repr(Dog))

class Vector:
    __slots__ = ("x", "y")
    def __init__(self, x=0, y=0):
        self.x, self.y = x, y
    def __add__(self, o): return Vector(self.x + o.x, self.y + o.y)
    def __sub__(self, o): return Vector(self.x - o.x, self.y - o.y)
    def __mul__(self, k): return Vector(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self): return Vector(-self.x, -self.y)
    def __abs__(self): return (self.x ** 2 + self.y ** 2) ** 0.5
    def __bool__(self): return bool(self.x or self.y)
    def __iter__(self): yield self.x; yield self.y
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __len__(self): return 2
    def __repr__(self): return f"Vector({self.x}, {self.y})"
    def __format__(self, spec):
        return f"<{format(self.x, spec)}, {format(self.y, spec)}>"
    def __eq__(self, o): return tuple(self) == tuple(o)
    def __iadd__(self, o):
        self.x += o.x; self.y += o.y
        return self

v = Vector(3, 4)
w = Vector(1, 2)
print(v + w, v - w, v * 2, 3 * v, -v, abs(v), bool(Vector()), list(v), v[1], len(v))
print(f"{v:.2f}", format(w, "5d"), "{:>4}".format(v))
v += w
print(v, v == Vector(4, 6), v != w)
x, y = v
print(x, y, *v)
try:
    v.z = 1
except AttributeError as e:
    print(e)

class Temperature:
    def __init__(self, c): self._c = c
    @property
    def celsius(self): return self._c
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("too cold")
        self._c = value
    @celsius.deleter
    def celsius(self): print("deleting"); del self._c
    @property
    def fahrenheit(self): return self._c * 9 / 5 + 32
    @staticmethod
    def info(): return "temps"
    @classmethod
    def from_f(cls, f): return cls((f - 32) * 5 / 9)

t = Temperature(25)
print(t.celsius, t.fahrenheit, Temperature.info(), t.info(), Temperature.from_f(212).celsius)
t.celsius = 30
print(t.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 3
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(hasattr(t, "_c"))
print(type(Temperature.celsius), Temperature.celsius.fget.__name__)

class Counter:
    def __init__(self): self.n = 0
    def __call__(self, *a, **k):
        self.n += 1
        return a, k
c = Counter()
print(c(1, 2, x=3), c(), c.n, callable(c), callable(Counter), callable(1))

class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcls, name, bases, ns)
class Tagged(metaclass=Meta): pass
print(Tagged.tag, type(Tagged), type(Tagged).__name__)

class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__], D.mro() == list(D.__mro__))

class Base:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        cls.registered = kw.get("key", "none")
class Sub(Base, key="k1"): pass
class Sub2(Base): pass
print(Sub.registered, Sub2.registered)

class Dyn:
    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(f"no {name}")
d = Dyn()
print(d.xyz, getattr(d, "xa", None), getattr(d, "b", "dflt"), hasattr(d, "b"))
try:
    d.abc
except AttributeError as e:
    print(e)
o = object()
try:
    o.x = 1
except AttributeError as e:
    print(e)
try:
    Animal()
except TypeError as e:
    print(e)
try:
    Animal("a", "b", "c")
except TypeError as e:
    print(e)
try:
    pets[0].missing
except AttributeError as e:
    print(e)
try:
    Animal.nope
except AttributeError as e:
    print(e)
