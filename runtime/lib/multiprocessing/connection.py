"""Connection objects: send picklable objects through pipes.

minipy's version of the Pipe/Connection part of CPython's
Lib/multiprocessing/connection.py (no Listener/Client sockets).

A message is a 4-byte big-endian length followed by that many bytes (a
length of -1 announces an 8-byte length, for huge messages): the same
framing as CPython.  _multiprocessing.send_bytes/recv_bytes do the
reading and writing in C, with the GIL released.  send(obj) pickles obj
and sends the bytes; recv() does the reverse.

Pipe(duplex=True) needs a channel in each direction: CPython uses a
socketpair, minipy two pipes, so each end of a duplex Pipe owns a read
descriptor and a write descriptor.  fileno() is the read side (what
select() and wait() watch).
"""

__all__ = ['Pipe', 'Connection', 'wait']

import os
import select
import time

import _multiprocessing
from . import reduction

_send_bytes = _multiprocessing.send_bytes
_recv_bytes = _multiprocessing.recv_bytes


class Connection(object):
    """One end of a Pipe: send()/recv() objects, send_bytes()/recv_bytes()
    raw messages, poll() for pending input."""

    _read_fd = None
    _write_fd = None

    def __init__(self, handle, readable=True, writable=True, *, write_handle=None):
        handle = handle.__index__()
        if handle < 0:
            raise ValueError("invalid handle")
        if not readable and not writable:
            raise ValueError("at least one of `readable` and `writable` must be True")
        self._handle = handle
        self._readable = readable
        self._writable = writable
        self._read_fd = handle if readable else None
        if writable:
            self._write_fd = handle if write_handle is None else write_handle

    def __del__(self):
        if self._handle is not None:
            self._close()

    def _check_closed(self):
        if self._handle is None:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    @property
    def closed(self):
        """True if the connection is closed"""
        return self._handle is None

    @property
    def readable(self):
        """True if the connection is readable"""
        return self._readable

    @property
    def writable(self):
        """True if the connection is writable"""
        return self._writable

    def fileno(self):
        """File descriptor or handle of the connection"""
        self._check_closed()
        return self._handle

    def _close(self):
        fds = {self._read_fd, self._write_fd, self._handle} - {None}
        self._handle = self._read_fd = self._write_fd = None
        for fd in fds:
            try:
                os.close(fd)
            except OSError:
                pass

    def close(self):
        """Close the connection"""
        if self._handle is not None:
            self._close()

    def send_bytes(self, buf, offset=0, size=None):
        """Send the bytes data from a bytes-like object"""
        self._check_closed()
        self._check_writable()
        n = len(buf)
        if offset < 0:
            raise ValueError("offset is negative")
        if n < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = n - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > n:
            raise ValueError("buffer length < offset + size")
        if offset or size != n:
            buf = bytes(buf[offset:offset + size])
        _send_bytes(self._write_fd, buf)

    def send(self, obj):
        """Send a (picklable) object"""
        self._check_closed()
        self._check_writable()
        _send_bytes(self._write_fd, reduction.ForkingPickler.dumps(obj))

    def recv_bytes(self, maxlength=None):
        """Receive bytes data as a bytes object."""
        self._check_closed()
        self._check_readable()
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        return _recv_bytes(self._read_fd, maxlength)

    def recv_bytes_into(self, buf, offset=0):
        """Receive bytes data into a writeable bytearray (returns the
        number of bytes read)."""
        self._check_closed()
        self._check_readable()
        if offset < 0:
            raise ValueError("negative offset")
        if offset > len(buf):
            raise ValueError("offset too large")
        data = _recv_bytes(self._read_fd, None)
        size = len(data)
        if offset + size > len(buf):
            from . import context
            raise context.BufferTooShort(data)
        buf[offset:offset + size] = data
        return size

    def recv(self):
        """Receive a (picklable) object"""
        self._check_closed()
        self._check_readable()
        return reduction.ForkingPickler.loads(_recv_bytes(self._read_fd, None))

    def poll(self, timeout=0.0):
        """Whether there is any input available to be read"""
        self._check_closed()
        self._check_readable()
        return bool(wait([self._read_fd], timeout))

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()

    def __reduce__(self):
        raise TypeError("cannot pickle 'Connection' object (minipy shares "
                        "connections with child processes through fork only)")


def Pipe(duplex=True):
    """Returns pair of connection objects at either end of a pipe."""
    if duplex:
        r1, w1 = os.pipe()
        r2, w2 = os.pipe()
        c1 = Connection(r1, write_handle=w2)
        c2 = Connection(r2, write_handle=w1)
    else:
        r, w = os.pipe()
        c1 = Connection(r, writable=False)
        c2 = Connection(w, readable=False)
    return c1, c2


def _fileno(obj):
    return obj if isinstance(obj, int) else obj.fileno()


def wait(object_list, timeout=None):
    """Wait till an object in object_list is ready/readable.

    Returns list of those objects in object_list which are ready/readable.
    The objects are Connections, process sentinels or anything with a
    fileno() method."""
    if not object_list:
        if timeout is not None and timeout > 0:
            time.sleep(timeout)
        return []
    fds = [_fileno(o) for o in object_list]
    if timeout is not None:
        deadline = time.monotonic() + timeout
    while True:
        try:
            ready = select.select(fds, [], [], timeout)[0]
        except InterruptedError:
            if timeout is not None:
                timeout = max(0.0, deadline - time.monotonic())
            continue
        ready = set(ready)
        return [o for o in object_list if _fileno(o) in ready]
