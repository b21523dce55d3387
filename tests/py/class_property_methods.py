# @property (getter/setter/deleter), @staticmethod, @classmethod, descriptors.
class Temperature:
    def __init__(self, celsius=0.0):
        self.celsius = celsius
    @property
    def celsius(self):
        return self._celsius
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value
    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._celsius
    @property
    def fahrenheit(self):
        "Temperature in degrees Fahrenheit."
        return self._celsius * 9 / 5 + 32

t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del t.fahrenheit
except AttributeError as e:
    print(type(e).__name__, e)
del t.celsius
try:
    t.celsius
except AttributeError as e:
    print(type(e).__name__, e)
print(type(Temperature.celsius).__name__, Temperature.fahrenheit.__doc__)
print(Temperature.celsius.fget.__name__, Temperature.fahrenheit.fset)

# property() called directly.
class Circle:
    def __init__(self, r):
        self._r = r
    def get_r(self):
        return self._r
    def set_r(self, v):
        self._r = v
    radius = property(get_r, set_r, None, "the radius")
c = Circle(2)
c.radius = 5
print(c.radius, Circle.radius.__doc__)

# staticmethod and classmethod, called on the class and on instances.
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split("-")))
    @staticmethod
    def is_valid(s):
        parts = s.split("-")
        return len(parts) == 3 and all(p.isdigit() for p in parts)
    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"
class MyDate(Date):
    pass
print(Date.from_string("2024-01-31"), MyDate.from_string("2000-2-3"))
print(Date.is_valid("2024-01-31"), Date(1, 2, 3).is_valid("x"), MyDate(1, 1, 1).from_string("9-9-9"))
print(type(Date.__dict__["from_string"]).__name__, type(Date.__dict__["is_valid"]).__name__)
print(Date.is_valid.__qualname__, Date.from_string.__self__ is Date)
sm = staticmethod(len)
print(sm.__func__ is len)

# Calling an instance method without an instance.
class K:
    def method(self):
        return "method"
try:
    K.method()
except TypeError as e:
    print(type(e).__name__, e)
print(K.method(K()), K().method())

# A data descriptor with __get__/__set__/__set_name__.
class Positive:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.name[1:]} must be positive")
        setattr(obj, self.name, value)
class Product:
    price = Positive()
    qty = Positive()
    def __init__(self, price, qty):
        self.price, self.qty = price, qty
pr = Product(3, 4)
print(pr.price * pr.qty, type(Product.price).__name__)
try:
    pr.qty = 0
except ValueError as e:
    print(type(e).__name__, e)

# Non-data descriptor: instance dict wins.
class Lazy:
    def __init__(self, f):
        self.f = f
    def __get__(self, obj, cls):
        if obj is None:
            return self
        value = self.f(obj)
        obj.__dict__[self.f.__name__] = value
        return value
class Data:
    @Lazy
    def expensive(self):
        print("computing")
        return 42
dt = Data()
print(dt.expensive, dt.expensive)
