"""dis: disassembler of minipy bytecode.

Models CPython's Lib/dis.py, for minipy's own instruction set: the opcodes
of vm/opcodes.def, one 32-bit word each (opcode in the low 8 bits, argument
in the high 24 bits), so an instruction's offset is its index and jumps
name the index of their target.  The listing has CPython's columns and is
the same text `minipy -d script.py` prints (vm/dis.c):

    line  -->  >>  offset  OPNAME  arg  (what the argument means)

The tables (opcode names, argument kinds, stack effects) come from the C
module _dis (runtime/mod_dis.c); everything else is here.
"""
import collections
import sys

import _dis

__all__ = ["code_info", "dis", "disassemble", "distb", "disco",
           "findlinestarts", "findlabels", "show_code", "get_instructions",
           "Instruction", "Bytecode", "stack_effect", "opname", "opmap",
           "hasconst", "hasname", "hasjrel", "hasjabs", "haslocal",
           "hascompare", "hasfree", "cmp_op", "HAVE_ARGUMENT", "EXTENDED_ARG"]

opname = list(_dis.opname)
_base = list(_dis.opbase)
# The specialised forms the eval loop rewrites instructions into
# (vm/specialize.c); co_code always holds the generic ones.
_specialized_instructions = [name for op, name in enumerate(opname) if _base[op] != op]
opmap = {name: op for op, name in enumerate(opname) if _base[op] == op}
opdoc = {name: doc for name, doc in zip(opname, _dis.opdoc)}
cmp_op = ("<", "<=", "==", "!=", ">", ">=")
_kind = list(_dis.argkind)
hasconst = [op for op, kind in enumerate(_kind) if kind == "const"]
hasname = [op for op, kind in enumerate(_kind) if kind == "name"]
haslocal = [op for op, kind in enumerate(_kind) if kind == "local"]
hasfree = [op for op, kind in enumerate(_kind) if kind == "deref"]
hascompare = [op for op, kind in enumerate(_kind) if kind == "cmp"]
hasjabs = [op for op, kind in enumerate(_kind) if kind == "jump"]  # all jumps are absolute
hasjrel = []
HAVE_ARGUMENT = 0       # every minipy instruction carries an argument word
EXTENDED_ARG = None     # 24-bit arguments: never needed
stack_effect = _dis.stack_effect

_MAKE_FUNCTION_FLAGS = ("defaults", "kwdefaults", "annotations", "closure")
_FORMAT_CONVERSIONS = ("", "str", "repr", "ascii")
_OPNAME_WIDTH = 20
_OPARG_WIDTH = 5

Positions = collections.namedtuple(
    "Positions", ["lineno", "end_lineno", "col_offset", "end_col_offset"],
    defaults=[None] * 4)

_Instruction = collections.namedtuple(
    "_Instruction",
    ["opname", "opcode", "arg", "argval", "argrepr", "offset", "starts_line",
     "is_jump_target", "positions"],
    defaults=[None])


class Instruction(_Instruction):
    """Details for one bytecode operation.

    opname          human readable name for the operation
    opcode          numeric code for the operation
    arg             numeric argument (None if the operation takes none)
    argval          resolved argument value: constant, name, jump target ...
    argrepr         human readable description of the argument
    offset          index of the instruction in the code
    starts_line     source line started by this instruction, or None
    is_jump_target  True if another instruction jumps here
    positions       Positions(lineno, end_lineno, col_offset, end_col_offset)
    """
    __slots__ = ()

    def _disassemble(self, lineno_width=3, mark_as_current=False, offset_width=4):
        fields = []
        if lineno_width:
            if self.starts_line is not None:
                fields.append(str(self.starts_line).rjust(lineno_width))
            else:
                fields.append(" " * lineno_width)
        fields.append("-->" if mark_as_current else "   ")
        fields.append(">>" if self.is_jump_target else "  ")
        fields.append(repr(self.offset).rjust(offset_width))
        fields.append(self.opname.ljust(_OPNAME_WIDTH))
        if self.arg is not None:
            fields.append(repr(self.arg).rjust(_OPARG_WIDTH))
            if self.argrepr:
                fields.append("(" + self.argrepr + ")")
        return " ".join(fields).rstrip()


def _get_code_object(x):
    """The code object behind a function, method, generator, class body
    source string ..., as CPython's dis._get_code_object."""
    if hasattr(x, "__func__"):
        x = x.__func__
    if hasattr(x, "__code__"):
        x = x.__code__
    elif hasattr(x, "gi_code"):
        x = x.gi_code
    if isinstance(x, str):
        x = compile(x, "<disassembly>", "exec")
    if hasattr(x, "co_code"):
        return x
    raise TypeError(f"don't know how to disassemble {type(x).__name__} objects")


