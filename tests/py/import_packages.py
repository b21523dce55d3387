# Packages with __init__.py, import a.b, from a.b import c, relative imports.
import sys
sys.dont_write_bytecode = True

import import_pkgs.shapes
print(import_pkgs.shapes.VERSION, import_pkgs.shapes.__package__, import_pkgs.shapes.__name__)
from import_pkgs.shapes import Circle, Square
print(Circle(1), Square(3), Circle.__module__, Square.__module__)
from import_pkgs.shapes.util import helpers
print(helpers.describe(), helpers.square_of(7))
from import_pkgs.shapes.util.helpers import square_of as sq
print(sq(5))
import import_pkgs.shapes.circle as circ
print(circ.Circle is Circle, hasattr(import_pkgs.shapes, "circle"))
print(sorted(k for k in sys.modules if k.startswith("import_pkgs.")))

from import_pkgs.app import main
print(main.run())

# The package's __path__ and a submodule's __package__.
import os
print(isinstance(import_pkgs.shapes.__path__, list), os.path.basename(import_pkgs.shapes.__path__[0]))
print(helpers.__package__, main.__package__)

# Errors inside the base class are raised from the right module.
from import_pkgs.shapes.base import Shape
try:
    Shape().area()
except NotImplementedError as e:
    print(type(e).__name__, e)
