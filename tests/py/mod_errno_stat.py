# errno, stat and atexit
import atexit
import errno
import os
import stat

print(errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, errno.EINTR,
      errno.EPIPE, errno.ETIMEDOUT, errno.ECONNREFUSED, errno.EDEADLK, errno.EDEADLOCK)
print(errno.errorcode[2], errno.errorcode[11], errno.errorcode[35], len(errno.errorcode))
try:
    open("/nonexistent/path/x")
except OSError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno], type(e).__name__)
print(sorted(n for n in dir(errno) if n.startswith("E"))[:10])

print(stat.S_IFMT(0o100644) == stat.S_IFREG, stat.S_IMODE(0o100755), oct(stat.S_IMODE(0o104755)))
for mode in [0o100644, 0o040755, 0o120777, 0o020666, 0o060660, 0o010600, 0o140755,
             0o104755, 0o102755, 0o041777, 0o100000, 0o040700, 0o107777, 0o001000]:
    print(oct(mode), stat.filemode(mode), stat.S_ISDIR(mode), stat.S_ISREG(mode),
          stat.S_ISLNK(mode), stat.S_ISCHR(mode), stat.S_ISBLK(mode), stat.S_ISFIFO(mode),
          stat.S_ISSOCK(mode), stat.S_ISDOOR(mode), stat.S_ISPORT(mode), stat.S_ISWHT(mode))
print(stat.ST_MODE, stat.ST_SIZE, stat.ST_MTIME, oct(stat.S_IRWXU), oct(stat.S_IRUSR | stat.S_IWUSR),
      stat.S_IREAD == stat.S_IRUSR, stat.UF_HIDDEN, stat.SF_IMMUTABLE, stat.FILE_ATTRIBUTE_HIDDEN)
st = os.stat(".")
print(stat.S_ISDIR(st.st_mode), stat.filemode(st.st_mode)[0])

def bye(name, punct="!"):
    print("goodbye", name + punct)
base = atexit._ncallbacks()  # site may have registered some
print(atexit.register(bye, "world") is bye, atexit._ncallbacks() - base)
@atexit.register
def first():
    print("registered last, runs first")
atexit.register(bye, "twice", punct="?")
atexit.unregister(first)
print(atexit._ncallbacks() - base)
try:
    atexit.register(5)
except TypeError as e:
    print("TypeError", e)
atexit._run_exitfuncs()
print(atexit._ncallbacks())
atexit.register(print, "printed at exit")
