# leading comment

# another
x = 1  # trailing comment


def f():
    # comment in body

    y = 2
        # oddly indented comment
    return y
# comment at end without newline
if x:
    pass
    # comment after block
z = 3

