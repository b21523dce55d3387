# A learner's bank account program: classes, class attributes, exceptions, history.
class InsufficientFundsError(Exception):
    pass

class Account:
    interest_rate = 0.02
    _next_number = 1000

    def __init__(self, owner, balance=0):
        if balance < 0:
            raise ValueError("initial balance cannot be negative")
        self.owner = owner
        self._balance = balance
        self.number = Account._next_number
        Account._next_number += 1
        self.history = []

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"deposit must be positive, got {amount}")
        self._balance += amount
        self.history.append(("deposit", amount))
        return self

    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFundsError(
                f"cannot withdraw {amount:.2f}: balance is {self._balance:.2f}")
        self._balance -= amount
        self.history.append(("withdraw", amount))
        return self

    def add_interest(self):
        interest = round(self._balance * self.interest_rate, 2)
        self.deposit(interest)
        return interest

    def __str__(self):
        return f"#{self.number} {self.owner}: {self._balance:,.2f}"

    def __repr__(self):
        return f"Account({self.owner!r}, {self._balance!r})"


class SavingsAccount(Account):
    interest_rate = 0.05
    withdrawals_per_month = 2

    def __init__(self, owner, balance=0):
        super().__init__(owner, balance)
        self.withdrawals = 0

    def withdraw(self, amount):
        if self.withdrawals >= self.withdrawals_per_month:
            raise InsufficientFundsError("monthly withdrawal limit reached")
        self.withdrawals += 1
        return super().withdraw(amount)


accounts = [Account("Alice", 100), SavingsAccount("Bob", 2500.5), Account("Carol")]
accounts[0].deposit(50).withdraw(30)
accounts[2].deposit(10)
for acct in accounts:
    print(acct, "| interest:", acct.add_interest())

bob = accounts[1]
for amount in [100, 200, 300]:
    try:
        bob.withdraw(amount)
        print("withdrew", amount, "->", bob.balance)
    except InsufficientFundsError as e:
        print("refused:", e)

for bad in [lambda: accounts[2].withdraw(1000), lambda: accounts[0].deposit(-5),
            lambda: Account("Dan", -1)]:
    try:
        bad()
    except (InsufficientFundsError, ValueError) as e:
        print(type(e).__name__ + ":", e)

try:
    accounts[0].balance = 1_000_000
except AttributeError as e:
    print("AttributeError:", e)

print(accounts[0].history)
print(repr(accounts), Account._next_number)
total = sum(a.balance for a in accounts)
print(f"total: {total:,.2f}", max(accounts, key=lambda a: a.balance).owner)
print(sorted(accounts, key=lambda a: a.balance, reverse=True)[0].owner)
print(isinstance(bob, Account), type(bob).__mro__[1].__name__, SavingsAccount.interest_rate)
