# Variable and function annotations: stored, not checked; __annotations__; forward references.
from typing import Optional, List, Dict
count: int = 0
name: str
print(__annotations__)
def greet(who: str, times: int = 1, *args: str, sep: str = " ", **kw: int) -> str:
    return sep.join([f"hi {who}"] * times)
print(greet("ann", 2), greet.__annotations__)
print(greet(42, "x" if False else 1))
class Config:
    host: str = "localhost"
    port: int = 8080
    tags: List[str]
    parent: "Config"
    def connect(self, timeout: Optional[float] = None) -> "Connection":
        return timeout
print(Config.__annotations__.keys(), Config.host, hasattr(Config, "tags"))
print(Config.connect.__annotations__["return"], Config().connect(1.5))
def nothing() -> None:
    pass
print(nothing.__annotations__, nothing())
x: List[int] = [1, 2]
y: Dict[str, int] = {"a": 1}
z: "undefined_type" = 5
print(x, y, z, sorted(__annotations__))
def local():
    v: int = 3
    w: str
    return v
print(local())
lam = lambda a: a
print(lam.__annotations__)
class Point:
    x: float
    y: float = 0.0
    def __init__(self, x: float):
        self.x = x
print(Point(1.5).x, Point.y, Point.__annotations__)
