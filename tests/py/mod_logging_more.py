# logging: basicConfig options, files, tracebacks, warnings capture, time
import io
import logging
import os
import sys
import time

logging.basicConfig(level=logging.DEBUG, format="%(levelname)-8s %(name)s: %(message)s",
                    stream=sys.stdout)
logging.debug("debug shown")
log = logging.getLogger(__name__)
log.info("module logger %r", [1, 2])
print(logging.root, logging.root.handlers)
logging.basicConfig(level=logging.ERROR)  # ignored: the root has a handler
log.debug("still debug")

s = io.StringIO()
logging.basicConfig(stream=s, format="%(message)s|%(levelno)s", force=True)
logging.warning("to stringio")
print(repr(s.getvalue()), logging.root.level)
for kw in [dict(stream=s, filename="x"), dict(handlers=[logging.NullHandler()], stream=s),
           dict(style="?"), dict(foo=1, bar=2)]:
    try:
        logging.basicConfig(force=True, **kw)
    except Exception as e:
        print(type(e).__name__, e)

logging.basicConfig(handlers=[logging.StreamHandler(sys.stdout)], format="{message}!",
                    style="{", force=True)
logging.warning("brace style basicConfig")

path = "_mod_logging_more.log"
logging.basicConfig(filename=path, filemode="w", force=True, format="%(name)s %(message)s")
logging.warning("to file")
logging.getLogger("child").error("child to file")
h = logging.root.handlers[0]
print(type(h).__name__, os.path.basename(h.baseFilename), h.mode, repr(h).startswith("<FileHandler "))
logging.shutdown()
with open(path) as f:
    print(repr(f.read()))
fh = logging.FileHandler(path, delay=True)
print(fh.stream)
fh.emit(logging.makeLogRecord({"msg": "delayed open"}))
fh.close()
with open(path) as f:
    print(repr(f.read()))
os.remove(path)

# time formatting (fixed clock)
logging.Formatter.converter = time.gmtime
rec = logging.makeLogRecord({"msg": "x", "created": 86400.5, "msecs": 500.0})
print(logging.Formatter("%(asctime)s %(message)s", datefmt="%Y/%m/%d %H:%M").format(rec))
f2 = logging.Formatter("%(asctime)s|%(message)s")
print(f2.format(rec), f2.formatTime(rec), f2.usesTime(), logging.Formatter("%(message)s").usesTime())
class MsecFormatter(logging.Formatter):
    default_msec_format = "%s.%03d"
print(MsecFormatter("%(asctime)s").format(rec))
logging.Formatter.converter = time.localtime

# tracebacks
sh = logging.StreamHandler(sys.stdout)
lg = logging.getLogger("t")
lg.propagate = False
lg.addHandler(sh)
lg.warning("plain")
try:
    raise ValueError("bad value")
except ValueError as e:
    lg.error("caught: %s", e, exc_info=True)
    lg.error("with exc obj", exc_info=e)
    lg.exception("exception()")
    err = e
lg.error("exc tuple", exc_info=(type(err), err, err.__traceback__))
rec = lg.makeRecord("t", 40, "f.py", 1, "cached", (), (type(err), err, None))
fmt = logging.Formatter()
print(fmt.format(rec))
print(repr(rec.exc_text))
print(repr(fmt.formatException((type(err), err, None))))

# extra
sh.setFormatter(logging.Formatter("%(user)s: %(message)s"))
lg.warning("extra", extra={"user": "bob"})
for key in ["message", "asctime", "name"]:
    try:
        lg.warning("x", extra={key: 1})
    except KeyError as e:
        print("KeyError", e)
sh.setFormatter(None)

# errors inside handlers are reported, not raised
logging.raiseExceptions = False
lg.warning("bad fmt %d", "notint")
logging.raiseExceptions = True
print("after quiet handleError")

# warnings capture
import warnings
logging.captureWarnings(True)
ch = logging.StreamHandler(sys.stdout)
ch.setFormatter(logging.Formatter("captured: %(name)s %(levelname)s %(message)s"))
logging.getLogger("py.warnings").addHandler(ch)
warnings.warn("a captured warning")
logging.captureWarnings(False)
print(warnings.showwarning.__name__)

# stream handler details
buf = io.StringIO()
sh2 = logging.StreamHandler(buf)
sh2.terminator = "<END>"
lg.addHandler(sh2)
lg.warning("custom terminator")
print(repr(buf.getvalue()))
old = sh2.setStream(sys.stdout)
print(old is buf, sh2.setStream(sys.stdout))
lg.removeHandler(sh2)
print(repr(logging.StreamHandler(buf)), repr(logging.StreamHandler()))
print(repr(logging.lastResort), logging.lastResort.level)

# logger class customisation
class MyLogger(logging.Logger):
    def hello(self):
        return "hello from " + self.name
logging.setLoggerClass(MyLogger)
print(logging.getLoggerClass().__name__, logging.getLogger("custom.one").hello())
logging.setLoggerClass(logging.Logger)
try:
    logging.setLoggerClass(int)
except TypeError as e:
    print("TypeError", e)
print(type(logging.getLogger("custom.two")).__name__)

# record factory
old_factory = logging.getLogRecordFactory()
def factory(*args, **kwargs):
    record = old_factory(*args, **kwargs)
    record.custom_attribute = 0xdecafbad
    return record
logging.setLogRecordFactory(factory)
sh.setFormatter(logging.Formatter("%(custom_attribute)x %(message)s"))
lg.warning("factory")
logging.setLogRecordFactory(old_factory)

class BufH(logging.Handler):
    pass
print(logging.BufferingFormatter().format([]),
      logging.BufferingFormatter(logging.Formatter("<%(message)s>")).format(
          [logging.makeLogRecord({"msg": "a"}), logging.makeLogRecord({"msg": "b"})]))
