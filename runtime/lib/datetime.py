"""Concrete date/time and related types.

minipy's datetime (CPython: Lib/datetime.py and Modules/_datetimemodule.c),
written from scratch:

    timedelta   a duration: (days, seconds, microseconds), normalized so
                that 0 <= seconds < 86400 and 0 <= microseconds < 10**6
    date        a proleptic Gregorian date; arithmetic goes through
                "ordinals" (day 1 is 0001-01-01)
    time        a time of day, optionally with a tzinfo
    datetime    date + time
    tzinfo, timezone   time zone offsets from UTC

Formatting (strftime) and parsing (strptime) are implemented here for the
C locale, without the platform's strftime.
"""

import time as _time
import math as _math
import sys

__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo",
           "MINYEAR", "MAXYEAR", "UTC")

MINYEAR = 1
MAXYEAR = 9999
_MAXORDINAL = 3652059   # date.max.toordinal()

# Days before each month in a non-leap year (index 1..12).
_DAYS_IN_MONTH = [-1, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAYS_BEFORE_MONTH = [-1]
_dbm = 0
for _dim in _DAYS_IN_MONTH[1:]:
    _DAYS_BEFORE_MONTH.append(_dbm)
    _dbm += _dim
del _dbm, _dim

_MONTHNAMES = [None, "Jan", "Feb", "Mar", "Apr", "May", "Jun",
               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_FULL_MONTHNAMES = [None, "January", "February", "March", "April", "May", "June",
                    "July", "August", "September", "October", "November", "December"]
_DAYNAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_FULL_DAYNAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                  "Saturday", "Sunday"]


def _cmp(x, y):
    return 0 if x == y else 1 if x > y else -1


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_month(year, month):
    return _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year))


def _ymd2ord(year, month, day):
    return _days_before_year(year) + _days_before_month(year, month) + day


# Cycle lengths of the Gregorian calendar, in days.
_DI400Y = _days_before_year(401)    # 146097
_DI100Y = _days_before_year(101)    # 36524
_DI4Y = _days_before_year(5)        # 1461


def _ord2ymd(n):
    'The (year, month, day) of ordinal n (1 is 0001-01-01).'
    n -= 1
    n400, n = divmod(n, _DI400Y)
    year = n400 * 400 + 1
    n100, n = divmod(n, _DI100Y)
    n4, n = divmod(n, _DI4Y)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        # The last day of a 4-year or 400-year cycle: December 31.
        return year - 1, 12, 31
    leapyear = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    preceding = _DAYS_BEFORE_MONTH[month] + (month > 2 and leapyear)
    if preceding > n:
        month -= 1
        preceding -= _DAYS_IN_MONTH[month] + (month == 2 and leapyear)
    n -= preceding
    return year, month, n + 1


def _check_int_field(value):
    if isinstance(value, int):
        return value
    try:
        return value.__index__()
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__) from None


