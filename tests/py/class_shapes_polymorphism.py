# Polymorphism with an abstract base, sorting heterogeneous objects, __eq__ across types.
import math
from abc import ABC, abstractmethod

class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def perimeter(self): ...
    def describe(self):
        return f"{type(self).__name__}: area={self.area():.2f}, perimeter={self.perimeter():.2f}"
    def __lt__(self, other):
        return self.area() < other.area()

class Circle(Shape):
    def __init__(self, r): self.r = r
    def area(self): return math.pi * self.r ** 2
    def perimeter(self): return 2 * math.pi * self.r

class Rectangle(Shape):
    def __init__(self, w, h): self.w, self.h = w, h
    def area(self): return self.w * self.h
    def perimeter(self): return 2 * (self.w + self.h)

class Square(Rectangle):
    def __init__(self, side): super().__init__(side, side)

class Triangle(Shape):
    def __init__(self, a, b, c):
        if a + b <= c or a + c <= b or b + c <= a:
            raise ValueError(f"invalid triangle sides: {a}, {b}, {c}")
        self.sides = (a, b, c)
    def perimeter(self): return sum(self.sides)
    def area(self):
        s = self.perimeter() / 2
        a, b, c = self.sides
        return math.sqrt(s * (s - a) * (s - b) * (s - c))

shapes = [Circle(1), Rectangle(2, 3), Square(2), Triangle(3, 4, 5)]
for s in shapes:
    print(s.describe())
print([type(s).__name__ for s in sorted(shapes)])
print(max(shapes).describe(), min(shapes, key=lambda s: s.perimeter()).describe())
print(sum(s.area() for s in shapes) > 20, isinstance(Square(1), Rectangle), issubclass(Square, Shape))
by_kind = {}
for s in shapes:
    by_kind.setdefault(type(s).__mro__[1].__name__, []).append(type(s).__name__)
print(by_kind)
try:
    Triangle(1, 2, 10)
except ValueError as e:
    print(type(e).__name__, e)
try:
    Shape()
except TypeError as e:
    print(type(e).__name__, e)
class Incomplete(Shape):
    def area(self): return 0
try:
    Incomplete()
except TypeError as e:
    print(type(e).__name__, e)
print(Shape.__abstractmethods__ == frozenset({"area", "perimeter"}))
