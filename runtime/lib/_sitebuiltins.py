"""_sitebuiltins: the helper objects the interactive prompt adds to builtins.

Models CPython's Lib/_sitebuiltins.py (installed by Lib/site.py): typing
`exit`, `copyright`, `credits`, `license` or `help` at the prompt shows a
message instead of a function's repr, and help(obj) prints the object's
documentation.  minipy's help() is a small stand-in for pydoc: the
signature and docstring of a function, the methods of a class, the
functions and classes of a module, printed directly (no pager, no
interactive help browser).  runtime/repl.c calls install() when the prompt
starts.
"""
import sys


class Quitter:
    """exit / quit: repr explains how to leave; calling leaves."""

    def __init__(self, name, eof):
        self.name = name
        self.eof = eof

    def __repr__(self):
        return f"Use {self.name}() or {self.eof} to exit"

    def __call__(self, code=None):
        try:
            sys.stdin.close()
        except Exception:
            pass
        raise SystemExit(code)


class _Printer:
    """copyright / credits / license: repr is the text."""

    def __init__(self, name, text):
        self._name = name
        self._text = text

    def __repr__(self):
        return self._text

    def __call__(self):
        print(self._text)


class _LicensePrinter(_Printer):
    def __repr__(self):
        return f"Type {self._name}() to see the full license text"


def _signature(func):
    """'(a, b=2, *args, c, **kw)' from a Python function's code object."""
    code = getattr(func, "__code__", None)
    if code is None:
        return "(...)"
    names = code.co_varnames
    npos = code.co_argcount
    nkw = code.co_kwonlyargcount
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    parts = []
    first_default = npos - len(defaults)
    for i in range(npos):
        part = names[i]
        if i >= first_default:
            part += "=" + repr(defaults[i - first_default])
        parts.append(part)
        if code.co_posonlyargcount and i == code.co_posonlyargcount - 1:
            parts.append("/")
    index = npos + nkw
    if code.co_flags & 0x04:
        parts.append("*" + names[index])
        index += 1
    elif nkw:
        parts.append("*")
    for name in names[npos:npos + nkw]:
        parts.append(name + ("=" + repr(kwdefaults[name]) if name in kwdefaults else ""))
    if code.co_flags & 0x08:
        parts.append("**" + names[index])
    return "(" + ", ".join(parts) + ")"


def _indent(text, prefix):
    return "\n".join((prefix + line).rstrip() for line in text.splitlines())


def _describe_routine(name, obj, prefix):
    doc = getattr(obj, "__doc__", None)
    head = prefix + name + _signature(obj)
    return head + ("\n" + _indent(doc.strip(), prefix + "    ") if doc else "")


def _describe_class(cls):
    bases = ", ".join(b.__name__ for b in cls.__bases__)
    lines = [f"class {cls.__name__}({bases})"]
    if cls.__doc__:
        lines.append(_indent(cls.__doc__.strip(), " |  "))
        lines.append(" |  ")
    methods = [(n, v) for n, v in sorted(vars(cls).items())
               if callable(v) and not (n.startswith("__") and n != "__init__")]
    if methods:
        lines.append(" |  Methods defined here:")
        lines.append(" |  ")
        for name, method in methods:
            lines.append(_describe_routine(name, method, " |  "))
            lines.append(" |  ")
    return "\n".join(lines)


def _render(obj):
    module = getattr(obj, "__module__", None)
    where = f" in module {module}" if module else ""
    if isinstance(obj, type):
        return f"Help on class {obj.__name__}{where}:\n\n{_describe_class(obj)}\n"
    if type(obj).__name__ == "module":
        lines = [f"Help on module {obj.__name__}:", "", "NAME", "    " + obj.__name__]
        if obj.__doc__:
            lines += ["", "DESCRIPTION", _indent(obj.__doc__.strip(), "    ")]
        public = [(n, v) for n, v in sorted(vars(obj).items()) if not n.startswith("_")]
        classes = [v for n, v in public if isinstance(v, type)]
        functions = [(n, v) for n, v in public if callable(v) and not isinstance(v, type)]
        if classes:
            lines += ["", "CLASSES"] + ["    " + c.__name__ for c in classes]
        if functions:
            lines += ["", "FUNCTIONS"]
            for name, func in functions:
                lines.append(_describe_routine(name, func, "    "))
                lines.append("")
        return "\n".join(lines) + "\n"
    if callable(obj) and hasattr(obj, "__name__"):
        kind = "function" if hasattr(obj, "__code__") else "built-in function"
        if hasattr(obj, "__self__") and obj.__self__ is not None and type(obj.__self__).__name__ != "module":
            kind = "method" if hasattr(obj, "__func__") else "built-in method"
        return f"Help on {kind} {obj.__name__}{where}:\n\n{_describe_routine(obj.__name__, obj, '')}\n"
    return _render(type(obj))


class _Helper:
    """help: repr explains itself; help(obj) prints obj's documentation."""

    def __repr__(self):
        return ("Type help() for interactive help, "
                "or help(object) for help about object.")

    def __call__(self, *args, **kwargs):
        if not args:
            print("minipy has no interactive help utility: use help(object), "
                  "for example help(str) or help(print).")
            return
        request = args[0]
        if isinstance(request, str):
            import builtins
            found = getattr(builtins, request, None)
            if found is None:
                found = sys.modules.get(request)
            if found is None:
                print(f"No Python documentation found for {request!r}.")
                return
            request = found
        print(_render(request))


def install():
    """Add exit, quit, copyright, credits, license and help to builtins."""
    import builtins
    builtins.exit = Quitter("exit", "Ctrl-D (i.e. EOF)")
    builtins.quit = Quitter("quit", "Ctrl-D (i.e. EOF)")
    builtins.copyright = _Printer("copyright", sys.copyright)
    builtins.credits = _Printer(
        "credits",
        "    minipy is a teaching interpreter that follows CPython 3.11.\n"
        "    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands\n"
        "    for supporting Python development.  See www.python.org for more information.")
    builtins.license = _LicensePrinter(
        "license", "minipy is distributed under the MIT license.")
    builtins.help = _Helper()
