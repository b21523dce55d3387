# Tutorial (concurrency, sequential programming): the program every version
# of the later examples starts from, unchanged.
a = 25
b = 30

def add(a, b):
	print("Valeur de l'addition : ", a+b)

def sub(a, b):
	print("Valeur de la soustraction : ", a-b)

add(a,b)
sub(a,b)
