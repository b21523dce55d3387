# dis with adaptive=True: the instructions as the eval loop runs them after
# rewriting them into specialised forms (vm/specialize.c).  Which forms are
# chosen depends on the build (the free-threaded one may not specialise), so
# this test checks the shape: every adaptive instruction is its generic one
# or a specialisation of it, with the same argument.  Expected output:
# mod_dis_adaptive.exp (minipy's instruction set, on purpose).
import dis
import io

def mean(values):
    total = 0
    for v in values:
        total = total + v
    return total / len(values)

print(mean(list(range(10))))
for _ in range(20):
    mean([1.5, 2.5])
dis.dis(mean)
generic = list(dis.get_instructions(mean))
adaptive = list(dis.get_instructions(mean, adaptive=True))
print(len(generic) == len(adaptive))
for g, a in zip(generic, adaptive):
    base = g.opname if a.opname == g.opname else dis.opname[dis._base[a.opcode]]
    print(f"{g.offset:3} {g.opname:<18} {base == g.opname} {a.arg == g.arg} {a.argrepr == g.argrepr}")
out = io.StringIO()
dis.dis(mean, adaptive=True, file=out)
print(len(out.getvalue().splitlines()), "lines")
print(all(name not in dis.opmap for name in dis._specialized_instructions),
      "LOAD_GLOBAL_BUILTIN" in dis._specialized_instructions,
      sorted({dis.opname[dis._base[dis.opname.index(n)]] for n in dis._specialized_instructions})[:4])
