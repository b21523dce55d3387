# difflib: SequenceMatcher, ndiff, unified/context diffs, close matches
import difflib
import random

s = difflib.SequenceMatcher(None, "abxcd", "abcd")
print(s.get_matching_blocks(), s.get_opcodes(), s.ratio(), s.quick_ratio(), s.real_quick_ratio())
s = difflib.SequenceMatcher(lambda x: x == " ", "private Thread currentThread;",
                            "private volatile Thread currentThread;")
print(round(s.ratio(), 3), s.get_matching_blocks())
for tag, i1, i2, j1, j2 in s.get_opcodes():
    print("%7s a[%d:%d] (%s) b[%d:%d] (%s)" % (tag, i1, i2, s.a[i1:i2], j1, j2, s.b[j1:j2]))
print(s.find_longest_match(0, 28, 0, 37), s.find_longest_match())
print(difflib.SequenceMatcher(None, "", "").ratio(), difflib.SequenceMatcher(None, "a", "").get_opcodes())
print(difflib.SequenceMatcher(None, [1, 2, 3, 4], [2, 3, 5]).get_opcodes())
print(list(difflib.SequenceMatcher(None, list(range(30)), list(range(5)) + [99] + list(range(6, 30))).get_grouped_opcodes(2)))

# autojunk: popular elements of a long b are ignored
a = "x" * 300 + "abc"
b = "x" * 250 + "abc" + "y" * 50
sm = difflib.SequenceMatcher(None, a, b)
print(len(sm.bpopular), sm.get_matching_blocks()[:3], round(sm.ratio(), 4))
sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
print(len(sm.bpopular), sm.get_matching_blocks()[:3], round(sm.ratio(), 4))

print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
print(difflib.get_close_matches("wheel", ["while", "wheel", "whale", "wheeled", "wheat"], n=2))
print(difflib.get_close_matches("zzz", ["abc"]), difflib.get_close_matches("abc", ["abd", "abc"], cutoff=0.0))
for n, c in [(0, 0.6), (3, 1.5)]:
    try:
        difflib.get_close_matches("x", ["y"], n, c)
    except ValueError as e:
        print("ValueError", e)

one = "one\ntwo\nthree\nfour\nfive\n".splitlines(keepends=True)
two = "zero\none\ntree\nfour\nfive!\nsix\n".splitlines(keepends=True)
print("".join(difflib.ndiff(one, two)), end="")
print("".join(difflib.restore(difflib.ndiff(one, two), 1)), end="")
print("".join(difflib.restore(difflib.ndiff(one, two), 2)), end="")
try:
    list(difflib.restore([], 3))
except ValueError as e:
    print("ValueError", e)
print("".join(difflib.unified_diff(one, two, "before.txt", "after.txt")), end="")
print("".join(difflib.unified_diff(one, two, "a", "b", "2020-01-01", "2020-01-02", n=0)), end="")
print("".join(difflib.context_diff(one, two, "before.txt", "after.txt")), end="")
print(list(difflib.unified_diff(["a"], ["b"], lineterm="")))
print(list(difflib.unified_diff(["same\n"], ["same\n"])))
try:
    list(difflib.unified_diff([b"x"], ["y"]))
except TypeError as e:
    print("TypeError", e)
try:
    list(difflib.unified_diff(["x"], ["y"], fromfile=1))
except TypeError as e:
    print("TypeError", e)
print(list(difflib.diff_bytes(difflib.unified_diff, [b"a\n"], [b"b\n"], b"x", b"y")))

# ndiff with intraline markers, tabs, junk
print("".join(difflib.ndiff(["\tabcDefghiJkl\n"], ["\tabcdefGhijkl\n"])), end="")
print("\n".join(difflib.ndiff(["the quick brown fox"], ["the quick brown dog", "jumps"])))
print(list(difflib.ndiff(["a", "b", "c"], ["a", "b", "c"])))
print(list(difflib.ndiff(["alpha", "beta", "gamma"], ["delta", "epsilon"])))
print(difflib.IS_CHARACTER_JUNK(" "), difflib.IS_CHARACTER_JUNK("x"),
      difflib.IS_LINE_JUNK("  #  \n"), difflib.IS_LINE_JUNK("x\n"), difflib.IS_LINE_JUNK("\n"))
d = difflib.Differ(linejunk=difflib.IS_LINE_JUNK)
print(list(d.compare(["#\n", "x\n"], ["y\n", "#\n"])))

# random sequences: opcodes must match CPython's exactly
rng = random.Random(7)
for trial in range(30):
    a = [rng.choice("abcde") for _ in range(rng.randint(0, 25))]
    b = [rng.choice("abcde") for _ in range(rng.randint(0, 25))]
    sm = difflib.SequenceMatcher(None, a, b)
    print(trial, sm.get_opcodes()[:6], round(sm.ratio(), 6))
text_a = ["line %d %s\n" % (i, rng.choice("xyz")) for i in range(40)]
text_b = list(text_a)
del text_b[5]
text_b[20] = "changed line\n"
text_b.insert(30, "inserted\n")
print("".join(difflib.unified_diff(text_a, text_b, n=1)), end="")
print("".join(difflib.ndiff(text_a[:8], text_b[:8])), end="")
print(difflib.Match(1, 2, 3), difflib.Match._fields)
