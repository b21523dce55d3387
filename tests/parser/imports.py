import os
import os.path
import os.path as osp
import a, b.c as d, e
from os import path
from os import path as p, sep
from os import (path, sep,)
from os import (
    path as p,
    sep,
)
from . import sibling
from .. import parent
from .mod import name
from ...pkg.mod import x
from .... import y
from .....a import b
from __future__ import annotations
from x import *
