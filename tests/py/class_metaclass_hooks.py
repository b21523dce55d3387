# __init_subclass__, __class_getitem__, __set_name__, metaclass __call__ and __prepare__.
class Plugin:
    registry = {}
    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.registry[name or cls.__name__.lower()] = cls
class CSV(Plugin, name="csv"): pass
class Json(Plugin): pass
print(sorted(Plugin.registry), Plugin.registry["csv"].__name__)
try:
    class Bad(Plugin, unknown=1): pass
except TypeError as e:
    print(type(e).__name__, e)

class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item.__name__ if isinstance(item, type) else item}]"
print(Box[int], Box["x"], list[int], dict[str, list[int]], type(list[int]).__name__)

class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
class Model:
    id = Field()
    title = Field()
print(Model.id.name, Model.title.name)

class CountingMeta(type):
    def __call__(cls, *args, **kwargs):
        cls.instances = getattr(cls, "instances", 0) + 1
        return super().__call__(*args, **kwargs)
    @classmethod
    def __prepare__(mcls, name, bases):
        print("prepare", name)
        return {"created_by": "CountingMeta"}
class Thing(metaclass=CountingMeta):
    def __init__(self, v):
        self.v = v
Thing(1); Thing(2)
print(Thing.instances, Thing.created_by, type(Thing).__name__, isinstance(Thing, type))

class SingletonMeta(type):
    _instances = {}
    def __call__(cls, *a, **k):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*a, **k)
        return cls._instances[cls]
class Config(metaclass=SingletonMeta):
    pass
print(Config() is Config(), type(Config))
Dyn = CountingMeta("Dyn", (), {"x": 1})
print(Dyn.x, Dyn.created_by if hasattr(Dyn, "created_by") else "no prepare via call")
print(type.__name__, type(type), type.__mro__, isinstance(type, object))
