# Function attributes live in the function's __dict__.
def f():
    return 1

print(f.__dict__)
f.tag = 'x'
print(f.__dict__, vars(f), f.tag)
f.__dict__['other'] = 2
print(f.other, sorted(vars(f)))
f.__dict__ = {'fresh': True}
print(f.fresh, hasattr(f, 'tag'))
try:
    f.__dict__ = 5
except TypeError as e:
    print('TypeError', e)
g = lambda: 0
print(g.__dict__, '__dict__' in dir(f))
import functools
@functools.wraps(f)
def wrapper():
    return f()
print(wrapper.__dict__.get('__wrapped__') is f, wrapper.fresh)
