# A built-in type's __doc__ is its own docstring, even when its instances
# have a __doc__ descriptor (property, staticmethod...).
print(property.__doc__.splitlines()[0])
print(type(property.__doc__).__name__)
p = property(lambda self: 1, doc='mine')
print(p.__doc__)
class Holder:
    attr = property(lambda self: 1)
print(Holder.attr.__doc__)
class Documented:
    """class doc"""
print(Documented.__doc__, Documented().__doc__)
class Sub(property):
    pass
print(Sub.__doc__)
