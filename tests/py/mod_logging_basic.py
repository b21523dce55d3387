# logging: default configuration, levels, hierarchy, formatters, errors
import logging
import sys

# Before any configuration: the last-resort handler prints bare messages
# to stderr; the module-level functions call basicConfig() first.
logging.getLogger("app").warning("last resort %d", 5)
logging.getLogger("app").info("hidden: below WARNING")
logging.warning("root warn %s", "x")
logging.info("hidden info")
logging.error("an error")
logging.critical("critical!")
print(logging.root, logging.root.handlers, logging.root.handlers[0].formatter._fmt)

print(logging.getLevelName(10), logging.getLevelName("INFO"), logging.getLevelName(15),
      logging.getLevelName(logging.WARN), logging.getLevelName("nope"))
logging.addLevelName(15, "VERBOSE")
print(logging.getLevelName(15), logging.getLevelName("VERBOSE"))
print(logging.CRITICAL, logging.FATAL, logging.ERROR, logging.WARNING, logging.INFO,
      logging.DEBUG, logging.NOTSET, logging.BASIC_FORMAT)
print(sorted(logging.getLevelNamesMapping().items())[:3])

# hierarchy
a_b = logging.getLogger("a.b")
print(a_b, a_b.parent, logging.getLogger("a").getChild("b") is a_b)
print(logging.getLogger("a.b.c").parent.name, logging.getLogger("a").name,
      logging.getLogger("a.b.c").parent.name)
print(logging.getLogger("x.y.z").parent.name)
print(logging.getLogger("x").name, logging.getLogger("x.y.z").parent.name)
print(logging.getLogger() is logging.root, logging.getLogger("root") is logging.root,
      logging.getLogger("") is logging.root)
print(isinstance(logging.Logger.manager.loggerDict["x.y"], logging.PlaceHolder))

h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter(
    "%(name)s|%(levelname)s|%(message)s|%(funcName)s|%(lineno)d|%(module)s|%(filename)s"))
lg = logging.getLogger("x.y")
lg.addHandler(h)
lg.setLevel(logging.DEBUG)
def func():
    lg.debug("dbg %s %s", 1, 2)
func()
lg.propagate = False
lg.info("dict %(a)s", {"a": 7})
lg.log(15, "custom level")
print(repr(lg), repr(h), lg.getEffectiveLevel(), lg.isEnabledFor(5), lg.isEnabledFor(10),
      lg.hasHandlers())
print(logging.getLogger("x.y.z").getEffectiveLevel(), logging.getLogger("q").getEffectiveLevel())

# format styles
h.setFormatter(logging.Formatter("{levelname}-{message}", style="{"))
lg.warning("brace")
h.setFormatter(logging.Formatter("$levelname-${message}", style="$"))
lg.warning("dollar")
h.setFormatter(logging.Formatter("%(levelname)s:%(missing)s"))
h.setFormatter(logging.Formatter("[%(levelname)8s] %(message)-6s|"))
lg.warning("pad")
h.setFormatter(logging.Formatter("%(custom)s %(message)s", defaults={"custom": "dflt"}))
lg.warning("defaults")
for args, kw in [(("%(x",), {}), (("abc", None, "{"), {}), (("abc", None, "$"), {}),
                 (("x", None, "!"), {}), (("$", None, "$"), {}), (("{x!z}", None, "{"), {}),
                 (("no fields",), {"validate": False})]:
    try:
        f = logging.Formatter(*args, **kw)
        print("ok", f._fmt)
    except Exception as e:
        print(type(e).__name__, e)

# level errors
for bad in ["BOGUS", 1.5, None]:
    try:
        lg.setLevel(bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    lg.log("x", "m")
except Exception as e:
    print(type(e).__name__, e)
try:
    logging.getLogger(5)
except Exception as e:
    print(type(e).__name__, e)
try:
    logging.StreamHandler().setLevel("NOPE")
except Exception as e:
    print(type(e).__name__, e)

# filters
h.setFormatter(logging.Formatter("%(levelname)s:%(name)s:%(message)s"))
class KeepFilter(logging.Filter):
    def filter(self, record):
        return "keep" in record.getMessage()
kf = KeepFilter()
lg.addFilter(kf)
lg.warning("drop me")
lg.warning("keep me")
lg.removeFilter(kf)
h.addFilter(lambda r: r.levelno >= logging.ERROR)
lg.warning("filtered by handler callable")
lg.error("error passes")
h.filters.clear()
for name in ["a.bc", "a.b.c", "a.b", "a", "b"]:
    print(name, logging.Filter("a.b").filter(logging.makeLogRecord({"name": name})),
          logging.Filter().filter(logging.makeLogRecord({"name": name})))

# adapters and records
ad = logging.LoggerAdapter(lg, {"k": 1})
print(repr(ad), ad.name, ad.isEnabledFor(10), ad.getEffectiveLevel())
h.setFormatter(logging.Formatter("%(k)s %(message)s"))
ad.warning("adapter")
class Prefix(logging.LoggerAdapter):
    def process(self, msg, kwargs):
        return "[%s] %s" % (self.extra["id"], msg), kwargs
h.setFormatter(logging.Formatter("%(message)s"))
Prefix(lg, {"id": 42}).error("custom process")
rec = logging.makeLogRecord({"msg": "m %s", "args": (1,), "levelno": 20})
print(rec.getMessage(), rec.levelname)
r2 = lg.makeRecord("n", 20, "/a/b.py", 3, "hi", (), None)
print(repr(r2), r2.filename, r2.module, r2.levelname, r2.threadName, r2.processName,
      r2.funcName, r2.exc_info, r2.stack_info, type(r2.created).__name__)
print(logging.LogRecord("n", 40, "p.py", 1, "%s-%s", ("a", "b"), None).getMessage())
print(logging.LogRecord("n", 40, "p.py", 1, 12345, None, None).getMessage())

# disable
logging.disable(logging.ERROR)
lg.error("disabled")
lg.critical("critical still shown")
logging.disable(logging.NOTSET)
lg.error("enabled again")
lg.disabled = True
lg.critical("logger disabled")
lg.disabled = False

# handlers
nh = logging.NullHandler()
print(repr(nh), nh.lock)
class ListHandler(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.records = []
    def emit(self, record):
        self.records.append(self.format(record))
lh = ListHandler()
lh.name = "list"
print(lh.name, repr(lh), logging.getHandlerByName("list") is lh if hasattr(logging, "getHandlerByName") else True)
lg.addHandler(lh)
lg.warning("only stream")
lg.error("both %s", "handlers")
print(lh.records)
lg.removeHandler(lh)
lg.removeHandler(h)
print(lg.hasHandlers(), lg.handlers)
lg.propagate = True
print(lg.hasHandlers())
try:
    logging.Handler().emit(None)
except NotImplementedError as e:
    print("NotImplementedError", e)
