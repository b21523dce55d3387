# Uncaught exceptions in threads: threading.excepthook, its arguments, and
# the default report ("Exception in thread NAME:" + traceback).
#
# The default hook writes to sys.stderr; here sys.stderr is replaced by an
# object that collects the text, which is then printed to stdout with the
# entries of threading's own frames reduced to their function names:
# CPython shows ".../threading.py", its line numbers and source lines, minipy
# shows "<frozen threading>", other line numbers and no source.
import sys
import threading

class Collector:
    def __init__(self):
        self.parts = []
    def write(self, text):
        self.parts.append(text)
        return len(text)
    def flush(self):
        pass

def normalized(text):
    out = []
    skipping = False
    for line in text.splitlines():
        if line.startswith('  File "'):
            filename = line.split('"')[1]
            skipping = filename.endswith('threading.py') or filename == '<frozen threading>'
            if skipping:
                out.append('  File "<threading>", in ' + line.rsplit(' in ', 1)[1])
                continue
        elif skipping and line.startswith('    '):
            continue
        else:
            skipping = False
        out.append(line)
    return "\n".join(out)

def run_thread(target, **kwargs):
    t = threading.Thread(target=target, **kwargs)
    t.start()
    t.join()
    return t

def boom():
    raise ValueError("bad value")

def chained():
    try:
        {}["missing"]
    except KeyError as e:
        raise RuntimeError("lookup failed") from e

def with_context():
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("while handling")

# 1. A custom hook sees (exc_type, exc_value, exc_traceback, thread).
seen = []
def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value),
                 type(args.exc_traceback).__name__, args.thread.name,
                 args[0] is args.exc_type, len(args)))
threading.excepthook = hook
run_thread(boom, name="custom")
print(seen)

# 2. The default hook, captured.
threading.excepthook = threading.__excepthook__
for target, name in [(boom, None), (chained, "chain"), (with_context, "context")]:
    collector = Collector()
    sys.stderr = collector
    try:
        t = run_thread(target, name=name)
    finally:
        sys.stderr = sys.__stderr__
    print(normalized("".join(collector.parts)))
    print("--- alive:", t.is_alive())

# 3. A subclass overriding run().
class Failing(threading.Thread):
    def run(self):
        raise OSError(2, "No such file or directory")
collector = Collector()
sys.stderr = collector
try:
    t = Failing(name="failing")
    t.start()
    t.join()
finally:
    sys.stderr = sys.__stderr__
print(normalized("".join(collector.parts)))

# 4. SystemExit ends a thread silently; the program goes on.
collector = Collector()
sys.stderr = collector
try:
    run_thread(sys.exit, args=(5,))
    run_thread(lambda: exec("raise SystemExit('bye')"))
finally:
    sys.stderr = sys.__stderr__
print("SystemExit output:", repr("".join(collector.parts)))

# 5. Threads cannot be created while threading.excepthook is None.
threading.excepthook = None
try:
    threading.Thread(target=boom)
except RuntimeError as e:
    print(type(e).__name__, e)
threading.excepthook = threading.__excepthook__

# 6. A hook that fails itself.
def bad_hook(args):
    raise KeyError("hook failed")
threading.excepthook = bad_hook
collector = Collector()
sys.stderr = collector
try:
    run_thread(boom, name="bad-hook")
finally:
    sys.stderr = sys.__stderr__
    threading.excepthook = threading.__excepthook__
print(normalized("".join(collector.parts)))
print("main thread still fine")
