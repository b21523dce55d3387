"""The io module: streams.

minipy's io (CPython: Lib/io.py over Modules/_io).  The file classes
(TextIOWrapper, BufferedReader, BufferedWriter, BufferedRandom) are the C
types behind open(), exported by the _io module.  The in-memory streams
are written here in Python:

    StringIO   text kept as a list of pieces, joined on demand
    BytesIO    bytes kept in a bytearray

Both keep a position, support seek/tell/truncate, read/readline and
iteration, and refuse everything once closed ("I/O operation on closed
file").  IOBase, RawIOBase, BufferedIOBase and TextIOBase are abstract
classes the concrete ones are registered with, for isinstance checks.
"""

__all__ = ["BlockingIOError", "open", "open_code", "IOBase", "RawIOBase",
           "StringIO", "BytesIO", "BufferedIOBase",
           "BufferedReader", "BufferedWriter", "BufferedRWPair",
           "BufferedRandom", "TextIOBase", "TextIOWrapper",
           "UnsupportedOperation", "SEEK_SET", "SEEK_CUR", "SEEK_END",
           "DEFAULT_BUFFER_SIZE", "text_encoding"]

import abc
from _io import (open, TextIOWrapper, BufferedReader, BufferedWriter,
                 BufferedRandom)

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError, ValueError):
    pass


UnsupportedOperation.__module__ = 'io'


def open_code(path):
    "Open path for reading as a binary file (the interpreter's code files)."
    return open(path, "rb")


def text_encoding(encoding, stacklevel=2):
    "The encoding open() uses when given encoding=None ('locale')."
    if encoding is None:
        return "locale"
    return encoding


class IOBase(metaclass=abc.ABCMeta):
    'The abstract base class of all streams.'


class RawIOBase(IOBase):
    'Abstract base of unbuffered binary streams.'


class BufferedIOBase(IOBase):
    'Abstract base of buffered binary streams.'


class TextIOBase(IOBase):
    'Abstract base of text streams.'


for _klass in (BufferedReader, BufferedWriter, BufferedRandom):
    BufferedIOBase.register(_klass)
TextIOBase.register(TextIOWrapper)
del _klass


def _check_size(size):
    if size is None:
        return -1
    if not isinstance(size, int):
        raise TypeError("argument should be integer or None, not '%s'"
                        % type(size).__name__)
    return size


class StringIO(TextIOBase):
    "StringIO(initial_value='', newline='\\n'): a text stream kept in memory."

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("newline must be str or None, not %s" % type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError("illegal newline value: %r" % (newline,))
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s"
                            % type(initial_value).__name__)
        self._newline = newline
        self._chunks = []       # pieces of text; joined when read
        self._size = 0          # total length of the pieces
        self._pos = 0
        self._closed = False
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    # -- helpers

    def _checkClosed(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    def _text(self):
        # The whole buffer as one str (and keep it as the single piece).
        if len(self._chunks) != 1:
            self._chunks = [''.join(self._chunks)]
        return self._chunks[0] if self._chunks else ''

    def _translate(self, s):
        nl = self._newline
        if nl is None:
            if '\r' in s:
                s = s.replace('\r\n', '\n').replace('\r', '\n')
        elif nl not in ('', '\n'):
            s = s.replace('\n', nl)
        return s

    # -- writing

    def write(self, s):
        'Write the str s at the current position; returns len(s).'
        self._checkClosed()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        length = len(s)
        s = self._translate(s)
        n = len(s)
        if n == 0:
            return length
        pos = self._pos
        if pos == self._size:
            self._chunks.append(s)
        else:
            text = self._text()
            if pos > self._size:
                text += '\0' * (pos - self._size)
            text = text[:pos] + s + text[pos + n:]
            self._chunks = [text]
        self._pos = pos + n
        if self._pos > self._size:
            self._size = self._pos
        return length

    def writelines(self, lines):
        'Write each string of lines.'
        for line in lines:
            self.write(line)

    def truncate(self, pos=None):
        'Cut the text at pos (default: the position); returns pos.'
        self._checkClosed()
        if pos is None:
            pos = self._pos
        else:
            pos = _check_size(pos)
            if pos < 0:
                raise ValueError("Negative size value %d" % pos)
        if pos < self._size:
            self._chunks = [self._text()[:pos]]
            self._size = pos
        return pos

    # -- reading

    def getvalue(self):
        'The whole text, wherever the position is.'
        self._checkClosed()
        return self._text()

    def read(self, size=-1):
        'Up to size characters from the position (all when size < 0 or None).'
        self._checkClosed()
        size = _check_size(size)
        text = self._text()
        start = self._pos
        if start >= self._size:
            return ''
        end = self._size if size < 0 else min(self._size, start + size)
        self._pos = end
        return text[start:end]

    def _line_end(self, text, start):
        # Index just past the end of the line starting at `start`.
        nl = self._newline
        if nl == '':
            i = start
            n = len(text)
            while i < n:
                c = text[i]
                if c == '\n':
                    return i + 1
                if c == '\r':
                    if i + 1 < n and text[i + 1] == '\n':
                        return i + 2
                    return i + 1
                i += 1
            return n
        term = '\n' if nl is None else nl
        i = text.find(term, start)
        return len(text) if i < 0 else i + len(term)

    def readline(self, size=-1):
        "The next line (with its newline), or '' at the end."
        self._checkClosed()
        size = _check_size(size)
        text = self._text()
        start = self._pos
        if start >= self._size:
            return ''
        end = self._line_end(text, start)
        if size >= 0 and end > start + size:
            end = start + size
        self._pos = end
        return text[start:end]

    def readlines(self, hint=-1):
        'The remaining lines as a list (stopping once hint characters were read).'
        hint = _check_size(hint)
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    # -- positioning

    def tell(self):
        'The current position.'
        self._checkClosed()
        return self._pos

    def seek(self, pos, whence=0):
        """Move to pos from the start (whence 0), or to the current position /
        the end (whence 1 / 2, pos must be 0).  Returns the new position.
        """
        self._checkClosed()
        if not isinstance(pos, int):
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(pos).__name__)
        if whence not in (0, 1, 2):
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        if whence == 0 and pos < 0:
            raise ValueError("Negative seek position %d" % pos)
        if whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
            pos = self._pos
        elif whence == 2:
            if pos != 0:
                # CPython's message, although this is an end-relative seek.
                raise OSError("Can't do nonzero cur-relative seeks")
            pos = self._size
        self._pos = pos
        return pos

    # -- the rest of the stream protocol

    def close(self):
        'Close the stream and drop its text.'
        self._closed = True
        self._chunks = []

    @property
    def closed(self):
        return self._closed

    @property
    def line_buffering(self):
        self._checkClosed()
        return False

    @property
    def newlines(self):
        self._checkClosed()
        return None

    encoding = None
    errors = None

    def readable(self):
        'True unless closed.'
        self._checkClosed()
        return True

    def writable(self):
        'True unless closed.'
        self._checkClosed()
        return True

    def seekable(self):
        'True unless closed.'
        self._checkClosed()
        return True

    def isatty(self):
        'False: not a terminal.'
        self._checkClosed()
        return False

    def flush(self):
        'Nothing to do: the buffer is the file.'
        self._checkClosed()

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def detach(self):
        raise UnsupportedOperation("detach")

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def __getstate__(self):
        return (self.getvalue(), self._newline, self._pos, None)