def _check_date_fields(year, month, day):
    year = _check_int_field(year)
    month = _check_int_field(month)
    day = _check_int_field(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError('year %d is out of range' % year)
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    dim = _days_in_month(year, month)
    if not 1 <= day <= dim:
        raise ValueError('day is out of range for month')
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour = _check_int_field(hour)
    minute = _check_int_field(minute)
    second = _check_int_field(second)
    microsecond = _check_int_field(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= minute <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= second <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= microsecond <= 999999:
        raise ValueError('microsecond must be in 0..999999')
    if fold not in (0, 1):
        raise ValueError('fold must be either 0 or 1')
    return hour, minute, second, microsecond, fold


def _check_tzinfo_arg(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, "
                        "not type '%s'" % type(tz).__name__)


def _check_utc_offset(name, offset):
    if offset is None:
        return
    if not isinstance(offset, timedelta):
        raise TypeError("tzinfo.%s() must return None "
                        "or timedelta, not '%s'" % (name, type(offset).__name__))
    if not -timedelta(1) < offset < timedelta(1):
        raise ValueError("offset must be a timedelta strictly between "
                         "-timedelta(hours=24) and timedelta(hours=24).")


def _format_offset(off, sep=':'):
    # '+01:00', '-05:30', '+00:00:30.000001' for a timedelta offset.
    if off is None:
        return ''
    if off.days < 0:
        sign = "-"
        off = -off
    else:
        sign = "+"
    hh, mm = divmod(off, timedelta(hours=1))
    mm, ss = divmod(mm, timedelta(minutes=1))
    s = "%s%02d%s%02d" % (sign, hh, sep, mm)
    if ss or ss.microseconds:
        s += "%s%02d" % (sep, ss.seconds)
        if ss.microseconds:
            s += '.%06d' % ss.microseconds
    return s


def _format_time(hh, mm, ss, us, timespec='auto'):
    specs = {
        'hours': '{:02d}',
        'minutes': '{:02d}:{:02d}',
        'seconds': '{:02d}:{:02d}:{:02d}',
        'milliseconds': '{:02d}:{:02d}:{:02d}.{:03d}',
        'microseconds': '{:02d}:{:02d}:{:02d}.{:06d}'
    }
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    elif timespec == 'milliseconds':
        us //= 1000
    try:
        fmt = specs[timespec]
    except KeyError:
        raise ValueError('Unknown timespec value')
    else:
        return fmt.format(hh, mm, ss, us)


# ---------------------------------------------------------------------------
# strftime / strptime for the C locale

def _week_number(yday, wday, first_weekday):
    # %U (first_weekday 6 = Sunday) and %W (0 = Monday) week numbers.
    return (yday + 7 - ((wday - first_weekday) % 7)) // 7


def _strftime(fmt, obj, timetuple):
    'strftime for date/time/datetime objects (C locale).'
    if not isinstance(fmt, str):
        raise TypeError("strftime() argument 1 must be str, not %s" % type(fmt).__name__)
    year, month, day, hour, minute, second, wday, yday = timetuple[:8]
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        if ch != '%' or i + 1 == n:
            out.append(ch)
            i += 1
            continue
        d = fmt[i + 1]
        i += 2
        if d == 'a':
            out.append(_DAYNAMES[wday])
        elif d == 'A':
            out.append(_FULL_DAYNAMES[wday])
        elif d == 'w':
            out.append(str((wday + 1) % 7))
        elif d == 'u':
            out.append(str(wday + 1))
        elif d == 'd':
            out.append('%02d' % day)
        elif d == 'e':
            out.append('%2d' % day)
        elif d in 'bh':
            out.append(_MONTHNAMES[month])
        elif d == 'B':
            out.append(_FULL_MONTHNAMES[month])
        elif d == 'm':
            out.append('%02d' % month)
        elif d == 'y':
            out.append('%02d' % (year % 100))
        elif d == 'Y':
            out.append(str(year))
        elif d == 'C':
            out.append('%02d' % (year // 100))
        elif d == 'H':
            out.append('%02d' % hour)
        elif d == 'I':
            out.append('%02d' % (hour % 12 or 12))
        elif d == 'p':
            out.append('AM' if hour < 12 else 'PM')
        elif d == 'M':
            out.append('%02d' % minute)
        elif d == 'S':
            out.append('%02d' % second)
        elif d == 'f':
            out.append('%06d' % getattr(obj, 'microsecond', 0))
        elif d == 'z':
            off = obj.utcoffset() if hasattr(obj, 'utcoffset') else None
            out.append(_format_offset(off, '') if off is not None else '')
        elif d == 'Z':
            name = obj.tzname() if hasattr(obj, 'tzname') else None
            out.append(name.replace('%', '%%').replace('%%', '%') if name else '')
        elif d == 'j':
            out.append('%03d' % yday)
        elif d == 'U':
            out.append('%02d' % _week_number(yday - 1, (wday + 1) % 7, 0))
        elif d == 'W':
            out.append('%02d' % _week_number(yday - 1, wday, 0))
        elif d in 'GVg':
            iso_year, iso_week, _ = _isocalendar(year, month, day)
            if d == 'G':
                out.append(str(iso_year))
            elif d == 'g':
                out.append('%02d' % (iso_year % 100))
            else:
                out.append('%02d' % iso_week)
        elif d == 'c':
            out.append('%s %s %2d %02d:%02d:%02d %d' % (
                _DAYNAMES[wday], _MONTHNAMES[month], day, hour, minute, second, year))
        elif d in 'xD':
            out.append('%02d/%02d/%02d' % (month, day, year % 100))
        elif d in 'XT':
            out.append('%02d:%02d:%02d' % (hour, minute, second))
        elif d == 'R':
            out.append('%02d:%02d' % (hour, minute))
        elif d == 'r':
            out.append('%02d:%02d:%02d %s' % (hour % 12 or 12, minute, second,
                                              'AM' if hour < 12 else 'PM'))
        elif d == 'F':
            out.append('%d-%02d-%02d' % (year, month, day))
        elif d == 'n':
            out.append('\n')
        elif d == 't':
            out.append('\t')
        elif d == '%':
            out.append('%')
        else:
            out.append('%' + d)
    return ''.join(out)


def _isocalendar(year, month, day):
    week1monday = _isoweek1monday(year)
    today = _ymd2ord(year, month, day)
    week, day = divmod(today - week1monday, 7)
    if week < 0:
        year -= 1
        week1monday = _isoweek1monday(year)
        week, day = divmod(today - week1monday, 7)
    elif week >= 52:
        if today >= _isoweek1monday(year + 1):
            year += 1
            week = 0
    return year, week + 1, day + 1


def _isoweek1monday(year):
    # The ordinal of the Monday starting ISO week 1 of `year`.
    THURSDAY = 3
    firstday = _ymd2ord(year, 1, 1)
    firstweekday = (firstday + 6) % 7
    week1monday = firstday - firstweekday
    if firstweekday > THURSDAY:
        week1monday += 7
    return week1monday


def _strptime(data_string, format):
    'Parse data_string with format (C locale); returns a dict of fields.'
    if not isinstance(data_string, str):
        raise TypeError("strptime() argument 1 must be str, not %s" % type(data_string).__name__)
    if not isinstance(format, str):
        raise TypeError("strptime() argument 2 must be str, not %s" % type(format).__name__)
    s = data_string
    pos = 0
    fields = {}
    n = len(format)
    i = 0

    def fail():
        raise ValueError("time data %r does not match format %r" % (data_string, format))

    def number(maxlen, minlen=1, low=0, high=None):
        # Up to maxlen digits; like CPython's regexes, a value out of
        # [low, high] is retried with fewer digits before failing.
        nonlocal pos
        j = pos
        while j < len(s) and j - pos < maxlen and s[j].isdigit() and s[j].isascii():
            j += 1
        while j - pos >= minlen:
            value = int(s[pos:j])
            if value >= low and (high is None or value <= high):
                pos = j
                return value
            j -= 1
        fail()

    def word(names):
        nonlocal pos
        low = s[pos:].lower()
        for idx, name in sorted(enumerate(names), key=lambda p: -len(p[1] or '')):
            if name and low.startswith(name.lower()):
                pos += len(name)
                return idx
        fail()

    while i < n:
        ch = format[i]
        if ch == '%' and i + 1 < n:
            d = format[i + 1]
            i += 2
            if d == 'Y':
                fields['year'] = number(4, 4)
            elif d == 'y':
                y = number(2, 2)
                fields['year'] = y + (2000 if y < 69 else 1900)
            elif d == 'm':
                fields['month'] = number(2, 1, 1, 12)
            elif d == 'd':
                fields['day'] = number(2, 1, 1, 31)
            elif d == 'H':
                fields['hour'] = number(2, 1, 0, 23)
            elif d == 'I':
                fields['hour12'] = number(2, 1, 1, 12)
            elif d == 'M':
                fields['minute'] = number(2, 1, 0, 59)
            elif d == 'S':
                fields['second'] = number(2, 1, 0, 61)
            elif d == 'f':
                start = pos
                value = number(6)
                fields['microsecond'] = value * 10 ** (6 - (pos - start))
            elif d == 'j':
                fields['yday'] = number(3, 1, 1, 366)
            elif d in 'bh':
                fields['month'] = word(_FULL_MONTHNAMES[1:] + _MONTHNAMES[1:]) % 12 + 1
            elif d == 'B':
                fields['month'] = word(_FULL_MONTHNAMES[1:] + _MONTHNAMES[1:]) % 12 + 1
            elif d in 'aA':
                fields['weekday'] = word(_FULL_DAYNAMES + _DAYNAMES) % 7
            elif d == 'p':
                fields['ampm'] = word(['AM', 'PM'])
            elif d == 'w':
                fields['weekday'] = (number(1) - 1) % 7
            elif d == 'u':
                fields['weekday'] = number(1) - 1
            elif d in 'UW':
                number(2)
            elif d == 'z':
                if s[pos:pos + 1] == 'Z':
                    pos += 1
                    fields['tz'] = timezone.utc
                else:
                    sign = s[pos:pos + 1]
                    if sign not in ('+', '-'):
                        fail()
                    pos += 1
                    hh = number(2, 2)
                    if s[pos:pos + 1] == ':':
                        pos += 1
                    mm = number(2, 2)
                    ss = 0
                    if s[pos:pos + 1] == ':':
                        pos += 1
                        ss = number(2, 2)
                    off = timedelta(hours=hh, minutes=mm, seconds=ss)
                    fields['tz'] = timezone(-off if sign == '-' else off)
            elif d == 'Z':
                for name in ('UTC', 'GMT'):
                    if s.startswith(name, pos):
                        pos += len(name)
                        break
                else:
                    fail()
            elif d == '%':
                if s[pos:pos + 1] != '%':
                    fail()
                pos += 1
            else:
                raise ValueError("'%s' is a bad directive in format '%s'" % (d, format))
        elif ch.isspace():
            i += 1
            while pos < len(s) and s[pos].isspace():
                pos += 1
        else:
            i += 1
            if s[pos:pos + 1] != ch:
                fail()
            pos += 1
    if pos != len(s):
        raise ValueError("unconverted data remains: %s" % s[pos:])
    if 'hour12' in fields:
        h = fields.pop('hour12') % 12
        if fields.pop('ampm', 0) == 1:
            h += 12
        fields['hour'] = h
    fields.pop('ampm', None)
    year = fields.get('year', 1900)
    if 'yday' in fields and 'month' not in fields:
        y, m, d = _ord2ymd(_days_before_year(year) + fields['yday'])
        fields['month'], fields['day'] = m, d
    return fields


# ---------------------------------------------------------------------------
# timedelta

class timedelta:
    """A duration: timedelta(days, seconds, microseconds, milliseconds,
    minutes, hours, weeks), every argument optional, int or float."""
    __slots__ = '_days', '_seconds', '_microseconds', '_hashcode'

    def __new__(cls, days=0, seconds=0, microseconds=0,
                milliseconds=0, minutes=0, hours=0, weeks=0):
        # Sum everything in microseconds, as CPython's C code does: the
        # integer parts exactly, the fractional parts of floats in a
        # leftover that is rounded half-to-even at the end.
        total = 0
        leftover = 0.0
        for value, factor in ((microseconds, 1), (milliseconds, 1000),
                              (seconds, 1000000), (minutes, 60000000),
                              (hours, 3600000000), (days, 86400000000),
                              (weeks, 604800000000)):
            if isinstance(value, int):
                total += value * factor
            elif isinstance(value, float):
                frac, whole = _math.modf(value)
                total += int(whole) * factor
                if frac:
                    frac, whole = _math.modf(frac * factor)
                    total += int(whole)
                    leftover += frac
            else:
                raise TypeError("unsupported type for timedelta %s component: %s"
                                % (_arg_names[factor], type(value).__name__))
        if leftover:
            whole = round(leftover)
            if abs(whole - leftover) == 0.5:
                is_odd = total & 1
                whole = 2.0 * round((leftover + is_odd) * 0.5) - is_odd
            total += int(whole)
        return cls._from_microseconds(total)

    @classmethod
    def _from_microseconds(cls, us):
        s, us = divmod(us, 1000000)
        d, s = divmod(s, 86400)
        if abs(d) > 999999999:
            raise OverflowError("days=%d; must have magnitude <= 999999999" % d)
        self = object.__new__(cls)
        self._days = d
        self._seconds = s
        self._microseconds = us
        self._hashcode = -1
        return self

    def _to_microseconds(self):
        return ((self._days * 86400 + self._seconds) * 1000000 +
                self._microseconds)

    def __repr__(self):
        args = []
        if self._days:
            args.append("days=%d" % self._days)
        if self._seconds:
            args.append("seconds=%d" % self._seconds)
        if self._microseconds:
            args.append("microseconds=%d" % self._microseconds)
        if not args:
            args.append('0')
        return "%s.%s(%s)" % (self.__class__.__module__,
                              self.__class__.__qualname__,
                              ', '.join(args))

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = "%d:%02d:%02d" % (hh, mm, ss)
        if self._days:
            def plural(n):
                return n, abs(n) != 1 and "s" or ""
            s = ("%d day%s, " % plural(self._days)) + s
        if self._microseconds:
            s = s + ".%06d" % self._microseconds
        return s

    def total_seconds(self):
        'The duration in seconds, as a float.'
        return self._to_microseconds() / 10**6

    @property
    def days(self):
        'Whole days (may be negative).'
        return self._days

    @property
    def seconds(self):
        'Seconds within the day, 0 to 86399.'
        return self._seconds

    @property
    def microseconds(self):
        'Microseconds within the second, 0 to 999999.'
        return self._microseconds

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() +
                                                other._to_microseconds())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() -
                                                other._to_microseconds())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented

    def __neg__(self):
        return timedelta._from_microseconds(-self._to_microseconds())

    def __pos__(self):
        return self

    def __abs__(self):
        if self._days < 0:
            return -self
        return self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_microseconds(self._to_microseconds() * other)
        if isinstance(other, float):
            usec = self._to_microseconds()
            a, b = other.as_integer_ratio()
            return timedelta._from_microseconds(_divide_and_round(usec * a, b))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if not isinstance(other, (int, timedelta)):
            return NotImplemented
        usec = self._to_microseconds()
        if isinstance(other, timedelta):
            return usec // other._to_microseconds()
        return timedelta._from_microseconds(usec // other)

    def __truediv__(self, other):
        if not isinstance(other, (int, float, timedelta)):
            return NotImplemented
        usec = self._to_microseconds()
        if isinstance(other, timedelta):
            return usec / other._to_microseconds()
        if isinstance(other, int):
            return timedelta._from_microseconds(_divide_and_round(usec, other))
        a, b = other.as_integer_ratio()
        return timedelta._from_microseconds(_divide_and_round(b * usec, a))

    def __mod__(self, other):
        if isinstance(other, timedelta):
            r = self._to_microseconds() % other._to_microseconds()
            return timedelta._from_microseconds(r)
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._to_microseconds(), other._to_microseconds())
            return q, timedelta._from_microseconds(r)
        return NotImplemented

    def _getstate(self):
        return (self._days, self._seconds, self._microseconds)

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._getstate() == other._getstate()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._getstate() <= other._getstate()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._getstate() < other._getstate()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._getstate() >= other._getstate()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._getstate() > other._getstate()
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._getstate())
        return self._hashcode

    def __bool__(self):
        return (self._days != 0 or
                self._seconds != 0 or
                self._microseconds != 0)

    def __reduce__(self):
        return (self.__class__, self._getstate())


_arg_names = {1: 'microseconds', 1000: 'milliseconds', 1000000: 'seconds',
              60000000: 'minutes', 3600000000: 'hours', 86400000000: 'days',
              604800000000: 'weeks'}


def _divide_and_round(a, b):
    'a / b rounded half to even.'
    q, r = divmod(a, b)
    r *= 2
    greater_than_half = r > b if b > 0 else r < b
    if greater_than_half or r == b and q % 2 == 1:
        q += 1
    return q


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59,
                          microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


# ---------------------------------------------------------------------------
# date

class date:
    'date(year, month, day): a day of the proleptic Gregorian calendar.'
    __slots__ = '_year', '_month', '_day', '_hashcode'

    def __new__(cls, year, month=None, day=None):
        year, month, day = _check_date_fields(year, month, day)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hashcode = -1
        return self

    @classmethod
    def fromtimestamp(cls, t):
        'The local date of a POSIX timestamp.'
        y, m, d, hh, mm, ss, weekday, jday, dst = _time.localtime(t)
        return cls(y, m, d)

    @classmethod
    def today(cls):
        'The current local date (datetime.today(): date and time).'
        t = _time.time()
        return cls.fromtimestamp(t)

    @classmethod
    def fromordinal(cls, n):
        'The date with proleptic Gregorian ordinal n (0001-01-01 is 1).'
        if not 1 <= n <= _MAXORDINAL:
            raise ValueError("ordinal must be >= 1")
        y, m, d = _ord2ymd(n)
        return cls(y, m, d)

    @classmethod
    def fromisoformat(cls, date_string):
        "Parse 'YYYY-MM-DD' (or the other ISO 8601 date forms)."
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        if len(date_string) not in (7, 8, 10):
            raise ValueError(f'Invalid isoformat string: {date_string!r}')
        try:
            return cls(*_parse_isoformat_date(date_string))
        except Exception:
            raise ValueError(f'Invalid isoformat string: {date_string!r}')

    @classmethod
    def fromisocalendar(cls, year, week, day):
        'The date of ISO year, week and weekday (inverse of isocalendar()).'
        if not MINYEAR <= year <= MAXYEAR:
            raise ValueError(f"Year is out of range: {year}")
        if not 0 < week < 53:
            out_of_range = True
            if week == 53:
                first_weekday = _ymd2ord(year, 1, 1) % 7
                if (first_weekday == 4 or (first_weekday == 3 and _is_leap(year))):
                    out_of_range = False
            if out_of_range:
                raise ValueError(f"Invalid week: {week}")
        if not 0 < day < 8:
            raise ValueError(f"Invalid weekday: {day} (range is [1, 7])")
        day_offset = (week - 1) * 7 + (day - 1)
        day_1 = _isoweek1monday(year)
        ord_day = day_1 + day_offset
        return cls(*_ord2ymd(ord_day))

    def __repr__(self):
        return "%s.%s(%d, %d, %d)" % (self.__class__.__module__,
                                      self.__class__.__qualname__,
                                      self._year, self._month, self._day)

    def ctime(self):
        "The ctime() style text: 'Fri Jan  5 00:00:00 2024'."
        weekday = self.toordinal() % 7 or 7
        return "%s %s %2d 00:00:00 %04d" % (
            _DAYNAMES[weekday - 1], _MONTHNAMES[self._month],
            self._day, self._year)

    def strftime(self, fmt):
        'Format with strftime directives (%Y-%m-%d ...).'
        return _strftime(fmt, self, self.timetuple())

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("must be str, not %s" % type(fmt).__name__)
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def isoformat(self):
        "'YYYY-MM-DD'."
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    __str__ = isoformat

    @property
    def year(self):
        'The year, 1..9999.'
        return self._year

    @property
    def month(self):
        'The month, 1..12.'
        return self._month

    @property
    def day(self):
        'The day of the month.'
        return self._day

    def timetuple(self):
        'A time.struct_time-like 9-tuple for this date.'
        return _build_struct_time(self._year, self._month, self._day, 0, 0, 0, -1)

    def toordinal(self):
        'The proleptic Gregorian ordinal (0001-01-01 is 1).'
        return _ymd2ord(self._year, self._month, self._day)

    def replace(self, year=None, month=None, day=None):
        'A copy with the given fields changed.'
        if year is None:
            year = self._year
        if month is None:
            month = self._month
        if day is None:
            day = self._day
        return type(self)(year, month, day)

    def _cmp_date(self, other):
        y, m, d = self._year, self._month, self._day
        y2, m2, d2 = other._year, other._month, other._day
        return _cmp((y, m, d), (y2, m2, d2))

    def __eq__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmp_date(other) == 0
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmp_date(other) <= 0
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmp_date(other) < 0
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmp_date(other) >= 0
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmp_date(other) > 0
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash((self._year, self._month, self._day))
        return self._hashcode

    def __add__(self, other):
        if isinstance(other, timedelta):
            o = self.toordinal() + other.days
            if 0 < o <= _MAXORDINAL:
                return type(self).fromordinal(o)
            raise OverflowError("date value out of range")
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            days1 = self.toordinal()
            days2 = other.toordinal()
            return timedelta(days1 - days2)
        return NotImplemented

    def weekday(self):
        'Day of the week: Monday 0 ... Sunday 6.'
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        'Day of the week: Monday 1 ... Sunday 7.'
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        'IsoCalendarDate(year, week, weekday) of ISO 8601.'
        return _IsoCalendarDate(*_isocalendar(self._year, self._month, self._day))

    def __reduce__(self):
        return (self.__class__, (self._year, self._month, self._day))


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


def _parse_isoformat_date(dtstr):
    # YYYY-MM-DD, YYYYMMDD, YYYY-Www, YYYY-Www-D, YYYYWww, YYYYWwwD
    assert len(dtstr) in (7, 8, 10)
    year = int(dtstr[0:4])
    has_sep = dtstr[4] == '-'
    pos = 4 + has_sep
    if dtstr[pos:pos + 1] == "W":
        pos += 1
        weekno = int(dtstr[pos:pos + 2])
        pos += 2
        dayno = 1
        if len(dtstr) > pos:
            if (dtstr[pos:pos + 1] == '-') != has_sep:
                raise ValueError("Inconsistent use of dash separator")
            pos += has_sep
            dayno = int(dtstr[pos:pos + 1])
        return list(date.fromisocalendar(year, weekno, dayno)._getymd())
    month = int(dtstr[pos:pos + 2])
    pos += 2
    if (dtstr[pos:pos + 1] == "-") != has_sep:
        raise ValueError("Inconsistent use of dash separator")
    pos += has_sep
    day = int(dtstr[pos:pos + 2])
    for part in (dtstr[0:4],):
        if not part.isdigit():
            raise ValueError
    return [year, month, day]


date._getymd = lambda self: (self._year, self._month, self._day)


class _IsoCalendarDate(tuple):
    'The (year, week, weekday) triple of date.isocalendar().'

    def __new__(cls, year, week, weekday, /):
        return super().__new__(cls, (year, week, weekday))

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __reduce__(self):
        return (tuple, (tuple(self),))

    def __repr__(self):
        return (f'{self.__class__.__name__}'
                f'(year={self[0]}, week={self[1]}, weekday={self[2]})')


_IsoCalendarDate.__name__ = 'IsoCalendarDate'
_IsoCalendarDate.__qualname__ = 'IsoCalendarDate'
_IsoCalendarDate.__module__ = 'datetime'


def _repr_isocal(self):
    return (f'datetime.IsoCalendarDate'
            f'(year={self[0]}, week={self[1]}, weekday={self[2]})')


_IsoCalendarDate.__repr__ = _repr_isocal


def _build_struct_time(y, m, d, hh, mm, ss, dstflag):
    wday = (_ymd2ord(y, m, d) + 6) % 7
    dnum = _days_before_month(y, m) + d
    return _struct_time((y, m, d, hh, mm, ss, wday, dnum, dstflag))


class _struct_time(tuple):
    'time.struct_time stand-in: a 9-tuple with named fields.'
    _names = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec',
              'tm_wday', 'tm_yday', 'tm_isdst')

    def __getattr__(self, name):
        try:
            return self[self._names.index(name)]
        except ValueError:
            raise AttributeError(name) from None

    def __repr__(self):
        return 'time.struct_time(' + ', '.join(
            '%s=%r' % (n, v) for n, v in zip(self._names, self)) + ')'


