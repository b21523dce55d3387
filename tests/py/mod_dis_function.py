# dis.dis of a function: minipy's own instructions (they differ from
# CPython's on purpose), with line numbers, offsets, jump targets and the
# meaning of each argument.  Expected output: tests/py/mod_dis_function.exp.
import dis
import io
import re

def show(x, **options):
    """dis.dis(x), with code object addresses masked."""
    out = io.StringIO()
    dis.dis(x, file=out, **options)
    print(re.sub(r" at 0x[0-9a-f]+", " at 0x...", out.getvalue()), end="")

def total_even(numbers, start=0):
    total = start
    for n in numbers:
        if n % 2 == 0:
            total += n
    return total

show(total_even)
print(total_even([1, 2, 3, 4]))

def greet(name, *, punctuation="!"):
    message = f"Hello, {name!r:>10}{punctuation}"
    print(message)
    return len(message)

show(greet)

def make_counter():
    count = 0
    def increment():
        nonlocal count
        count += 1
        return count
    return increment

show(make_counter, depth=0)
show(make_counter().__code__)
show(lambda x, y=2: x ** y if x > y else -x)
show(make_counter)
