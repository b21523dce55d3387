# Traceback through generator frames and a with block.
def parse(lines):
    for line in lines:
        yield int(line)

def total(lines):
    result = 0
    for value in parse(lines):
        result += value
    return result

print(total(["1", "2"]))
print(total(["3", "four"]))
