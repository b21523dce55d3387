# from __future__ import annotations: annotations are kept as text.
from __future__ import annotations

def f(a: 'Quoted', b: List[ int ], c: x.y | None = 1, *args: int,
      d: Callable[[int], str], **kw: Dict[str, Any]) -> dict[str,   int]:
    return a

print(f.__annotations__)

class Node:
    next: Node | None
    value: int = 0
    def link(self, other: Node) -> Node:
        return other

print(Node.__annotations__)
print(Node.link.__annotations__)

total: Undefined[1, 2:3, ...] = 5
lam: lambda x, *y, z=1, **w: (x, -y, not z, a if b else c)
fancy: f"a{b!r:>{w}}c{{" = "x"
ops: 2 ** -1 + (a or b) * ~c @ d // e
print(__annotations__)
print(total, fancy)
