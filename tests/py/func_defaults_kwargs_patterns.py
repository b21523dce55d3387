# Keyword argument patterns: option dicts, forwarding *args/**kwargs, keyword-only flags, sentinels.
_missing = object()
def get(d, key, default=_missing):
    if key in d:
        return d[key]
    if default is _missing:
        raise KeyError(key)
    return default
print(get({"a": 1}, "a"), get({}, "b", None), get({}, "c", 0))
try:
    get({}, "z")
except KeyError as e:
    print(type(e).__name__, e)
def connect(host, port=80, *, timeout=10, retries=3, **options):
    return f"{host}:{port} timeout={timeout} retries={retries} options={sorted(options.items())}"
print(connect("example.com"))
print(connect("example.com", 8080, timeout=1, ssl=True, proxy=None))
settings = {"port": 443, "timeout": 5, "verbose": True}
print(connect("h", **settings))
def logged(func):
    def wrapper(*args, **kwargs):
        print(f"-> {func.__name__} args={args} kwargs={kwargs}")
        return func(*args, **kwargs)
    return wrapper
connect_logged = logged(connect)
print(connect_logged("x", port=1, retries=0))
def build(*parts, sep="/", **query):
    path = sep.join(parts)
    if query:
        path += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return path
print(build("api", "v1", "users", page=2, sort="name"), build(sep="-"), build("a", "b", sep=""))
def counter(start=0, step=1):
    def nxt():
        nonlocal start
        start += step
        return start
    return nxt
c = counter(step=5)
print(c(), c(), counter()())
def f(a, b, /, c, *, d):
    return a, b, c, d
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4))
def takes_all(*args, **kwargs):
    return len(args), sorted(kwargs)
print(takes_all(), takes_all(1, *[2, 3], x=1, **{"y": 2}), takes_all(*"ab", **dict(z=0)))
def defaults_eval():
    print("evaluated once")
    return []
def use_default(x=defaults_eval()):
    x.append(1)
    return len(x)
print(use_default(), use_default(), use_default([]))
