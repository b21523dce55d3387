# Tutorial (sharing between processes with Value and Lock), with 20_000
# increments per process instead of 100_000 to keep the test short.
import multiprocessing
def incrementer(compteur, lock):
    for _ in range(20_000):
        with lock:
            compteur.value += 1
if __name__ == "__main__":
    compteur = multiprocessing.Value('i', 0) # 'i' = integer
    lock = multiprocessing.Lock()
    processes = [multiprocessing.Process(target=incrementer, args=(compteur, lock)) for _ in range(4)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    print(f"Compteur final : {compteur.value}")
