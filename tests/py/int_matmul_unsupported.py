# `@` has no meaning for ints: TypeError, also for constants and in-place.
a, b = 1, 2
for code in ["a @ b", "1 @ 2", "a @= b", "True @ 1", "1.5 @ 2", "(1 << 70) @ 2"]:
    try:
        exec(code)
        print('no error', code)
    except TypeError as e:
        print(e)
import operator
try:
    operator.matmul(3, 4)
except TypeError as e:
    print(e)
