"""Cache of source file lines, for tracebacks and warnings.

minipy's linecache (CPython: Lib/linecache.py): getline(filename, lineno)
reads the file once, keeps its lines in `cache` and returns line number
`lineno` (1-based, with its newline), or '' when it cannot.
"""

import os
import sys

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

# filename -> (size, mtime, lines, fullname)
cache = {}


def clearcache():
    'Forget every cached file.'
    cache.clear()


def getline(filename, lineno, module_globals=None):
    "Line `lineno` (1-based, with its newline) of the file, or ''."
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def getlines(filename, module_globals=None):
    'All the lines of the file (read once, then cached), or [].'
    if filename in cache:
        entry = cache[filename]
        if len(entry) != 1:
            return cache[filename][2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    'Drop cached files that changed on disk (all, or just `filename`).'
    filenames = list(cache.keys()) if filename is None else [filename]
    for filename in filenames:
        entry = cache.get(filename)
        if entry is None or len(entry) == 1:
            continue
        size, mtime, lines, fullname = entry
        if mtime is None:
            continue
        try:
            stat = os.stat(fullname)
        except (OSError, AttributeError):
            cache.pop(filename, None)
            continue
        if size != stat.st_size or mtime != stat.st_mtime:
            cache.pop(filename, None)


def updatecache(filename, module_globals=None):
    '(Re)read the file into the cache and return its lines ([] on failure).'
    cache.pop(filename, None)
    if not filename or (filename.startswith('<') and filename.endswith('>')):
        return []
    fullname = filename
    try:
        with open(fullname, 'r', encoding='utf-8') as fp:
            lines = fp.readlines()
    except (OSError, UnicodeDecodeError, SyntaxError):
        # A relative name may live in a sys.path directory.
        if os.path.isabs(filename):
            return []
        for dirname in sys.path:
            try:
                fullname = os.path.join(dirname, filename)
                with open(fullname, 'r', encoding='utf-8') as fp:
                    lines = fp.readlines()
                break
            except (OSError, UnicodeDecodeError, TypeError):
                continue
        else:
            return []
    if lines and not lines[-1].endswith('\n'):
        lines[-1] += '\n'
    try:
        stat = os.stat(fullname)
        size, mtime = stat.st_size, stat.st_mtime
    except (OSError, AttributeError):
        size, mtime = None, None
    cache[filename] = size, mtime, lines, fullname
    return lines


def lazycache(filename, module_globals):
    'Nothing to register lazily in minipy (no module loaders).'
    return False