def _decode(code):
    """[(offset, opcode, arg)] from co_code's little-endian words."""
    raw = code.co_code
    return [(i // 4, raw[i], raw[i + 1] | raw[i + 2] << 8 | raw[i + 3] << 16)
            for i in range(0, len(raw), 4)]


def _deref_name(code, arg):
    cells = code.co_cellvars + code.co_freevars
    return cells[arg] if arg < len(cells) else None


def _argval_argrepr(code, op, arg):
    """The resolved argument and its description (as vm/dis.c shows it)."""
    kind = _kind[op]
    name = opname[op]
    if kind == "const":
        if arg < len(code.co_consts):
            value = code.co_consts[arg]
            return value, repr(value)
        return arg, ""
    if kind == "name":
        index = arg >> 1 if name == "LOAD_GLOBAL" else arg
        if index >= len(code.co_names):
            return arg, ""
        value = code.co_names[index]
        if name == "LOAD_GLOBAL" and arg & 1:
            return value, "NULL + " + value
        return value, value
    if kind == "local":
        if arg < len(code.co_varnames):
            value = code.co_varnames[arg]
            return value, value
        return arg, ""
    if kind == "deref":
        value = _deref_name(code, arg)
        return (value, value) if value is not None else (arg, "")
    if kind == "jump":
        return arg, f"to {arg}"
    if kind == "binop":
        return arg, _dis.binop_symbols[arg] if arg < len(_dis.binop_symbols) else ""
    if kind == "cmp":
        return (cmp_op[arg], cmp_op[arg]) if arg < len(cmp_op) else (arg, "")
    if name == "MAKE_FUNCTION" and arg:
        return arg, ", ".join(flag for bit, flag in enumerate(_MAKE_FUNCTION_FLAGS)
                              if arg & (1 << bit))
    if name == "FORMAT_VALUE" and arg:
        conversion = _FORMAT_CONVERSIONS[arg & 3]
        spec = "with format" if arg & 4 else ""
        return arg, ", ".join(part for part in (conversion, spec) if part)
    return arg, ""


def findlabels(code):
    """The offsets that are jump targets, in order."""
    code = _get_code_object(code)
    return sorted({arg for _, op, arg in _decode(code) if _kind[op] == "jump"})


def findlinestarts(code):
    """Yield (offset, lineno) for each instruction that starts a source line."""
    last = None
    for offset, (lineno, *_) in enumerate(code.co_positions()):
        if lineno is not None and lineno != last:
            last = lineno
            yield offset, lineno


def _get_instructions(code, adaptive=False):
    labels = set(findlabels(code))
    starts = dict(findlinestarts(code))
    positions = list(code.co_positions())
    current = _dis.quickened(code) if adaptive else None
    for offset, op, arg in _decode(code):
        argval, argrepr = _argval_argrepr(code, op, arg)
        if _kind[op] == "none":
            arg = argval = None
        if current is not None:
            op = current[offset]  # the specialised form, with the generic argument
        yield Instruction(opname[op], op, arg, argval, argrepr, offset,
                          starts.get(offset), offset in labels,
                          Positions(*positions[offset]))


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    """Iterator of Instruction tuples for the code of `x` (function, method,
    class body, code object, source string ...).  With adaptive=True, the
    names are those of the specialised instructions the code runs now."""
    code = _get_code_object(x)
    instructions = _get_instructions(code, adaptive)
    if first_line is None:
        return instructions
    shift = first_line - code.co_firstlineno
    return (instr._replace(starts_line=None if instr.starts_line is None
                           else instr.starts_line + shift)
            for instr in instructions)


def _disassemble_bytes(instructions, lasti=-1, file=None):
    instructions = list(instructions)
    lines = [i.starts_line for i in instructions if i.starts_line is not None]
    maxline = max(lines, default=0)
    lineno_width = 3 if maxline < 1000 else len(str(maxline))
    maxoffset = len(instructions) - 1
    offset_width = len(str(maxoffset)) if maxoffset >= 10000 else 4
    for instr in instructions:
        if instr.starts_line is not None and instr.offset > 0:
            print(file=file)
        print(instr._disassemble(lineno_width, instr.offset == lasti, offset_width), file=file)


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False):
    """Disassemble one code object; mark instruction `lasti` with '-->'."""
    _disassemble_bytes(_get_instructions(co, adaptive), lasti, file)


disco = disassemble


def _disassemble_recursive(co, *, file=None, depth=None, adaptive=False):
    disassemble(co, file=file, adaptive=adaptive)
    if depth is None or depth > 0:
        if depth is not None:
            depth -= 1
        for x in co.co_consts:
            if hasattr(x, "co_code"):
                print(file=file)
                print(f"Disassembly of {x!r}:", file=file)
                _disassemble_recursive(x, file=file, depth=depth, adaptive=adaptive)


