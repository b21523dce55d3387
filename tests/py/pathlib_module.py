# pathlib: pure path arithmetic, then file-system work in a temporary
# directory (printed relative to it).
import os
import tempfile
from pathlib import Path, PurePath, PurePosixPath, PosixPath

p = PurePath("/usr/lib/python3.11/os.py")
print(p, repr(p), p.name, p.stem, p.suffix, p.parent, p.parts, p.anchor, p.root)
print(list(map(str, p.parents)), p.is_absolute(), p.as_posix())
q = PurePosixPath("a/b") / "c" / PurePosixPath("d.tar.gz")
print(q, q.suffixes, q.stem, q.with_suffix(".zip"), q.with_name("x.txt"), q.with_stem("e"))
print(PurePosixPath("a", "/b", "c"), PurePosixPath(), PurePosixPath("a//b/./c"), PurePosixPath("//x"))
print(PurePosixPath("/a/b/c").relative_to("/a"), PurePosixPath("/a/b").is_relative_to("/c"))
try:
    PurePosixPath("/a/b").relative_to("/c")
except ValueError as e:
    print("ValueError")
print(PurePosixPath("a/b.py").match("*.py"), PurePosixPath("/a/b/c.py").match("b/*.py"),
      PurePosixPath("a/b.py").match("/*.py"))
print(PurePosixPath("a") == PurePosixPath("a/"), PurePosixPath("a") < PurePosixPath("b"),
      hash(PurePosixPath("x/y")) == hash(PurePosixPath("x//y")))
print(sorted([PurePosixPath("b"), PurePosixPath("a/c"), PurePosixPath("a")]))
print("dir" / PurePosixPath("f"), os.fspath(PurePosixPath("k/l")), str(PurePosixPath(".")))
try:
    PurePosixPath("a").with_suffix("txt")
except ValueError as e:
    print("ValueError:", e)
try:
    PurePosixPath("a") / 3
except TypeError as e:
    print("TypeError:", e)
print(type(Path("x")).__name__, isinstance(Path("x"), PurePath), type(PurePath("y")).__name__)

with tempfile.TemporaryDirectory() as d:
    root = Path(d)
    print(root.is_dir(), root.exists(), root.is_absolute())
    (root / "sub" / "deep").mkdir(parents=True)
    (root / "sub" / "deep").mkdir(parents=True, exist_ok=True)
    try:
        (root / "sub").mkdir()
    except FileExistsError:
        print("FileExistsError")
    f = root / "sub" / "a.txt"
    print(f.write_text("hello\nworld\n"), f.read_text().splitlines(), f.is_file())
    print((root / "b.bin").write_bytes(b"\x00\x01"), (root / "b.bin").read_bytes())
    (root / "sub" / "deep" / "c.txt").touch()
    rel = lambda ps: sorted(str(x.relative_to(root)) for x in ps)
    print(rel(root.iterdir()))
    print(rel(root.glob("*.bin")), rel(root.rglob("*.txt")))
    print(rel(root.glob("**/*.txt")))
    g = f.rename(root / "renamed.txt")
    print(g.name, f.exists(), g.stat().st_size)
    with g.open() as fh:
        print(fh.readline().strip())
    g.unlink()
    g.unlink(missing_ok=True)
    try:
        g.unlink()
    except FileNotFoundError:
        print("FileNotFoundError")
    print(Path.cwd().is_absolute(), Path.home().is_absolute(), (root / "..").resolve() == root.parent.resolve())
