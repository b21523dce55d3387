x = 1
try:
    x.foo
except Exception:
    undefined_name
