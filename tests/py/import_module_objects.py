# Module objects: attributes, dir(), __dict__, setting attributes, modules as namespaces, sys.modules.
import sys
sys.dont_write_bytecode = True
import import_pkgs.greetings as g
import math
import types
print(type(g).__name__, isinstance(g, types.ModuleType), g.__name__, g.__package__)
print(sorted(n for n in dir(g) if not n.startswith("__")))
print("greet" in vars(g), g.__dict__ is vars(g), callable(g.greet))
g.new_attribute = "added at runtime"
print(g.new_attribute, hasattr(g, "new_attribute"))
del g.new_attribute
print(hasattr(g, "new_attribute"))
print(math.__name__, repr(math).startswith("<module 'math'"), "pi" in dir(math), math.__doc__ is not None)
print(repr(g).startswith("<module 'import_pkgs.greetings' from "), str(sys.modules["import_pkgs"]).startswith("<module"))
m = types.ModuleType("dynamic", "A module made at run time.")
m.x = 42
exec("def double(): return x * 2", m.__dict__)
print(m.__name__, m.__doc__, m.double(), sorted(k for k in vars(m) if not k.startswith("__")))
sys.modules["dynamic"] = m
import dynamic
print(dynamic is m, dynamic.double())
del sys.modules["dynamic"]
try:
    g.nonexistent_attr
except AttributeError as e:
    print(type(e).__name__, e)
saved = sys.modules.pop("import_pkgs.greetings")
import import_pkgs.greetings as g2
print(g2 is saved, g2.calls)