def _have_code(x):
    return (isinstance(x, (type, classmethod, staticmethod)) or hasattr(x, "__code__")
            or hasattr(x, "co_code") or hasattr(x, "__func__"))


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Disassemble a function, method, class, module, code object, source
    string or generator; with no argument, the last traceback."""
    if x is None:
        distb(file=file)
        return
    if hasattr(x, "__func__"):
        x = x.__func__
    if hasattr(x, "__code__"):
        x = x.__code__
    elif hasattr(x, "gi_code"):
        x = x.gi_code
    if hasattr(x, "__dict__") and not hasattr(x, "co_code"):
        for name, x1 in sorted(x.__dict__.items()):
            if _have_code(x1):
                print(f"Disassembly of {name}:", file=file)
                try:
                    dis(x1, file=file, depth=depth, adaptive=adaptive)
                except TypeError as msg:
                    print("Sorry:", msg, file=file)
                print(file=file)
    elif hasattr(x, "co_code"):
        _disassemble_recursive(x, file=file, depth=depth, adaptive=adaptive)
    elif isinstance(x, str):
        _disassemble_recursive(compile(x, "<dis>", "exec"), file=file, depth=depth,
                               adaptive=adaptive)
    else:
        raise TypeError(f"don't know how to disassemble {type(x).__name__} objects")


def distb(tb=None, *, file=None, show_caches=False, adaptive=False):
    """Disassemble the code of a traceback's last frame, marking where the
    exception happened."""
    if tb is None:
        try:
            tb = sys.last_traceback
        except AttributeError:
            raise RuntimeError("no last traceback to disassemble") from None
    while tb.tb_next:
        tb = tb.tb_next
    code = getattr(tb, "tb_code", None)
    if code is None:
        code = tb.tb_frame.f_code
    disassemble(code, tb.tb_lasti // 2, file=file, adaptive=adaptive)


_FLAG_NAMES = {1: "OPTIMIZED", 2: "NEWLOCALS", 4: "VARARGS", 8: "VARKEYWORDS",
               16: "NESTED", 32: "GENERATOR", 64: "NOFREE", 128: "COROUTINE",
               256: "ITERABLE_COROUTINE", 512: "ASYNC_GENERATOR"}


def pretty_flags(flags):
    """Return pretty representation of code flags."""
    names = []
    for i in range(32):
        flag = 1 << i
        if flags & flag:
            names.append(_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ", ".join(names)


def code_info(x):
    """Formatted details of the code object behind `x`."""
    co = _get_code_object(x)
    lines = [f"Name:              {co.co_name}",
             f"Filename:          {co.co_filename}",
             f"Argument count:    {co.co_argcount}",
             f"Positional-only arguments: {co.co_posonlyargcount}",
             f"Kw-only arguments: {co.co_kwonlyargcount}",
             f"Number of locals:  {co.co_nlocals}",
             f"Stack size:        {co.co_stacksize}",
             f"Flags:             {pretty_flags(co.co_flags)}"]
    for title, items in (("Constants", [repr(c) for c in co.co_consts]),
                         ("Names", co.co_names), ("Variable names", co.co_varnames),
                         ("Free variables", co.co_freevars), ("Cell variables", co.co_cellvars)):
        if items:
            lines.append(f"{title}:")
            lines.extend(f"{i:4}: {item}" for i, item in enumerate(items))
    return "\n".join(lines)


def show_code(co, *, file=None):
    """Print details of a code object (function, method, source ...)."""
    print(code_info(co), file=file)


class Bytecode:
    """The bytecode of a function, method, string or code object, iterable
    as Instruction tuples; dis() returns the listing as a string."""

    def __init__(self, x, *, first_line=None, current_offset=None,
                 show_caches=False, adaptive=False):
        self.codeobj = co = _get_code_object(x)
        self.first_line = co.co_firstlineno if first_line is None else first_line
        self._line_offset = self.first_line - co.co_firstlineno
        self._original_object = x
        self.current_offset = current_offset
        self.adaptive = adaptive

    def __iter__(self):
        return get_instructions(self.codeobj, first_line=self.first_line,
                                adaptive=self.adaptive)

    def __repr__(self):
        return f"{self.__class__.__name__}({self._original_object!r})"

    @classmethod
    def from_traceback(cls, tb, *, show_caches=False, adaptive=False):
        while tb.tb_next:
            tb = tb.tb_next
        code = getattr(tb, "tb_code", None) or tb.tb_frame.f_code
        return cls(code, current_offset=tb.tb_lasti // 2, adaptive=adaptive)

    def info(self):
        return code_info(self.codeobj)

    def dis(self):
        import io
        output = io.StringIO()
        offset = -1 if self.current_offset is None else self.current_offset
        _disassemble_bytes(iter(self), offset, output)
        return output.getvalue()


def _test():
    """Disassemble a file named on the command line (minipy -m dis FILE)."""
    name = sys.argv[1] if len(sys.argv) > 1 else "-"
    if name == "-":
        source = sys.stdin.read()
    else:
        with open(name) as source_file:
            source = source_file.read()
    dis(compile(source, name, "exec"))


if __name__ == "__main__":
    _test()
