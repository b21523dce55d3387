print(f"{-0.0:z.1f}", f"{-0.001:z.2f}", format(-0.0, "z"), f"{-1e-9:z.3e}", f"{-0.0:.1f}")
def f():
    a = 1
    b = [a]
    print(sorted(locals().items()))
    print(sorted(vars().keys()))
f()
class Outer:
    class Inner:
        pass
print(repr(Outer.Inner()).split(" object at ")[0], Outer.Inner.__qualname__, repr(Outer.Inner))
print(int | None, type(int | None).__name__, (int | str).__args__, isinstance(1, int | str), list[int] | None)
import sys
print(sys.stdout.write("abc\n"), sys.stderr.write(""), sys.stdout.isatty() in (True, False), sys.stdout.encoding, sys.stdout.name if hasattr(sys.stdout, "name") else None)
print(sys.implementation.name in ("cpython", "minipy"), type(sys.version), sys.version_info.major, sys.hexversion >= 0x030B0000, sys.float_info.max, sys.int_info.bits_per_digit in (15, 30))
import atexit
atexit.register(print, "atexit ran")
class D:
    def __del__(self):
        print("del", id(self) == id(self))
d = D(); del d
x = D()
print(type(None)(), type(...)(), type(NotImplemented)())
print(bool(0.0), bool(""), bool(" "), bool([0]), bool(range(0)), bool(None), int(False))
print(1_000.5, 0x10, 0o10, 0b10, 1e3, 1E-3, 10j, .5, 5., 1_0j)
print(max(range(10), key=lambda x: (x % 3, x)), sorted(range(10), key=lambda x: (x % 3, -x)))
import typing
def annotated(x: int | None = None) -> list[str] | None:
    return x
print(annotated.__annotations__, None | int, int | str | None, (int | str) | float, int | int, str | list[int])
print(typing.Optional[int] == (int | None), typing.Union[int, str] == int | str)
class A:
    pass
print(A | None, isinstance(A(), A | int), issubclass(bool, int | str))
try:
    int | 3
except TypeError as e:
    print(e)
