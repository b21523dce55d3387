"""Shell-style wildcard matching of file names.

    *       any run of characters
    ?       one character
    [seq]   one character of seq (ranges like a-z allowed)
    [!seq]  one character not in seq

minipy's fnmatch (CPython: Lib/fnmatch.py): the patterns are translated
to regular expressions exactly as CPython does.
"""
import os
import re

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]


def _normcase(s):
    # os.path.normcase is the identity on POSIX (minipy's rejects bytes).
    if os.name == 'posix' and isinstance(s, (str, bytes)):
        return s
    return os.path.normcase(s)

_cache = {}
_CACHE_MAX = 256


def fnmatch(name, pat):
    """Match name against pat after os.path.normcase() of both (a no-op
    on POSIX, where matching is case-sensitive)."""
    name = _normcase(name)
    pat = _normcase(pat)
    return fnmatchcase(name, pat)


def _compile_pattern(pat):
    key = (type(pat), pat)
    match = _cache.get(key)
    if match is None:
        if isinstance(pat, bytes):
            pat_str = str(pat, 'ISO-8859-1')
            res_str = translate(pat_str)
            res = bytes(res_str, 'ISO-8859-1')
        else:
            res = translate(pat)
        match = re.compile(res).match
        if len(_cache) >= _CACHE_MAX:
            _cache.clear()
        _cache[key] = match
    return match


def filter(names, pat):
    """The names that match pat."""
    result = []
    pat = _normcase(pat)
    match = _compile_pattern(pat)
    if os.name == 'posix':
        for name in names:
            if match(name):
                result.append(name)
    else:
        for name in names:
            if match(os.path.normcase(name)):
                result.append(name)
    return result


def fnmatchcase(name, pat):
    """Match name against pat, case-sensitively."""
    match = _compile_pattern(pat)
    return match(name) is not None


def _escape_set_ops(stuff):
    # '&', '~' and '|' could start set operations in future re versions.
    for c in '&~|':
        stuff = stuff.replace(c, '\\' + c)
    return stuff


def translate(pat):
    """The regular expression (a str) equivalent to the shell pattern."""
    STAR = object()
    res = []
    add = res.append
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i = i + 1
        if c == '*':
            # Consecutive stars are one star.
            if (not res) or res[-1] is not STAR:
                add(STAR)
        elif c == '?':
            add('.')
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j = j + 1
            if j < n and pat[j] == ']':
                j = j + 1
            while j < n and pat[j] != ']':
                j = j + 1
            if j >= n:
                add('\\[')
            else:
                stuff = pat[i:j]
                if '-' not in stuff:
                    stuff = stuff.replace('\\', r'\\')
                else:
                    # Split at the hyphens that make ranges.
                    chunks = []
                    k = i + 2 if pat[i] == '!' else i + 1
                    while True:
                        k = pat.find('-', k, j)
                        if k < 0:
                            break
                        chunks.append(pat[i:k])
                        i = k + 1
                        k = k + 3
                    chunk = pat[i:j]
                    if chunk:
                        chunks.append(chunk)
                    else:
                        chunks[-1] += '-'
                    # Drop empty ranges (like z-a), which re rejects.
                    for k in range(len(chunks) - 1, 0, -1):
                        if chunks[k - 1][-1] > chunks[k][0]:
                            chunks[k - 1] = chunks[k - 1][:-1] + chunks[k][1:]
                            del chunks[k]
                    # Escape backslashes and the hyphens that are not ranges.
                    stuff = '-'.join(s.replace('\\', r'\\').replace('-', r'\-')
                                     for s in chunks)
                stuff = _escape_set_ops(stuff)
                i = j + 1
                if not stuff:
                    add('(?!)')        # empty set: never matches
                elif stuff == '!':
                    add('.')           # negated empty set: any character
                else:
                    if stuff[0] == '!':
                        stuff = '^' + stuff[1:]
                    elif stuff[0] in ('^', '['):
                        stuff = '\\' + stuff
                    add(f'[{stuff}]')
        else:
            add(re.escape(c))
    assert i == n

    # Each interior "* fixed" becomes an atomic minimal match, so that a
    # failed match cannot backtrack into it (no exponential blowup).
    inp = res
    res = []
    add = res.append
    i, n = 0, len(inp)
    while i < n and inp[i] is not STAR:
        add(inp[i])
        i += 1
    while i < n:
        assert inp[i] is STAR
        i += 1
        if i == n:
            add(".*")
            break
        assert inp[i] is not STAR
        fixed = []
        while i < n and inp[i] is not STAR:
            fixed.append(inp[i])
            i += 1
        fixed = "".join(fixed)
        if i == n:
            add(".*")
            add(fixed)
        else:
            add(f"(?>.*?{fixed})")
    assert i == n
    res = "".join(res)
    return fr'(?s:{res})\Z'
