with a: pass
with a as b: pass
with a as b, c as d: pass
with a, b: pass
with (a, b): pass
with (a as b, c as d): pass
with (a as b, c as d,): pass
with (a, b) as c: pass
with (a): pass
with (yield): pass
with open("f") as (a, b): pass
with open("f") as f, open("g") as g:
    data = f.read()
with a as b.c, d as e[0]: pass
with (
    open("a") as a,
    open("b") as b,
):
    pass
with (a, b,): pass
with (a for a in b): pass
