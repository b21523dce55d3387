d = {}
try:
    d["k"]
except KeyError as e:
    raise ValueError("bad") from e
