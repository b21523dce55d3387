# Attributes of code objects made by the compiler.
def outer(a, b=2, *args, c, d=4, **kw):
    """The docstring."""
    x = a + b
    def inner(y):
        nonlocal x
        x += y
        return x + c
    return inner

co = outer.__code__
print(co.co_name, co.co_qualname, co.co_argcount, co.co_posonlyargcount,
      co.co_kwonlyargcount, co.co_nlocals)
print(co.co_varnames, co.co_cellvars, co.co_freevars)
print(co.co_consts[0], co.co_flags, co.co_firstlineno)
print(co.co_filename.endswith("compile_code_object.py"))
inner = outer(1, c=3)
ic = inner.__code__
print(ic.co_name, ic.co_qualname, ic.co_varnames, ic.co_freevars, ic.co_flags)
print(inner(10), inner(1))

def gen():
    yield 1
print(gen.__code__.co_flags & 0x20 != 0, (lambda: 0).__code__.co_name,
      (lambda: 0).__code__.co_consts[0])
print([x for x in "a"].__class__.__name__, type(co).__name__)
print(repr(co).startswith("<code object outer at 0x"), repr(co).endswith(", line 2>"))

def posonly(a, b, /, c):
    pass
print(posonly.__code__.co_posonlyargcount, posonly.__code__.co_argcount)

class K:
    def m(self):
        return __class__
print(K.m.__code__.co_freevars, K.m.__code__.co_qualname)

src = "def f(p):\n    return p * 2\n"
mod = compile(src, "<src>", "exec")
print(mod.co_name, mod.co_filename, mod.co_consts[1] if len(mod.co_consts) > 1 else None)
ns = {}
exec(mod, ns)
print(ns["f"](21), ns["f"].__code__.co_firstlineno, ns["f"].__name__)
lines = [line for _, _, line in mod.co_lines()]
print(min(l for l in lines if l is not None), max(l for l in lines if l is not None))
