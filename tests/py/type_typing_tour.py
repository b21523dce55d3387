from typing import TypeVar, Generic, Protocol, Callable, Any, Literal, Final, TypedDict, Union, Iterator, Iterable, Sequence, Mapping, Tuple, cast, overload, ClassVar
T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item
    def get(self) -> T:
        return self.item
b: Box[int] = Box(3)
print(b.get(), Box[int], T, Box.__parameters__ if hasattr(Box, "__parameters__") else None)
class Greeter(Protocol):
    def greet(self) -> str: ...
class En:
    def greet(self) -> str: return "hi"
def use(g: Greeter) -> str: return g.greet()
print(use(En()))
class Movie(TypedDict):
    title: str
    year: int
m: Movie = {"title": "x", "year": 1999}
print(m, Movie.__annotations__ if hasattr(Movie, "__annotations__") else "")
Handler = Callable[[int, str], bool]
print(Handler, Union[int, None], Literal["a", "b"], Tuple[int, ...], Sequence[int], cast(int, "x"))
MAX: Final = 10
class K:
    count: ClassVar[int] = 0
def gen() -> Iterator[int]:
    yield 1
print(list(gen()), MAX, K.count, Any)
@overload
def dbl(x: int) -> int: ...
@overload
def dbl(x: str) -> str: ...
def dbl(x): return x * 2
print(dbl(2), dbl("a"))
from collections.abc import Iterable as It, Mapping as Mp
print(isinstance([], It), isinstance({}, Mp), isinstance("s", It), issubclass(dict, Mp))
