# subclasses of list
class MyList(list):
    pass
m = MyList([1, 2, 3])
print(m, type(m).__name__, len(m), m[1], isinstance(m, list))
m.append(4)
print(m, m[1:3], type(m[1:3]).__name__, type(m + [1]).__name__, type(m * 2).__name__)
print(type(m.copy()).__name__)
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack()
s.push(1)
s.push(2)
print(s, s.peek(), s.pop(), s)
class Named(list):
    def __init__(self, name, items=()):
        super().__init__(items)
        self.name = name
n = Named('nums', [3, 1, 2])
n.sort()
print(n.name, n)
class Logged(list):
    def append(self, x):
        print('append', x)
        super().append(x)
lg = Logged()
lg.append(5)
lg.extend([6])
print(lg)
class WithRepr(list):
    def __repr__(self):
        return 'WithRepr(' + super().__repr__() + ')'
print(WithRepr([1, 2]))
print([WithRepr([1])])
class Eq(list):
    pass
print(Eq([1]) == [1], [1] == Eq([1]), Eq([1, 2]) < [1, 3])
m2 = MyList('ab')
m2 += 'cd'
print(m2, type(m2).__name__)
print(sorted(MyList([3, 1, 2])), list(reversed(MyList([1, 2, 3]))))
class Init(list):
    def __init__(self, *args):
        print('init', args)
        super().__init__(*args)
i = Init([1])
print(i)
try:
    Init(1, 2)
except TypeError as e:
    print('TypeError', e)
