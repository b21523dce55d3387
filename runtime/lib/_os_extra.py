"""The parts of the os module written in Python.

runtime/mod_os.c runs this source in the namespace of the os module it
builds (so every name here is an os.* name), as CPython's Lib/os.py wraps
the C module posix.  It adds os.stat_result and stat()/lstat() over the C
function _stat(), the os.environ mapping that updates the real process
environment, makedirs/removedirs/walk, fspath/PathLike, and a few
os.path functions.
"""

error = OSError
extsep = "."
altsep = None
supports_bytes_environ = True


class stat_result(tuple):
    """The result of os.stat(): a tuple of ten items with st_* names."""
    __slots__ = ()
    n_sequence_fields = 10
    _fields = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid",
               "st_size", "st_atime", "st_mtime", "st_ctime")

    def __new__(cls, values):
        return tuple.__new__(cls, values)

    def __getitem__(self, index):
        # Like CPython, the tuple holds whole seconds; the attributes are floats.
        value = tuple.__getitem__(self, index)
        if isinstance(index, int) and index % 10 >= 7:
            return int(value)
        return value

    def __repr__(self):
        items = ", ".join(f"{name}={self[i]!r}" for i, name in enumerate(self._fields))
        return f"os.stat_result({items})"


for _index, _name in enumerate(stat_result._fields):
    setattr(stat_result, _name,
            property(lambda self, i=_index: tuple.__getitem__(self, i)))
stat_result.__module__ = "os"
del _index, _name


class uname_result(tuple):
    """The result of os.uname(): five strings with names."""
    __slots__ = ()
    n_sequence_fields = 5
    _fields = ("sysname", "nodename", "release", "version", "machine")

    def __new__(cls, values):
        return tuple.__new__(cls, values)

    def __repr__(self):
        items = ", ".join(f"{name}={self[i]!r}" for i, name in enumerate(self._fields))
        return f"posix.uname_result({items})"


for _index, _name in enumerate(uname_result._fields):
    setattr(uname_result, _name, property(lambda self, i=_index: tuple.__getitem__(self, i)))
uname_result.__module__ = "posix"
del _index, _name


def uname():
    """Return (sysname, nodename, release, version, machine) of this system."""
    return uname_result(_uname())


def stat(path, *, follow_symlinks=True):
    return stat_result(_stat(fspath(path), follow_symlinks))


def lstat(path):
    return stat_result(_stat(fspath(path), False))


class PathLike:
    """Abstract base class for objects with a __fspath__ method."""

    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        return hasattr(subclass, "__fspath__") or NotImplemented


def fspath(path):
    """Return the str or bytes form of a path-like object."""
    if isinstance(path, (str, bytes)):
        return path
    method = getattr(type(path), "__fspath__", None)
    if method is None:
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + type(path).__name__)
    result = method(path)
    if not isinstance(result, (str, bytes)):
        raise TypeError(f"expected {type(path).__name__}.__fspath__() to return str "
                        f"or bytes, not {type(result).__name__}")
    return result


def fsencode(filename):
    filename = fspath(filename)
    return filename.encode("utf-8", "surrogateescape") if isinstance(filename, str) else filename


def fsdecode(filename):
    filename = fspath(filename)
    return filename.decode("utf-8", "surrogateescape") if isinstance(filename, bytes) else filename


class _Environ(dict):
    """os.environ: a dict whose changes also reach the process environment
    (child processes, C libraries), as CPython's os._Environ."""

    def __setitem__(self, key, value):
        if not isinstance(value, str):
            raise TypeError(f"str expected, not {type(value).__name__}")
        putenv(key, value)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key):
        dict.__delitem__(self, key)
        unsetenv(key)

    def pop(self, key, *default):
        if key in self:
            value = self[key]
            del self[key]
            return value
        return dict.pop(self, key, *default)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def update(self, *args, **kwargs):
        for key, value in dict(*args, **kwargs).items():
            self[key] = value

    def clear(self):
        for key in list(self):
            del self[key]

    def copy(self):
        return dict(self)

    def __repr__(self):
        return f"environ({dict.__repr__(self)})"


environ = _Environ(environ)


def makedirs(name, mode=0o777, exist_ok=False):
    """Create a directory and every missing parent."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass  # created by someone else meanwhile
    try:
        mkdir(name)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """Remove a directory, then its parents while they are empty."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Yield (dirpath, dirnames, filenames) for each directory in the tree."""
    top = fspath(top)
    try:
        names = listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs, nondirs = [], []
    for name in names:
        (dirs if path.isdir(path.join(top, name)) else nondirs).append(name)
    if topdown:
        yield top, dirs, nondirs
    for name in dirs:
        new_path = path.join(top, name)
        if followlinks or not path.islink(new_path):
            yield from walk(new_path, topdown, onerror, followlinks)
    if not topdown:
        yield top, dirs, nondirs


def _path_getatime(filename):
    return stat(filename).st_atime


def _path_getctime(filename):
    return stat(filename).st_ctime


def _path_samefile(a, b):
    sa, sb = stat(a), stat(b)
    return sa.st_ino == sb.st_ino and sa.st_dev == sb.st_dev


def _path_commonprefix(paths):
    if not paths:
        return ""
    low, high = min(paths), max(paths)
    for i, char in enumerate(low):
        if char != high[i]:
            return low[:i]
    return low


def _path_commonpath(paths):
    if not paths:
        raise ValueError("commonpath() arg is an empty sequence")
    absolute = {p.startswith("/") for p in paths}
    if len(absolute) > 1:
        raise ValueError("Can't mix absolute and relative paths")
    split = [[part for part in p.split("/") if part and part != "."] for p in paths]
    common = []
    for parts in zip(*split):
        if any(part != parts[0] for part in parts):
            break
        common.append(parts[0])
    return ("/" if absolute.pop() else "") + "/".join(common)


def _path_expandvars(text):
    if "$" not in text:
        return text
    out, i = [], 0
    while i < len(text):
        char = text[i]
        if char == "$" and i + 1 < len(text):
            if text[i + 1] == "{":
                end = text.find("}", i + 2)
                name = text[i + 2:end] if end >= 0 else None
                stop = end + 1
            else:
                stop = i + 1
                while stop < len(text) and (text[stop].isalnum() or text[stop] == "_"):
                    stop += 1
                name = text[i + 1:stop]
            if name and name in environ:
                out.append(environ[name])
                i = stop
                continue
        out.append(char)
        i += 1
    return "".join(out)


path.getatime = _path_getatime
path.getctime = _path_getctime
path.samefile = _path_samefile
path.commonprefix = _path_commonprefix
path.commonpath = _path_commonpath
path.expandvars = _path_expandvars
path.supports_unicode_filenames = False
path.altsep = None
path.pathsep = ":"
path.defpath = "/bin:/usr/bin"
path.devnull = "/dev/null"
del _path_getatime, _path_getctime, _path_samefile, _path_commonprefix
del _path_commonpath, _path_expandvars
