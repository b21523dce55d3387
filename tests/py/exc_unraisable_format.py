# Errors nobody can catch ("Exception ignored in: ...") are reported in
# CPython's unraisable format: "Type: message" even when the message is
# empty, without chained exceptions.  Here a sys.stdout whose flush fails
# at exit; the exit status becomes 120.
import signal
import sys

# signal.signal returns the previous handler, SIG_IGN included
old = signal.signal(signal.SIGINT, signal.SIG_IGN)
print(old is signal.default_int_handler)
print(signal.getsignal(signal.SIGINT) == signal.SIG_IGN)
print(signal.signal(signal.SIGINT, signal.default_int_handler) == signal.SIG_IGN)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)


class Out:
    def __init__(self, real):
        self.real = real

    def write(self, s):
        return self.real.write(s)

    def flush(self):
        self.real.flush()
        try:
            raise ValueError("inner")
        except ValueError:
            raise KeyboardInterrupt

    def __repr__(self):
        return "<Out>"


sys.stdout = Out(sys.stdout)
print("before exit")
