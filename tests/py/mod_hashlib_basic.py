import hashlib, hmac
for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]:
    for data in [b"", b"abc", b"a" * 55, b"a" * 56, b"a" * 64, b"a" * 1000, bytes(range(256))]:
        h = hashlib.new(name, data)
        print(name, len(data), h.hexdigest(), h.digest_size, h.block_size, h.name)
h = hashlib.sha256(); h.update(b"hello "); h2 = h.copy(); h.update(b"world"); print(h.hexdigest(), h2.hexdigest(), hashlib.sha256(b"hello world").digest()[:4])
print(hashlib.md5(b"The quick brown fox jumps over the lazy dog").hexdigest(), hashlib.sha1(bytearray(b"x")).hexdigest())
print(sorted(hashlib.algorithms_guaranteed & {"md5", "sha1", "sha256", "sha512", "sha224", "sha384"}))
for bad in [lambda: hashlib.md5("str"), lambda: hashlib.new("nope"), lambda: hashlib.sha256(5)]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1000).hex(), hashlib.pbkdf2_hmac("sha1", b"pw", b"s", 2, 10).hex())
m = hmac.new(b"key", b"The quick brown fox jumps over the lazy dog", "sha256"); print(m.hexdigest(), m.name, m.digest_size, m.block_size)
m2 = hmac.new(b"k" * 100, digestmod=hashlib.md5); m2.update(b"msg"); print(m2.hexdigest(), m2.copy().hexdigest() == m2.hexdigest(), hmac.digest(b"k", b"m", "sha1").hex())
print(hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest("abc", "abd"), hmac.compare_digest(b"a", b"ab"))
try: hmac.new(b"k", b"m")
except TypeError as e: print(e)
