# Uncaught KeyError and a message with quotes: repr in the last line.
stock = {"apple": 3}
def buy(item):
    stock[item] -= 1
buy("apple")
print(stock)
buy("pear")
