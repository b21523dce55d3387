# Huge allocations end in MemoryError or OverflowError, as in CPython,
# never in an abort; the interpreter keeps working afterwards.
import sys

def attempt(label, f):
    try:
        r = f()
        print(label, "ok", type(r).__name__)
    except (MemoryError, OverflowError, ValueError, IndexError) as e:
        print(label, type(e).__name__, e)

attempt("str * 10**12", lambda: "x" * 10**12)
attempt("str * 2**62", lambda: "x" * 2**62)
attempt("str * 2**63", lambda: "x" * 2**63)
attempt("str * 10**30", lambda: "ab" * 10**30)
attempt("bytes * 10**12", lambda: b"x" * 10**12)
attempt("bytes(10**12)", lambda: bytes(10**12))
attempt("bytearray(10**12)", lambda: bytearray(10**12))
attempt("bytearray(2**63)", lambda: bytearray(2**63))
attempt("list * 10**12", lambda: [0] * 10**12)
attempt("list * 2**62", lambda: [None] * 2**62)
attempt("list * 2**63", lambda: [None] * 2**63)
attempt("tuple * 10**12", lambda: (0,) * 10**12)
attempt("str.ljust 10**12", lambda: "a".ljust(10**12))
attempt("str.zfill 10**12", lambda: "1".zfill(10**12))
attempt("format width 10**12", lambda: format(1, "10000000000000"))
attempt("format precision huge", lambda: format(1.5, ".10000000000000f"))
attempt("%-format width", lambda: "%10000000000000d" % 1)
attempt("list.extend huge range", lambda: [].extend(range(10**12)) if False else list(range(10**12)))
attempt("range len", lambda: len(range(2**64)))
attempt("int shift 2**40", lambda: 1 << 2**40)
attempt("int shift 2**70", lambda: 1 << 2**70)
attempt("float pow overflow", lambda: 10.0 ** 400)
attempt("float from big int", lambda: float(10**400))
attempt("int * str huge", lambda: 10**12 * "y")
attempt("join of huge", lambda: "".join(["x" * 10**6] * 10**7) if False else "ok")
attempt("dict fromkeys huge range", lambda: dict.fromkeys(range(10**12)) if False else "skipped")
attempt("sys.maxsize + 1 index", lambda: [1][sys.maxsize + 1])
attempt("slice huge step", lambda: list(range(10))[::2**63])
attempt("repeat huge", lambda: "x" * (sys.maxsize // 2 + 1))
attempt("still alive", lambda: "x" * 10)
