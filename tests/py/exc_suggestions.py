# "Did you mean" suggestions: sys.excepthook (the default display) adds them
# to NameError and AttributeError; str(e) and the traceback module do not.
import sys
import traceback

def show(src, namespace):
    try:
        exec(src, namespace)
    except (NameError, AttributeError) as e:
        sys.excepthook(type(e), e, e.__traceback__)
        print(type(e).__name__, "|", e, "|", traceback.format_exception_only(type(e), e)[-1].strip())

ns = {"length": 1, "math_value": 2, "print": print}
for src in ["prnt('x')", "lenght", "math_vaule", "'abc'.uper()", "[].apend(1)",
            "completely_unknown_name_xyz", "x = 1\nxx", "Lenght", "lngth"]:
    show(src, ns)

class Config:
    def __init__(self):
        self.timeout = 5
        self.retries = 3
show("cfg.timout", {"cfg": Config()})
show("cfg.retry", {"cfg": Config()})
show("cfg.zzzzzz", {"cfg": Config()})
show("import math\nmath.sqr(4)", {})
show("import math\nmath.PI", {})
show("Config.__nit__", {"Config": Config})

def f():
    counter = 1
    return countr
try:
    f()
except NameError as e:
    sys.excepthook(type(e), e, e.__traceback__)
# A suggestion from the builtins.
try:
    exec("x = lenn([1])")
except NameError as e:
    sys.excepthook(type(e), e, e.__traceback__)
# The attribute and name are available on the exception.
try:
    "s".uper
except AttributeError as e:
    print(e.name, e.obj)
try:
    undefined_thing
except NameError as e:
    print(e.name)
