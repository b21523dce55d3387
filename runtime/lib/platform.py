"""platform: the machine, the operating system and this interpreter.

Answers come from os.uname() and sys.  python_implementation() is
"minipy" (CPython answers "CPython"); everything else has CPython's form.
"""
import os
import sys

_uname_cache = None


class uname_result(tuple):
    """platform.uname(): system, node, release, version, machine, and
    processor (computed when asked, as in CPython)."""
    __slots__ = ()
    _fields = ("system", "node", "release", "version", "machine", "processor")

    def __new__(cls, system, node, release, version, machine):
        return tuple.__new__(cls, (system, node, release, version, machine))

    @property
    def processor(self):
        return processor()

    def __getitem__(self, index):
        return (tuple(self) + (self.processor,))[index]

    def __iter__(self):
        yield from tuple.__iter__(self)
        yield self.processor

    def __len__(self):
        return 6

    def __repr__(self):
        # (processor is left out, as in CPython: it is computed lazily)
        items = ", ".join("%s=%r" % (name, tuple.__getitem__(self, i))
                          for i, name in enumerate(self._fields[:5]))
        return "uname_result(%s)" % items


for _index, _name in enumerate(uname_result._fields[:5]):
    setattr(uname_result, _name, property(lambda self, i=_index: tuple.__getitem__(self, i)))
del _index, _name


def uname():
    global _uname_cache
    if _uname_cache is None:
        u = os.uname()
        _uname_cache = uname_result(u.sysname, u.nodename, u.release, u.version, u.machine)
    return _uname_cache


def system():
    return uname().system


def node():
    return uname().node


def release():
    return uname().release


def version():
    return uname().version


def machine():
    return uname().machine


def processor():
    # CPython asks `uname -p`, which says "unknown" on most Linux systems
    # and is turned into "".
    return ""


def architecture(executable=sys.executable, bits="", linkage=""):
    """(bits, linkage) of the interpreter: ("64bit", "ELF") here."""
    size = 8 if sys.maxsize > 2 ** 32 else 4
    return (bits or "%dbit" % (size * 8), linkage or "ELF")


def python_implementation():
    return "minipy"


def python_version():
    return "%d.%d.%d" % sys.version_info[:3]


def python_version_tuple():
    return tuple(str(part) for part in sys.version_info[:3])


def python_branch():
    return ""


def python_revision():
    return ""


def python_build():
    # sys.version: "3.11.7 (minipy 0.1.0, Nov 22 2026, 13:34:16) [GCC 12.2.0]"
    inside = sys.version.split("(", 1)[1].split(")", 1)[0].split(", ")
    date = " ".join(part for part in inside[1:] if part != "free-threading build")
    return (inside[0], date)


def python_compiler():
    return sys.version.rsplit("[", 1)[1].rstrip("]") if "[" in sys.version else ""


def libc_ver(executable=None, lib="", version="", chunksize=16384):
    try:
        name = os.confstr("CS_GNU_LIBC_VERSION")
    except (AttributeError, ValueError, OSError):
        return (lib, version)
    parts = name.split()
    return ("glibc", parts[1]) if len(parts) == 2 and parts[0] == "glibc" else (lib, version)


def platform(aliased=False, terse=False):
    """"Linux-6.1.0-x86_64-with-glibc2.36" and the like."""
    # (On Linux CPython's terse form is the same string.)
    u = uname()
    text = "%s-%s-%s" % (u.system, u.release, u.machine)
    lib, ver = libc_ver()
    if lib:
        text += "-with-%s%s" % (lib, ver)
    return text


def freedesktop_os_release():
    info = {}
    for path in ("/etc/os-release", "/usr/lib/os-release"):
        try:
            with open(path) as f:
                text = f.read()
        except OSError:
            continue
        for line in text.splitlines():
            if "=" in line and not line.startswith("#"):
                key, value = line.split("=", 1)
                info[key] = value.strip().strip("'\"")
        info.setdefault("NAME", "Linux")
        info.setdefault("ID", "linux")
        info.setdefault("PRETTY_NAME", "Linux")
        return info
    raise OSError(2, "No such file or directory", "/etc/os-release")
