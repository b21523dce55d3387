# Custom exception hierarchies, args, str/repr, attributes, add_note.
class BankError(Exception):
    """Base class for bank errors."""

class InsufficientFunds(BankError):
    def __init__(self, balance, amount):
        super().__init__(f"balance {balance} < {amount}")
        self.balance = balance
        self.amount = amount

class AccountLocked(BankError):
    pass

class Account:
    def __init__(self, balance):
        self.balance = balance
        self.locked = False
    def withdraw(self, amount):
        if self.locked:
            raise AccountLocked("account is locked")
        if amount > self.balance:
            raise InsufficientFunds(self.balance, amount)
        self.balance -= amount
        return self.balance

acct = Account(100)
for amount in [30, 100]:
    try:
        print("left:", acct.withdraw(amount))
    except InsufficientFunds as e:
        print(f"{type(e).__name__}: {e} (short by {e.amount - e.balance})")
acct.locked = True
try:
    acct.withdraw(1)
except BankError as e:
    print(type(e).__name__, e, isinstance(e, Exception), BankError.__doc__)

# args, str and repr of exceptions with 0, 1, several args.
for e in [Exception(), Exception("one"), Exception("a", 2), ValueError(None), KeyError("key"),
          KeyError(), KeyError(1, 2), OSError(2, "No such file"), IndexError("x", "y")]:
    print(repr(e), "|", str(e), "|", e.args)

# Exception attributes.
err = OSError(2, "No such file or directory", "data.txt")
print(err.errno, err.strerror, err.filename, str(err), type(err).__name__)
print(FileNotFoundError.__mro__[1].__name__, isinstance(FileNotFoundError(), OSError))
print(type(OSError(2, "x")).__name__, IOError is OSError, EnvironmentError is OSError)
e = StopIteration(5)
print(e.value, SystemExit(3).code, KeyboardInterrupt.__mro__[1].__name__)
u = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
print(u, u.start, u.end, u.reason)

# add_note (3.11) and __notes__.
try:
    e = ValueError("with note")
    e.add_note("extra context")
    raise e
except ValueError as e:
    print(e.__notes__)

# The exception hierarchy.
for cls in [ZeroDivisionError, KeyError, FileNotFoundError, ModuleNotFoundError, RecursionError,
            NotImplementedError, UnboundLocalError, TimeoutError, BrokenPipeError]:
    print(cls.__name__, "->", " > ".join(c.__name__ for c in cls.__mro__[1:]))
print(issubclass(KeyboardInterrupt, Exception), issubclass(GeneratorExit, BaseException))

# Catching BaseException subclasses that are not Exceptions.
try:
    raise SystemExit(0)
except Exception:
    print("not here")
except BaseException as e:
    print("SystemExit caught", e.code)

# Exception with custom __str__ and __repr__ inheriting args.
class Coded(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[1]}"
c = Coded(404, "not found")
print(c, repr(c), c.args)
print(f"{c!r} {c}")
