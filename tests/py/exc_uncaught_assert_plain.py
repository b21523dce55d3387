# A bare assert failing at top level.
data = [3, 1, 2]
assert sorted(data) == [1, 2, 3]
print("first assert passed")
assert len(data) == 4
