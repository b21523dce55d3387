x = 1 + \
    2
if a and \
   b:
    pass
y = [1,
     2,
  3]
z = (1 +
2)
d = {
'a': 1,
        'b': 2
}
s = "abc" \
    "def"
def f(a,
      b):
    return a + \
        b
assert x, \
    "msg"
with open("a") as f, \
     open("b") as g:
    pass
t = 1 if x \
    else 2
