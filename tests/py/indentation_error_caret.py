# The default exception display draws a single caret under an
# IndentationError (a SyntaxError keeps its start..end span); the traceback
# module draws the whole span for both.
import sys
import traceback

sources = ['def f():\nreturn 1', 'for i in x:\nprint(i)', 'x = 1 +* 2', 'if x:\n  a\n    b']
for source in sources:
    try:
        compile(source, 'case.py', 'exec')
    except SyntaxError as e:
        sys.stdout.flush()
        sys.excepthook(type(e), e, None)
        sys.stderr.flush()
        print(''.join(traceback.format_exception_only(type(e), e)), end='')
