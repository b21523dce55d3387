"""_sysinfo: the named-tuple records of the sys module.

CPython builds sys.version_info, sys.float_info, sys.int_info,
sys.hash_info, sys.flags and sys.thread_info as "struct sequences"
(Objects/structseq.c): tuples whose items also have names, with a repr like
sys.version_info(major=3, minor=11, ...).  minipy builds them here, in
Python, the first time a program asks for one: runtime/mod_sys.c's
module-level __getattr__ imports this module and caches the value in sys.
"""
import sys
import _minipy


def _struct_sequence(type_name, fields, hidden=None):
    """A tuple subclass named `type_name` whose items are `fields`; `hidden`
    maps names of extra attributes, not items (sys.flags.gil), to values."""
    module, _, name = type_name.rpartition(".")

    def __new__(cls, *args, **kwargs):
        raise TypeError(f"cannot create '{type_name}' instances")

    def __repr__(self):
        items = ", ".join(f"{field}={value!r}" for field, value in zip(fields, self))
        return f"{type_name}({items})"

    def __reduce__(self):
        return (type(self), (tuple(self),))

    namespace = {
        "__slots__": (),
        "__new__": __new__,
        "__repr__": __repr__,
        "__reduce__": __reduce__,
        "__module__": module,
        "n_fields": len(fields),
        "n_sequence_fields": len(fields),
        "n_unnamed_fields": 0,
    }
    for index, field in enumerate(fields):
        namespace[field] = property(lambda self, i=index: tuple.__getitem__(self, i))
    for field, value in (hidden or {}).items():
        namespace[field] = property(lambda self, v=value: v)
    cls = type(name, (tuple,), namespace)
    return lambda values: tuple.__new__(cls, values)


version_info = _struct_sequence(
    "sys.version_info", ("major", "minor", "micro", "releaselevel", "serial"))(
    (sys.hexversion >> 24, (sys.hexversion >> 16) & 0xFF, (sys.hexversion >> 8) & 0xFF,
     "final", 0))

float_info = _struct_sequence(
    "sys.float_info",
    ("max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig",
     "mant_dig", "epsilon", "radix", "rounds"))(
    (1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307,
     15, 53, 2.220446049250313e-16, 2, 1))

int_info = _struct_sequence(
    "sys.int_info",
    ("bits_per_digit", "sizeof_digit", "default_max_str_digits",
     "str_digits_check_threshold"))((30, 4, 4300, 640))

hash_info = _struct_sequence(
    "sys.hash_info",
    ("width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits",
     "seed_bits", "cutoff"))(
    (64, 2305843009213693951, 314159, 0, 1000003, "siphash13", 64, 128, 0))

# minipy's str hashes are not randomized (README): hash_randomization=0.
flags = _struct_sequence(
    "sys.flags",
    ("debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
     "no_user_site", "no_site", "ignore_environment", "verbose",
     "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode",
     "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits"),
    {"gil": _minipy.gil_flag()})(
    (0, 0, 0, 0, int(bool(getattr(sys, "dont_write_bytecode", False))), 0, 0,
     0, 0, 0, 0, 0, 0, False, 0, 0, False, -1))

thread_info = _struct_sequence(
    "sys.thread_info", ("name", "lock", "version"))(("pthread", "mutex+cond", None))
