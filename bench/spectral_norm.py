"""spectral_norm: the Benchmarks Game's spectral norm of an infinite
matrix: nested loops, int and float arithmetic, small function calls."""
import sys


def a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def times(v):
    n = len(v)
    return [sum(a(i, j) * v[j] for j in range(n)) for i in range(n)]


def times_transposed(v):
    n = len(v)
    return [sum(a(j, i) * v[j] for j in range(n)) for i in range(n)]


def times_ata(v):
    return times_transposed(times(v))


def spectral_norm(n):
    u = [1.0] * n
    for _ in range(10):
        v = times_ata(u)
        u = times_ata(v)
    vbv = vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    return (vbv / vv) ** 0.5


N = int(sys.argv[1]) if len(sys.argv) > 1 else 220
print("%.9f" % spectral_norm(N))
