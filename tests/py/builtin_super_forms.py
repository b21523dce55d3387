# super(): zero-argument form, explicit forms, in classmethods, properties, multiple inheritance.
class A:
    def who(self):
        return "A"
    @classmethod
    def make(cls):
        return f"A.make({cls.__name__})"
    @property
    def kind(self):
        return "a-kind"
class B(A):
    def who(self):
        return "B>" + super().who()
    @classmethod
    def make(cls):
        return "B>" + super().make()
    @property
    def kind(self):
        return "b+" + super().kind
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()
print(D().who(), D.make(), D().kind, [k.__name__ for k in D.__mro__])
print(super(B, D()).who(), super(C, D()).who(), super(D, D).make())
s = super(B, B())
print(type(s).__name__, s.who())
def outside(self):
    return super(B, self).who()
print(outside(B()))
class E(A):
    def who(self):
        helper = lambda: super(E, self).who()
        return "E>" + helper()
print(E().who())
class F(A):
    def broken(self):
        def inner():
            return super().who()
        return inner()
try:
    F().broken()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    super(B, A()).who()
except TypeError as e:
    print(type(e).__name__, e)
try:
    super()
except RuntimeError as e:
    print(type(e).__name__, e)
class G(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
g = G()
g["x"] = 21
print(g, super(G, g).__getitem__("x"))
class H(list):
    def __init__(self, *args):
        super().__init__(args)
print(H(1, 2, 3), len(H()))
