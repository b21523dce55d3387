try:
  a
finally:
b
