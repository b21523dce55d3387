# tempfile, shutil, glob and secrets together: a temporary tree is made,
# copied, searched, moved and removed (paths are printed relative to it).
import glob
import os
import secrets
import shutil
import tempfile

with tempfile.TemporaryDirectory(prefix="mp_") as root:
    print(os.path.isdir(root), os.path.basename(root).startswith("mp_"))
    os.makedirs(os.path.join(root, "src", "sub"))
    for name, text in (("a.txt", "alpha"), ("b.py", "print(1)"), ("sub/c.txt", "gamma"),
                       ("sub/.hidden", "h")):
        with open(os.path.join(root, "src", name), "w") as f:
            f.write(text)
    rel = lambda paths: sorted(os.path.relpath(p, root) for p in paths)
    print(rel(glob.glob(os.path.join(root, "src", "*.txt"))))
    print(rel(glob.glob(os.path.join(root, "src", "**", "*.txt"), recursive=True)))
    print(rel(glob.glob(os.path.join(root, "src", "*"))))
    print(rel(glob.glob(os.path.join(root, "src", "?.py"))), glob.glob(os.path.join(root, "nope*")))
    print(glob.escape("a*b?[c]"), glob.has_magic("x[1]"), glob.has_magic("plain"))
    shutil.copytree(os.path.join(root, "src"), os.path.join(root, "dst"),
                    ignore=shutil.ignore_patterns("*.py"))
    print(rel(glob.glob(os.path.join(root, "dst", "**"), recursive=True)))
    print(os.path.relpath(shutil.copy(os.path.join(root, "src", "a.txt"), os.path.join(root, "dst")), root))
    try:
        shutil.copyfile(os.path.join(root, "src", "a.txt"), os.path.join(root, "src", "a.txt"))
    except shutil.SameFileError as e:
        print("SameFileError", type(e).__mro__[1].__name__)
    moved = shutil.move(os.path.join(root, "dst"), os.path.join(root, "moved"))
    print(os.path.relpath(moved, root), os.path.exists(os.path.join(root, "dst")))
    with open(os.path.join(root, "moved", "sub", "c.txt")) as f:
        print(f.read())
    shutil.rmtree(os.path.join(root, "moved"))
    print(sorted(os.listdir(root)))
    try:
        shutil.rmtree(os.path.join(root, "missing"))
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno)
    shutil.rmtree(os.path.join(root, "missing"), ignore_errors=True)
    saved = root
print(os.path.exists(saved))

fd, path = tempfile.mkstemp(suffix=".dat")
os.write(fd, b"xyz")
os.close(fd)
print(path.endswith(".dat"), os.path.getsize(path), oct(os.stat(path).st_mode & 0o777))
os.unlink(path)
d = tempfile.mkdtemp()
print(oct(os.stat(d).st_mode & 0o777), os.path.dirname(d) == tempfile.gettempdir())
os.rmdir(d)
with tempfile.NamedTemporaryFile("w+", suffix=".txt") as f:
    f.write("hello\n")
    f.seek(0)
    print(f.read(), end="")
    name = f.name
    print(os.path.exists(name))
print(os.path.exists(name))
with tempfile.TemporaryFile() as f:
    f.write(b"data")
    f.seek(0)
    print(f.read())
with tempfile.SpooledTemporaryFile(max_size=10, mode="w+") as f:
    f.write("short")
    f.seek(0)
    print(f.read())
print(tempfile.gettempprefix(), isinstance(tempfile.gettempdir(), str))

print(len(secrets.token_hex(16)), len(secrets.token_bytes(8)), len(secrets.token_hex()))
print(all(0 <= secrets.randbelow(10) < 10 for _ in range(100)), secrets.choice("aaa"))
print(secrets.compare_digest("abc", "abc"), secrets.compare_digest(b"abc", b"abd"))
print(0 <= secrets.randbits(5) < 32, isinstance(secrets.token_urlsafe(), str))
print(shutil.which("sh") is not None, shutil.which("no-such-command-here"))
print(type(shutil.get_terminal_size()).__name__, len(shutil.get_terminal_size()))
