import os
import sys


def answer():
    return 42


print("tool:", __name__, __package__, os.path.basename(sys.argv[0]), sys.argv[1:])
if __name__ == "__main__":
    print("tool run as a script")
    raise SystemExit(3)
