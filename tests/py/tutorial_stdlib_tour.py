import os, json, random, math, string, textwrap, re
random.seed(42)
print(random.randint(1, 100), random.random(), random.choice("abc"), random.sample(range(10), 3), random.uniform(1, 2))
l = list(range(5)); random.shuffle(l); print(l, random.randrange(0, 10, 2), random.gauss(0, 1))
path = os.path.join("/tmp", "minipy_conf_test_%d.txt" % os.getpid())
with open(path, "w") as f:
    f.write("line one\nline two\n")
    print(f.write("third"), f.name == path, f.mode, f.closed)
print(f.closed)
with open(path) as f:
    print(f.readline(), end="")
    print(f.read())
with open(path) as f:
    for i, line in enumerate(f, 1):
        print(i, repr(line))
with open(path) as f:
    print(f.readlines(), f.read(), repr(f.readline()))
with open(path, "a") as f:
    print("appended", file=f)
with open(path, "rb") as f:
    data = f.read(); print(type(data), data[:8], len(data))
with open(path, "r+") as f:
    f.seek(5); print(f.read(3), f.tell())
print(os.path.exists(path), os.path.basename(path).startswith("minipy_conf_test"), os.path.splitext("a/b.txt"), os.path.dirname("/a/b/c"), os.path.isfile(path), os.path.getsize(path))
os.remove(path); print(os.path.exists(path))
try:
    open(path)
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
data = {"name": "x", "vals": [1, 2.5, None, True], "nested": {"a": "é"}}
s = json.dumps(data); print(s); print(json.loads(s) == data, json.dumps(data, indent=2, sort_keys=True), json.dumps("é", ensure_ascii=False))
try:
    json.loads("{bad")
except json.JSONDecodeError as e:
    print("JSONDecodeError", e)
print(math.sqrt(16), math.floor(-2.5), math.ceil(2.1), math.gcd(12, 18), math.factorial(10), math.pi, math.e, math.isclose(0.1 + 0.2, 0.3), math.log(100, 10), math.log2(8), math.hypot(3, 4), math.inf, math.comb(5, 2), math.prod([1, 2, 3]), math.dist((0, 0), (3, 4)), math.fsum([0.1] * 10), math.trunc(-2.7), math.copysign(1, -0.0), math.degrees(math.pi))
print(string.ascii_letters, string.digits, string.punctuation, string.ascii_uppercase[:5], string.capwords("hello world"))
print(textwrap.fill("The quick brown fox jumps over the lazy dog " * 3, width=30))
print(textwrap.dedent("   a\n   b"), textwrap.shorten("Hello  world  foo bar", width=12))
print(re.findall(r"\d+", "a1b22c333"), re.sub(r"(\w)(\d)", r"\2\1", "a1 b2"), re.split(r"[,;]\s*", "a, b;c"), re.match(r"(\w+)@(\w+)\.com", "joe@mail.com").groups())
m = re.search(r"(?P<year>\d{4})-(?P<mon>\d\d)", "on 2024-05-01"); print(m.group("year"), m["mon"], m.span(), m.groupdict(), m.start(), bool(re.fullmatch(r"[a-z]+", "abc")))
print(re.compile(r"\bcat\b", re.I).findall("Cat catalog CAT"), [m.group() for m in re.finditer(r"o", "foo")], re.escape("a.b"), re.subn("a", "b", "aaa"))
from datetime import date, datetime, timedelta
d = date(2024, 2, 28) + timedelta(days=2); print(d, d.weekday(), d.isoformat(), d.strftime("%d/%m/%Y %A %B"), (date(2024, 12, 25) - date(2024, 1, 1)).days)
dt = datetime(2024, 1, 2, 3, 4, 5); print(dt, repr(dt), dt + timedelta(hours=25), dt.strftime("%H:%M:%S"), datetime.strptime("2024-03-04", "%Y-%m-%d"), timedelta(days=1, seconds=3661))
from dataclasses import dataclass, field, asdict
@dataclass(order=True)
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)
it = Item("a", 1.5); print(it, it == Item("a", 1.5), it < Item("b"), asdict(it), Item.__dataclass_fields__.keys())
from enum import Enum, auto, IntEnum
class Color(Enum):
    RED = 1
    GREEN = auto()
print(Color.RED, Color.GREEN.value, Color(1), Color["GREEN"], list(Color), Color.RED.name, repr(Color.RED), isinstance(Color.RED, Color))
class Pri(IntEnum):
    LOW = 1
    HIGH = 2
print(Pri.HIGH > Pri.LOW, Pri.LOW + 1, str(Pri.LOW), f"{Pri.HIGH}", Pri(2).name)
from typing import List, Dict, Optional, NamedTuple
class P(NamedTuple):
    x: int
    y: int = 0
print(P(1), P(1, 2)._asdict(), List[int], Optional[int], Dict[str, int])
import heapq, bisect
h = [5, 1, 3]; heapq.heapify(h); heapq.heappush(h, 0); print(heapq.heappop(h), h, heapq.nsmallest(2, [4, 2, 8]), heapq.nlargest(1, [4, 2, 8]))
a = [1, 3, 5]; bisect.insort(a, 4); print(a, bisect.bisect_left(a, 3), bisect.bisect(a, 3))
import time
t0 = time.time(); t1 = time.perf_counter(); time.sleep(0.01); print(time.time() >= t0, time.perf_counter() > t1, type(time.monotonic()).__name__, time.strftime("%Y", time.gmtime(0)))
