# Importing a submodule binds it on the package; __path__, __package__, __file__, relative imports inside.
import sys
sys.dont_write_bytecode = True
import import_pkgs
print(hasattr(import_pkgs, "shapes"))
import import_pkgs.shapes.square
print(hasattr(import_pkgs, "shapes"), hasattr(import_pkgs.shapes, "square"), hasattr(import_pkgs.shapes, "circle"))
print(import_pkgs.shapes.square.Square(4).area(), import_pkgs.shapes.square.__package__)
from import_pkgs import app
print(app.__name__, hasattr(app, "main"))
from import_pkgs.app import main
print(hasattr(app, "main"), hasattr(app, "config"), main.run())
print(import_pkgs.__file__.endswith("__init__.py"), len(import_pkgs.__path__), import_pkgs.__package__)
import importlib
print(importlib.import_module("import_pkgs.shapes.base").Shape.__name__)
mods = sorted(m for m in sys.modules if m.startswith("import_pkgs"))
print(mods)
