# if __name__ == "__main__", module dunders, sys.argv[0].
import sys
import os
print(__name__, __file__.endswith("import_main_guard.py"), os.path.basename(sys.argv[0]))
print(__doc__, __package__, __spec__)
print(type(__builtins__).__name__ in ("module", "dict"))
print(sys.modules["__main__"] is sys.modules[__name__])
import __main__
print(__main__.__name__, hasattr(__main__, "sys"))

def main():
    print("main() called")

if __name__ == "__main__":
    main()
