# Attribute lookup order: data descriptors, instance dict, non-data descriptors, class attrs, __getattr__.
class DataDesc:
    def __get__(self, obj, cls):
        return "data descriptor"
    def __set__(self, obj, value):
        print("DataDesc.__set__", value)
class NonDataDesc:
    def __get__(self, obj, cls):
        return "non-data descriptor"
class Thing:
    d = DataDesc()
    n = NonDataDesc()
    plain = "class attribute"
    def __getattr__(self, name):
        return f"__getattr__({name})"
t = Thing()
t.__dict__["d"] = "instance d"
t.__dict__["n"] = "instance n"
t.__dict__["plain"] = "instance plain"
print(t.d, t.n, t.plain, t.missing)
t.d = 5
print(t.d, t.__dict__["d"])
del t.__dict__["n"], t.__dict__["plain"]
print(t.n, t.plain)
print(Thing.d, Thing.n, type(Thing.__dict__["d"]).__name__)
class Base:
    attr = "base"
    def method(self):
        return "Base.method"
class Child(Base):
    pass
c = Child()
print(c.attr, c.method())
Base.attr = "changed on base"
Child.method = lambda self: "patched on Child"
print(c.attr, c.method(), Base().method())
class P:
    @property
    def value(self):
        return "property"
p = P()
try:
    p.__dict__["value"] = "instance"
    print(p.value)
except AttributeError as e:
    print(type(e).__name__, e)
class Sub(P):
    @property
    def value(self):
        return "Sub:" + super().value
print(Sub().value)
class Getattribute:
    x = 1
    def __getattribute__(self, name):
        if name == "secret":
            raise AttributeError("hidden")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f"fallback for {name}"
g = Getattribute()
print(g.x, g.secret, g.other)
print(getattr(Thing, "plain"), vars(Thing)["plain"], "n" in dir(t))
