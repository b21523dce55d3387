# logging.handlers: rotating files, memory buffering, queues
import logging
import logging.handlers
import os
import queue
import sys

base = "_mod_logging_handlers.log"
def cleanup():
    for name in [base, base + ".1", base + ".2", base + ".3"]:
        if os.path.exists(name):
            os.remove(name)
cleanup()

lg = logging.getLogger("rot")
lg.propagate = False
rh = logging.handlers.RotatingFileHandler(base, maxBytes=40, backupCount=2)
rh.setFormatter(logging.Formatter("%(message)s"))
lg.addHandler(rh)
for i in range(8):
    lg.warning("message number %d", i)
rh.close()
lg.removeHandler(rh)
for name in [base, base + ".1", base + ".2", base + ".3"]:
    if os.path.exists(name):
        with open(name) as f:
            print(name, repr(f.read()))
    else:
        print(name, "missing")
cleanup()

rh2 = logging.handlers.RotatingFileHandler(base, maxBytes=0)
print(rh2.shouldRollover(logging.makeLogRecord({"msg": "x"})), rh2.mode)
rh2.close()
cleanup()

# memory handler: flushes to the target on ERROR or when full
target = logging.StreamHandler(sys.stdout)
target.setFormatter(logging.Formatter("target got %(levelname)s %(message)s"))
mh = logging.handlers.MemoryHandler(3, flushLevel=logging.ERROR, target=target)
ml = logging.getLogger("mem")
ml.propagate = False
ml.addHandler(mh)
ml.warning("one")
ml.warning("two")
print("buffered", len(mh.buffer))
ml.error("three (flush level)")
print("buffered", len(mh.buffer))
ml.warning("four")
ml.warning("five")
ml.warning("six (capacity)")
print("buffered", len(mh.buffer))
ml.warning("seven")
mh.close()
print("after close", len(mh.buffer), mh.target)

bh = logging.handlers.BufferingHandler(2)
bh.emit(logging.makeLogRecord({"msg": "a"}))
print(len(bh.buffer), bh.shouldFlush(None))
bh.emit(logging.makeLogRecord({"msg": "b"}))
print(len(bh.buffer))

# queue handler and listener
q = queue.Queue()
qh = logging.handlers.QueueHandler(q)
ql = logging.getLogger("q")
ql.propagate = False
ql.addHandler(qh)
ql.warning("queued %s", "message")
rec = q.get_nowait()
print(rec.msg, rec.args, rec.message, rec.exc_info)
out = logging.StreamHandler(sys.stdout)
out.setFormatter(logging.Formatter("listener: %(message)s"))
listener = logging.handlers.QueueListener(q, out)
listener.start()
for i in range(3):
    ql.warning("via listener %d", i)
listener.stop()
print("listener stopped")
try:
    logging.handlers.TimedRotatingFileHandler(base, when="fortnight")
except ValueError as e:
    print("ValueError", e)
cleanup()
