import os
import sys

from . import tool

print("package main:", __name__, __package__, os.path.basename(sys.argv[0]), sys.argv[1:])
print("tool says", tool.answer())
