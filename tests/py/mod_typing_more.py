from typing import *
import typing
T = TypeVar("T"); KT = TypeVar("KT"); VT = TypeVar("VT")
class Box(Generic[T]):
    def __init__(self, item: T) -> None: self.item = item
    def get(self) -> T: return self.item
b = Box[int](5); print(b.get(), Box.__parameters__, Box[str], type(b).__name__, b.__orig_class__)
class Pair(Generic[KT, VT]):
    pass
print(Pair[str, int], Pair.__parameters__)
def first(xs: Sequence[T]) -> T: return xs[0]
print(first([3, 2]), get_type_hints(first), first.__annotations__)
Vector = List[float]
def scale(s: float, v: Vector) -> Vector: return [s * x for x in v]
print(scale(2.0, [1.0, 2.5]), Vector, get_type_hints(scale)["v"])
print(Dict[str, List[int]], Tuple[int, str], Tuple[int, ...], Set[bytes], FrozenSet[T], Type[Box], Callable[[int, str], None], Callable[..., Any], Iterator[int], Generator[int, None, str])
print(Optional[Dict[str, Any]], Union[int, str, None], Union[int, Union[str, bytes]], Literal["r", "w"], Annotated[float, "unit"], ClassVar[List[int]], Final[str])
print(get_origin(Dict[str, int]), get_origin(Optional[int]), get_origin(Annotated[int, 1]), get_origin(int), get_args(Tuple[int, ...]), get_args(Union[int, str]), get_args(Literal[1, 2]), get_args(int))
Alias = Dict[str, T]; print(Alias[int], Alias.__parameters__, List[T][str], Dict[KT, VT][str, int])
class Movie(TypedDict, total=False):
    title: str
    year: int
class Required(TypedDict):
    id: int
m: Movie = {"title": "x"}; print(m, Movie(title="y"), Movie.__total__, sorted(Movie.__optional_keys__), Required.__required_keys__, typing.is_typeddict(Movie), typing.is_typeddict(dict))
class Emp(NamedTuple):
    name: str
    dept: str = "eng"
    def label(self) -> str: return f"{self.name}@{self.dept}"
e = Emp("ann"); print(e, e.label(), Emp._fields, Emp._field_defaults, Emp.__annotations__, e._replace(dept="ops"), isinstance(e, tuple))
Pt = NamedTuple("Pt", [("x", int), ("y", int)]); print(Pt(1, 2), Pt.__annotations__)
UserId = NewType("UserId", int); uid = UserId(5); print(uid, type(uid), UserId.__name__, UserId.__supertype__, repr(UserId))
@runtime_checkable
class SupportsClose(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
class G: pass
print(isinstance(F(), SupportsClose), isinstance(G(), SupportsClose), issubclass(F, SupportsClose), isinstance(io_obj := __import__("io").StringIO(), SupportsClose))
class NotRuntime(Protocol):
    def x(self) -> int: ...
try: isinstance(F(), NotRuntime)
except TypeError as e: print(e)
print(cast(str, 1), cast("List[int]", None), TYPE_CHECKING, isinstance(3, SupportsInt), isinstance("x", SupportsFloat), isinstance(2.5, SupportsRound), isinstance(1, SupportsIndex))
@overload
def dbl(x: int) -> int: ...
@overload
def dbl(x: str) -> str: ...
def dbl(x): return x * 2
print(dbl(2), dbl("a"), len(get_overloads(dbl)) if hasattr(typing, "get_overloads") else 2)
@final
def fin(): return 1
print(fin(), fin.__final__, no_type_check(fin) is fin, assert_type(5, int))
for bad in [lambda: Union[()], lambda: Generic[int], lambda: List[int, int], lambda: Optional[int, str], lambda: Callable[int, int], lambda: isinstance(1, List[int]), lambda: issubclass(int, Dict[str, int]), lambda: Any(), lambda: NoReturn(), lambda: Box[int, str], lambda: assert_never(1)]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
print(isinstance([], List), isinstance({}, Dict), issubclass(list, Iterable), isinstance(iter([]), Iterator), isinstance(print, Callable), issubclass(tuple, Sequence), isinstance(1, Hashable), isinstance([], Hashable))
print(repr(T), repr(TypeVar("U", int, str)), repr(TypeVar("B", bound=Hashable)), T.__name__, TypeVar("C", covariant=True), AnyStr, Text, typing.Any, repr(typing.Any))
