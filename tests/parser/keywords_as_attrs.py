x.match
x.case
x._
print.print
match.case.x = 1
soft = [match, case, _]
