"""python -m unittest: discover and run tests (or run the named ones)."""

import sys

if sys.argv[0].endswith("__main__.py"):
    # "python -m unittest" reads better than the file name in messages.
    sys.argv[0] = "python -m unittest"

__unittest = True

from .main import main

main(module=None)
