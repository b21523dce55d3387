# Formatting bytes and special values: %-formatting of bytes, f-strings with !a/!r, nan/inf, signs, zero-padding.
print(b"%s=%d" % (b"count", 7), b"%5s|%-5s|" % (b"ab", b"cd"), b"%x %o %c" % (255, 8, 65), b"%%")
print(b"%r" % "é" if False else b"%a" % "é", b"%b" % b"bytes")
print(f"{'é'!a} {'é'!r} {'é'!s} {b'x'!r} {3!a}")
for v in [float("nan"), float("inf"), -float("inf"), 0.0, -0.0]:
    print(f"[{v}] [{v:8.2f}] [{v:+.1e}] [{v:^9g}] [{v:08.3f}] [{v:%}]")
print(f"{-0.0:z.1f}" if False else f"{-0.0:.1f}", f"{-1e-9:.2f}", f"{0.5:.0f}", f"{1.5:.0f}", f"{2.5:.0f}")
print(f"{12:+}", f"{-12: }", f"{12: }", f"{12:=+6}", f"{-3.5:=10.2f}", f"{42:^+8}", f"{7:x<4}")
print(f"{1e300 * 1e10}", f"{123456789.123:e}", f"{0.1:.20f}", f"{1/3:.17g}", f"{2**0.5!r}")
print("{:,}".format(-1234567.891), "{:_.3f}".format(1e6), "{:,d}".format(10**12), "{:.3%}".format(1/7))
print(f"{'tab':\t>6}|" if False else f"{'x':>6}|", f"{10:{'>'}{5}}", f"{'abc':.{2}}")
print(str(1e16), str(1e15), str(123456789012345678.0), repr(0.1 + 0.2), str(100.0), str(1.0e-4), str(1.5e-5))
print(round(2.675, 2), f"{2.675:.2f}", round(0.125, 2), round(0.375, 2), format(1.005, ".2f"))
