"""HMAC (Keyed-Hashing for Message Authentication), RFC 2104.

minipy's hmac (CPython: Lib/hmac.py): HMAC(key, msg, digestmod) hashes
(key ^ opad) + hash((key ^ ipad) + msg) with the chosen hash.
"""

import hashlib as _hashlib

trans_5C = bytes((x ^ 0x5C) for x in range(256))
trans_36 = bytes((x ^ 0x36) for x in range(256))

digest_size = None


def compare_digest(a, b):
    """Return a == b, taking the same time whatever the position of the
    first difference (to defeat timing attacks)."""
    if isinstance(a, str) and isinstance(b, str):
        if not (a.isascii() and b.isascii()):
            raise TypeError("comparing strings with non-ASCII characters is not supported")
        a = a.encode('ascii')
        b = b.encode('ascii')
    elif isinstance(a, str) or isinstance(b, str):
        raise TypeError("unsupported operand types(s) or combination of types: "
                        "'%s' and '%s'" % (type(a).__name__, type(b).__name__))
    result = len(a) ^ len(b)
    if len(a) != len(b):
        b = a
    for x, y in zip(a, b):
        result |= x ^ y
    return result == 0


class HMAC:
    """RFC 2104 HMAC class.  Also complies with RFC 4231."""

    blocksize = 64

    def __init__(self, key, msg=None, digestmod=''):
        if not isinstance(key, (bytes, bytearray)):
            raise TypeError("key: expected bytes or bytearray, but got %r" % type(key).__name__)
        if not digestmod:
            raise TypeError("Missing required parameter 'digestmod'.")
        if callable(digestmod):
            digest_cons = digestmod
        elif isinstance(digestmod, str):
            digest_cons = lambda d=b'': _hashlib.new(digestmod, d)
        else:
            digest_cons = lambda d=b'': digestmod.new(d)
        self._outer = digest_cons()
        self._inner = digest_cons()
        self.digest_size = self._inner.digest_size
        blocksize = getattr(self._inner, 'block_size', 64)
        if blocksize < 16:
            blocksize = self.blocksize
        if len(key) > blocksize:
            key = digest_cons(key).digest()
        self.block_size = blocksize
        key = bytes(key) + b'\x00' * (blocksize - len(key))
        self._outer.update(key.translate(trans_5C))
        self._inner.update(key.translate(trans_36))
        if msg is not None:
            self.update(msg)

    @property
    def name(self):
        return "hmac-" + self._inner.name

    def update(self, msg):
        """Feed data from msg into this hashing object."""
        self._inner.update(msg)

    def copy(self):
        """An independent copy of this HMAC object."""
        other = self.__class__.__new__(self.__class__)
        other.digest_size = self.digest_size
        other.block_size = self.block_size
        other._inner = self._inner.copy()
        other._outer = self._outer.copy()
        return other

    def _current(self):
        h = self._outer.copy()
        h.update(self._inner.digest())
        return h

    def digest(self):
        """The MAC of the data fed so far, as bytes."""
        h = self._current()
        return h.digest()

    def hexdigest(self):
        """The MAC of the data fed so far, as hexadecimal text."""
        h = self._current()
        return h.hexdigest()


def new(key, msg=None, digestmod=''):
    """A new HMAC object: new(key, msg, digestmod='sha256')."""
    return HMAC(key, msg, digestmod)


def digest(key, msg, digest):
    """The HMAC of msg with key, in one call."""
    return HMAC(key, msg, digest).digest()
