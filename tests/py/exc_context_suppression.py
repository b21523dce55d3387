# __context__ / __cause__ / __suppress_context__ as seen from code; traceback.format_exception of chains.
import traceback
def layer3():
    raise KeyError("low-level")
def layer2():
    try:
        layer3()
    except KeyError as e:
        raise ValueError("mid-level") from e
def layer1():
    try:
        layer2()
    except ValueError:
        raise RuntimeError("top-level")
try:
    layer1()
except RuntimeError as e:
    chain = []
    cur = e
    while cur:
        link = "cause" if cur.__cause__ is not None else "context" if cur.__context__ is not None else "root"
        chain.append((type(cur).__name__, str(cur), link, cur.__suppress_context__))
        cur = cur.__cause__ or cur.__context__
    print(chain)
    text = "".join(traceback.format_exception(type(e), e, e.__traceback__))
    print(text.count("Traceback (most recent call last)"), "direct cause" in text, "During handling" in text)
    print([line for line in text.splitlines() if line and not line.startswith(" ")])
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("clean") from None
except ValueError as e:
    text = "".join(traceback.format_exception(type(e), e, e.__traceback__))
    print(e.__suppress_context__, e.__cause__, type(e.__context__).__name__, text.count("Traceback"))
try:
    try:
        raise TypeError("first")
    except TypeError as inner:
        inner.__suppress_context__ = True
        raise
except TypeError as e:
    print(e.__suppress_context__, e.__context__)
e = RuntimeError("manual")
e.__context__ = KeyError("ctx")
print("".join(traceback.format_exception_only(type(e), e)).strip(), repr(e.__context__))
print(traceback.format_exc())
