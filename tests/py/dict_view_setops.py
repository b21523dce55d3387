# set operations and comparisons of keys and items views
a = {'x': 1, 'y': 2, 'z': 3}
b = {'y': 20, 'z': 3, 'w': 0}
ka, kb = a.keys(), b.keys()
print(sorted(ka & kb), sorted(ka | kb), sorted(ka - kb), sorted(ka ^ kb))
print(type(ka & kb).__name__, type(ka | kb).__name__)
print(sorted(ka & {'x', 'q'}), sorted({'x', 'q'} & ka), sorted(ka - {'x'}), sorted({'x', 'q'} - ka))
print(sorted(ka | ['q']), sorted(['q'] | ka), sorted(ka ^ ('x', 'q')), sorted(('x', 'q') ^ ka))
print(sorted(a.items() & b.items()), sorted(a.items() - b.items()), sorted(a.items() ^ b.items()))
print(sorted(a.items() | b.items()))
print(ka == {'x', 'y', 'z'}, ka == {'x'}, ka != {'x'}, ka == ['x', 'y', 'z'])
print(ka < {'x', 'y', 'z', 'w'}, ka <= {'x', 'y', 'z'}, ka > {'x'}, ka >= {'x', 'y', 'z'}, ka > ka)
print({'x'} < ka, {'x', 'y', 'z'} == ka, frozenset('xyz') == ka)
print(ka == kb, ka == {'x': 0, 'y': 0, 'z': 0}.keys(), a.items() == {'z': 3, 'x': 1, 'y': 2}.items())
print(ka.isdisjoint(kb), ka.isdisjoint(['q']), ka.isdisjoint([]), ka.isdisjoint(ka), {}.keys().isdisjoint({}.keys()))
print(a.items().isdisjoint([('x', 1)]), a.items().isdisjoint({('x', 2)}))
try:
    ka < ['x']
except TypeError as e:
    print('TypeError', e)
try:
    a.values() | {1}
except TypeError as e:
    print('TypeError', e)
try:
    ka.isdisjoint(1)
except TypeError as e:
    print('TypeError', e)
try:
    ka | 1
except TypeError as e:
    print('TypeError', e)
try:
    print(a.items() & [[1, 2]])
except TypeError as e:
    print('TypeError', e)
print(sorted({1: 2}.items() ^ {1: 3}.items()), {1: [1]}.items() ^ {1: [1]}.items())
print(sorted(ka - []), sorted(ka ^ ka), sorted(ka & ka))
big = dict.fromkeys(range(100))
small = {5: None, 500: None}.keys()
print(sorted(big.keys() & small), sorted(small & big.keys()))
