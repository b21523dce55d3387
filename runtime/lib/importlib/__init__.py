"""importlib: import modules by name at run time (a small subset).

Models CPython's Lib/importlib/__init__.py for what programs call most:
import_module() (absolute and relative names) and reload() of modules
loaded from source files.  The import machinery itself is written in C
(runtime/import.c); there are no finders, loaders or specs here.
"""
import sys

__all__ = ["import_module", "reload", "invalidate_caches"]


def _resolve_name(name, package, level):
    """Turn a relative name ('..mod', level 2) into an absolute one."""
    bits = package.rsplit(".", level - 1)
    if len(bits) < level:
        raise ImportError("attempted relative import beyond top-level package")
    base = bits[0]
    return f"{base}.{name}" if name else base


def import_module(name, package=None):
    """Import a module; `name` may be relative ('.mod') if `package` is given."""
    level = 0
    if name.startswith("."):
        if not package:
            raise TypeError("the 'package' argument is required to perform a "
                            f"relative import for {name!r}")
        for character in name:
            if character != ".":
                break
            level += 1
        name = _resolve_name(name[level:], package, level)
    __import__(name)
    return sys.modules[name]


def reload(module):
    """Run the module's source file again in its existing namespace."""
    if type(module) is not type(sys):
        raise TypeError("reload() argument must be a module")
    name = module.__name__
    if sys.modules.get(name) is not module:
        raise ImportError(f"module {name} not in sys.modules", name=name)
    path = getattr(module, "__file__", None)
    if path is None:
        return module  # built-in and frozen modules are not reloaded
    with open(path) as source_file:
        source = source_file.read()
    exec(compile(source, path, "exec"), module.__dict__)
    return sys.modules[name]


def invalidate_caches():
    """Nothing is cached between imports: provided for compatibility."""
