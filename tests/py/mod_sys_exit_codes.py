# sys.exit with a message: printed to stderr, exit status 1; finally blocks run.
import sys
try:
    print("in try")
    sys.exit("fatal: configuration missing")
finally:
    print("finally runs before exit")
print("never")
