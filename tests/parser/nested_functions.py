def a():
    def b():
        def c():
            def d():
                return 1
            return d
        return c
    return b
class Outer:
    class Inner:
        class Deepest:
            def m(self):
                class Local:
                    pass
                return Local
