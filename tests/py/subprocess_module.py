# subprocess: run, Popen with pipes, communicate, errors, timeouts.
import os
import subprocess
import sys

print(subprocess.run(["true"]))
print(subprocess.run(["sh", "-c", "exit 3"]).returncode)
r = subprocess.run(["echo", "hello", "world"], capture_output=True)
print(r)
r = subprocess.run(["sh", "-c", "echo out; echo err >&2"], capture_output=True, text=True)
print(repr(r.stdout), repr(r.stderr), r.returncode)
r = subprocess.run(["cat"], input="line1\nline2\n", capture_output=True, text=True)
print(r.stdout.splitlines())
r = subprocess.run("echo $((6 * 7))", shell=True, stdout=subprocess.PIPE)
print(r.stdout)
r = subprocess.run(["sh", "-c", "echo both; echo two >&2"], stdout=subprocess.PIPE,
                   stderr=subprocess.STDOUT, text=True)
print(sorted(r.stdout.split()), r.stderr)
print(subprocess.run(["echo", "quiet"], stdout=subprocess.DEVNULL).stdout)
print(subprocess.check_output(["printf", "a\\nb"]))
print(subprocess.check_output("echo $FOO", shell=True, env={"FOO": "from env", "PATH": os.environ["PATH"]}, text=True), end="")
print(subprocess.check_output(["pwd"], cwd="/", text=True), end="")
print(subprocess.call(["sh", "-c", "exit 5"]), subprocess.check_call(["true"]))
try:
    subprocess.check_call(["false"])
except subprocess.CalledProcessError as e:
    print("CalledProcessError:", e, e.returncode, repr(e))
try:
    subprocess.run(["sh", "-c", "echo partial; exit 2"], check=True, capture_output=True)
except subprocess.CalledProcessError as e:
    print(e, e.stdout, e.output, e.stderr)
try:
    subprocess.run(["no-such-program-xyz"])
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.filename)
try:
    subprocess.run(["ls"], cwd="/no/such/dir")
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.filename)
try:
    subprocess.run(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired:", e.cmd, 0 < e.timeout <= 0.2)
print(issubclass(subprocess.TimeoutExpired, subprocess.SubprocessError),
      issubclass(subprocess.CalledProcessError, subprocess.SubprocessError))

p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(b"x" * 200000)
print(len(out), err, p.returncode, p.poll())
with subprocess.Popen(["sh", "-c", "read a; echo got $a"], stdin=subprocess.PIPE,
                      stdout=subprocess.PIPE, text=True) as p:
    p.stdin.write("ping\n")
    p.stdin.flush()
    print(p.stdout.readline(), end="")
print(p.returncode)
p = subprocess.Popen(["sleep", "10"])
print(p.poll())
p.kill()
print(p.wait())
p = subprocess.Popen(["sleep", "10"])
p.terminate()
print(p.wait())
try:
    subprocess.Popen(["sleep", "1"]).wait(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired:", e)
print(subprocess.getoutput("echo hi; exit 1"), subprocess.getstatusoutput("echo x; exit 4"))
r = subprocess.run([sys.executable, "-c", "print('child python')"], capture_output=True, text=True)
print(r.stdout, end="")
e = subprocess.CalledProcessError(-9, ["a", "b"])
print(e)
