# sort over ints, floats, strings and mixes; long inputs (all fast paths)
seed = 12345
def rnd():
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed
ints = [rnd() % 1000 - 500 for _ in range(2000)]
s = sorted(ints)
print(s[:10], s[-10:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
print(sorted(ints, reverse=True)[:10])
big = [rnd() * 10**20 - 5 * 10**28 for _ in range(300)] + [rnd() for _ in range(300)]
sb = sorted(big)
print(sb[:3], sb[-3:], all(sb[i] <= sb[i + 1] for i in range(len(sb) - 1)))
floats = [(rnd() % 10000) / 7.0 - 500 for _ in range(1500)]
sf = sorted(floats)
print(sf[:3], sf[-3:], all(sf[i] <= sf[i + 1] for i in range(len(sf) - 1)))
mixed = [1, 2.5, -3, 10**20, 0.0, True, False, -2.25]
print(sorted(mixed))
strs = ['w%d' % (rnd() % 5000) for _ in range(1500)]
ss = sorted(strs)
print(ss[:5], ss[-5:])
uni = ['é', 'e', 'z', 'ä', 'a', '€', '\U0001F600', 'Z', '', 'ab', 'a\x00']
print(sorted(uni))
print(sorted(['b', 'a', 'c', 'ab', 'aa', 'a']))
asc = list(range(5000))
asc.sort()
print(asc[:3], asc[-3:])
desc = list(range(5000, 0, -1))
desc.sort()
print(desc[:3], desc[-3:])
saw = [i % 100 for i in range(3000)]
saw.sort()
print(saw[:5], saw[-5:], saw[2995:])
dup = [3] * 100 + [1] * 100 + [2] * 100
dup.sort()
print(dup[98:102], dup[198:202])
recs = [(rnd() % 10, i) for i in range(2000)]
stable = sorted(recs, key=lambda r: r[0])
ok = all(stable[i][0] < stable[i + 1][0] or (stable[i][0] == stable[i + 1][0] and stable[i][1] < stable[i + 1][1]) for i in range(len(stable) - 1))
print('stable', ok)
rev = sorted(recs, key=lambda r: r[0], reverse=True)
ok = all(rev[i][0] > rev[i + 1][0] or (rev[i][0] == rev[i + 1][0] and rev[i][1] < rev[i + 1][1]) for i in range(len(rev) - 1))
print('stable reverse', ok)
nan = float('nan')
print(sorted([3.0, 1.0, 2.0, float('inf'), -float('inf')]))
print(len(sorted([nan, 1.0, nan, 0.5])))
print(sorted([-0.0, 0.0, -1e-300, 1e-300]))
print(sorted([2**62, 2**62 - 1, -2**62, -2**62 - 1, 2**63, 0]))
tups = [(rnd() % 5, 'x%d' % (rnd() % 5)) for _ in range(50)]
print(sorted(tups)[:8])
print(sorted([[2], [1, 2], [1], []]))