# ---------------------------------------------------------------------------
# tzinfo and time

class tzinfo:
    """Abstract base of time zones: subclasses define utcoffset(dt),
    dst(dt) and tzname(dt)."""
    __slots__ = ()

    def tzname(self, dt):
        "The zone's name for datetime dt."
        raise NotImplementedError("tzinfo subclass must override tzname()")

    def utcoffset(self, dt):
        'The offset from UTC as a timedelta (east positive).'
        raise NotImplementedError("tzinfo subclass must override utcoffset()")

    def dst(self, dt):
        'The daylight saving adjustment as a timedelta.'
        raise NotImplementedError("tzinfo subclass must override dst()")

    def fromutc(self, dt):
        'Convert a datetime whose fields are UTC into this zone.'
        if not isinstance(dt, datetime):
            raise TypeError("fromutc() requires a datetime argument")
        if dt.tzinfo is not self:
            raise ValueError("dt.tzinfo is not self")
        dtoff = dt.utcoffset()
        if dtoff is None:
            raise ValueError("fromutc() requires a non-None utcoffset() "
                             "result")
        dtdst = dt.dst()
        if dtdst is None:
            raise ValueError("fromutc() requires a non-None dst() result")
        delta = dtoff - dtdst
        if delta:
            dt += delta
            dtdst = dt.dst()
            if dtdst is None:
                raise ValueError("fromutc(): dt.dst gave inconsistent "
                                 "results; cannot convert")
        return dt + dtdst

    def __reduce__(self):
        getinitargs = getattr(self, "__getinitargs__", None)
        if getinitargs:
            args = getinitargs()
        else:
            args = ()
        return (self.__class__, args, self.__getstate__() if hasattr(self, '__getstate__') else None)


