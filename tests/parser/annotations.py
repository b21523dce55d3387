x: int
y: list[int] = []
z: dict[str, "Foo"] = {}
a.b: int = 1
a[0]: int
(c): int
def f(a: int, *b: str, c: float = 1.0, **d: bool) -> list[int]: pass
e: tuple[int, ...] = (1, 2)
f: "Callable[[int], str]" = lambda x: str(x)
g: int = yield_ = 5
