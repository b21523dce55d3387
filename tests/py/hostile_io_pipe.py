# Writing to a pipe whose reader went away (`minipy script | head -1`):
# a forked child writes to a pipe; the parent reads one line, closes its
# end and reports the child's exit status.  The child's stderr (the
# BrokenPipeError report) is this test's stderr, compared with CPython's.
import os
import sys

def read_line(fd):
    data = b""
    while not data.endswith(b"\n"):
        chunk = os.read(fd, 1)
        if not chunk:
            break
        data += chunk
    return data

child_mode = None
for mode in ("flood", "late", "at_exit", "handled"):
    r, w = os.pipe()
    sync_r, sync_w = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        os.close(sync_w)
        os.dup2(w, 1)
        os.close(w)
        # Block-buffered whatever PYTHONUNBUFFERED says, so that the
        # expected output does not depend on the environment.
        sys.stdout = open(1, "w", encoding="utf-8", closefd=False)
        child_mode = mode
        break
    os.close(w)
    os.close(sync_r)
    first = read_line(r)
    os.close(r)                       # like `head -1` exiting
    os.write(sync_w, b"x")
    os.close(sync_w)
    _, status = os.waitpid(pid, 0)
    print(mode, "first line:", first, "exit status:", os.waitstatus_to_exitcode(status))
    sys.stdout.flush()

if child_mode == "flood":
    # print() fails once the pipe is gone: an uncaught BrokenPipeError.
    for i in range(1000000):
        print("line", i)
elif child_mode == "late":
    # The last output stays in the buffer until exit, when the flush fails.
    print("first")
    sys.stdout.flush()
    os.read(sync_r, 1)
    print("never read")
elif child_mode == "at_exit":
    # Nothing fails before exit: the final flush of stdout does.
    print("first")
    sys.stdout.flush()
    os.read(sync_r, 1)
    sys.stdout.write("unterminated")
elif child_mode == "handled":
    # The pattern the Python documentation recommends.
    try:
        for i in range(1000000):
            print("line", i)
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
