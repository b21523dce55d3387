"""Abstract Base Classes (ABCs) according to PEP 3119.

minipy's abc module, written in Python after CPython's Lib/_py_abc.py
(CPython itself uses the C module _abc).  Each ABC keeps, in its
`_abc_impl` record, the classes registered as virtual subclasses plus
positive and negative caches of subclass checks; registering anything
bumps a global counter that invalidates every negative cache.

minipy has no weak references yet, so registries and caches hold their
classes strongly (classes registered with an ABC live as long as it).
"""

from _abc import _set_abstract_flag


def abstractmethod(funcobj):
    'Mark funcobj abstract: an ABCMeta class keeping it cannot be instantiated.'
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    'An abstract classmethod (prefer classmethod + abstractmethod).'
    __isabstractmethod__ = True

    def __init__(self, callable):
        # classmethod/staticmethod took `callable` in __new__ already
        # (minipy's have no __init__ to forward to).
        callable.__isabstractmethod__ = True


class abstractstaticmethod(staticmethod):
    'An abstract staticmethod (prefer staticmethod + abstractmethod).'
    __isabstractmethod__ = True

    def __init__(self, callable):
        # classmethod/staticmethod took `callable` in __new__ already
        # (minipy's have no __init__ to forward to).
        callable.__isabstractmethod__ = True


class abstractproperty(property):
    'An abstract property (prefer property + abstractmethod).'
    __isabstractmethod__ = True


_invalidation_counter = 0


def get_cache_token():
    'A value that changes whenever any ABC registers a class.'
    return _invalidation_counter


class _AbcImpl:
    # The per-class bookkeeping (CPython's _abc_data).
    __slots__ = ('registry', 'cache', 'negative_cache', 'negative_version')

    def __init__(self):
        self.registry = set()
        self.cache = set()
        self.negative_cache = set()
        self.negative_version = _invalidation_counter


def _compute_abstracts(cls, namespace, bases):
    abstracts = {name for name, value in namespace.items()
                 if getattr(value, "__isabstractmethod__", False)}
    for base in bases:
        for name in getattr(base, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    return frozenset(abstracts)


def _set_abstracts(cls, abstracts):
    cls.__abstractmethods__ = abstracts
    _set_abstract_flag(cls, bool(abstracts))


class ABCMeta(type):
    """The metaclass of abstract base classes.

    Classes made with it track their abstract methods, and other classes
    can be registered as their virtual subclasses: isinstance/issubclass
    then accept them although the ABC is not in their MRO.
    """

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        _set_abstracts(cls, _compute_abstracts(cls, namespace, bases))
        cls._abc_impl = _AbcImpl()
        return cls

    def register(cls, subclass):
        'Make subclass a virtual subclass of cls; returns subclass (usable as a decorator).'
        global _invalidation_counter
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass  # Already a subclass
        # Subtle: test for cycles *after* testing for "already a subclass";
        # this means we allow X.register(X) and interpret it as a no-op.
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_impl.registry.add(subclass)
        _invalidation_counter += 1
        return subclass

    def _dump_registry(cls, file=None):
        'Print the registry and caches (debugging).'
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)
        impl = cls._abc_impl
        print(f"_abc_registry: {impl.registry!r}", file=file)
        print(f"_abc_cache: {impl.cache!r}", file=file)
        print(f"_abc_negative_cache: {impl.negative_cache!r}", file=file)
        print(f"_abc_negative_cache_version: {impl.negative_version!r}", file=file)

    def _abc_registry_clear(cls):
        'Forget every registered class (testing).'
        cls._abc_impl.registry.clear()

    def _abc_caches_clear(cls):
        'Empty the subclass-check caches (testing).'
        cls._abc_impl.cache.clear()
        cls._abc_impl.negative_cache.clear()

    def __instancecheck__(cls, instance):
        'isinstance(instance, cls).'
        impl = cls._abc_impl
        subclass = instance.__class__
        if subclass in impl.cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            if (impl.negative_version == _invalidation_counter and
                    subclass in impl.negative_cache):
                return False
            return cls.__subclasscheck__(subclass)
        return any(cls.__subclasscheck__(c) for c in (subclass, subtype))

    def __subclasscheck__(cls, subclass):
        'issubclass(subclass, cls).'
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        impl = cls._abc_impl
        if subclass in impl.cache:
            return True
        if impl.negative_version < _invalidation_counter:
            impl.negative_cache = set()
            impl.negative_version = _invalidation_counter
        elif subclass in impl.negative_cache:
            return False
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            if not isinstance(ok, bool):
                raise AssertionError(ok)
            if ok:
                impl.cache.add(subclass)
            else:
                impl.negative_cache.add(subclass)
            return ok
        if cls in getattr(subclass, '__mro__', ()):
            impl.cache.add(subclass)
            return True
        for rcls in impl.registry:
            if issubclass(subclass, rcls):
                impl.cache.add(subclass)
                return True
        for scls in cls.__subclasses__():
            if issubclass(subclass, scls):
                impl.cache.add(subclass)
                return True
        impl.negative_cache.add(subclass)
        return False


def update_abstractmethods(cls):
    """Recompute cls.__abstractmethods__ after methods were added or
    replaced (for class decorators).  Returns cls.
    """
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    abstracts = set()
    for scls in cls.__bases__:
        for name in getattr(scls, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if getattr(value, "__isabstractmethod__", False):
            abstracts.add(name)
    _set_abstracts(cls, frozenset(abstracts))
    return cls


class ABC(metaclass=ABCMeta):
    'Inherit from ABC to make an abstract base class without naming ABCMeta.'
    __slots__ = ()
