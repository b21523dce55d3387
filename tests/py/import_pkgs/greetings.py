"""A plain module: top-level code runs once, at first import."""
print("greetings module executing, __name__ =", __name__)
DEFAULT = "Hello"
_private = "hidden"
__all__ = ["greet", "DEFAULT"]
calls = 0

def greet(name, greeting=DEFAULT):
    global calls
    calls += 1
    return f"{greeting}, {name}!"

def helper():
    return "not exported by *"

if __name__ == "__main__":
    print("never when imported")
