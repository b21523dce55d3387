# How an uncaught exception group is drawn (a tree of numbered boxes with
# "| " margins), nested groups, chained exceptions inside a group, notes,
# and the same report from the traceback module.
import sys
import traceback


def f():
    raise ValueError("from f")


excs = []
try:
    f()
except ValueError as e:
    excs.append(e)
try:
    try:
        raise KeyError("k")
    except KeyError as k:
        raise TypeError("t") from k
except TypeError as e:
    excs.append(e)
inner = ExceptionGroup("inner", [OSError(2, "x"), ZeroDivisionError()])
try:
    raise inner
except ExceptionGroup as e:
    excs.append(e)
excs.append(ExceptionGroup("flat", [NameError("n")]))
e = ValueError("noted")
e.add_note("note 1")
excs.append(e)
excs.append(ExceptionGroup("last", [ExceptionGroup("deepest", [KeyError(1)])]))


def g():
    raise ExceptionGroup("outer", excs)


try:
    g()
except ExceptionGroup as eg:
    traceback.print_exc(file=sys.stdout)
    lines = traceback.format_exception(eg)
    print(len(lines), repr(lines[-1]))

wide = ExceptionGroup("wide", [ValueError(i) for i in range(17)])
print("".join(traceback.format_exception(wide)))


def handler():
    try:
        g()
    except* ValueError as values:
        print("values:", repr(values))
    except* TypeError:
        raise RuntimeError("while handling types")


try:
    handler()
except ExceptionGroup as eg:
    eg.add_note("outer note")
    raise RuntimeError("wrapper") from eg
