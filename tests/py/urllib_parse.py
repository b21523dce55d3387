# urllib.parse: splitting, joining, quoting and query strings.
from urllib.parse import *
for u in ['http://user:pw@www.Example.com:8080/a/b;p?q=1&r=2#frag', 'https://[::1]:443/x', 'www.python.org', '/path?x#y',
          'mailto:foo@bar.com', 'file:///etc/passwd', '  http://a.b/c\t d\n', 'HTTP://X.Y', 'a1+b:c', '1a:b', '//host/p', 'http://a/b;c;d', 'ftp://a/b;type=i']:
    r = urlparse(u); print(r); print(r.hostname, r.port, r.username, r.password, r.geturl())
    s = urlsplit(u); print(s, urlunsplit(s))
print(urlsplit(b'http://a/b?c#d'))
base = 'http://a/b/c/d;p?q'
for rel in ['g:h','g','./g','g/','/g','//g','?y','g?y','#s','g#s','g?y#s',';x','g;x','g;x?y#s','','.','./','..','../','../g','../..','../../','../../g','../../../g','../../../../g','/./g','/../g','g.','.g','g..','..g','./../g','./g/.','g/./h','g/../h','g;x=1/./y','g;x=1/../y','g?y/./x','g?y/../x','g#s/./x','g#s/../x','http:g', 'https://other/x']:
    print(repr(rel), urljoin(base, rel))
print(urljoin('http://www.python.org/doc/', 'faq.html'), urljoin('http://a.b/c', '../../x'))
for s in ['abc def', 'a/b c', 'é€', '~_.-!*', '', 'a+b&c=d']:
    print(quote(s), quote_plus(s), quote(s, safe=''), quote(s.encode()))
for s in ['a%20b', 'a+b%2Bc', '%E2%82%AC%zz%', '%C3', 'no', '%41%42c%43']:
    print(unquote(s), unquote_plus(s), unquote_to_bytes(s))
print(urlencode({'a': 1, 'b': 'x y', 'c': ['1', '2']}), urlencode({'c': ['1', '2']}, doseq=True), urlencode([('q', 'é&=')]))
print(parse_qs('a=1&b=2&a=3&c=&d'), parse_qs('a=1&c=&d', keep_blank_values=True), parse_qsl('x=a+b%20c;y=1', separator=';'))
print(urldefrag('http://a/b#c'))
try: urlparse('http://[::1/x')
except ValueError as e: print(e)
try: urlparse('http://a:xx/').port
except ValueError as e: print(e)
try: urlencode('abc')
except TypeError as e: print(e)
r = urlparse('http://a/b'); print(r._replace(path='/z').geturl(), r.scheme, r[1], len(r))
