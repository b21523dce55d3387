"""Module docstring."""
def f():
    """Function docstring.

    With several lines.
    """
class C:
    '''Class docstring.'''
    def m(self):
        r"""Raw docstring \d."""
