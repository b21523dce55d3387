# `python -m module`: the module runs as __main__ (its `if __name__ ==
# "__main__":` block runs), with __package__ set so relative imports work;
# a package runs its __main__ submodule; the errors runpy reports.
import os
import sys

err_file = "/tmp/minipy_run_module_%d.err" % os.getpid()


def run(args):
    sys.stdout.flush()
    status = os.system("%s %s 2>%s" % (sys.executable, args, err_file))
    with open(err_file) as f:
        for line in f:
            # "<path of the interpreter>: No module named x"
            print("stderr:", line.split(": ", 1)[1] if line.startswith("/") else line, end="")
    print("exit status", status >> 8)


run("-m run_m_pkgs.tool one two")
run("-m run_m_pkgs x")
run("-m run_m_pkgs.missing")
run("-m no_such_package_xyz.sub")
run("-m sys")
os.remove(err_file)
