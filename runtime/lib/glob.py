"""glob: file names matching shell patterns (*, ?, [seq], and ** with
recursive=True), built on os.listdir and fnmatch."""
import fnmatch
import os
import re

__all__ = ["glob", "iglob", "escape", "has_magic"]

_magic = re.compile("([*?[])")


def has_magic(s):
    return _magic.search(s) is not None


def escape(pathname):
    """Escape the magic characters * ? [ (drive part untouched)."""
    return _magic.sub(r"[\1]", pathname)


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    return list(iglob(pathname, root_dir=root_dir, recursive=recursive,
                      include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    # (Names come in sorted order; CPython gives the directory's order.)
    return _iglob(os.fspath(pathname), root_dir, recursive, include_hidden)


def _join(root_dir, path):
    return os.path.join(root_dir, path) if root_dir is not None and path else (root_dir or path)


def _lexists(root_dir, path):
    return os.path.lexists(_join(root_dir, path)) if path else False


def _isdir(root_dir, path):
    return os.path.isdir(_join(root_dir, path)) if path or root_dir else os.path.isdir(".")


def _iglob(pathname, root_dir, recursive, hidden):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if _lexists(root_dir, pathname):
                yield pathname
        elif _isdir(root_dir, dirname):
            yield pathname
        return
    if not dirname:
        if recursive and basename == "**":
            yield from _glob2(root_dir, "", basename, hidden)
        else:
            yield from _glob1(root_dir, "", basename, hidden)
        return
    if dirname != pathname and has_magic(dirname):
        dirs = _iglob(dirname, root_dir, recursive, hidden)
    else:
        dirs = [dirname]
    for d in dirs:
        if recursive and basename == "**":
            names = _glob2(root_dir, d, basename, hidden)
        elif has_magic(basename):
            names = _glob1(root_dir, d, basename, hidden)
        else:
            names = [basename] if _lexists(root_dir, os.path.join(d, basename)) or \
                (basename == "" and _isdir(root_dir, d)) else []
        for name in names:
            yield os.path.join(d, name)


def _listdir(root_dir, dirname):
    try:
        return sorted(os.listdir(_join(root_dir, dirname) or "."))
    except OSError:
        return []


def _glob1(root_dir, dirname, pattern, hidden):
    names = _listdir(root_dir, dirname)
    if not (hidden or pattern.startswith(".")):
        names = [n for n in names if not n.startswith(".")]
    return fnmatch.filter(names, pattern)


def _glob2(root_dir, dirname, pattern, hidden):
    # "**": this directory ("" first) and everything below it.
    if dirname == "" or _isdir(root_dir, dirname):
        yield pattern[:0]
    yield from _rlistdir(root_dir, dirname, hidden)


def _rlistdir(root_dir, dirname, hidden):
    for name in _listdir(root_dir, dirname):
        if not hidden and name.startswith("."):
            continue
        yield name
        path = os.path.join(dirname, name) if dirname else name
        if _isdir(root_dir, path) and not os.path.islink(_join(root_dir, path)):
            for sub in _rlistdir(root_dir, path, hidden):
                yield os.path.join(name, sub)
