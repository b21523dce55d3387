"""bench/harness.py: run the benchmarks of bench/ on minipy, minipyt and
python3 and write bench/RESULTS.md.

Run by bench/run.sh (and `make bench`) with CPython:

    python3 bench/harness.py [--runs N] [--out FILE] [--only a,b,...]

Method.  For each benchmark every interpreter first runs it once (the
warm-up, whose output is also compared with python3's: a benchmark whose
checksum differs is marked "(!)" in the table), then N rounds follow; in
each round every interpreter runs once, in an order that rotates from
round to round, so a machine that gets busier or quieter during the run
affects all interpreters alike.  The result is the median wall time.
Peak RSS comes from GNU time (/usr/bin/time) for the same runs.
Startup is timed with hyperfine (no shell, many runs) when it is
installed, else with the same loop and more rounds.  `python3` is
resolved to the real executable: pyenv's shim alone costs ~0.1 s.

Scripts that print `BENCH name value` lines report metrics instead of a
time (the wake-up lateness); the median over the runs is reported.
Nothing here is asserted: `make test` never runs it.
"""
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")

# (name, script, args): single-thread benchmarks, ratios against python3.
SINGLE = [
    ("countdown", "countdown.py", []),
    ("fib(30)", "fib.py", ["30"]),
    ("bigint_squares", "bigint_squares.py", []),
    ("oop", "oop.py", []),
    ("containers", "containers.py", []),
    ("strings", "strings.py", []),
    ("generators", "generators.py", []),
    ("exceptions", "exceptions.py", []),
    ("nbody", "nbody.py", []),
    ("spectral_norm", "spectral_norm.py", []),
    ("richards", "richards.py", []),
]
# Benchmarks whose targets are "each <= 1.0, geometric mean <= 0.8".
GEOMEAN_SET = [name for name, _, _ in SINGLE if name not in ("countdown", "fib(30)")]

# (name, script, args): the same work done twice, sequential and in 2 threads.
PAIRS = [
    ("2 countdowns (10M)", "threads_countdown.py", ["10000000"]),
    ("2 fib(29)", "threads_fib.py", ["29"]),
    ("2 objects workloads", "threads_objects.py", ["300000"]),
    ("2 countdowns (10M) in 2 processes", "mp_two_processes.py", ["10000000"]),
]
SLEEPERS = [("100 threads sleep 0.1 s", "threads_sleep.py", ["100"]),
            ("1000 threads sleep 0.1 s", "threads_sleep.py", ["1000"])]
WAKEUP = ("threads_wakeup.py", ["200"])


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def interpreters():
    found = []
    build = os.path.join(ROOT, os.environ.get("BUILD") or "build")
    for label in ("minipy", "minipyt"):
        full = os.path.join(build, label)
        found.append((label, full if os.access(full, os.X_OK) else None))
    found.append(("python3", os.path.realpath(sys.executable)))
    return found


GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_once(exe, script, args, timeout=300):
    """Run `exe script args`; return (wall seconds, CPU seconds (user +
    system), peak RSS in KB, stdout).

    The peak RSS Linux reports for a child includes the memory of the
    process that forked it until its exec (here CPython, ~15 MB), so when
    GNU time is installed the interpreter is started through it: time is
    tiny, and it reports its own child's peak."""
    cmd = [exe, os.path.join(BENCH, script)] + list(args)
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as rss_file:
        if GNU_TIME:
            cmd = [GNU_TIME, "-q", "-f", "%M", "-o", rss_file.name] + cmd
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, cwd=ROOT)
        # A blocking wait: wait(timeout) polls with sleeps of up to 50 ms,
        # which would quantize the times.  A timer kills a runaway run.
        watchdog = threading.Timer(timeout, proc.kill)
        watchdog.start()
        _, wstatus, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - t0
        watchdog.cancel()
        proc.returncode = status = os.waitstatus_to_exitcode(wstatus)
        cpu = usage.ru_utime + usage.ru_stime
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
        rss = None
        if GNU_TIME:
            try:
                rss = int(rss_file.read().split()[-1])
            except (ValueError, IndexError):
                rss = None
    if status != 0:
        text += "\n[exit status %d]" % status
    return elapsed, cpu, rss, text


def median(xs):
    xs = sorted(xs)
    if not xs:
        return None
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def metrics_of(text):
    m = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "BENCH":
            m[parts[1]] = float(parts[2])
    return m


