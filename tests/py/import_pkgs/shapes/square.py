from .base import Shape
from .util.helpers import square_of

class Square(Shape):
    def __init__(self, side):
        self.side = side
    def area(self):
        return square_of(self.side)
