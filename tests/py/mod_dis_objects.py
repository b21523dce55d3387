# dis on a class, a method, a source string, a code object, a generator and
# a module; get_instructions, Instruction fields, opname/opmap, code_info,
# Bytecode, findlinestarts, stack_effect, errors.  Expected output:
# tests/py/mod_dis_objects.exp (minipy's instruction set, on purpose).
import dis
import io

class Stack:
    def __init__(self):
        self.items = []
    def push(self, x):
        self.items.append(x)
    @classmethod
    def of(cls, *xs):
        s = cls()
        for x in xs:
            s.push(x)
        return s
    @staticmethod
    def version():
        return "1.0"

dis.dis(Stack)
dis.dis(Stack().push)
dis.dis("a = b + 1\nprint(a)")
dis.dis(compile("x, *y = range(3)", "<demo>", "exec"))

def squares(n):
    for i in range(n):
        yield i * i
dis.dis(squares(3))

for instr in dis.get_instructions(Stack.push):
    print(instr.offset, instr.opname, instr.arg, repr(instr.argval), repr(instr.argrepr),
          instr.starts_line, instr.is_jump_target, instr.positions.lineno)
first = next(iter(dis.get_instructions("pass")))
print(type(first).__name__, first._fields)
print(dis.opname[dis.opmap["LOAD_FAST"]], "LOAD_FAST" in dis.opmap, dis.opmap["RETURN_VALUE"] in dis.hasconst)
print(all(dis.opname[op] in dis.opmap for op in dis.hasjabs), dis.hasjrel, dis.cmp_op)
print(sorted(set(dis.opname[op] for op in dis.hasname))[:4])
print(dis.stack_effect(dis.opmap["POP_TOP"]), dis.stack_effect(dis.opmap["BUILD_LIST"], 3))
print(dis.code_info(Stack.of))
dis.show_code("import os")
print(list(dis.findlinestarts(Stack.of.__code__)))
print(dis.findlabels(Stack.of))
b = dis.Bytecode(Stack.version)
print(repr(b).startswith("Bytecode(<function Stack.version"), [i.opname for i in b])
print(b.dis(), end="")
out = io.StringIO()
dis.dis("x = 1", file=out)
print(out.getvalue().splitlines())
for bad in [42, 3.5]:
    try:
        dis.dis(bad)
    except TypeError as e:
        print(type(e).__name__, e)
def fails(d):
    key = "missing"
    return d[key]
try:
    fails({})
except KeyError as e:
    dis.distb(e.__traceback__)
try:
    dis.distb()
except RuntimeError as e:
    print(type(e).__name__, e)
import bisect
names = io.StringIO()
dis.dis(bisect, file=names)
print([line for line in names.getvalue().splitlines() if line.startswith("Disassembly of")])
