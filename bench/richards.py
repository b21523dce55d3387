"""richards: a small operating-system scheduler simulation in the style of
Martin Richards' benchmark: task objects, packets in linked queues,
method dispatch and attribute access."""
import sys

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
BUFSIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, sched, ident, priority, queue, state):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.waiting = state == "wait"
        self.held = False
        self.has_packet = queue is not None
        self.link = sched.tasks
        sched.tasks = self
        sched.table[ident] = self

    def runnable(self):
        return not self.held and (self.has_packet or not self.waiting)

    def take_packet(self):
        p = self.queue
        self.queue = p.link
        self.has_packet = self.queue is not None
        self.waiting = False
        return p

    def add_packet(self, p, current):
        if self.queue is None:
            self.queue = p
            self.has_packet = True
            if self.priority > current.priority:
                return self
        else:
            self.queue = p.append_to(self.queue)
        return current


class IdleTask(Task):
    def __init__(self, sched, count):
        super().__init__(sched, IDLE, 0, None, "run")
        self.control = 1
        self.count = count

    def step(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.sched.hold_self()
        if self.control & 1 == 0:
            self.control >>= 1
            return self.sched.release(DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return self.sched.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, sched, queue):
        super().__init__(sched, WORKER, 1000, queue, "wait")
        self.dest = HANDLER_A
        self.count = 0

    def step(self, packet):
        if packet is None:
            return self.sched.wait()
        self.dest = HANDLER_B if self.dest == HANDLER_A else HANDLER_A
        packet.ident = self.dest
        packet.datum = 0
        for i in range(BUFSIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            packet.data[i] = 64 + self.count
        return self.sched.queue_packet(packet)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue, "wait")
        self.work = None
        self.devices = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        if self.work is not None:
            work = self.work
            count = work.datum
            if count >= BUFSIZE:
                self.work = work.link
                return self.sched.queue_packet(work)
            if self.devices is not None:
                dev = self.devices
                self.devices = dev.link
                dev.datum = work.data[count]
                work.datum = count + 1
                return self.sched.queue_packet(dev)
        return self.sched.wait()


class DeviceTask(Task):
    def __init__(self, sched, ident, priority):
        super().__init__(sched, ident, priority, None, "wait")
        self.pending = None

    def step(self, packet):
        if packet is None:
            if self.pending is None:
                return self.sched.wait()
            p = self.pending
            self.pending = None
            return self.sched.queue_packet(p)
        self.pending = packet
        self.sched.hold_count += 1
        return self.sched.hold_self()


class Scheduler:
    def __init__(self):
        self.tasks = None
        self.table = [None] * 6
        self.current = None
        self.queue_count = 0
        self.hold_count = 0

    def hold_self(self):
        self.hold_count += 1
        self.current.held = True
        return self.current.link

    def wait(self):
        self.current.waiting = True
        return self.current

    def release(self, ident):
        t = self.table[ident]
        t.held = False
        if t.priority > self.current.priority:
            return t
        return self.current

    def queue_packet(self, packet):
        t = self.table[packet.ident]
        self.queue_count += 1
        packet.link = None
        packet.ident = self.current.ident
        return t.add_packet(packet, self.current)

    def run(self):
        t = self.tasks
        while t is not None:
            if t.runnable():
                self.current = t
                packet = t.take_packet() if t.has_packet and t.waiting else None
                t = t.step(packet)
            else:
                t = t.link


def richards(count):
    s = Scheduler()
    IdleTask(s, count)
    wq = Packet(None, 0, KIND_WORK)
    wq = Packet(wq, 0, KIND_WORK)
    WorkerTask(s, wq)
    for ident, prio in ((HANDLER_A, 2000), (HANDLER_B, 3000)):
        q = Packet(None, DEVICE_A if ident == HANDLER_A else DEVICE_B, KIND_DEVICE)
        q = Packet(q, q.ident, KIND_DEVICE)
        q = Packet(q, q.ident, KIND_DEVICE)
        HandlerTask(s, ident, prio, q)
    DeviceTask(s, DEVICE_A, 4000)
    DeviceTask(s, DEVICE_B, 5000)
    s.run()
    return s.queue_count, s.hold_count


N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
print(*richards(N))
