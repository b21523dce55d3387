# unittest: running suites, fixtures, skips, subtests, main() and loaders
import io
import re
import sys
import unittest

events = []


def setUpModule():
    events.append("setUpModule")


def tearDownModule():
    events.append("tearDownModule")


def run(suite, verbosity=2, **kw):
    stream = io.StringIO()
    result = unittest.TextTestRunner(stream=stream, verbosity=verbosity, **kw).run(suite)
    print(re.sub(r"in \d+\.\d+s", "in X", stream.getvalue()), end="")
    return result


class Fixtures(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        events.append("setUpClass")

    @classmethod
    def tearDownClass(cls):
        events.append("tearDownClass")

    def setUp(self):
        events.append("setUp " + self._testMethodName)
        self.addCleanup(events.append, "cleanup " + self._testMethodName)

    def tearDown(self):
        events.append("tearDown " + self._testMethodName)

    def test_a(self):
        """First test."""
        self.assertEqual(2 + 2, 4)

    def test_b(self):
        with self.subTest("strings", kind="upper"):
            self.assertEqual("a".upper(), "A")
        for i in range(4):
            with self.subTest(i=i):
                if i == 3:
                    raise RuntimeError("boom in subtest")
                self.assertNotEqual(i, 2)

    def test_c_skip(self):
        self.skipTest("skipped from inside")

    @unittest.skipIf(True, "condition true")
    def test_d(self):
        pass

    @unittest.skipUnless(True, "never")
    def test_e(self):
        pass


loader = unittest.TestLoader()
suite = loader.loadTestsFromTestCase(Fixtures)
print(suite.countTestCases(), loader.getTestCaseNames(Fixtures))
result = run(suite)
print(result, result.wasSuccessful(), result.testsRun, len(result.skipped))
print(events)
events.clear()


@unittest.skip("whole class")
class Skipped(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        events.append("never")

    def test_x(self):
        pass


class BadSetUpClass(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise ValueError("setUpClass failed")

    def test_never(self):
        pass


class BadSetUp(unittest.TestCase):
    def setUp(self):
        raise KeyError("setUp failed")

    def test_one(self):
        pass


class BadCleanup(unittest.TestCase):
    def test_cleanup(self):
        self.addCleanup(lambda: 1 / 0)


class Expected(unittest.TestCase):
    @unittest.expectedFailure
    def test_xfail(self):
        self.assertEqual(1, 0)

    @unittest.expectedFailure
    def test_xpass(self):
        pass

    def test_returns_value(self):
        return 42


suite = unittest.TestSuite()
for cls in (Skipped, BadSetUpClass, BadSetUp, BadCleanup, Expected):
    suite.addTests(loader.loadTestsFromTestCase(cls))
result = run(suite, verbosity=1)
print(result, [str(t) for t, _ in result.errors], result.unexpectedSuccesses, events)

# failfast stops at the first problem
class Many(unittest.TestCase):
    def test_1(self):
        self.fail("first")

    def test_2(self):
        pass
run(loader.loadTestsFromTestCase(Many), verbosity=2, failfast=True)

# buffer=True hides the output of passing tests
class Noisy(unittest.TestCase):
    def test_quiet(self):
        print("you should not see this")

    def test_loud(self):
        print("shown because the test fails")
        self.fail("loud")
saved = sys.stdout
result = run(loader.loadTestsFromTestCase(Noisy), verbosity=0, buffer=True)
print(sys.stdout is saved)

# function test cases, names, reprs
def plain():
    "Plain function test."
    assert 1 + 1 == 2
ftc = unittest.FunctionTestCase(plain)
print(ftc, repr(ftc).startswith("<unittest.case.FunctionTestCase tec=<function plain"), ftc.id(),
      ftc.shortDescription())
run(unittest.TestSuite([ftc]))
tc = Fixtures("test_a")
print(tc, repr(tc), tc.id(), tc.shortDescription(), tc.countTestCases(), tc == Fixtures("test_a"),
      hash(tc) == hash(Fixtures("test_a")))
try:
    Fixtures("test_missing")
except ValueError as e:
    print("ValueError", e)
print(repr(unittest.TestSuite([tc])))
try:
    unittest.TestSuite().addTest(Fixtures)
except TypeError as e:
    print("TypeError", e)
try:
    unittest.TestSuite().addTests("abc")
except TypeError as e:
    print("TypeError", e)
try:
    unittest.TestSuite().addTest(5)
except TypeError as e:
    print("TypeError", e)
r = unittest.TestResult()
print(r, r.wasSuccessful(), r.shouldStop)
Fixtures("test_a").run(r)
print(r, r.testsRun)

# loading by name
mod = sys.modules[__name__]
print(loader.loadTestsFromName("Many.test_2", mod).countTestCases(),
      loader.loadTestsFromNames(["Many", "Expected.test_xfail"], mod).countTestCases())
print(loader.loadTestsFromModule(mod).countTestCases())
loader.testNamePatterns = ["*xfail*"]
print(loader.getTestCaseNames(Expected))
loader.testNamePatterns = None

# main() with exit=False
stream = io.StringIO()
prog = unittest.main(module=__name__, argv=["prog", "-v", "Many.test_2", "Expected"], exit=False,
                     testRunner=unittest.TextTestRunner(stream=stream, verbosity=2))
print(re.sub(r"in \d+\.\d+s", "in X", stream.getvalue()), end="")
print(prog.result.wasSuccessful(), prog.verbosity)
print(events)
