"""Secure hashes and message digests: hashlib.md5(b'data').hexdigest().

minipy's hashlib (CPython: Lib/hashlib.py).  The algorithms are the C
modules _md5, _sha1, _sha256 (sha224, sha256) and _sha512 (sha384,
sha512); there is no OpenSSL, so sha3, blake2 and shake are missing.
Each constructor takes optional initial data; objects have update(),
digest(), hexdigest(), copy(), name, digest_size and block_size.
"""

import _md5
import _sha1
import _sha256
import _sha512

__all__ = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
           'new', 'algorithms_guaranteed', 'algorithms_available',
           'pbkdf2_hmac', 'file_digest')

md5 = _md5.md5
sha1 = _sha1.sha1
sha224 = _sha256.sha224
sha256 = _sha256.sha256
sha384 = _sha512.sha384
sha512 = _sha512.sha512

_constructors = {
    'md5': md5, 'sha1': sha1, 'sha224': sha224, 'sha256': sha256,
    'sha384': sha384, 'sha512': sha512,
}

algorithms_guaranteed = frozenset(_constructors)
algorithms_available = set(_constructors)


def new(name, data=b'', **kwargs):
    """new(name, data=b'') - Return a new hashing object using the named
    algorithm; optionally initialized with data (which must be a
    bytes-like object)."""
    try:
        constructor = _constructors[name.lower()]
    except (KeyError, AttributeError):
        raise ValueError('unsupported hash type ' + str(name)) from None
    return constructor(data, **kwargs)


def pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None):
    """Password based key derivation function 2 (PKCS #5 v2.0) with HMAC
    as pseudorandom function."""
    if not isinstance(hash_name, str):
        raise TypeError(hash_name)
    if not isinstance(password, (bytes, bytearray)):
        password = bytes(memoryview(password))
    if not isinstance(salt, (bytes, bytearray)):
        salt = bytes(memoryview(salt))
    inner = new(hash_name)
    outer = new(hash_name)
    blocksize = getattr(inner, 'block_size', 64)
    if len(password) > blocksize:
        password = new(hash_name, password).digest()
    password = password + b'\x00' * (blocksize - len(password))
    inner.update(bytes(x ^ 0x36 for x in password))
    outer.update(bytes(x ^ 0x5C for x in password))

    def prf(msg, inner=inner, outer=outer):
        icpy = inner.copy()
        ocpy = outer.copy()
        icpy.update(msg)
        ocpy.update(icpy.digest())
        return ocpy.digest()

    if iterations < 1:
        raise ValueError(iterations)
    if dklen is None:
        dklen = outer.digest_size
    if dklen < 1:
        raise ValueError(dklen)
    dkey = b''
    loop = 1
    while len(dkey) < dklen:
        prev = prf(salt + loop.to_bytes(4, 'big'))
        rkey = int.from_bytes(prev, 'big')
        for i in range(iterations - 1):
            prev = prf(prev)
            rkey ^= int.from_bytes(prev, 'big')
        loop += 1
        dkey += rkey.to_bytes(inner.digest_size, 'big')
    return dkey[:dklen]


def file_digest(fileobj, digest, /, *, _bufsize=2**18):
    """The hash object of the whole binary file fileobj (digest: a name
    or a constructor)."""
    if isinstance(digest, str):
        digestobj = new(digest)
    else:
        digestobj = digest()
    while True:
        data = fileobj.read(_bufsize)
        if not data:
            break
        digestobj.update(data)
    return digestobj
