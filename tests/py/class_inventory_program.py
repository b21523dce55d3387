# A small inventory program: composition, dict of objects, sorting, reporting, errors.
class Product:
    def __init__(self, sku, name, price, qty=0):
        self.sku, self.name, self.price, self.qty = sku, name, price, qty
    @property
    def value(self):
        return self.price * self.qty
    def __repr__(self):
        return f"Product({self.sku!r}, {self.name!r}, {self.price}, {self.qty})"

class OutOfStock(Exception):
    def __init__(self, product, wanted):
        super().__init__(f"only {product.qty} {product.name} left, {wanted} wanted")
        self.product = product

class Inventory:
    def __init__(self):
        self._items = {}
    def add(self, product):
        if product.sku in self._items:
            raise KeyError(f"duplicate sku {product.sku}")
        self._items[product.sku] = product
    def restock(self, sku, n):
        self._items[sku].qty += n
    def sell(self, sku, n):
        p = self._items[sku]
        if n > p.qty:
            raise OutOfStock(p, n)
        p.qty -= n
        return p.price * n
    def __len__(self):
        return len(self._items)
    def __iter__(self):
        return iter(sorted(self._items.values(), key=lambda p: p.name))
    def __contains__(self, sku):
        return sku in self._items
    def total_value(self):
        return sum(p.value for p in self._items.values())
    def report(self):
        lines = [f"{'SKU':<6}{'Name':<12}{'Price':>8}{'Qty':>5}{'Value':>10}"]
        for p in self:
            lines.append(f"{p.sku:<6}{p.name:<12}{p.price:>8.2f}{p.qty:>5}{p.value:>10.2f}")
        lines.append(f"{'Total':<31}{self.total_value():>10.2f}")
        return "\n".join(lines)

inv = Inventory()
for args in [("A1", "widget", 2.5, 10), ("B2", "gadget", 12.0, 3), ("C3", "doohickey", 0.99, 100)]:
    inv.add(Product(*args))
print(len(inv), "B2" in inv, "Z9" in inv)
print(inv.report())
revenue = 0
for sku, n in [("A1", 4), ("B2", 5), ("C3", 50), ("Z9", 1)]:
    try:
        revenue += inv.sell(sku, n)
        print(f"sold {n} x {sku}")
    except OutOfStock as e:
        print("cannot sell:", e, "| restocking", e.product.sku)
        inv.restock(e.product.sku, n)
    except KeyError as e:
        print("unknown sku:", e)
print(f"revenue: {revenue:.2f}")
try:
    inv.add(Product("A1", "dup", 1))
except KeyError as e:
    print("KeyError:", e)
print(inv.report())
print([p.name for p in inv if p.qty < 10], max(inv, key=lambda p: p.value))
