# An uncaught ModuleNotFoundError, after a fallback import that worked.
try:
    import ujson as json
except ImportError:
    import json
print(json.dumps({"ok": True}))
import matplotlib_for_minipy_tests
