def f(): pass
def f(a): return a
def f(a, b=1, *args, c, d=2, **kwargs): pass
def f(a, /, b, *, c): pass
def f(a, b, /): pass
def f(a=1, /, b=2, *, c=3): pass
def f(*, a, b=1, c): pass
def f(*args: int, **kw: str) -> None: pass
def f(a: int = 1, *, b: "str" = "x") -> "ret": ...
def f(**kwargs): pass
def f(*args): pass
def f(a, b, c,): pass
def f(
    a,
    b: int = 3,
    *rest,
): return
def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    return inner
def g():
    global counter
    counter += 1
def h(a, b=lambda: 0, c=[1, 2]):
    """Docstring."""
    return a, b, c
def k(*args: *Ts): pass
