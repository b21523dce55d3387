"""sysconfig: what this interpreter was built as, CPython's way of asking.

The values describe minipy itself, not a CPython installation: minipy has
no library directory, no C extension ABI and no Makefile to read, so the
configuration variables are the handful programs actually look at.
`Py_GIL_DISABLED` is 1 in the free-threaded build (minipyt) and 0 in the
GIL build, as on CPython 3.13 (CPython 3.11, which has no such build,
answers None).  Unknown names give None, as in CPython.
"""
import os
import sys

_FREE_THREADED = "t" in sys.abiflags
_VERSION = "%d.%d" % sys.version_info[:2]
_VERSION_NODOT = "%d%d" % sys.version_info[:2]
_MACHINE = os._uname()[4] if hasattr(os, "_uname") else "x86_64"
_SOABI = "minipy-%s%s-%s-linux-gnu" % (_VERSION_NODOT, "t" if _FREE_THREADED else "", _MACHINE)

_SCHEMES = ("posix_prefix", "posix_home", "posix_user")


def _config_vars():
    prefix = os.path.normpath(sys.prefix)
    exec_prefix = os.path.normpath(sys.exec_prefix) if hasattr(sys, "exec_prefix") else prefix
    return {
        "Py_GIL_DISABLED": 1 if _FREE_THREADED else 0,
        "Py_DEBUG": 0,
        "Py_ENABLE_SHARED": 0,
        "WITH_THREAD": 1,
        "VERSION": _VERSION,
        "py_version": "%d.%d.%d" % sys.version_info[:3],
        "py_version_short": _VERSION,
        "py_version_nodot": _VERSION_NODOT,
        "prefix": prefix,
        "exec_prefix": exec_prefix,
        "base": prefix,
        "installed_base": prefix,
        "platbase": exec_prefix,
        "abiflags": sys.abiflags,
        "ABIFLAGS": sys.abiflags,
        "SOABI": _SOABI,
        "EXT_SUFFIX": "." + _SOABI + ".so",
        "SHLIB_SUFFIX": ".so",
        "MACHDEP": sys.platform,
        "MULTIARCH": "%s-linux-gnu" % _MACHINE,
        "HOST_GNU_TYPE": "%s-pc-linux-gnu" % _MACHINE,
        "CC": "gcc",
        "EXE": "",
        "BINDIR": os.path.join(exec_prefix, "bin"),
        "LIBDIR": os.path.join(exec_prefix, "lib"),
        "INCLUDEPY": os.path.join(prefix, "include", "minipy"),
    }


_vars = None


def get_config_vars(*names):
    """With no arguments, a dict of all configuration variables; with
    names, a list of their values (None for unknown names)."""
    global _vars
    if _vars is None:
        _vars = _config_vars()
    if names:
        return [_vars.get(name) for name in names]
    return _vars


def get_config_var(name):
    """One configuration variable, or None if there is no such name."""
    return get_config_vars().get(name)


def get_python_version():
    return _VERSION


def get_platform():
    return "%s-%s" % (sys.platform, _MACHINE)


def get_scheme_names():
    return _SCHEMES


def get_default_scheme():
    return "posix_prefix"


def get_preferred_scheme(key):
    if key not in ("prefix", "home", "user"):
        raise ValueError("unknown key %r" % (key,))
    return "posix_" + key


def get_path_names():
    return ("stdlib", "platstdlib", "purelib", "platlib", "include", "scripts", "data")


def get_paths(scheme=None, vars=None, expand=True):
    """Where things would be installed.  minipy's standard library is
    compiled into the binary, so these are nominal locations."""
    if scheme is None:
        scheme = get_default_scheme()
    if scheme not in _SCHEMES:
        raise KeyError(scheme)
    v = dict(get_config_vars())
    if vars:
        v.update(vars)
    base = v["base"] if scheme != "posix_user" else os.path.expanduser("~/.local")
    lib = os.path.join(base, "lib", "minipy" + _VERSION)
    return {
        "stdlib": lib,
        "platstdlib": lib,
        "purelib": os.path.join(lib, "site-packages"),
        "platlib": os.path.join(lib, "site-packages"),
        "include": v["INCLUDEPY"],
        "platinclude": v["INCLUDEPY"],
        "scripts": os.path.join(base, "bin"),
        "data": base,
    }


def get_path(name, scheme=None, vars=None, expand=True):
    return get_paths(scheme, vars, expand)[name]
