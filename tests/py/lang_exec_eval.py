# exec, eval, compile with globals/locals dicts, modes and errors.
print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("len(s)", {"s": "abc"}))
g = {"a": 1}
exec("b = a + 1\nc = b * 10", g)
print(g["b"], g["c"], "__builtins__" in g)
loc = {}
exec("y = 5", {}, loc)
print(loc)
code = compile("z = 40 + 2", "<string>", "exec")
ns = {}
exec(code, ns)
print(ns["z"], type(code).__name__, code.co_filename)
expr = compile("3 ** 2", "<expr>", "eval")
print(eval(expr), compile("print('single mode')", "<s>", "single") is not None)
exec(compile("print('single mode')", "<s>", "single"))
def outer():
    local_var = 7
    return eval("local_var + 1")
print(outer())
print(eval("[i * i for i in range(4)]"), eval("{'k': 1}"), eval("lambda q: q + 1")(1))
src = """
def made_by_exec(n):
    return n * 3
result = made_by_exec(14)
"""
space = {}
exec(src, space)
print(space["result"], space["made_by_exec"].__name__)
for bad in ["1 +", "def f(:", "x = = 1", "return 5", "  indented"]:
    try:
        exec(bad)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
try:
    eval("x = 1")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    eval("undefined_name_q")
except NameError as e:
    print(type(e).__name__, e)
try:
    compile("1", "<f>", "bogus")
except ValueError as e:
    print(type(e).__name__, e)
try:
    eval(42)
except TypeError as e:
    print(type(e).__name__, e)
print(eval("__name__"), eval("__name__", {"__name__": "custom"}))
safe = {"__builtins__": {}}
try:
    eval("len([1])", safe)
except NameError as e:
    print(type(e).__name__, e)
print(eval("  7  "), eval("\n8\n"), exec("pass"))
