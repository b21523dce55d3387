# sys and os: streams, path, modules, maxsize, implementation, environ, getenv, os.path.
import sys, os
sys.stdout.write("written with sys.stdout.write\n")
n = sys.stdout.write("returns a count\n")
print(n)
sys.stdout.flush()
print("to stdout", file=sys.stdout)
print(sys.maxsize == 2**63 - 1, sys.maxsize > 2**31, type(sys.path).__name__, isinstance(sys.path[0], str))
print(sys.implementation.name in ("cpython", "minipy"), sys.version_info[:2] >= (3, 11), sys.version_info.major)
print("sys" in sys.modules, "os" in sys.modules, type(sys.modules).__name__, sys.byteorder, sys.platform)
print(type(sys.argv).__name__, len(sys.argv), sys.argv[0].endswith(".py"), isinstance(sys.version, str))
print(sys.getrecursionlimit() >= 1000, sys.float_info.max > 1e308, sys.int_info.bits_per_digit > 0, sys.hash_info.width)
print(callable(sys.exit), sys.executable != "", sys.stdin is not None, sys.stderr.name if hasattr(sys.stderr, "name") else "<stderr>")
print(sys.getsizeof(1) > 0, type(sys.getrefcount(1)).__name__, isinstance(sys.flags.optimize, int))

os.environ["MINIPY_TEST_VAR"] = "value"
print(os.environ["MINIPY_TEST_VAR"], os.getenv("MINIPY_TEST_VAR"), os.getenv("MINIPY_UNSET_VAR"), os.getenv("MINIPY_UNSET_VAR", "dflt"))
print("MINIPY_TEST_VAR" in os.environ, os.environ.get("MINIPY_UNSET_VAR", 0))
del os.environ["MINIPY_TEST_VAR"]
print(os.getenv("MINIPY_TEST_VAR"))
try:
    os.environ["MINIPY_UNSET_VAR"]
except KeyError as e:
    print(type(e).__name__, e)
print(os.path.join("a", "b", "c.txt"), os.path.join("/abs", "x"), os.path.join("a", "/root"), os.path.join("dir/", "f"))
print(os.path.basename("/x/y/z.py"), os.path.dirname("/x/y/z.py"), os.path.split("/x/y"), os.path.splitext("archive.tar.gz"))
print(os.path.exists("/"), os.path.exists("/no/such/path"), os.path.isdir("/tmp"), os.path.isfile("/tmp"), os.path.isabs("rel"))
print(os.path.normpath("a//b/../c/."), os.path.abspath("/x/../y"), os.sep, os.linesep == "\n", os.name, os.curdir, os.pardir)
print(os.path.expanduser("~") == os.environ.get("HOME", os.path.expanduser("~")), os.path.relpath("/a/b/c", "/a"))
print(isinstance(os.getpid(), int), isinstance(os.cpu_count(), int), os.getcwd() == os.path.abspath("."))
d = "/tmp/_minipy_os_test_dir"
os.makedirs(d + "/sub", exist_ok=True)
with open(d + "/f.txt", "w") as fh:
    fh.write("x")
print(sorted(os.listdir(d)), os.path.getsize(d + "/f.txt"), os.stat(d + "/f.txt").st_size)
os.rename(d + "/f.txt", d + "/g.txt")
print(sorted(os.listdir(d)))
os.remove(d + "/g.txt")
os.rmdir(d + "/sub")
os.rmdir(d)
print(os.path.exists(d))
try:
    os.remove(d)
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.filename)
try:
    os.listdir("/no/such/dir")
except OSError as e:
    print(type(e).__name__, e)
print("stderr line", file=sys.stderr)
sys.stderr.write("stderr write\n")
