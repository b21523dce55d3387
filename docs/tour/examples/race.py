"""race.py: where the eval loop lets another thread in.

Four threads add 1 to a shared counter 200,000 times each.  `s.v += 1`
is several instructions (load, add, store), but the eval loop only
checks for a GIL drop request at a few places: backward jumps, function
entry, and after calls into C.  None of them falls inside `s.v += 1`, so
with a GIL no update is lost.  Put a call inside the read-modify-write
and a switch can happen between the read and the write: updates are lost.
(This is an accident of the implementation, not a promise: without a
GIL, or in another interpreter, both versions may lose updates.)
"""
import sys
import threading


class Shared:
    v = 0


def add1(x):
    return x + 1


def bump(s, n):
    for _ in range(n):
        s.v += 1            # no check point inside


def bump_with_call(s, n):
    for _ in range(n):
        s.v = add1(s.v)     # add1's entry is a check point


sys.setswitchinterval(1e-6)   # ask for a switch as often as possible
for work in (bump, bump_with_call):
    s = Shared()
    threads = [threading.Thread(target=work, args=(s, 200_000)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"{work.__name__:15} lost updates: {800_000 - s.v}")
