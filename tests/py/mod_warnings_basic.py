import warnings, sys
def f():
    warnings.warn("careful")
for i in range(3):
    f()
warnings.warn("direct", DeprecationWarning)
warnings.warn("once more", RuntimeWarning)
warnings.warn(UserWarning("instance"))
def g():
    warnings.warn("from g", stacklevel=2)
g()
g()
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    f(); f()
    warnings.warn("dep", DeprecationWarning)
    print(len(w), [str(x.message) for x in w], [x.category.__name__ for x in w], w[0].lineno, w[0].filename.endswith('t_warn.py'))
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error")
    except UserWarning as e:
        print("raised", e)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.warn("silent")
with warnings.catch_warnings():
    warnings.simplefilter("once")
    for i in range(3): warnings.warn("only once")
    warnings.warn("only once")
print(warnings.formatwarning("msg", UserWarning, "file.py", 10, "the line"))
print(len(warnings.filters) >= 4, warnings.filters[0][0], warnings.filters[0][2].__name__)
try: warnings.warn("x", 5)
except TypeError as e: print(e)
try: warnings.simplefilter("bogus")
except AssertionError as e: print("AssertionError", e)
def custom(message, category, filename, lineno, file=None, line=None):
    print("CUSTOM:", message, category.__name__)
old = warnings.showwarning; warnings.showwarning = custom
warnings.warn("hooked")
warnings.showwarning = old
warnings.warn_explicit("explicit", UserWarning, "somefile.py", 42)
sys.stderr.flush()
print("done")
