try:
    import json
except ImportError:
    json = None
else:
    pass
if json is not None and hasattr(json, "dumps"):
    from json import dumps as to_json, loads
