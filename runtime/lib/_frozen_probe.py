"""A tiny module used by the tests to check that frozen modules load."""
VALUE = 42
def double(x):
    return 2 * x
