print("before")
s = "abc
print(s)