def measure(interps, script, args, runs, modes=None):
    """Warm-up plus `runs` alternating rounds.  Returns {label: result}
    where result has time, cpu, rss, metrics (medians) and out (warm-up).
    With `modes` (e.g. ["seq", "par"]) each mode is a separate variant
    passed as the first argument, labelled "interp/mode", and all of them
    alternate in the same rounds."""
    live = [(label, exe, list(args)) for label, exe in interps if exe]
    if modes:
        live = [("%s/%s" % (label, m), exe, [m] + a) for label, exe, a in live for m in modes]
    samples = {label: {"time": [], "cpu": [], "rss": [], "metrics": []} for label, _, _ in live}
    outs = {}
    for label, exe, a in live:
        outs[label] = run_once(exe, script, a)[3]
    for r in range(runs):
        k = r % len(live)
        for label, exe, a in live[k:] + live[:k]:
            t, cpu, rss, text = run_once(exe, script, a)
            samples[label]["time"].append(t)
            samples[label]["cpu"].append(cpu)
            if rss is not None:
                samples[label]["rss"].append(rss)
            samples[label]["metrics"].append(metrics_of(text))
    results = {}
    for label, s in samples.items():
        keys = set().union(*s["metrics"]) if s["metrics"] else set()
        results[label] = {
            "time": median(s["time"]),
            "cpu": median(s["cpu"]),
            "rss": median(s["rss"]),
            "metrics": {k: median([m[k] for m in s["metrics"] if k in m]) for k in keys},
            "out": outs[label],
        }
    return results


def hyperfine_startup(interps, runs):
    """Median startup times from hyperfine, or None if it is missing."""
    if shutil.which("hyperfine") is None:
        return None
    live = [(label, exe) for label, exe in interps if exe]
    with tempfile.NamedTemporaryFile(suffix=".json") as j:
        cmd = ["hyperfine", "-N", "--warmup", "5", "--runs", str(runs), "--export-json", j.name]
        cmd += ["%s %s" % (exe, os.path.join(BENCH, "empty.py")) for _, exe in live]
        if subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode != 0:
            return None
        data = json.load(open(j.name))
    return {label: r["median"] for (label, _), r in zip(live, data["results"])}


# ---------------------------------------------------------------- formatting

def fmt_time(t):
    if t is None:
        return "—"
    return "%.3f" % t if t >= 0.01 else "%.1f ms" % (t * 1000)


def fmt_ratio(a, b):
    if a is None or b is None or b == 0:
        return "—"
    return "%.2f" % (a / b)


