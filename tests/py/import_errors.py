# ImportError and ModuleNotFoundError, failing imports, circular imports.
import sys
sys.dont_write_bytecode = True

for stmt in ["import no_such_module_abc",
             "import import_pkgs.nope",
             "import os.nonexistent",
             "from import_pkgs import missing_name",
             "from import_pkgs.greetings import nothing_here",
             "from sys import path, nothing",
             "import import_pkgs.greetings.sub"]:
    try:
        exec(stmt)
    except ImportError as e:
        print(type(e).__name__, "|", e, "|", e.name)

print(issubclass(ModuleNotFoundError, ImportError))

# A module that raises during import is not left in sys.modules.
try:
    import import_pkgs.broken
except ValueError as e:
    print("import failed:", e)
print("import_pkgs.broken" in sys.modules)
try:
    import import_pkgs.broken
except ValueError as e:
    print("second attempt runs it again:", e)

# Relative import beyond the top-level package.
try:
    import import_pkgs.relbad
except ImportError as e:
    print(type(e).__name__, e)

# Relative import in a script (no parent package).
try:
    exec("from . import x")
except ImportError as e:
    print(type(e).__name__, e)

# Circular imports: the partially initialised module is visible.
import import_pkgs.cyc_a as a
print(a.from_b(), a.A_VALUE)

# __import__ and importlib.
m = __import__("import_pkgs.greetings")
print(m.__name__)
m = __import__("import_pkgs.greetings", fromlist=["greet"])
print(m.__name__)
try:
    __import__("")
except ValueError as e:
    print(type(e).__name__, e)

# Names that are modules vs attributes.
import math
try:
    import math.sqrt
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
