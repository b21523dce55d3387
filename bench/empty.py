"""empty: nothing at all; its run time is the interpreter's startup and
shutdown, its peak RSS the memory an idle interpreter needs."""
