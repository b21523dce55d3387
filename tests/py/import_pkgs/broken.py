print("broken: starting")
value = 1
raise ValueError("broken module fails during import")
