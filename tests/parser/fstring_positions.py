def show(pid, name, score):
    print(f"{pid} * {name} \
scored {score:>5.1f}")
    return f"{pid:04d}-{name.upper()}"

msg = (f"first {a}"
       f"second {b + c}"
       "plain")
text = f"""
    {header}
    {body:>{width}}
"""
