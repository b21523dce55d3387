# Tutorial (ProcessPoolExecutor), with sizes divided by 100 to keep the test
# short; the float sums are computed in the same order as in CPython.
from concurrent.futures import ProcessPoolExecutor
import math
def calcul_intensif(n):
    return sum(math.sqrt(i) for i in range(n))
nombres = [100_000, 200_000, 150_000, 250_000]
if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=4) as executor:
        resultats = list(executor.map(calcul_intensif, nombres))
    print(f"Resultats : {resultats}")
