# importlib.import_module (absolute and relative names) and reload.
import sys
sys.dont_write_bytecode = True
import importlib
m = importlib.import_module("import_pkgs.greetings")
print(m.__name__, m.greet("x"))
sub = importlib.import_module(".circle", "import_pkgs.shapes")
print(sub.__name__, sub.Circle(1).area() > 3)
h = importlib.import_module("..util.helpers", "import_pkgs.shapes.circle")
print(h.__name__)
m.calls = 100
again = importlib.reload(m)
print(again is m, m.calls)
for bad, exc in [(lambda: importlib.import_module(".x"), TypeError),
                 (lambda: importlib.import_module("no_such_mod_q"), ImportError),
                 (lambda: importlib.reload("not a module"), (ImportError, TypeError, AttributeError))]:
    try:
        bad()
    except exc as e:
        print(type(e).__name__, e)
print(importlib.import_module("math") is sys.modules["math"])