class time:
    """time(hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
    a time of day."""
    __slots__ = '_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_hashcode', '_fold'

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo_arg(tzinfo)
        self = object.__new__(cls)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._hashcode = -1
        self._fold = fold
        return self

    @property
    def hour(self):
        'The hour, 0..23.'
        return self._hour

    @property
    def minute(self):
        'The minute, 0..59.'
        return self._minute

    @property
    def second(self):
        'The second, 0..59.'
        return self._second

    @property
    def microsecond(self):
        'The microsecond, 0..999999.'
        return self._microsecond

    @property
    def tzinfo(self):
        'The tzinfo object, or None.'
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    def _key(self):
        return (self._hour, self._minute, self._second, self._microsecond)

    def _cmp_time(self, other, allow_mixed=False):
        mytz = self._tzinfo
        ottz = other._tzinfo
        myoff = otoff = None
        if mytz is ottz:
            base_compare = True
        else:
            myoff = self.utcoffset()
            otoff = other.utcoffset()
            base_compare = myoff == otoff
        if base_compare:
            return _cmp(self._key(), other._key())
        if myoff is None or otoff is None:
            if allow_mixed:
                return 2
            raise TypeError("can't compare offset-naive and offset-aware times")
        myhhmm = self._hour * 60 + self._minute - myoff // timedelta(minutes=1)
        othhmm = other._hour * 60 + other._minute - otoff // timedelta(minutes=1)
        return _cmp((myhhmm, self._second, self._microsecond),
                    (othhmm, other._second, other._microsecond))

    def __eq__(self, other):
        if isinstance(other, time):
            return self._cmp_time(other, allow_mixed=True) == 0
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, time):
            return self._cmp_time(other) <= 0
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, time):
            return self._cmp_time(other) < 0
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, time):
            return self._cmp_time(other) >= 0
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, time):
            return self._cmp_time(other) > 0
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            tzoff = self.utcoffset()
            if not tzoff:
                self._hashcode = hash(self._key())
            else:
                h, m = divmod(timedelta(hours=self.hour, minutes=self.minute) - tzoff,
                              timedelta(hours=1))
                m //= timedelta(minutes=1)
                if 0 <= h < 24:
                    self._hashcode = hash(time(h, m, self.second, self.microsecond))
                else:
                    self._hashcode = hash((h, m, self.second, self.microsecond))
        return self._hashcode

    def _tzstr(self):
        return _format_offset(self.utcoffset())

    def __repr__(self):
        if self._microsecond != 0:
            s = ", %d, %d" % (self._second, self._microsecond)
        elif self._second != 0:
            s = ", %d" % self._second
        else:
            s = ""
        s = "%s.%s(%d, %d%s)" % (self.__class__.__module__,
                                 self.__class__.__qualname__,
                                 self._hour, self._minute, s)
        if self._tzinfo is not None:
            assert s[-1:] == ")"
            s = s[:-1] + ", tzinfo=%r" % self._tzinfo + ")"
        if self._fold:
            assert s[-1:] == ")"
            s = s[:-1] + ", fold=1)"
        return s

    def isoformat(self, timespec='auto'):
        "'HH:MM:SS[.ffffff][+HH:MM]'; timespec chooses the precision."
        s = _format_time(self._hour, self._minute, self._second,
                         self._microsecond, timespec)
        tz = self._tzstr()
        if tz:
            s += tz
        return s

    __str__ = isoformat

    @classmethod
    def fromisoformat(cls, time_string):
        'Parse an ISO 8601 time.'
        if not isinstance(time_string, str):
            raise TypeError('fromisoformat: argument must be str')
        s = time_string[1:] if time_string.startswith('T') else time_string
        try:
            return cls(*_parse_isoformat_time(s))
        except Exception:
            raise ValueError(f'Invalid isoformat string: {time_string!r}')

    def strftime(self, fmt):
        'Format with strftime directives (the date fields are 1900-01-01).'
        timetuple = (1900, 1, 1,
                     self._hour, self._minute, self._second,
                     0, 1, -1)
        return _strftime(fmt, self, timetuple)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("must be str, not %s" % type(fmt).__name__)
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def utcoffset(self):
        "The tzinfo's UTC offset, or None."
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.utcoffset(None)
        _check_utc_offset("utcoffset", offset)
        return offset

    def tzname(self):
        "The tzinfo's name, or None."
        if self._tzinfo is None:
            return None
        name = self._tzinfo.tzname(None)
        return name

    def dst(self):
        "The tzinfo's DST adjustment, or None."
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.dst(None)
        _check_utc_offset("dst", offset)
        return offset

    def replace(self, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        'A copy with the given fields changed.'
        if hour is None:
            hour = self.hour
        if minute is None:
            minute = self.minute
        if second is None:
            second = self.second
        if microsecond is None:
            microsecond = self.microsecond
        if tzinfo is True:
            tzinfo = self.tzinfo
        if fold is None:
            fold = self._fold
        return type(self)(hour, minute, second, microsecond, tzinfo, fold=fold)

    def __bool__(self):
        return True

    def __reduce__(self):
        return (self.__class__, (self._hour, self._minute, self._second,
                                 self._microsecond, self._tzinfo))


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


def _parse_hh_mm_ss_ff(tstr):
    # HH[:MM[:SS[.fff[fff]]]] or HHMMSS.ffffff
    len_str = len(tstr)
    time_comps = [0, 0, 0, 0]
    pos = 0
    for comp in range(0, 3):
        if (len_str - pos) < 2:
            raise ValueError("Incomplete time component")
        time_comps[comp] = int(tstr[pos:pos + 2])
        pos += 2
        next_char = tstr[pos:pos + 1]
        if comp == 0:
            has_sep = next_char == ':'
        if not next_char or comp >= 2:
            break
        if has_sep and next_char != ':':
            raise ValueError("Invalid time separator: %c" % next_char)
        pos += has_sep
    if pos < len_str:
        if tstr[pos] not in '.,':
            raise ValueError("Invalid microsecond component")
        else:
            pos += 1
            len_remainder = len_str - pos
            if len_remainder >= 6:
                to_parse = 6
            else:
                to_parse = len_remainder
            time_comps[3] = int(tstr[pos:(pos + to_parse)])
            if to_parse < 6:
                time_comps[3] *= [100000, 10000, 1000, 100, 10][to_parse - 1]
            if not tstr[pos + to_parse:].isdigit() and tstr[pos + to_parse:]:
                raise ValueError("Non-digit values in unparsed fraction")
    return time_comps


def _parse_isoformat_time(tstr):
    len_str = len(tstr)
    if len_str < 2:
        raise ValueError("Isoformat time too short")
    tz_pos = (tstr.find('-') + 1 or tstr.find('+') + 1 or tstr.find('Z') + 1)
    timestr = tstr[:tz_pos - 1] if tz_pos > 0 else tstr
    time_comps = _parse_hh_mm_ss_ff(timestr)
    tzi = None
    if tz_pos == len_str and tstr[-1] == 'Z':
        tzi = timezone.utc
    elif tz_pos > 0:
        tzstr = tstr[tz_pos:]
        if len(tzstr) in (0, 1, 3):
            raise ValueError("Malformed time zone string")
        tz_comps = _parse_hh_mm_ss_ff(tzstr)
        if all(x == 0 for x in tz_comps):
            tzi = timezone.utc
        else:
            tzsign = -1 if tstr[tz_pos - 1] == '-' else 1
            td = timedelta(hours=tz_comps[0], minutes=tz_comps[1],
                           seconds=tz_comps[2], microseconds=tz_comps[3])
            tzi = timezone(tzsign * td)
    time_comps.append(tzi)
    return time_comps


# ---------------------------------------------------------------------------
# datetime

class datetime(date):
    """datetime(year, month, day, hour=0, minute=0, second=0, microsecond=0,
    tzinfo=None, *, fold=0): a date and a time of day."""
    __slots__ = time.__slots__

    def __new__(cls, year, month=None, day=None, hour=0, minute=0, second=0,
                microsecond=0, tzinfo=None, *, fold=0):
        year, month, day = _check_date_fields(year, month, day)
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo_arg(tzinfo)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._hashcode = -1
        self._fold = fold
        return self

    hour = time.hour
    minute = time.minute
    second = time.second
    microsecond = time.microsecond
    tzinfo = time.tzinfo
    fold = time.fold

    @classmethod
    def _fromtimestamp(cls, t, utc, tz):
        frac, t = _math.modf(t)
        us = round(frac * 1e6)
        if us >= 1000000:
            t += 1
            us -= 1000000
        elif us < 0:
            t -= 1
            us += 1000000
        converter = _time.gmtime if utc else _time.localtime
        y, m, d, hh, mm, ss, weekday, jday, dst = converter(int(t))[:9]
        ss = min(ss, 59)
        result = cls(y, m, d, hh, mm, ss, us, tz)
        return result

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        "The local (or tz's) datetime of a POSIX timestamp."
        _check_tzinfo_arg(tz)
        if tz is None:
            return cls._fromtimestamp(t, False, None)
        result = cls._fromtimestamp(t, True, tz)
        return tz.fromutc(result)

    @classmethod
    def utcfromtimestamp(cls, t):
        'The naive UTC datetime of a POSIX timestamp.'
        return cls._fromtimestamp(t, True, None)

    @classmethod
    def now(cls, tz=None):
        'The current local datetime (or in time zone tz).'
        t = _time.time()
        return cls.fromtimestamp(t, tz)

    @classmethod
    def utcnow(cls):
        'The current UTC time as a naive datetime.'
        t = _time.time()
        return cls.utcfromtimestamp(t)

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        'The datetime made of a date and a time.'
        if not isinstance(date, _date_class):
            raise TypeError("combine() argument 1 must be datetime.date, not %s"
                            % type(date).__name__)
        if not isinstance(time, _time_class):
            raise TypeError("combine() argument 2 must be datetime.time, not %s"
                            % type(time).__name__)
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day,
                   time.hour, time.minute, time.second, time.microsecond,
                   tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        'Parse an ISO 8601 date and time.'
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        if len(date_string) < 7:
            raise ValueError(f'Invalid isoformat string: {date_string!r}')
        try:
            separator_location = _find_isoformat_datetime_separator(date_string)
            dstr = date_string[0:separator_location]
            tstr = date_string[(separator_location + 1):]
            date_components = _parse_isoformat_date(dstr)
        except ValueError:
            raise ValueError(f'Invalid isoformat string: {date_string!r}') from None
        if tstr:
            try:
                time_components = _parse_isoformat_time(tstr)
            except ValueError:
                raise ValueError(f'Invalid isoformat string: {date_string!r}') from None
        else:
            time_components = [0, 0, 0, 0, None]
        return cls(*(date_components + time_components))

    def timetuple(self):
        'A time.struct_time-like 9-tuple.'
        dst = self.dst()
        if dst is None:
            dst = -1
        elif dst:
            dst = 1
        else:
            dst = 0
        return _build_struct_time(self.year, self.month, self.day,
                                  self.hour, self.minute, self.second,
                                  dst)

    def timestamp(self):
        'The POSIX timestamp (naive datetimes are local time).'
        if self._tzinfo is None:
            s = _time.mktime((self.year, self.month, self.day, self.hour,
                              self.minute, self.second, -1, -1, -1))
            return s + self.microsecond / 1e6
        else:
            return (self - _EPOCH).total_seconds()

    def utctimetuple(self):
        'The 9-tuple of the UTC time.'
        offset = self.utcoffset()
        if offset:
            self -= offset
        y, m, d = self.year, self.month, self.day
        hh, mm, ss = self.hour, self.minute, self.second
        return _build_struct_time(y, m, d, hh, mm, ss, 0)

    def date(self):
        'The date part.'
        return date(self._year, self._month, self._day)

    def time(self):
        'The time part, without tzinfo.'
        return time(self.hour, self.minute, self.second, self.microsecond, fold=self.fold)

    def timetz(self):
        'The time part, with the same tzinfo.'
        return time(self.hour, self.minute, self.second, self.microsecond,
                    self._tzinfo, fold=self.fold)

    def replace(self, year=None, month=None, day=None, hour=None,
                minute=None, second=None, microsecond=None, tzinfo=True,
                *, fold=None):
        'A copy with the given fields changed.'
        if year is None:
            year = self.year
        if month is None:
            month = self.month
        if day is None:
            day = self.day
        if hour is None:
            hour = self.hour
        if minute is None:
            minute = self.minute
        if second is None:
            second = self.second
        if microsecond is None:
            microsecond = self.microsecond
        if tzinfo is True:
            tzinfo = self.tzinfo
        if fold is None:
            fold = self.fold
        return type(self)(year, month, day, hour, minute, second,
                          microsecond, tzinfo, fold=fold)

    def _local_timezone(self):
        if self.tzinfo is None:
            ts = self.timestamp()
        else:
            ts = (self - _EPOCH) // timedelta(seconds=1)
        localtm = _time.localtime(ts)
        local = datetime(*localtm[:6])
        gmoff = local - datetime(*_time.gmtime(ts)[:6])
        zone = _time.strftime('%Z', localtm)
        return timezone(gmoff, zone)

    def astimezone(self, tz=None):
        'The same moment in time zone tz (default: the local zone).'
        if tz is None:
            tz = self._local_timezone()
        elif not isinstance(tz, tzinfo):
            raise TypeError("tz argument must be an instance of tzinfo")
        mytz = self.tzinfo
        if mytz is None:
            mytz = self._local_timezone()
            myoffset = mytz.utcoffset(self)
        else:
            myoffset = mytz.utcoffset(self)
            if myoffset is None:
                mytz = self.replace(tzinfo=None)._local_timezone()
                myoffset = mytz.utcoffset(self)
        if tz is mytz:
            return self
        utc = (self - myoffset).replace(tzinfo=tz)
        return tz.fromutc(utc)

    def ctime(self):
        "The ctime() style text: 'Fri Jan  5 13:04:05 2024'."
        weekday = self.toordinal() % 7 or 7
        return "%s %s %2d %02d:%02d:%02d %04d" % (
            _DAYNAMES[weekday - 1],
            _MONTHNAMES[self._month],
            self._day,
            self._hour, self._minute, self._second,
            self._year)

    def isoformat(self, sep='T', timespec='auto'):
        "'YYYY-MM-DDTHH:MM:SS[.ffffff][+HH:MM]', with sep between date and time."
        s = ("%04d-%02d-%02d%c" % (self._year, self._month, self._day, sep) +
             _format_time(self._hour, self._minute, self._second,
                          self._microsecond, timespec))
        off = self.utcoffset()
        tz = _format_offset(off)
        if tz:
            s += tz
        return s

    def __repr__(self):
        L = [self._year, self._month, self._day,
             self._hour, self._minute, self._second, self._microsecond]
        if L[-1] == 0:
            del L[-1]
        if L[-1] == 0:
            del L[-1]
        s = "%s.%s(%s)" % (self.__class__.__module__,
                           self.__class__.__qualname__,
                           ", ".join(map(str, L)))
        if self._tzinfo is not None:
            assert s[-1:] == ")"
            s = s[:-1] + ", tzinfo=%r" % self._tzinfo + ")"
        if self._fold:
            assert s[-1:] == ")"
            s = s[:-1] + ", fold=1)"
        return s

    def __str__(self):
        "isoformat(sep=' ')."
        return self.isoformat(sep=' ')

    @classmethod
    def strptime(cls, date_string, format):
        'Parse date_string according to format (strptime directives).'
        fields = _strptime(date_string, format)
        tz = fields.pop('tz', None)
        fields.pop('weekday', None)
        fields.pop('yday', None)
        return cls(fields.get('year', 1900), fields.get('month', 1), fields.get('day', 1),
                   fields.get('hour', 0), fields.get('minute', 0), fields.get('second', 0),
                   fields.get('microsecond', 0), tz)

    def strftime(self, fmt):
        'Format with strftime directives.'
        return _strftime(fmt, self, self.timetuple())

    def utcoffset(self):
        "The tzinfo's UTC offset, or None."
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.utcoffset(self)
        _check_utc_offset("utcoffset", offset)
        return offset

    def tzname(self):
        "The tzinfo's name, or None."
        if self._tzinfo is None:
            return None
        name = self._tzinfo.tzname(self)
        return name

    def dst(self):
        "The tzinfo's DST adjustment, or None."
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.dst(self)
        _check_utc_offset("dst", offset)
        return offset

    def __eq__(self, other):
        if isinstance(other, datetime):
            return self._cmp_dt(other, allow_mixed=True) == 0
        elif not isinstance(other, date):
            return NotImplemented
        else:
            return False

    def __le__(self, other):
        if isinstance(other, datetime):
            return self._cmp_dt(other) <= 0
        elif not isinstance(other, date):
            return NotImplemented
        else:
            _cmperror(self, other)

    def __lt__(self, other):
        if isinstance(other, datetime):
            return self._cmp_dt(other) < 0
        elif not isinstance(other, date):
            return NotImplemented
        else:
            _cmperror(self, other)

    def __ge__(self, other):
        if isinstance(other, datetime):
            return self._cmp_dt(other) >= 0
        elif not isinstance(other, date):
            return NotImplemented
        else:
            _cmperror(self, other)

    def __gt__(self, other):
        if isinstance(other, datetime):
            return self._cmp_dt(other) > 0
        elif not isinstance(other, date):
            return NotImplemented
        else:
            _cmperror(self, other)

    def _key(self):
        return (self._year, self._month, self._day,
                self._hour, self._minute, self._second, self._microsecond)

    def _cmp_dt(self, other, allow_mixed=False):
        mytz = self._tzinfo
        ottz = other._tzinfo
        myoff = otoff = None
        if mytz is ottz:
            base_compare = True
        else:
            myoff = self.utcoffset()
            otoff = other.utcoffset()
            base_compare = myoff == otoff
        if base_compare:
            return _cmp(self._key(), other._key())
        if myoff is None or otoff is None:
            if allow_mixed:
                return 2
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        diff = self - other
        if diff.days < 0:
            return -1
        return diff and 1 or 0

    def __add__(self, other):
        'datetime + timedelta.'
        if not isinstance(other, timedelta):
            return NotImplemented
        delta = timedelta(self.toordinal(),
                          hours=self._hour,
                          minutes=self._minute,
                          seconds=self._second,
                          microseconds=self._microsecond)
        delta += other
        hour, rem = divmod(delta.seconds, 3600)
        minute, second = divmod(rem, 60)
        if 0 < delta.days <= _MAXORDINAL:
            return type(self).combine(date.fromordinal(delta.days),
                                      time(hour, minute, second,
                                           delta.microseconds,
                                           tzinfo=self._tzinfo))
        raise OverflowError("date value out of range")

    __radd__ = __add__

    def __sub__(self, other):
        'datetime - timedelta, or datetime - datetime (a timedelta).'
        if not isinstance(other, datetime):
            if isinstance(other, timedelta):
                return self + -other
            return NotImplemented
        days1 = self.toordinal()
        days2 = other.toordinal()
        secs1 = self._second + self._minute * 60 + self._hour * 3600
        secs2 = other._second + other._minute * 60 + other._hour * 3600
        base = timedelta(days1 - days2,
                         secs1 - secs2,
                         self._microsecond - other._microsecond)
        if self._tzinfo is other._tzinfo:
            return base
        myoff = self.utcoffset()
        otoff = other.utcoffset()
        if myoff == otoff:
            return base
        if myoff is None or otoff is None:
            raise TypeError("can't subtract offset-naive and offset-aware datetimes")
        return base + otoff - myoff

    def __hash__(self):
        if self._hashcode == -1:
            tzoff = self.utcoffset()
            if tzoff is None:
                self._hashcode = hash(self._key())
            else:
                days = _ymd2ord(self.year, self.month, self.day)
                seconds = self.hour * 3600 + self.minute * 60 + self.second
                self._hashcode = hash(timedelta(days, seconds, self.microsecond) - tzoff)
        return self._hashcode

    def __reduce__(self):
        return (self.__class__, (self._year, self._month, self._day,
                                 self._hour, self._minute, self._second,
                                 self._microsecond, self._tzinfo))


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)

