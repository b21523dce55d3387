# from package import *, __all__, try/except ImportError fallbacks, conditional imports.
import sys
sys.dont_write_bytecode = True
from import_pkgs.shapes import *
print(sorted(n for n in dir() if not n.startswith("_")))
try:
    from import_pkgs.greetings import does_not_exist
except ImportError as e:
    print("fallback because:", e)
    def does_not_exist():
        return "local fallback"
print(does_not_exist())
try:
    import fast_json_q as json_impl
except ModuleNotFoundError:
    import json as json_impl
print(json_impl.__name__, json_impl.dumps([1, "a"]))
if sys.version_info >= (3, 8):
    from math import prod
else:
    prod = None
print(prod([2, 3, 4]))
import import_pkgs.shapes.util.helpers as helpers, import_pkgs.greetings as gr
print(helpers.square_of(9), gr.DEFAULT)
def lazy():
    import statistics
    return statistics.mean([1, 2, 3, 4])
print(lazy(), "statistics" in sys.modules)
import os.path as osp
print(osp.join("a", "b"), osp is sys.modules["os.path"])
