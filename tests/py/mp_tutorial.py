# The multiprocessing programs of the tutorials minipy's users follow,
# with small sizes.  Their processes print concurrently, so each program
# runs with its output captured; the test prints the lines sorted, with
# pids and times replaced.
import os
import sys
import time
import multiprocessing
from threading import Thread, current_thread
from multiprocessing import Process, Queue, current_process
from concurrent.futures import ProcessPoolExecutor

COUNT = 200000
SLEEP = 0.1


def io_bound(sec):
    pid = os.getpid()
    threadName = current_thread().name
    processName = current_process().name
    print(f"{pid} * {processName} * {threadName} \
        ---> Start sleeping...")
    time.sleep(sec)
    print(f"{pid} * {processName} * {threadName} \
        ---> Finished sleeping...")


def cpu_bound(n):
    pid = os.getpid()
    threadName = current_thread().name
    processName = current_process().name
    print(f"{pid} * {processName} * {threadName} \
        ---> Start counting...")
    while n > 0:
        n -= 1
    print(f"{pid} * {processName} * {threadName} \
        ---> Finished counting...")


def part5():
    start = time.time()
    p1 = Process(target=cpu_bound, args=(COUNT, ))
    p2 = Process(target=cpu_bound, args=(COUNT, ))
    p1.start()
    p2.start()
    p1.join()
    p2.join()
    end = time.time()
    print('Time taken in seconds -', end - start)


def part6():
    start = time.time()
    p1 = Process(target=io_bound, args=(SLEEP, ))
    p2 = Process(target=io_bound, args=(SLEEP, ))
    p1.start()
    p2.start()
    p1.join()
    p2.join()
    end = time.time()
    print('Time taken in seconds -', end - start)


def spawn(num):
    print('Spawned! {}'.format(num))


def spawner():
    for i in range(5):
        p = multiprocessing.Process(target=spawn, args=(i,))
        p.start()
        p.join()


def count_up():
    count = 0
    for i in range(COUNT):
        count = count + i


def count_down():
    count = 0
    for i in range(COUNT):
        count = count + i


def count_up_down():
    start_time = time.time()
    process1 = multiprocessing.Process(target=count_up)
    process2 = multiprocessing.Process(target=count_down)
    process1.start()
    process2.start()
    process1.join()
    process2.join()
    end_time = time.time()
    print(f"Temps écoulé : {end_time - start_time} secondes")


def incrementer(compteur, lock):
    for _ in range(10_000):
        with lock:
            compteur.value += 1


def shared_counter():
    compteur = multiprocessing.Value('i', 0)
    lock = multiprocessing.Lock()
    processes = [multiprocessing.Process(target=incrementer, args=(compteur, lock)) for _ in range(4)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    print(f"Compteur final : {compteur.value}")


def producteur(queue):
    for i in range(5):
        queue.put(f"Message {i}")
    queue.put(None)


def consommateur(queue):
    while True:
        message = queue.get()
        if message is None:
            break
        print(f"Recu : {message}")


def producer_consumer():
    queue = Queue()
    p1 = Process(target=producteur, args=(queue,))
    p2 = Process(target=consommateur, args=(queue,))
    p1.start()
    p2.start()
    p1.join()
    p2.join()


def calcul(n):
    return sum(i * i for i in range(n))


def executor():
    with ProcessPoolExecutor(max_workers=4) as executor:
        resultats = list(executor.map(calcul, [1000, 2000, 3000]))
    print(resultats)


def process_data_chunk(data_chunk):
    process_id = multiprocessing.current_process().name
    result = []
    for item in data_chunk:
        processed = sum(i ** 2 for i in range(item))
        result.append(processed)
    return {'process': process_id, 'items_processed': len(result), 'results': result[:5]}


def pool_chunks():
    data = [100 + (i * 37) % 900 for i in range(100)]
    for num_workers in [1, 2, 4]:
        chunk_size = len(data) // num_workers
        chunks = [data[i:i + chunk_size] for i in range(0, len(data), chunk_size)]
        with multiprocessing.Pool(processes=num_workers) as pool:
            results = pool.map(process_data_chunk, chunks)
        print(f"=== Processing with {num_workers} workers ===")
        for result in results:
            print(f"Processed {result['items_processed']} items")
            print(f" Sample results: {result['results']}")


def increment_process(counter, n):
    for _ in range(n):
        with counter.get_lock():
            counter.value += 1


def value_counter():
    shared_counter_process = multiprocessing.Value('i', 0)
    processes = [multiprocessing.Process(target=increment_process, args=(shared_counter_process, 5000))
                 for _ in range(4)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    print(f"Final counter value: {shared_counter_process.value}")


def normalize(line):
    """Replace a leading pid and the timings."""
    words = line.split()
    if words and words[0].isdigit():
        words[0] = 'PID'
    for i, word in enumerate(words):
        if '.' in word and word.replace('.', '').replace('e-', '').isdigit():
            words[i] = 'TIME'
    return ' '.join(words)


def run_captured(program):
    """Run program() in a child whose stdout is a pipe; return its lines."""
    sys.stdout.flush()
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        os.dup2(w, 1)
        # Line buffering: each line is written whole, so the lines of
        # concurrent processes do not mix.
        sys.stdout = open(1, 'w', buffering=1, closefd=False)
        try:
            program()
        finally:
            sys.stdout.flush()
            os._exit(0)
    os.close(w)
    chunks = []
    while True:
        chunk = os.read(r, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(r)
    os.waitpid(pid, 0)
    return b''.join(chunks).decode().splitlines()


if __name__ == '__main__':
    for program in (part5, part6, spawner, count_up_down, shared_counter, producer_consumer,
                    executor, pool_chunks, value_counter):
        print('==', program.__name__)
        lines = run_captured(program)
        if program in (part5, part6):
            lines.sort()
        for line in lines:
            print(normalize(line))
