"""tempfile: temporary files and directories, created safely (O_EXCL,
mode 0o600 / 0o700) in the directory of TMPDIR, TEMP, TMP, /tmp, /var/tmp,
/usr/tmp or the current one, whichever is writable first."""
import os
import shutil as _shutil
import io as _io
import secrets as _secrets

__all__ = ["NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile",
           "TemporaryDirectory", "mkstemp", "mkdtemp", "mktemp", "gettempdir",
           "gettempprefix", "gettempdirb", "gettempprefixb", "TMP_MAX", "template", "tempdir"]

TMP_MAX = 10000
template = "tmp"
tempdir = None

_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789_"


def _random_name():
    return "".join(_secrets.choice(_ALPHABET) for _ in range(8))


def _candidate_dirs():
    for var in ("TMPDIR", "TEMP", "TMP"):
        d = os.getenv(var)
        if d:
            yield d
    yield from ("/tmp", "/var/tmp", "/usr/tmp")
    yield os.getcwd()


def _find_tempdir():
    for d in _candidate_dirs():
        d = os.path.abspath(d)
        try:
            fd, name = _mkstemp_in(d, template, "", os.O_RDWR)
        except (FileExistsError, PermissionError, FileNotFoundError, NotADirectoryError):
            continue
        os.close(fd)
        os.unlink(name)
        return d
    raise FileNotFoundError(2, "No usable temporary directory found in %s" % list(_candidate_dirs()))


def gettempdir():
    global tempdir
    if tempdir is None:
        tempdir = _find_tempdir()
    return tempdir


def gettempdirb():
    return os.fsencode(gettempdir())


def gettempprefix():
    return template


def gettempprefixb():
    return template.encode()


def _mkstemp_in(dir, prefix, suffix, flags):
    for _ in range(TMP_MAX):
        name = os.path.join(dir, prefix + _random_name() + suffix)
        try:
            fd = os.open(name, flags | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        return fd, os.path.abspath(name)
    raise FileExistsError(17, "No usable temporary file name found")


def _defaults(suffix, prefix, dir):
    return ("" if suffix is None else suffix, template if prefix is None else prefix,
            gettempdir() if dir is None else os.fspath(dir))


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    """Create a file only this user can read and write; returns (fd, path)."""
    suffix, prefix, dir = _defaults(suffix, prefix, dir)
    return _mkstemp_in(dir, prefix, suffix, os.O_RDWR)


def mkdtemp(suffix=None, prefix=None, dir=None):
    """Create a directory only this user can use; returns its path."""
    suffix, prefix, dir = _defaults(suffix, prefix, dir)
    for _ in range(TMP_MAX):
        name = os.path.join(dir, prefix + _random_name() + suffix)
        try:
            os.mkdir(name, 0o700)
        except FileExistsError:
            continue
        return os.path.abspath(name)
    raise FileExistsError(17, "No usable temporary directory name found")


def mktemp(suffix="", prefix=template, dir=None):
    """A name that did not exist when asked (unsafe: use mkstemp)."""
    if dir is None:
        dir = gettempdir()
    for _ in range(TMP_MAX):
        name = os.path.join(dir, prefix + _random_name() + suffix)
        if not os.path.lexists(name):
            return name
    raise FileExistsError(17, "No usable temporary filename found")


class _TemporaryFileWrapper:
    """A file object with a .name that is removed when closed (delete=True)."""

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._closed = False

    def __getattr__(self, name):
        return getattr(self.__dict__["file"], name)

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        self.close()
        return False

    def __iter__(self):
        return iter(self.file)

    def close(self):
        if self._closed:
            return
        self._closed = True
        try:
            self.file.close()
        finally:
            if self.delete:
                try:
                    os.unlink(self.name)
                except FileNotFoundError:
                    pass

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


def NamedTemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None,
                       suffix=None, prefix=None, dir=None, delete=True, *, errors=None):
    fd, name = mkstemp(suffix, prefix, dir)
    try:
        file = _io.open(fd, mode, buffering=buffering, newline=newline,
                        encoding=encoding, errors=errors)
    except BaseException:
        os.unlink(name)
        os.close(fd)
        raise
    return _TemporaryFileWrapper(file, name, delete)


def TemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None,
                  suffix=None, prefix=None, dir=None, *, errors=None):
    """A file with no name (unlinked at once)."""
    fd, name = mkstemp(suffix, prefix, dir)
    os.unlink(name)
    try:
        return _io.open(fd, mode, buffering=buffering, newline=newline,
                        encoding=encoding, errors=errors)
    except BaseException:
        os.close(fd)
        raise


class SpooledTemporaryFile(_io.IOBase if hasattr(_io, "IOBase") else object):
    """Data kept in memory until it grows past max_size (then a real
    temporary file), or until fileno() is asked for."""

    def __init__(self, max_size=0, mode="w+b", buffering=-1, encoding=None,
                 newline=None, suffix=None, prefix=None, dir=None, *, errors=None):
        self._file = _io.BytesIO() if "b" in mode else _io.StringIO(newline="\n")
        self._max_size = max_size
        self._rolled = False
        self._args = (mode, buffering, encoding, newline, suffix, prefix, dir, errors)

    def _check(self):
        if self._max_size and not self._rolled and self._file.tell() > self._max_size:
            self.rollover()

    def rollover(self):
        if self._rolled:
            return
        mode, buffering, encoding, newline, suffix, prefix, dir, errors = self._args
        new = TemporaryFile(mode, buffering, encoding, newline, suffix, prefix, dir, errors=errors)
        old = self._file
        new.write(old.getvalue())
        new.seek(old.tell(), 0)
        self._file = new
        self._rolled = True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._file.close()

    def __iter__(self):
        return iter(self._file)

    def write(self, s):
        r = self._file.write(s)
        self._check()
        return r

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def fileno(self):
        self.rollover()
        return self._file.fileno()

    def close(self):
        self._file.close()

    @property
    def closed(self):
        return self._file.closed

    def read(self, *args):
        return self._file.read(*args)

    def readline(self, *args):
        return self._file.readline(*args)

    def readlines(self, *args):
        return self._file.readlines(*args)

    def seek(self, *args):
        return self._file.seek(*args)

    def tell(self):
        return self._file.tell()

    def truncate(self, size=None):
        return self._file.truncate(size)

    def flush(self):
        return self._file.flush()


class TemporaryDirectory:
    """A directory removed (with its contents) by cleanup(), at the end of
    a with block, or when the object goes away."""

    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore = ignore_cleanup_errors
        self._done = False

    def __repr__(self):
        return "<%s %r>" % (self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        if not self._done:
            self._done = True
            if os.path.lexists(self.name):
                _shutil.rmtree(self.name, ignore_errors=self._ignore)

    def __del__(self):
        try:
            self.cleanup()
        except Exception:
            pass
