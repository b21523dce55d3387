import fnmatch
for p in ['*.py','a*b*c','[!abc]x','[a-z]?','[]]','[!]]','[','a[b','\\*','**','[a-c-e]','x[^y]', '[z-a]', '[!]', '[a&&b]', '*a*', 'a*']:
    print(repr(p), repr(fnmatch.translate(p)))
names = ['a.py', 'b.txt', 'abc', 'aXbYc', 'ab', '[', 'x^', 'xy', '.hidden', 'A.PY']
for p in ['*.py', 'a*b*c', 'a?', '[!a]*', '[[]', 'x[^y]', '*', '.*', 'A.*']:
    print(p, fnmatch.filter(names, p), [fnmatch.fnmatchcase(n, p) for n in names[:4]], fnmatch.fnmatch('A.PY', p))
print(fnmatch.fnmatch(b'abc.py', b'*.py'), fnmatch.filter([b'x', b'y'], b'[x]'))
