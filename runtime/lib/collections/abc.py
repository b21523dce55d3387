"""collections.abc: the abstract base classes of containers.

They live in _collections_abc (imported early by other modules without
the rest of collections); this module re-exports them.
"""
from _collections_abc import *
from _collections_abc import __all__
