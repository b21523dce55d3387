# raise ... from None hides the context in the uncaught traceback.
settings = {"port": "80"}
def get(key):
    try:
        return settings[key]
    except KeyError:
        raise LookupError(f"missing setting {key!r}") from None
print(get("port"))
get("host")
