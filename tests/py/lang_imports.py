# import statements.
import math
import math as m
from math import sqrt, pi as PI
import sys
print(math.sqrt(16), m.floor(2.7), sqrt(9), round(PI, 3))
print(type(math).__name__, math.__name__, "math" in sys.modules)

def local_import():
    import math as lm
    from math import factorial
    return lm.ceil(1.2), factorial(5)
print(local_import())

from math import *
print(floor(3.9), e > 2)

try:
    import no_such_module_xyz
except ImportError as err:
    print(type(err).__name__, err)

try:
    from sys import no_such_name
except ImportError as err:
    print(type(err).__name__, err)

try:
    from . import something
except ImportError as err:
    print(type(err).__name__, err)

import math, sys as system
print(system is sys)
