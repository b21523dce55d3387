try:
    pass
except:
    pass
try:
    x()
except ValueError:
    pass
except (TypeError, KeyError) as e:
    print(e)
except Exception as e:
    raise
else:
    ok()
finally:
    cleanup()
try:
    pass
finally:
    pass
try:
    a()
except* ValueError as eg:
    pass
except* (TypeError, OSError):
    pass
raise
raise ValueError
raise ValueError("msg")
raise ValueError("msg") from None
raise RuntimeError() from exc
assert x
assert x, "message"
assert isinstance(x, int), f"bad {x!r}"
try:
    try:
        pass
    except A:
        pass
except B:
    pass
