import typing
from typing import *
T = TypeVar('T'); K = TypeVar('K', bound=int); V = TypeVar('V', int, str, covariant=True)
print(T, K, V, T.__name__, K.__bound__, V.__constraints__, repr(TypeVar('C', contravariant=True)))
for x in [List, List[int], Dict[str, int], Optional[int], Union[int, str], Union[int, None, str], Union[int], Tuple[int, ...], Tuple[()], Callable[[int, str], bool], Callable[..., int],
          Any, Set[T], FrozenSet[int], Type[int], Iterable[int], Iterator[str], Sequence[int], Mapping[str, int], Literal[1, 'a'], Final[int], ClassVar[int], Annotated[int, 'meta'],
          List[Dict[str, List[int]]], Optional[List[T]], Dict, Tuple, Callable, DefaultDict[str, int], Deque[int], Counter[str], OrderedDict[str, int], Generator[int, None, None], Awaitable[int], Type, NoReturn, Union[List[int], None]]:
    print(repr(x))
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Union[int, str]), get_args(Optional[int]), get_args(Callable[[int], str]), get_origin(Literal[1]), get_args(Annotated[int, 'x']))
print(cast(int, 'x'), TYPE_CHECKING, List[int] == List[int], Union[int, str] == Union[str, int], Optional[int] == Union[int, None], hash(List[int]) == hash(List[int]))
class Stack(Generic[T]):
    def __init__(self): self.items: List[T] = []
    def push(self, x: T) -> None: self.items.append(x)
s = Stack[int](); s.push(1); print(s.items, Stack.__parameters__, Stack[int], type(s).__name__)
class Pair(Generic[K, V]): pass
print(Pair[int, str], Pair.__parameters__)
class P(NamedTuple):
    x: int
    y: float = 0.0
print(P(1), P(1, 2.5)._asdict(), P._fields, P.__annotations__, P._field_defaults)
Emp = NamedTuple('Emp', [('name', str), ('id', int)]); print(Emp('a', 1))
class Movie(TypedDict):
    name: str
    year: int
m = Movie(name='x', year=1); print(m, type(m), Movie.__annotations__, Movie.__total__)
class M2(TypedDict, total=False):
    a: int
print(M2(), M2.__total__, M2.__required_keys__, M2.__optional_keys__)
UserId = NewType('UserId', int); print(UserId(5), UserId, UserId.__supertype__)
@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closable), isinstance(1, Closable))
@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x): return x
print(f(3))
@final
class Fin: pass
def g(a: int, b: 'str' = 'x') -> List[int]: pass
print(get_type_hints(g))
for bad in [lambda: isinstance(1, List[int]), lambda: Union[()], lambda: Optional[int, str], lambda: Generic[int], lambda: Any(), lambda: isinstance(1, Any), lambda: Callable[int], lambda: T(), lambda: List[int, str]]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
print(isinstance([], List), issubclass(list, Sequence), isinstance({}, Mapping), isinstance(1, Union[int, str]) if False else 'skip')
AnyStr; Text; print(Text is str, repr(AnyStr))
