# An exception raised while a class body runs: the traceback shows the class frame.
class Settings:
    defaults = {"debug": False}
    print("building class")
    level = defaults["level"]
