"""secrets: random numbers for secrets (tokens, keys), from os.urandom."""
import base64
import os

__all__ = ["choice", "randbelow", "randbits", "token_bytes", "token_hex",
           "token_urlsafe", "compare_digest", "DEFAULT_ENTROPY"]

DEFAULT_ENTROPY = 32  # bytes


def randbits(k):
    """A non-negative int with k random bits."""
    if k < 0:
        raise ValueError("number of bits must be non-negative")
    numbytes = (k + 7) // 8
    return int.from_bytes(os.urandom(numbytes), "big") >> (numbytes * 8 - k)


def randbelow(exclusive_upper_bound):
    """A random int in [0, n)."""
    if exclusive_upper_bound <= 0:
        raise ValueError("Upper bound must be positive.")
    k = exclusive_upper_bound.bit_length()
    r = randbits(k)
    while r >= exclusive_upper_bound:
        r = randbits(k)
    return r


def choice(seq):
    if not seq:
        raise IndexError("Cannot choose from an empty sequence")
    return seq[randbelow(len(seq))]


def token_bytes(nbytes=None):
    return os.urandom(DEFAULT_ENTROPY if nbytes is None else nbytes)


def token_hex(nbytes=None):
    return token_bytes(nbytes).hex()


def token_urlsafe(nbytes=None):
    return base64.urlsafe_b64encode(token_bytes(nbytes)).rstrip(b"=").decode("ascii")


def compare_digest(a, b):
    """a == b in time that depends only on the length (str of ASCII, or
    bytes-like)."""
    if isinstance(a, str) and isinstance(b, str):
        try:
            a, b = a.encode("ascii"), b.encode("ascii")
        except UnicodeEncodeError:
            raise TypeError("comparing strings with non-ASCII characters is not supported")
    elif isinstance(a, str) or isinstance(b, str):
        raise TypeError("unsupported operand types(s) or combination of types: '%s' and '%s'"
                        % (type(a).__name__, type(b).__name__))
    a, b = bytes(a), bytes(b)
    result = len(a) ^ len(b)
    for x, y in zip(a, b if len(a) == len(b) else a):
        result |= x ^ y
    return result == 0
