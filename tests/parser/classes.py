class A: pass
class B(A): pass
class C(A, B, metaclass=Meta): pass
class D(*bases, **kw): pass
class E():
    x = 1
    def method(self):
        return self.x
    @staticmethod
    def s(): pass
    @classmethod
    def c(cls): return cls()
    @property
    def p(self): return 1
    @p.setter
    def p(self, value): self._p = value
class F(Generic[T]):
    """Doc."""
    a: int
    b: str = "x"
    def __init__(self, a: int) -> None:
        super().__init__()
        self.a = a
    def __repr__(self):
        return f"F({self.a!r})"
@decorator
class G: pass
@dec.attr(arg)
@dec[0]
@(lambda c: c)
class H: pass
