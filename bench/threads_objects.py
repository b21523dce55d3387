"""threads_objects: an object workload (instances, attributes, methods,
lists and dicts) done twice, sequential (`seq`) or in two threads (`par`).
Each thread builds its own objects but both share the class and the
module's globals, as real programs do."""
import sys
import threading


class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        self.balance += amount
        self.history.append(amount)
        if len(self.history) > 8:
            self.history = self.history[4:]
        return self.balance


def workload(n):
    accounts = [Account("user%d" % i, i) for i in range(50)]
    index = {a.owner: a for a in accounts}
    total = 0
    for i in range(n):
        a = index["user%d" % (i % 50)]
        total += a.deposit(i % 13) % 1000
    return total + sum(a.balance for a in accounts)


def main(mode, n):
    if mode == "seq":
        results = [workload(n), workload(n)]
    else:
        results = [None, None]

        def work(k):
            results[k] = workload(n)

        threads = [threading.Thread(target=work, args=(k,)) for k in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    print(mode, results)


main(sys.argv[1] if len(sys.argv) > 1 else "seq", int(sys.argv[2]) if len(sys.argv) > 2 else 300_000)
