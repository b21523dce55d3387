settings = {"user": "ann"}
def describe():
    return f"[{__name__}]"
