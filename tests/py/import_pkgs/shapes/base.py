class Shape:
    def area(self):
        raise NotImplementedError(f"{type(self).__name__}.area")
    def __repr__(self):
        return f"{type(self).__name__}(area={self.area():.2f})"
