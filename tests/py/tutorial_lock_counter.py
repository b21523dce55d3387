# Tutorial (sharing between threads with a Lock), unchanged: always 400000.
import threading
compteur = 0
lock = threading.Lock()
def incrementer():
    global compteur
    for _ in range(100_000):
        with lock: # Protection de la section critique
            compteur += 1
threads = [threading.Thread(target=incrementer) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"Compteur final : {compteur}") # Toujours 400000
