# A script with an indentation error: nothing runs, SyntaxError report on stderr.
print("this never runs")
def f():
    x = 1
      y = 2
    return x + y
