# An uncaught UnicodeDecodeError from bytes.decode.
raw = "café".encode("utf-8")
print(raw, raw.decode("utf-8"))
print(raw.decode("ascii"))
