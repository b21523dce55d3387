"""producer_consumer.py: two threads talking through a queue.Queue.

The producer puts messages on the queue, then None, the agreed signal
for "no more messages" (a sentinel, sometimes called a poison pill).
The consumer takes messages until it gets None.  Queue does all the
locking: get() sleeps, with the GIL released, until an item is there,
and the bounded queue (maxsize=2) makes the producer wait whenever the
consumer falls behind.

Usage: producer_consumer.py [COUNT]     (default 5 messages)
"""

import sys
import threading
import queue


def producer(q, count):
    for i in range(count):
        q.put(f"Message {i}")
    q.put(None)             # no more messages


def consumer(q, received):
    while True:
        message = q.get()
        if message is None:
            break
        print(f"Received: {message}")
        received.append(message)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    q = queue.Queue(maxsize=2)
    received = []
    threads = [threading.Thread(target=producer, args=(q, count)),
               threading.Thread(target=consumer, args=(q, received))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"{len(received)} messages received, queue empty: {q.empty()}")


if __name__ == '__main__':
    main()
