# sys.stdout/sys.stderr objects: write, flush, replacing them, print to them, encoding, isatty.
import sys
import io
out = sys.stdout
print(out.write("direct write\n"), out.writable(), hasattr(out, "flush"), out.encoding.lower().replace("-", ""))
out.flush()
sys.stderr.write("error stream\n")
sys.stderr.flush()
print("explicit stderr", file=sys.stderr)
buffer = io.StringIO()
sys.stdout = buffer
print("this goes to the buffer")
print("so does this", 42)
sys.stdout = out
print("captured:", repr(buffer.getvalue()))
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdin is sys.__stdin__)
class Upper:
    def __init__(self, target):
        self.target = target
    def write(self, text):
        return self.target.write(text.upper())
    def flush(self):
        self.target.flush()
sys.stdout = Upper(out)
print("shouting through a wrapper")
sys.stdout = out
print(sys.stdout.isatty(), sys.stdout.fileno(), sys.stderr.fileno())
sys.stdout.writelines(["a\n", "b\n"])
print(end="", flush=True)
