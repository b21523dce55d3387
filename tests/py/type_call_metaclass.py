# type(name, bases, ns) picks the most derived metaclass of the bases, and
# reports a metaclass conflict for bases whose metaclasses are unrelated.
class Meta(type):
    def __new__(mcls, name, bases, ns):
        print('Meta.__new__', name)
        return super().__new__(mcls, name, bases, ns)

class Base(metaclass=Meta):
    pass

Derived = type('Derived', (Base,), {})
print(type(Derived).__name__, Derived.__bases__[0].__name__)

class Other(type):
    pass

class OtherBase(metaclass=Other):
    pass

for bases in [(1,), (Base, OtherBase), ('x',)]:
    try:
        type('Bad', bases, {})
    except TypeError as e:
        print('TypeError', e)

try:
    class Mixed(Base, OtherBase):
        pass
except TypeError as e:
    print('TypeError', e)

Plain = type('Plain', (), {'x': 1})
print(Plain.x, type(Plain).__name__, Plain.__mro__)
