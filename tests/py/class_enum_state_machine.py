# Enums driving a small state machine: members, values, iteration, auto, Flag, comparisons.
from enum import Enum, IntEnum, auto, Flag
class State(Enum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    DONE = "done"
TRANSITIONS = {
    State.IDLE: {"start": State.RUNNING},
    State.RUNNING: {"pause": State.PAUSED, "finish": State.DONE},
    State.PAUSED: {"resume": State.RUNNING, "stop": State.DONE},
    State.DONE: {},
}
def run(events):
    state = State.IDLE
    for event in events:
        nxt = TRANSITIONS[state].get(event)
        if nxt is None:
            print(f"  ignored {event!r} in {state.name}")
            continue
        print(f"  {state.name} --{event}--> {nxt.name}")
        state = nxt
    return state
print(run(["start", "pause", "start", "resume", "finish", "start"]))
print(list(State), State("paused"), State["DONE"].value, State.IDLE is State.IDLE, len(State))
try:
    State("flying")
except ValueError as e:
    print(type(e).__name__, e)
class Priority(IntEnum):
    LOW = auto()
    MEDIUM = auto()
    HIGH = auto()
print(Priority.HIGH > Priority.LOW, Priority.MEDIUM + 1, sorted([Priority.HIGH, Priority.LOW]), int(Priority.MEDIUM))
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = Perm.R | Perm.W
print(rw, Perm.R in rw, Perm.X in rw, bool(rw & Perm.X), Perm(7))
print(State.RUNNING.name, repr(State.RUNNING), isinstance(State.DONE, State), State.DONE == "done")
print({s.name: s.value for s in State})
