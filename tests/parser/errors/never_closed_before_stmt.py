foo(1,
x = 2
y=3
