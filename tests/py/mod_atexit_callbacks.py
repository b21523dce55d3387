# atexit: callbacks run last-registered-first at normal exit, even after an
# uncaught exception; an exception in a callback is reported on stderr.
import atexit
class Failing:
    def __repr__(self):
        return "<Failing callback>"
    def __call__(self):
        return 1 / 0
atexit.register(print, "registered first, runs last")
atexit.register(Failing())
@atexit.register
def goodbye():
    print("decorated callback")
def unwanted():
    print("never: unregistered")
atexit.register(unwanted)
atexit.register(unwanted)
atexit.unregister(unwanted)
atexit.register(print, "with", "arguments", sep="-")
print("end of script")
raise ValueError("uncaught, callbacks still run")
