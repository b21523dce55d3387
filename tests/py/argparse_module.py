# argparse: help and usage layout, parsing, errors (stderr shown on stdout).
import os, sys
os.environ["COLUMNS"] = "80"
import argparse
sys.stderr = sys.stdout
p = argparse.ArgumentParser(prog="demo", description="Count down in threads.")
p.add_argument("n", type=int, help="how far to count")
p.add_argument("files", nargs="*", help="input files")
p.add_argument("-t", "--threads", type=int, default=2, help="number of threads (default: %(default)s)")
p.add_argument("-v", "--verbose", action="store_true")
p.add_argument("--mode", choices=["seq", "par"], default="seq")
p.add_argument("-q", action="count", default=0)
p.add_argument("--tag", action="append")
p.print_help()
print(p.format_usage(), end="")
print(p.parse_args(["5"]))
print(p.parse_args(["5", "a", "b", "-t", "4", "-vqq", "--mode=par", "--tag", "x", "--tag", "y"]))
print(vars(p.parse_args(["--threads=3", "7"])))
a, rest = p.parse_known_args(["1", "--zzz"])
print(a, rest)
for bad in (["x"], [], ["1", "--mode", "bad"], ["1", "--nope"], ["1", "-t"]):
    try:
        p.parse_args(bad)
    except SystemExit as e:
        print("exit", e.code)
p = argparse.ArgumentParser(prog="bench", description="A rather long description of what this benchmark program does, so that it has to be wrapped over more than one line of the help output.", epilog="Have fun.")
p.add_argument("--workers-per-core-for-the-pool", type=int, metavar="N", default=4, help="a very long option name whose help text is also long enough to need wrapping onto a second line")
p.add_argument("--rate", type=float, default=0.5, help="rate, default %(default)s")
p.add_argument("--name", required=True)
p.add_argument("--const", action="store_const", const=42, dest="answer")
p.add_argument("-x", type=int, nargs=2, metavar=("A", "B"))
p.add_argument("--opt", nargs="?", const="C", default="D")
p.add_argument("--version", action="version", version="%(prog)s 1.0")
g = p.add_argument_group("tuning", "Knobs to tweak.")
g.add_argument("--level", type=int, choices=range(1, 4), default=1)
m = p.add_mutually_exclusive_group()
m.add_argument("--fast", action="store_true")
m.add_argument("--slow", action="store_true")
p.add_argument("src")
p.add_argument("dst", nargs="?", default="out")
p.add_argument("more", nargs="+")
p.print_help()
tries = [["--name", "n", "a", "b"], ["--name", "n", "a", "b", "c", "d"], ["--na", "z", "--rate", "-1.5", "s", "t"],
         ["--name=q", "-x", "1", "2", "--opt", "s", "m"], ["--name", "q", "--opt", "--", "s", "-m"],
         ["--name", "q", "--fast", "--slow", "s", "m"], ["s", "m"], ["--name", "q", "--level", "5", "s", "m"],
         ["--name", "q", "--rate", "abc", "s", "m"], ["--name", "q", "-x", "1", "s", "m"], ["--version"],
         ["--name", "q", "--const", "s", "m"], ["--n", "q", "s", "m"], ["--name", "q", "s", "m", "--fast=1"]]
for t in tries:
    try:
        print(p.parse_args(t))
    except SystemExit as e:
        print("exit", e.code)
    sys.stdout.flush(); sys.stderr.flush()
p2 = argparse.ArgumentParser(prog="x", add_help=False)
p2.add_argument("--ab"); p2.add_argument("--ac")
try: p2.parse_args(["--a", "1"])
except SystemExit as e: print("exit", e.code)
ns = argparse.Namespace(a=1, b="x")
print(ns, ns == argparse.Namespace(a=1, b="x"), "a" in ns)
p3 = argparse.ArgumentParser(prog="c", formatter_class=argparse.ArgumentDefaultsHelpFormatter)
p3.add_argument("--size", type=int, default=3, help="the size")
p3.add_argument("-v", action="count", help="more")
p3.print_help()
print(p3.parse_args(["-vvv"]))
p = argparse.ArgumentParser(prog="a-program-with-a-long-name")
p.add_argument("inputs", nargs="+", help="one or more inputs")
p.add_argument("--output-directory", "-o", default=".", help="where results go")
p.add_argument("--jobs", "-j", type=int, default=1)
p.add_argument("--yes", action=argparse.BooleanOptionalAction, default=False)
p.add_argument("rest", nargs=argparse.REMAINDER)
p.print_help()
print(p.parse_args(["a", "b", "-j", "3", "--no-yes"]))
print(p.parse_args(["a", "--yes"]))
p.set_defaults(extra=1)
print(p.parse_args(["z"]), p.get_default("jobs"))