_date_class = date
_time_class = time


def _cmperror(x, y):
    raise TypeError("can't compare %s.%s to %s.%s" % (
                    type(x).__module__, type(x).__name__,
                    type(y).__module__, type(y).__name__))


def _find_isoformat_datetime_separator(dtstr):
    # The date part is 7, 8 or 10 characters; the separator follows it.
    len_dtstr = len(dtstr)
    if len_dtstr == 7:
        return 7
    assert len_dtstr > 7
    date_separator = "-"
    week_indicator = "W"
    if dtstr[4] == date_separator:
        if dtstr[5] == week_indicator:
            if len_dtstr < 8:
                raise ValueError("Invalid ISO string")
            if len_dtstr > 8 and dtstr[8] == date_separator:
                if len_dtstr == 9:
                    raise ValueError("Invalid ISO string")
                if len_dtstr > 10 and dtstr[10].isdigit():
                    return 8
                return 10
            else:
                return 8
        else:
            return 10
    else:
        if dtstr[4] == week_indicator:
            idx = 7
            while idx < len_dtstr:
                if not dtstr[idx].isdigit():
                    break
                idx += 1
            if idx < 9:
                return idx
            if idx % 2 == 0:
                return 7
            else:
                return 8
        else:
            return 8


class timezone(tzinfo):
    'A fixed offset from UTC: timezone(timedelta(hours=1), name=None).'
    __slots__ = '_offset', '_name'

    _Omitted = object()

    def __new__(cls, offset, name=_Omitted):
        if not isinstance(offset, timedelta):
            raise TypeError("offset must be a timedelta")
        if name is cls._Omitted:
            if not offset:
                return cls.utc
            name = None
        elif not isinstance(name, str):
            raise TypeError("name must be a string")
        if not cls._minoffset <= offset <= cls._maxoffset:
            raise ValueError("offset must be a timedelta "
                             "strictly between -timedelta(hours=24) and "
                             "timedelta(hours=24), not %r." % (offset,))
        return cls._create(offset, name)

    @classmethod
    def _create(cls, offset, name=None):
        self = tzinfo.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __getinitargs__(self):
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is self.utc:
            return 'datetime.timezone.utc'
        if self._name is None:
            return "%s.%s(%r)" % (self.__class__.__module__,
                                  self.__class__.__qualname__,
                                  self._offset)
        return "%s.%s(%r, %r)" % (self.__class__.__module__,
                                  self.__class__.__qualname__,
                                  self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def utcoffset(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return self._offset
        raise TypeError("utcoffset() argument must be a datetime instance"
                        " or None")

    def tzname(self, dt):
        if isinstance(dt, datetime) or dt is None:
            if self._name is None:
                return self._name_from_offset(self._offset)
            return self._name
        raise TypeError("tzname() argument must be a datetime instance"
                        " or None")

    def dst(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return None
        raise TypeError("dst() argument must be a datetime instance"
                        " or None")

    def fromutc(self, dt):
        if isinstance(dt, datetime):
            if dt.tzinfo is not self:
                raise ValueError("fromutc: dt.tzinfo "
                                 "is not self")
            return dt + self._offset
        raise TypeError("fromutc() argument must be a datetime instance"
                        " or None")

    _maxoffset = timedelta(hours=24, microseconds=-1)
    _minoffset = -_maxoffset

    @staticmethod
    def _name_from_offset(delta):
        if not delta:
            return 'UTC'
        if delta < timedelta(0):
            sign = '-'
            delta = -delta
        else:
            sign = '+'
        hours, rest = divmod(delta, timedelta(hours=1))
        minutes, rest = divmod(rest, timedelta(minutes=1))
        seconds = rest.seconds
        microseconds = rest.microseconds
        if microseconds:
            return (f'UTC{sign}{hours:02d}:{minutes:02d}:{seconds:02d}'
                    f'.{microseconds:06d}')
        if seconds:
            return f'UTC{sign}{hours:02d}:{minutes:02d}:{seconds:02d}'
        return f'UTC{sign}{hours:02d}:{minutes:02d}'


UTC = timezone.utc = timezone._create(timedelta(0))
timezone.min = timezone._create(-timedelta(hours=23, minutes=59))
timezone.max = timezone._create(timedelta(hours=23, minutes=59))
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
