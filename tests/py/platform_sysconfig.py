# platform and sysconfig: the forms CPython gives (values that depend on
# the machine or the interpreter are checked, not printed).
import os
import platform
import sys
import sysconfig

u = os.uname()
print(type(u).__name__, len(u), u.sysname == platform.system(), u.machine == platform.machine())
print(u[0] == u.sysname, repr(u).startswith("posix.uname_result(sysname="))
pu = platform.uname()
print(len(pu), tuple(pu)[:5] == tuple(u), pu.node == u.nodename, repr(pu).startswith("uname_result(system="))
print(platform.platform().startswith(u.sysname + "-" + u.release + "-" + u.machine))
print(platform.platform(terse=True) == platform.platform())
print(platform.architecture()[1], platform.architecture()[0] in ("64bit", "32bit"))
print(platform.python_version() == "%d.%d.%d" % sys.version_info[:3])
print(platform.python_version_tuple() == tuple(map(str, sys.version_info[:3])))
b = platform.python_build()
print(type(b).__name__, len(b), all(isinstance(x, str) for x in b))
print(isinstance(platform.python_compiler(), str), isinstance(platform.python_implementation(), str))
print(sysconfig.get_python_version() == "%d.%d" % sys.version_info[:2])
print(sysconfig.get_platform() == "linux-" + u.machine)
gil = sysconfig.get_config_var("Py_GIL_DISABLED")
print(gil in (None, 0, 1), sysconfig.get_config_var("no such name"))
print(sysconfig.get_config_vars("VERSION", "no such name")[1])
print(sorted(sysconfig.get_paths())[:4], sysconfig.get_default_scheme())
print(isinstance(sysconfig.get_config_vars(), dict), sysconfig.get_config_var("VERSION"))
print(os.confstr("CS_GNU_LIBC_VERSION").split()[0])
try:
    os.confstr("CS_NO_SUCH")
except ValueError as e:
    print("ValueError:", e)
