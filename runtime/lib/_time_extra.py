"""The parts of the time module written in Python.

runtime/mod_time.c runs this source in the namespace of the time module
(every name here is a time.* name).  It adds struct_time, the named tuple
that gmtime(), localtime() and strptime-free code receive (CPython builds
it as a struct sequence in Modules/timemodule.c), over the C functions
_gmtime() and _localtime(), which return the nine fields plus the zone name
and UTC offset; and asctime().
"""


class struct_time(tuple):
    """The time value as returned by gmtime(), localtime() and strptime(), and
    accepted by asctime(), mktime() and strftime()."""
    n_fields = 11
    n_sequence_fields = 9
    n_unnamed_fields = 0
    _fields = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
               "tm_wday", "tm_yday", "tm_isdst")

    def __new__(cls, values, extra=(None, None)):
        values = tuple(values)
        if len(values) < 9 or len(values) > 11:
            raise TypeError("time.struct_time() takes an at least 9-sequence "
                            f"({len(values)}-sequence given)")
        self = tuple.__new__(cls, values[:9])
        object.__setattr__(self, "_extra", tuple(values[9:]) + tuple(extra)[len(values) - 9:])
        return self

    def __repr__(self):
        fields = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self))
        return f"time.struct_time({fields})"

    def __reduce__(self):
        return (struct_time, (tuple(self) + self._extra,))


for _index, _name in enumerate(struct_time._fields):
    setattr(struct_time, _name, property(lambda self, i=_index: tuple.__getitem__(self, i)))
struct_time.tm_zone = property(lambda self: self._extra[0])
struct_time.tm_gmtoff = property(lambda self: self._extra[1])
struct_time.__module__ = "time"
del _index, _name


def gmtime(seconds=None):
    """Convert seconds since the Epoch to a time tuple expressing UTC."""
    return struct_time(_gmtime(seconds))


def localtime(seconds=None):
    """Convert seconds since the Epoch to a time tuple expressing local time."""
    return struct_time(_localtime(seconds))


_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
           "Nov", "Dec")


def asctime(t=None):
    """Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'."""
    if t is None:
        t = localtime()
    year, month, day, hour, minute, second, weekday = tuple(t)[:7]
    return (f"{_DAYS[weekday]} {_MONTHS[month - 1]} {day:2d} "
            f"{hour:02d}:{minute:02d}:{second:02d} {year}")
