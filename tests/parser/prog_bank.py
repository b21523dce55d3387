class InsufficientFunds(Exception):
    def __init__(self, needed):
        super().__init__(f"need {needed} more")
        self.needed = needed

class Account:
    interest = 0.02
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.history: list[tuple[str, float]] = []
    @property
    def balance(self):
        return self._balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))
        return self
    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(amount - self._balance)
        self._balance -= amount
        self.history.append(("withdraw", amount))
        return self

acct = Account("bob", 100)
acct.deposit(50).withdraw(30)
try:
    acct.withdraw(1000)
except InsufficientFunds as e:
    print("error:", e, e.needed)
finally:
    print(acct.balance, acct.history)