def checked(name, res):
    ref = res.get("python3", {}).get("out")
    bad = [label for label, r in res.items() if ref is not None and r["out"] != ref]
    return name + (" (!)" if bad else ""), bad


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def main():
    runs = 5
    out_path = os.path.join(BENCH, "RESULTS.md")
    only = None
    argv = sys.argv[1:]
    while argv:
        a = argv.pop(0)
        if a == "--runs":
            runs = max(1, int(argv.pop(0)))
        elif a == "--out":
            out_path = argv.pop(0)
        elif a == "--only":
            only = set(argv.pop(0).split(","))
        else:
            sys.exit("usage: harness.py [--runs N] [--out FILE] [--only a,b]")
    interps = interpreters()
    for label, exe in interps:
        if exe is None:
            log("note: %s is not built; its columns stay empty" % label)
    want = lambda name: only is None or name in only or name.split("(")[0] in only
    started = time.time()
    lines = []
    w = lines.append

    # -- single thread
    single = {}
    for name, script, args in SINGLE:
        if want(name):
            log("bench:", name)
            single[name] = measure(interps, script, args, runs)
    w("## Single thread\n")
    w("Median CPU time (user + system) in seconds, and ratios to python3 (lower is better).  "
      "CPU time, not wall time, because the machine is shared: a run that waits for a core "
      "is not slower.  The last column is the ratio of median wall times, for comparison.\n")
    w("| benchmark | minipy | minipyt | python3 | minipy / python3 | minipyt / python3 "
      "| minipyt / minipy | wall: minipy / python3 |")
    w("|---|---|---|---|---|---|---|---|")
    geo = {"minipy": [], "minipyt": []}
    for name, res in single.items():
        shown, bad = checked(name, res)
        g = lambda label, k="cpu": res.get(label, {}).get(k)
        p = g("python3")
        w("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
            shown, fmt_time(g("minipy")), fmt_time(g("minipyt")), fmt_time(p),
            fmt_ratio(g("minipy"), p), fmt_ratio(g("minipyt"), p), fmt_ratio(g("minipyt"), g("minipy")),
            fmt_ratio(g("minipy", "time"), g("python3", "time"))))
        if name in GEOMEAN_SET:
            for label in geo:
                if g(label) and p:
                    geo[label].append(g(label) / p)
        if bad:
            log("  output differs from python3's:", ", ".join(bad))
    gm = {label: math.exp(sum(map(math.log, v)) / len(v)) if v else None for label, v in geo.items()}
    if any(gm.values()):
        w("| geometric mean (all but countdown, fib) | | | | %s | %s | | |" % (
            "%.2f" % gm["minipy"] if gm["minipy"] else "—",
            "%.2f" % gm["minipyt"] if gm["minipyt"] else "—"))
    w("")

    # -- threads
    pairs = []
    for name, script, args in PAIRS:
        if want(name) or want(script[:-3]):
            log("bench:", name)
            both = measure(interps, script, args, runs, modes=["seq", "par"])
            pairs.append((name, both))
    if pairs:
        w("## Two threads\n")
        w("The same work twice: one after the other, then in two threads.  "
          "threads / sequential: ~1.0 with a GIL, ~0.5 when both cores run Python (the processes row: two processes, a GIL each).\n")
        w("| workload | minipy seq | minipy 2 threads | minipy ratio | minipyt seq | "
          "minipyt 2 threads | minipyt ratio | python3 seq | python3 2 threads | python3 ratio |")
        w("|---|---|---|---|---|---|---|---|---|---|")
        for name, both in pairs:
            cells = []
            for label in ("minipy", "minipyt", "python3"):
                s = both.get(label + "/seq", {}).get("time")
                p = both.get(label + "/par", {}).get("time")
                cells += [fmt_time(s), fmt_time(p), fmt_ratio(p, s)]
            w("| %s | %s |" % (name, " | ".join(cells)))
        w("")

    sleepers = []
    for name, script, args in SLEEPERS:
        if want("sleep") or want(script[:-3]):
            log("bench:", name)
            sleepers.append((name, measure(interps, script, args, runs)))
    wake = None
    if want("wakeup") or want(WAKEUP[0][:-3]):
        log("bench: wake-up lateness")
        wake = measure(interps, WAKEUP[0], WAKEUP[1], max(3, runs // 2 + 1))
    if sleepers or wake:
        w("## Many threads, latency\n")
        w("| measure | minipy | minipyt | python3 |")
        w("|---|---|---|---|")
        for name, res in sleepers:
            w("| %s: wall | %s |" % (name, " | ".join(
                fmt_time(res.get(l, {}).get("time")) for l in ("minipy", "minipyt", "python3"))))
        if wake:
            for key, title in (("wakeup_p50_ms", "p50"), ("wakeup_p99_ms", "p99")):
                vals = []
                for l in ("minipy", "minipyt", "python3"):
                    v = wake.get(l, {}).get("metrics", {}).get(key)
                    vals.append("—" if v is None else "%.2f ms" % v)
                w("| 1 ms sleeper beside a CPU thread: lateness %s | %s |" % (title, " | ".join(vals)))
        w("")

    # -- startup and memory
    if want("startup") or want("empty") or want("rss"):
        log("bench: startup and peak RSS")
        empty = measure(interps, "empty.py", [], max(runs, 20))
        hf = hyperfine_startup(interps, 40)
        how = "hyperfine -N, 40 runs" if hf else "harness, %d runs" % max(runs, 20)
        w("## Startup and memory\n")
        w("| measure | minipy | minipyt | python3 | minipy / python3 | minipyt / python3 |")
        w("|---|---|---|---|---|---|")
        st = {l: (hf or {}).get(l, empty.get(l, {}).get("time")) for l in ("minipy", "minipyt", "python3")}
        w("| startup, empty script (%s) | %s | %s | %s | %s | %s |" % (
            how, *(("—" if st[l] is None else "%.1f ms" % (st[l] * 1000))
                   for l in ("minipy", "minipyt", "python3")),
            fmt_ratio(st["minipy"], st["python3"]), fmt_ratio(st["minipyt"], st["python3"])))
        rows = [("peak RSS, empty script", empty)] + [
            ("peak RSS, " + name.replace(" sleep 0.1 s", " sleeping"), res)
            for name, res in sleepers if name.startswith("1000")]
        for title, res in rows:
            r = {l: res.get(l, {}).get("rss") for l in ("minipy", "minipyt", "python3")}
            mb = lambda v: "—" if v is None else "%.1f MB" % (v / 1024)
            w("| %s | %s | %s | %s | %s | %s |" % (
                title, mb(r["minipy"]), mb(r["minipyt"]), mb(r["python3"]),
                fmt_ratio(r["minipy"], r["python3"]), fmt_ratio(r["minipyt"], r["python3"])))
        w("")

    head = [
        "# Benchmark results",
        "",
        "Written by `make bench` (bench/run.sh, bench/harness.py); never part of `make test`.",
        "",
        "%s, %s, %d cores, python3 = %s (%s).  Median of %d alternating runs after a warm-up; "
        "the whole run took %.0f s." % (
            time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), cpu_model(), os.cpu_count() or 0,
            platform.python_version(), os.path.realpath(sys.executable), runs, time.time() - started),
        "(!) after a name: some interpreter printed a different checksum than python3.",
        "",
    ]
    text = "\n".join(head + lines) + "\n"
    with open(out_path, "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
