import types, sys
def f(): pass
class C:
    def m(self): pass
    @staticmethod
    def s(): pass
print(type(f) is types.FunctionType, type(lambda: 0) is types.LambdaType, type(C().m) is types.MethodType, type(len) is types.BuiltinFunctionType, type([].append) is types.BuiltinMethodType, type(sys) is types.ModuleType)
print(type(f.__code__) is types.CodeType, isinstance((x for x in []), types.GeneratorType), type(None) is types.NoneType, type(...) is types.EllipsisType, type(NotImplemented) is types.NotImplementedType)
print(types.FunctionType.__name__, types.MethodType.__name__, types.ModuleType.__name__, types.SimpleNamespace.__name__, types.GenericAlias.__module__)
ns = types.SimpleNamespace(a=1, b=[2]); ns.c = 3; print(ns, ns.a, vars(ns), ns == types.SimpleNamespace(a=1, b=[2], c=3), ns != types.SimpleNamespace())
del ns.a; print(ns, repr(types.SimpleNamespace()), hasattr(ns, "a"))
try: types.SimpleNamespace(1)
except TypeError as e: print("TypeError")
class Sub(types.SimpleNamespace): pass
print(Sub(x=1))
m = types.ModuleType("mymod", "docstring"); m.value = 5; print(m.__name__, m.__doc__, m.value, repr(m))
print(isinstance(C().m, types.MethodType), C().m.__self__.__class__.__name__)
mp = types.MappingProxyType({"k": 1}); print(mp["k"], "k" in mp, len(mp), list(mp), mp.get("z", 0), dict(mp.items()))
try: mp["k"] = 2
except TypeError as e: print("TypeError")
GA = types.GenericAlias(list, (int,)); print(GA, GA.__origin__, GA.__args__, GA.__parameters__, GA([1, 2]), GA == types.GenericAlias(list, int), hash(GA) == hash(types.GenericAlias(list, (int,))))
print(types.GenericAlias(dict, (str, types.GenericAlias(list, (int,)))), types.GenericAlias(tuple, ()), types.GenericAlias(tuple, (int, ...)))
try: isinstance([], GA)
except TypeError as e: print(e)
def body(ns): ns["x"] = 10; ns["double"] = lambda self: self.x * 2
K = types.new_class("K", (object,), {}, body); print(K.__name__, K.x, K().double(), types.resolve_bases((int, str)), types.prepare_class("Z")[0])
class Meta(type): pass
Z = types.new_class("Z", (), {"metaclass": Meta}); print(type(Z).__name__)

