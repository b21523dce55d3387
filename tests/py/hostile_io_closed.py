# Closed files, closed standard streams and output flushed at exit.
import io
import os
import sys

def show(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)

path = "hostile_io_closed.%d.tmp" % os.getpid()
f = open(path, "w")
f.write("abc\n")
f.close()
show("write to closed file", lambda: f.write("x"))
show("flush closed file", f.flush)
show("writelines to closed file", lambda: f.writelines(["x"]))
show("close twice", f.close)
show("closed attribute", lambda: f.closed)
g = open(path)
g.close()
show("read closed file", g.read)
show("readline closed file", g.readline)
show("iterate closed file", lambda: next(iter(g)))
show("seek closed file", lambda: g.seek(0))
show("tell closed file", g.tell)
show("fileno closed file", g.fileno)
show("with on closed file", lambda: g.__enter__())
b = open(path, "rb")
b.close()
show("read closed binary file", b.read)
s = io.StringIO("x")
s.close()
show("read closed StringIO", s.read)
show("getvalue closed StringIO", s.getvalue)
by = io.BytesIO(b"x")
by.close()
show("write closed BytesIO", lambda: by.write(b"y"))
r = open(path, "r")
show("write to file opened for reading", lambda: r.write("x"))
r.close()
w = open(path, "w")
show("read file opened for writing", w.read)
w.close()
show("open a directory", lambda: open("."))
show("open missing file", lambda: open("hostile_io_no_such_file"))
show("bad mode", lambda: open(path, "rw"))
os.remove(path)

# Output already printed is not lost when the program then fails, and the
# buffered end of it is flushed at exit.
for i in range(3):
    print("line", i)
sys.stdout.write("no newline at the end")
raise SystemExit("stopping with a message")
