# Importing user modules from the script's directory and from sys.path.
import sys
sys.dont_write_bytecode = True
import os

# A package next to the script (the script's directory is sys.path[0]).
from import_pkgs import greetings
print(greetings.greet("Ann"), greetings.calls, greetings.__name__)
print(os.path.basename(greetings.__file__), greetings.__doc__)

# Importing again reuses sys.modules: no second "executing" line.
import import_pkgs.greetings
import import_pkgs.greetings as g2
print(g2 is greetings, sys.modules["import_pkgs.greetings"] is greetings)
print(import_pkgs.greetings.greet("Bob", greeting="Hey"), greetings.calls)

# Adding a directory to sys.path.
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "import_pkgs"))
import greetings as top_level   # a different module object: different name
print(top_level is greetings, top_level.__name__, top_level.DEFAULT)

# from module import *: respects __all__.
ns = {}
exec("from import_pkgs.greetings import *", ns)
print(sorted(k for k in ns if not k.startswith("__")))

# Module attributes.
print(type(greetings).__name__, "greet" in dir(greetings), hasattr(greetings, "_private"))
print(greetings.__package__)

# importlib.reload is not needed; importing a module by a string name.
import importlib
mod = importlib.import_module("import_pkgs.greetings")
print(mod is greetings)
sys.path.pop(0)
