# Tutorial (communication with a multiprocessing Queue), unchanged.
from multiprocessing import Process, Queue
def producteur(queue):
    for i in range(5):
        queue.put(f"Message {i}")
    queue.put(None) # Signal de fin
def consommateur(queue):
    while True:
        message = queue.get()
        if message is None:
            break
        print(f"Recu : {message}")
if __name__ == "__main__":
    queue = Queue()
    p1 = Process(target=producteur, args=(queue,))
    p2 = Process(target=consommateur, args=(queue,))
    p1.start()
    p2.start()
    p1.join()
    p2.join()
