# argument-count errors of one-argument (METH_O) and no-argument methods
# of the container types (the message comes from the type system)
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: [].append())
t(lambda: [].append(1, 2))
t(lambda: [].count())
t(lambda: [].copy(1))
t(lambda: set().add())
t(lambda: {1}.symmetric_difference())
t(lambda: range(3).index())
t(lambda: slice(1).indices())
t(lambda: {}.keys(1))
t(lambda: {}.popitem(1))
