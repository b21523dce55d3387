# Asking until the input is valid: int(), float(), exceptions and while loops (stdin: .in file).
def ask_int(prompt, lo, hi):
    while True:
        text = input(prompt)
        try:
            value = int(text)
        except ValueError:
            print(f"  {text!r} is not a whole number")
            continue
        if not lo <= value <= hi:
            print(f"  {value} is not between {lo} and {hi}")
            continue
        return value
def ask_float(prompt):
    while True:
        try:
            return float(input(prompt))
        except ValueError as e:
            print("  error:", e)
age = ask_int("Age? ", 0, 130)
height = ask_float("Height in m? ")
weight = ask_float("Weight in kg? ")
bmi = weight / height ** 2
print(f"\nage {age}, BMI {bmi:.1f}")
category = "under" if bmi < 18.5 else "normal" if bmi < 25 else "over"
print("category:", category)
total = 0
count = 0
while (line := input("number (blank to stop): ")) != "":
    try:
        total += float(line)
        count += 1
    except ValueError:
        print("  skipped", repr(line))
print(f"\n{count} numbers, total {total:g}, mean {total / count if count else 0:.3f}")
