"""oop: instances, methods, attributes, properties, inheritance and
isinstance, the everyday object-oriented workload of tutorial code."""
import sys


class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        return 0

    def describe(self):
        return self.area() + len(self.name)


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, side):
        Rect.__init__(self, side, side)
        self.name = "square"


class Counter:
    __slots__ = ("count", "step")

    def __init__(self, step):
        self.count = 0
        self.step = step

    def tick(self):
        self.count += self.step
        return self


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)


def run(n):
    total = 0
    shapes = [Rect(i % 7 + 1, i % 5 + 1) if i % 2 else Square(i % 9 + 1) for i in range(100)]
    counter = Counter(3)
    p = Point(0, 0)
    for i in range(n):
        s = shapes[i % 100]
        total += s.describe()
        if isinstance(s, Square):
            total += 1
        counter.tick().tick()
        p = p.moved(1, -1)
        total += p.norm1 & 7
    return total + counter.count + p.x


N = int(sys.argv[1]) if len(sys.argv) > 1 else 600_000
print(run(N))