class BytesIO(BufferedIOBase):
    "BytesIO(initial_bytes=b''): a binary stream kept in memory."

    def __init__(self, initial_bytes=b''):
        self._buffer = bytearray(initial_bytes) if initial_bytes is not None else bytearray()
        self._pos = 0
        self._closed = False

    def _checkClosed(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    def getvalue(self):
        'All the bytes, wherever the position is.'
        self._checkClosed()
        return bytes(self._buffer)

    def getbuffer(self):
        'A memoryview of the contents (writes through it change the buffer).'
        self._checkClosed()
        return memoryview(self._buffer)

    def read(self, size=-1):
        'Up to size bytes from the position (all when size < 0 or None).'
        self._checkClosed()
        size = _check_size(size)
        n = len(self._buffer)
        if self._pos >= n:
            return b''
        end = n if size < 0 else min(n, self._pos + size)
        data = bytes(self._buffer[self._pos:end])
        self._pos = end
        return data

    read1 = read

    def readinto(self, buffer):
        'Read into the writable buffer; returns the byte count.'
        data = self.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        return n

    def readline(self, size=-1):
        "The next line (with its b'\\\\n'), or b'' at the end."
        self._checkClosed()
        size = _check_size(size)
        n = len(self._buffer)
        if self._pos >= n:
            return b''
        i = self._buffer.find(b'\n', self._pos)
        end = n if i < 0 else i + 1
        if size >= 0 and end > self._pos + size:
            end = self._pos + size
        data = bytes(self._buffer[self._pos:end])
        self._pos = end
        return data

    def readlines(self, hint=-1):
        'The remaining lines as a list.'
        hint = _check_size(hint)
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, b):
        'Write bytes-like b at the position; returns len(b).'
        self._checkClosed()
        if isinstance(b, str) or not isinstance(b, (bytes, bytearray)):
            raise TypeError("a bytes-like object is required, not '%s'"
                            % type(b).__name__)
        n = len(b)
        if n == 0:
            return 0
        pos = self._pos
        if pos > len(self._buffer):
            self._buffer.extend(b'\0' * (pos - len(self._buffer)))
        self._buffer[pos:pos + n] = b
        self._pos = pos + n
        return n

    def writelines(self, lines):
        'Write each bytes object of lines.'
        for line in lines:
            self.write(line)

    def seek(self, pos, whence=0):
        'Move to pos relative to the start, position or end (whence 0, 1, 2).'
        self._checkClosed()
        if not isinstance(pos, int):
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(pos).__name__)
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek value %d" % pos)
        elif whence == 1:
            pos = max(0, self._pos + pos)
        elif whence == 2:
            pos = max(0, len(self._buffer) + pos)
        else:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        self._pos = pos
        return pos

    def tell(self):
        'The current position.'
        self._checkClosed()
        return self._pos

    def truncate(self, size=None):
        'Cut the data at size (default: the position); returns size.'
        self._checkClosed()
        if size is None:
            size = self._pos
        else:
            size = _check_size(size)
            if size < 0:
                raise ValueError("negative size value %d" % size)
        del self._buffer[size:]
        return size

    def close(self):
        'Close the stream.'
        self._closed = True

    @property
    def closed(self):
        'True once closed.'
        return self._closed

    def readable(self):
        self._checkClosed()
        return True

    def writable(self):
        self._checkClosed()
        return True

    def seekable(self):
        self._checkClosed()
        return True

    def isatty(self):
        self._checkClosed()
        return False

    def flush(self):
        self._checkClosed()

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def detach(self):
        raise UnsupportedOperation("detach")

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()


StringIO.__module__ = BytesIO.__module__ = '_io'
