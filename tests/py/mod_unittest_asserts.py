# unittest: the assert* methods and their failure messages
import unittest
import logging
import warnings


class Asserts(unittest.TestCase):
    def runTest(self):
        pass


t = Asserts()


def check(name, *args, **kwargs):
    try:
        getattr(t, name)(*args, **kwargs)
        print(name, "passed")
    except AssertionError as e:
        print(name, "AssertionError:", e)
    except Exception as e:
        print(name, type(e).__name__ + ":", e)


check("assertEqual", 1, 1)
check("assertEqual", 1, 2)
check("assertEqual", 1, 2, "extra")
check("assertEqual", [1, 2, 3], [1, 2, 4])
check("assertEqual", [1, 2], [1, 2, 3])
check("assertEqual", (1, 2, 3), (1,))
check("assertEqual", {"a": 1, "b": 2}, {"a": 1, "b": 3})
check("assertEqual", {1, 2, 3}, {2, 3, 4})
check("assertEqual", frozenset([1]), frozenset())
check("assertEqual", "abc", "abd")
check("assertEqual", "line1\nline2\n", "line1\nline two\n")
check("assertEqual", "x" * 100, "x" * 99 + "y")
check("assertEqual", list(range(100)), list(range(99)) + [1000])
check("assertEqual", [1, 2], (1, 2))
check("assertNotEqual", 1, 2)
check("assertNotEqual", "a", "a")
check("assertTrue", [])
check("assertTrue", 1)
check("assertFalse", "x")
check("assertFalse", "x", "why")
check("assertIs", None, 0)
check("assertIsNot", None, None)
check("assertIsNone", 5)
check("assertIsNotNone", None)
check("assertIn", 3, [1, 2])
check("assertNotIn", 1, [1, 2])
check("assertIsInstance", 1, str)
check("assertNotIsInstance", 1, int)
check("assertLess", 2, 1)
check("assertLessEqual", 2, 1)
check("assertGreater", 1, 2)
check("assertGreaterEqual", 1, 2)
check("assertAlmostEqual", 1.0, 1.00000001)
check("assertAlmostEqual", 1.0, 1.1)
check("assertAlmostEqual", 1.0, 1.1, places=1)
check("assertAlmostEqual", 1.0, 1.5, delta=0.1)
check("assertAlmostEqual", 1.0, 1.5, places=1, delta=0.1)
check("assertNotAlmostEqual", 1.0, 1.00000001)
check("assertNotAlmostEqual", 1.0, 1.05, delta=0.1)
check("assertCountEqual", [1, 2, 2], [2, 1, 2])
check("assertCountEqual", [1, 2, 2], [1, 1, 2, 3])
check("assertCountEqual", [[1], [2]], [[2], [3]])
check("assertRegex", "hello world", r"w.rld")
check("assertRegex", "hello", r"\d+")
check("assertNotRegex", "abc123", r"\d+")
check("assertSequenceEqual", [1, 2], [1, 3])
check("assertSequenceEqual", "ab", ["a", "b"])
check("assertListEqual", [1], (1,))
check("assertTupleEqual", (1,), [1])
check("assertDictEqual", {"a": 1}, [])
check("assertSetEqual", {1}, [1])
check("assertMultiLineEqual", "a", 1)
check("fail")
check("fail", "failing on purpose")

# assertRaises in both forms
check("assertRaises", ValueError, int, "x")
check("assertRaises", ValueError, int, "5")
check("assertRaises", (KeyError, IndexError), [].pop)
check("assertRaises", 5, int)
check("assertRaisesRegex", ValueError, "invalid literal", int, "x")
check("assertRaisesRegex", ValueError, "^nope", int, "x")
with t.assertRaises(ZeroDivisionError) as cm:
    1 / 0
print(type(cm.exception).__name__, cm.exception, cm.exception.__traceback__)
try:
    with t.assertRaises(KeyError, msg="custom"):
        pass
except AssertionError as e:
    print("AssertionError:", e)
try:
    with t.assertRaises(KeyError):
        raise ValueError("not a key error")
except ValueError as e:
    print("propagated ValueError:", e)
try:
    with t.assertRaises(KeyError, bogus=1):
        pass
except TypeError as e:
    print("TypeError:", e)

# warnings and logs
def warn_func():
    warnings.warn("careful", UserWarning)
check("assertWarns", UserWarning, warn_func)
check("assertWarns", DeprecationWarning, warn_func)
check("assertWarnsRegex", UserWarning, "care", warn_func)
check("assertWarnsRegex", UserWarning, "^x", warn_func)
with t.assertWarns(RuntimeWarning) as wcm:
    warnings.warn("rt", RuntimeWarning)
print(wcm.warning, type(wcm.warning).__name__, wcm.lineno > 0)
with t.assertLogs("demo", level="INFO") as lcm:
    logging.getLogger("demo").info("first %d", 1)
    logging.getLogger("demo.sub").error("second")
print(lcm.output, [r.levelname for r in lcm.records])
try:
    with t.assertLogs("demo", level="ERROR"):
        logging.getLogger("demo").warning("too low")
except AssertionError as e:
    print("AssertionError:", e)
try:
    with t.assertNoLogs("demo"):
        logging.getLogger("demo").warning("oops")
except AssertionError as e:
    print("AssertionError:", e)
with t.assertNoLogs("demo", level="ERROR"):
    logging.getLogger("demo").warning("fine")
print("assertNoLogs passed")

# longMessage / maxDiff
t.longMessage = False
check("assertEqual", 1, 2, "only this")
check("assertEqual", 1, 2)
t.longMessage = True
t.maxDiff = None
check("assertEqual", "a\nb\nc\n", "a\nB\nc\n")
t.maxDiff = 10
check("assertEqual", [1, 2, 3, 4], [1, 2, 3, 5])
check("assertDictEqual", {"key": "value"}, {"key": "other"})
