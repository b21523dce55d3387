# A reverse Polish notation calculator: stacks, dict of operator functions, error handling.
import operator
OPS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
       "//": operator.floordiv, "%": operator.mod, "**": operator.pow}
class CalcError(Exception):
    pass
def rpn(expression):
    stack = []
    for token in expression.split():
        if token in OPS:
            if len(stack) < 2:
                raise CalcError(f"not enough operands for {token!r}")
            b, a = stack.pop(), stack.pop()
            try:
                stack.append(OPS[token](a, b))
            except ZeroDivisionError as e:
                raise CalcError(f"{a} {token} {b}: {e}") from e
        elif token == "dup":
            stack.append(stack[-1])
        elif token == "swap":
            stack[-1], stack[-2] = stack[-2], stack[-1]
        else:
            try:
                stack.append(int(token))
            except ValueError:
                try:
                    stack.append(float(token))
                except ValueError:
                    raise CalcError(f"unknown token {token!r}") from None
    if len(stack) != 1:
        raise CalcError(f"stack has {len(stack)} values: {stack}")
    return stack[0]
for expr in ["3 4 +", "5 1 2 + 4 * + 3 -", "2 10 **", "7 2 /", "7 2 //", "1.5 2 *", "3 dup *",
             "1 2 swap -", "1 +", "4 0 /", "2 x +", "1 2 3", "10 3 %", "2 0.5 **"]:
    try:
        print(f"{expr:<22} = {rpn(expr)}")
    except CalcError as e:
        print(f"{expr:<22} ! {e}", f"(cause: {type(e.__cause__).__name__})" if e.__cause__ else "")
