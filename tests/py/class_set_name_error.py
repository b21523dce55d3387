# An exception raised by __set_name__ while a class is created comes out
# (in 3.11) as a RuntimeError whose __cause__ is the original error.
class Boom:
    def __set_name__(self, owner, name):
        raise ValueError('no ' + name)

try:
    class Host:
        first = 1
        field = Boom()
except RuntimeError as e:
    print(type(e).__name__, e)
    print(repr(e.__cause__), e.__cause__ is e.__context__, e.__suppress_context__)

class Fine:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)

class Host2:
    a = Fine()
    b = Fine()
