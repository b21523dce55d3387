from abc import ABC, abstractmethod
import math

class Shape(ABC):
    count = 0
    def __init__(self, name: str):
        self.name = name
        Shape.count += 1
    @abstractmethod
    def area(self) -> float: ...
    def __lt__(self, other):
        return self.area() < other.area()
    def __str__(self):
        return f"{type(self).__name__}({self.name!r}, area={self.area():.2f})"

class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r
    def area(self):
        return math.pi * self.r ** 2

class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h

class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"

shapes = sorted([Circle(1), Rect(2, 3), Square(2)])
for s in shapes:
    print(s)
print(max(shapes, key=lambda s: s.area()).name, Shape.count)
try:
    Shape("x")
except TypeError as e:
    print(type(e).__name__, e)
