"""Pickling for multiprocessing: how objects cross a process boundary.

minipy's version of the core of CPython's Lib/multiprocessing/reduction.py.
Everything sent through a Connection, a Queue or to a Pool worker is
pickled with ForkingPickler; with fork, nothing else needs pickling
(Process arguments are inherited).  register() adds a reducer for a type
(copyreg-style: reduce(obj) -> (callable, args)).
"""

import pickle

__all__ = ['ForkingPickler', 'register', 'dump', 'DefaultPickler']


class ForkingPickler(pickle.Pickler):
    """Pickler subclass used by multiprocessing."""
    _extra_reducers = {}

    def __init__(self, file, protocol=None, *args, **kwargs):
        super().__init__(file, protocol, *args, **kwargs)
        if self._extra_reducers:
            table = dict(pickle.dispatch_table)
            table.update(self._extra_reducers)
            self.dispatch_table = table

    @classmethod
    def register(cls, type, reduce):
        """Register a reduce function for a type."""
        cls._extra_reducers[type] = reduce

    @classmethod
    def dumps(cls, obj, protocol=None):
        """The pickled bytes of obj."""
        if not cls._extra_reducers:
            return pickle.dumps(obj, protocol)
        out = _Buffer()
        cls(out, protocol).dump(obj)
        return b''.join(out.parts)

    loads = staticmethod(pickle.loads)


class _Buffer:
    def __init__(self):
        self.parts = []

    def write(self, data):
        self.parts.append(data)


register = ForkingPickler.register


def dump(obj, file, protocol=None):
    """Replacement for pickle.dump() using ForkingPickler."""
    ForkingPickler(file, protocol).dump(obj)


DefaultPickler = ForkingPickler
