# sys.argv with extra arguments (tests/py/mod_sys_argv.args).
import sys
print(sys.argv[1:], len(sys.argv))
args = sys.argv[1:]
nums = [int(a) for a in args if a.lstrip("-").isdigit()]
flags = [a for a in args if a.startswith("--")]
print(nums, sum(nums), flags)
if "--verbose" in args:
    print("verbose mode")
