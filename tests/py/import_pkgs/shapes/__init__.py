"""shapes: a package whose __init__ re-exports from its submodules."""
from .circle import Circle
from .square import Square
from . import util
__all__ = ["Circle", "Square"]
VERSION = "1.0"
print("shapes package loaded:", __name__, __package__)
