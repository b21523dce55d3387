"""subprocess: run programs and talk to them through pipes (POSIX).

Popen forks and execs in one C call (os._fork_exec, runtime/mod_os_exec.c),
so no Python code runs in the child; a failed exec comes back through a
close-on-exec pipe as the OSError CPython raises (FileNotFoundError for a
missing program).  communicate() reads stdout and stderr together with
select(), so neither pipe can fill up and block the child.  run(), call(),
check_call(), check_output(), getoutput() and getstatusoutput() are built
on Popen as in CPython.
"""
import io
import os
import select
import signal
import time

__all__ = ["Popen", "PIPE", "STDOUT", "DEVNULL", "call", "check_call", "check_output",
           "run", "CalledProcessError", "TimeoutExpired", "SubprocessError",
           "CompletedProcess", "getoutput", "getstatusoutput", "list2cmdline"]

PIPE = -1
STDOUT = -2
DEVNULL = -3

_PIPE_BUF = 512


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    """A process run by check_call()/check_output()/run(check=True) ended
    with a non-zero status."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            try:
                return "Command '%s' died with %r." % (self.cmd, signal.Signals(-self.returncode))
            except ValueError:
                return "Command '%s' died with unknown signal %d." % (self.cmd, -self.returncode)
        return "Command '%s' returned non-zero exit status %d." % (self.cmd, self.returncode)

    def __repr__(self):
        return "CalledProcessError(%r, %r)" % (self.returncode, self.cmd)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess:
    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        args = ["args={!r}".format(self.args), "returncode={!r}".format(self.returncode)]
        if self.stdout is not None:
            args.append("stdout={!r}".format(self.stdout))
        if self.stderr is not None:
            args.append("stderr={!r}".format(self.stderr))
        return "{}({})".format(type(self).__name__, ", ".join(args))

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


def list2cmdline(seq):
    return " ".join(seq)


def _candidates(executable, env):
    if "/" in executable:
        return (executable,)
    path = (env or os.environ).get("PATH") if env is not None or "PATH" in os.environ else None
    if path is None:
        path = "/bin:/usr/bin"
    return tuple(os.path.join(d or ".", executable) for d in path.split(":"))


class Popen:
    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None, stderr=None,
                 preexec_fn=None, close_fds=True, shell=False, cwd=None, env=None,
                 universal_newlines=None, startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False, pass_fds=(), *,
                 user=None, group=None, extra_groups=None, encoding=None, errors=None,
                 text=None, umask=-1, pipesize=-1, process_group=None):
        if preexec_fn is not None:
            raise NotImplementedError("minipy's subprocess has no preexec_fn")
        self.args = args
        self.returncode = None
        self.stdin = self.stdout = self.stderr = None
        self.text_mode = bool(text or universal_newlines or encoding or errors)
        self.encoding = encoding or ("utf-8" if self.text_mode else None)
        self.errors = errors or "strict"
        self._communicated = False

        if isinstance(args, (str, bytes)) or isinstance(args, os.PathLike):
            argv = [os.fsdecode(args) if not isinstance(args, str) else args]
        else:
            argv = [os.fsdecode(a) if isinstance(a, bytes) else os.fspath(a) for a in args]
        if shell:
            argv = ["/bin/sh", "-c"] + argv
        if not argv:
            raise IndexError("list index out of range")
        program = os.fspath(executable) if executable is not None else argv[0]
        env_list = None
        if env is not None:
            env_list = tuple("%s=%s" % (os.fsdecode(k), os.fsdecode(v)) for k, v in env.items())
        if cwd is not None:
            cwd = os.fsdecode(os.fspath(cwd))

        to_close = []
        parent_ends = {}
        child_fds = []
        for index, spec in enumerate((stdin, stdout, stderr)):
            if spec is None:
                child_fds.append(-1)
            elif spec == PIPE:
                r, w = os.pipe()
                child, mine = (r, w) if index == 0 else (w, r)
                child_fds.append(child)
                to_close.append(child)
                parent_ends[index] = mine
            elif spec == DEVNULL:
                fd = os.open(os.devnull, os.O_RDWR)
                child_fds.append(fd)
                to_close.append(fd)
            elif spec == STDOUT and index == 2:
                child_fds.append(child_fds[1] if child_fds[1] != -1 else 1)
            elif isinstance(spec, int):
                child_fds.append(spec)
            else:
                child_fds.append(spec.fileno())
        err_r, err_w = os.pipe()
        try:
            self.pid = os._fork_exec(_candidates(program, env), tuple(argv), env_list, cwd,
                                     child_fds[0], child_fds[1], child_fds[2], err_w, close_fds)
        except BaseException:
            for fd in to_close + list(parent_ends.values()) + [err_r, err_w]:
                os.close(fd)
            raise
        os.close(err_w)
        for fd in to_close:
            os.close(fd)
        data = b""
        while True:
            chunk = os.read(err_r, 64)
            if not chunk:
                break
            data += chunk
        os.close(err_r)
        if data:
            os.waitpid(self.pid, 0)
            self.returncode = 255
            for fd in parent_ends.values():
                os.close(fd)
            errno_text, _, stage = data.decode("ascii", "replace").partition(":")
            err = int(errno_text)
            raise _oserror(err, cwd if stage == "noexec:chdir" else program)
        for index, fd in parent_ends.items():
            if self.text_mode:
                f = io.open(fd, "w" if index == 0 else "r", encoding=self.encoding,
                            errors=self.errors)
            else:
                f = io.open(fd, "wb" if index == 0 else "rb", buffering=bufsize if bufsize else 0)
            setattr(self, ("stdin", "stdout", "stderr")[index], f)

    def __repr__(self):
        return "<Popen: returncode: {} args: {!r}>".format(self.returncode, self.args)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        for f in (self.stdout, self.stderr):
            if f:
                f.close()
        try:
            if self.stdin:
                self.stdin.close()
        finally:
            self.wait()

    def _handle_status(self, status):
        if os.WIFSIGNALED(status):
            self.returncode = -os.WTERMSIG(status)
        elif os.WIFEXITED(status):
            self.returncode = os.WEXITSTATUS(status)
        else:
            self.returncode = status

    def poll(self):
        if self.returncode is None:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:
                self.returncode = 0 if self.returncode is None else self.returncode
                return self.returncode
            if pid == self.pid:
                self._handle_status(status)
        return self.returncode

    def wait(self, timeout=None):
        if self.returncode is not None:
            return self.returncode
        if timeout is None:
            try:
                _, status = os.waitpid(self.pid, 0)
                self._handle_status(status)
            except ChildProcessError:
                self.returncode = 0
            return self.returncode
        end = time.monotonic() + timeout
        delay = 0.0005
        while self.poll() is None:
            remaining = end - time.monotonic()
            if remaining <= 0:
                raise TimeoutExpired(self.args, timeout)
            delay = min(delay * 2, remaining, 0.05)
            time.sleep(delay)
        return self.returncode

    def send_signal(self, sig):
        if self.poll() is None:
            os.kill(self.pid, sig)

    def terminate(self):
        self.send_signal(signal.SIGTERM)

    def kill(self):
        self.send_signal(signal.SIGKILL)

    def communicate(self, input=None, timeout=None):
        """Send `input`, read stdout and stderr to the end, wait; returns
        (stdout, stderr), each None unless it was a PIPE."""
        if self._communicated and input:
            raise ValueError("Cannot send input after starting communication")
        self._communicated = True
        end = None if timeout is None else time.monotonic() + timeout
        if self.stdin and input is not None:
            data = input.encode(self.encoding, self.errors) if self.text_mode else bytes(input)
        else:
            data = b""
        if self.stdin:
            self.stdin.flush()
        readers = {}
        chunks = {}
        for name in ("stdout", "stderr"):
            f = getattr(self, name)
            if f is not None:
                readers[f.fileno()] = name
                chunks[name] = []
        writer = self.stdin.fileno() if self.stdin else None
        if writer is not None and not data:
            self.stdin.close()
            writer = None
        offset = 0
        while readers or writer is not None:
            wait = None if end is None else end - time.monotonic()
            if wait is not None and wait <= 0:
                raise TimeoutExpired(self.args, timeout)
            r, w, _ = select.select(list(readers), [writer] if writer is not None else [], [], wait)
            if not r and not w:
                raise TimeoutExpired(self.args, timeout)
            if w:
                try:
                    offset += os.write(writer, data[offset:offset + _PIPE_BUF * 64])
                except BrokenPipeError:
                    offset = len(data)
                if offset >= len(data):
                    self.stdin.close()
                    writer = None
            for fd in r:
                chunk = os.read(fd, 32768)
                if chunk:
                    chunks[readers[fd]].append(chunk)
                else:
                    getattr(self, readers.pop(fd)).close()
        self.wait(None if end is None else max(end - time.monotonic(), 0))
        out = self._result(chunks.get("stdout"))
        err = self._result(chunks.get("stderr"))
        return (out, err)

    def _result(self, parts):
        if parts is None:
            return None
        data = b"".join(parts)
        if self.text_mode:
            data = data.decode(self.encoding, self.errors).replace("\r\n", "\n").replace("\r", "\n")
        return data


def _oserror(err, filename):
    # OSError(errno, ...) picks the subclass (FileNotFoundError ...).
    return OSError(err, os.strerror(err), filename)


def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    if input is not None:
        if kwargs.get("stdin") is not None:
            raise ValueError("stdin and input arguments may not both be used.")
        kwargs["stdin"] = PIPE
    if capture_output:
        if kwargs.get("stdout") is not None or kwargs.get("stderr") is not None:
            raise ValueError("stdout and stderr arguments may not be used with capture_output.")
        kwargs["stdout"] = PIPE
        kwargs["stderr"] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired as exc:
            process.kill()
            process.wait()
            raise
        except BaseException:
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args, output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def call(*popenargs, timeout=None, **kwargs):
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except BaseException:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    if "stdout" in kwargs:
        raise ValueError("stdout argument not allowed, it will be overridden.")
    if "input" in kwargs and kwargs["input"] is None:
        kwargs["input"] = "" if kwargs.get("text") or kwargs.get("universal_newlines") else b""
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def getstatusoutput(cmd, *, encoding=None, errors=None):
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT,
                            encoding=encoding, errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == "\n":
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]
