# repr() of the kinds of module: built-in, frozen, from a file, made at
# runtime.  (For stdlib modules CPython reads from a .py file and minipy
# compiles into its binary, the two differ: this test only uses modules
# whose repr agrees.)
import itertools
import os
import sys
import time
import types

import import_pkgs
import import_pkgs.greetings

print(sys)
print(time, itertools)
print(os, os.path)
import abc
import io
print(abc, io)
print(import_pkgs)
print(import_pkgs.greetings)
print(types.ModuleType("made_at_runtime"))
m = types.ModuleType("with_file")
m.__file__ = "/some/where.py"
print(m)
print(repr(types.ModuleType("threading")))
