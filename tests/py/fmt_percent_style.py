# printf-style % formatting the way older tutorials write it.
import time
name, n, t = "Timer", 42, 2.0456789
print("Temps d'execution (1 thread) : %.2fs" % t)
print("%s ran %d times in %.3f seconds" % (name, n, t))
print("%5d|%-5d|%05d|%+d|% d" % (n, n, n, n, n))
print("%x %X %#x %o %#o %e %E %g %G %c %c %%" % (255, 255, 255, 8, 8, 12345.678, 0.00012, 1e-5, 1e20, 65, "z"))
print("%10.4f|%-10.2f|%010.3f|%+.1e" % (t, t, -t, t))
print("%(name)s is %(age)d years old" % {"name": "Ann", "age": 30})
print("%(x)r %(x)s %(x)a" % {"x": "é"})
print("%*d|%-*d|%.*f" % (6, 1, 6, 2, 3, 3.14159))
print("%s %s" % ([1, 2], (3,)), "%s" % ((1, 2),), "%r" % "q", "%i" % 3.9, "%d" % True)
print("%s" % None, "%.3s" % "abcdef", "%5s|%-5s|" % ("a", "b"), "%c" % 128512)
print(b"%s and %d" % (b"bytes", 5), b"%x" % 255)
errors = ["'%d' % 'x'", "'%s %s' % ('a',)", "'%s' % ('a', 'b')", "'%z' % 1", "'%(k)s' % {}", "'%(k)s' % 5",
          "'%c' % 'ab'", "'%c' % -1", "'%d %(x)s' % (1,)", "'%' % ()", "'%x' % 1.5", "'%.2f' % 'x'"]
for src in errors:
    try:
        print(eval(src))
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__, e)
print("%s%%" % 50, "100%%" % (), "%s" % [])
