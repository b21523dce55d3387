# The tutorial's base program, run sequentially (pids and times masked).
import time, os
from threading import Thread, current_thread
from multiprocessing import Process, current_process

COUNT = 200_000
SLEEP = 0.01

def io_bound(sec):

    pid = os.getpid()
    threadName = current_thread().name
    processName = current_process().name

    print(f"{processName} * {threadName} \
        ---> Start sleeping...")
    time.sleep(sec)
    print(f"{processName} * {threadName} \
        ---> Finished sleeping...")

def cpu_bound(n):

    pid = os.getpid()
    threadName = current_thread().name
    processName = current_process().name

    print(f"{processName} * {threadName} \
        ---> Start counting...")

    while n>0:
        n -= 1

    print(f"{processName} * {threadName} \
        ---> Finished counting...")

if __name__=="__main__":
    start = time.time()
    io_bound(SLEEP)
    io_bound(SLEEP)
    cpu_bound(COUNT)
    cpu_bound(COUNT)
    end = time.time()
    print('Time taken in seconds -', type(end - start).__name__, end - start > 0)
