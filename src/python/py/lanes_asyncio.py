"""Lanes' view of asyncio: every task on a lane of its own, as the TypeScript async runner draws
its tasks. The event loop is Pyodide's (it schedules on the browser's event loop); this module
only watches it. The running loop's task factory wraps each task's coroutine, so that every
step the task takes (one send or throw into its coroutine) is seen: the task is `running` in
it, and when the step ends its coroutine is suspended on something, which says how it waits:

- in `asyncio.sleep`: `waiting` (an I/O-like wait), until the sleep's deadline;
- in an asyncio Lock, Event, Condition, Semaphore, Barrier or Queue, or on another task, a
  gather or a future: `blocked`, the span labelled with what it waits for;
- on nothing (`await asyncio.sleep(0)`, or its wait is over): `ready`, until the loop runs it.

The thread that runs the loop keeps its own lane: `running` while one of its tasks runs,
`waiting` while the loop has nothing to run.
"""

import asyncio
import collections.abc
import functools

import _lanes_host as host
import lanes_thread
from pyodide.webloop import PyodideTask

# Where the program's coroutine is suspended, by frame: (module, qualified name) -> the label of
# its `blocked` span. The outermost match names the wait (Barrier.wait, not the Condition it uses).
_BLOCKING = {
    ("asyncio.locks", "Lock.acquire"): "waits for a Lock",
    ("asyncio.locks", "Event.wait"): "waits for an Event",
    ("asyncio.locks", "Condition.wait"): "waits on a Condition",
    ("asyncio.locks", "Condition.wait_for"): "waits on a Condition",
    ("asyncio.locks", "Semaphore.acquire"): "waits for a Semaphore",
    ("asyncio.locks", "Barrier.wait"): "waits at a Barrier",
    ("asyncio.queues", "Queue.get"): "waits for an item (Queue.get)",
    ("asyncio.queues", "Queue.put"): "waits for room (Queue.put)",
    ("asyncio.queues", "Queue.join"): "waits for Queue.join",
}
_SLEEP = ("asyncio.tasks", "sleep")


class _Task:
    """A task's lane and its current span."""

    __slots__ = ("lane", "label", "state", "since", "span_label", "woke", "wait")

    def __init__(self, lane, label):
        self.lane = lane
        self.label = label
        self.state = None
        self.since = 0.0
        self.span_label = None
        self.woke = None  # when its wait ended (it is ready from then on), if known
        self.wait = 0  # counts its waits, so that a late wake-up of an old one is ignored


_lane_prefix = "py:task:"
_made = 0  # tasks made this run: Task-1, Task-2, ... as in a fresh interpreter
_open = []  # tasks whose lane has a span still open
_running = None  # the task whose step runs now
_loop_thread = None  # the thread inside run_until_complete (the loop runs on it), if any


def _reset(lane_prefix):
    """Start of a run: no tasks yet. `lane_prefix` is the threads' ("py:thread:") with "task:"."""
    global _lane_prefix, _made, _open, _running, _loop_thread
    _lane_prefix = lane_prefix
    _made = 0
    _open = []
    _running = None
    _loop_thread = None
    loop = asyncio.get_event_loop()
    loop.set_task_factory(_task_factory)
    _watch_run_until_complete(type(loop))


def _set(t, state, at=None, label=None):
    """End t's span at `at` (now by default) and start one in `state` (None: the task ended). A
    `ready` span too short to be a wait for the loop is the cost of a step, and is not drawn."""
    if at is None:
        at = host.now()
    if t.state is not None and at > t.since and not (t.state == "ready" and at - t.since < lanes_thread.READY_MIN_MS):
        if t.span_label is None:
            host.span(t.lane, t.state, t.since, at)
        else:
            host.span(t.lane, t.state, t.since, at, t.span_label)
    t.state = state
    t.since = at
    t.span_label = label


def output_lane():
    """The lane of the task whose step is running now on the loop's thread, if one is."""
    if _running is None or _loop_thread is None or lanes_thread.current_record() is not _loop_thread:
        return None
    return _running.lane


def finish():
    """End of a run: close the lanes of tasks that never finished."""
    now = host.now()
    for t in _open:
        if t.state is not None:
            _set(t, None, now)


def _task_factory(loop, coro, *, name=None, **kwargs):
    if not asyncio.iscoroutine(coro):
        return PyodideTask(coro, loop=loop, name=name, **kwargs)  # its TypeError, as asyncio says it
    if _wraps_an_awaitable(coro):
        # ensure_future's wrapper of an awaitable that is no coroutine: what run_sync makes of a
        # JavaScript promise each time an emulated thread waits. Not a task of the program's.
        return PyodideTask(coro, loop=loop, name=name, **kwargs)
    global _made
    _made += 1
    if name is None:
        name = "Task-%d" % _made
        label = "%s (%s)" % (name, getattr(coro, "__qualname__", None) or getattr(coro, "__name__", "coroutine"))
    else:
        label = str(name)
    t = _Task(_lane_prefix + str(_made), label)
    host.lane(t.lane, label, "task")
    _set(t, "ready")
    _open.append(t)
    task = PyodideTask(_Traced(coro, t), loop=loop, name=name, **kwargs)
    task._lanes_label = label
    return task


def loop_runs(call):
    """call() runs the event loop until something is done (asyncio.run, a top-level await): the
    current thread is the loop's meanwhile, `waiting` while the loop has nothing to run."""
    global _loop_thread
    outer = _loop_thread
    _loop_thread = lanes_thread.current_record()
    lanes_thread.set_state(_loop_thread, "waiting")
    try:
        return call()
    finally:
        lanes_thread.set_state(_loop_thread, "running")
        _loop_thread = outer


def _wraps_an_awaitable(coro):
    code = getattr(coro, "cr_code", None)
    frame = getattr(coro, "cr_frame", None)
    return code is not None and code.co_name == "_wrap_awaitable" and frame is not None and frame.f_globals.get("__name__") == "asyncio.tasks"


def _watch_run_until_complete(loop_class):
    """asyncio.run calls the loop's run_until_complete: watched as loop_runs. Once per class."""
    if getattr(loop_class, "_lanes_watched", False):
        return
    original = loop_class.run_until_complete

    @functools.wraps(original)
    def run_until_complete(self, future):
        return loop_runs(lambda: original(self, future))

    loop_class.run_until_complete = run_until_complete
    loop_class._lanes_watched = True


class _Traced(collections.abc.Coroutine):
    """The coroutine a task runs, seen from outside: each send or throw is one step of the task.
    Everything else (cr_frame, __name__, ...) is the program's coroutine's."""

    __slots__ = ("_coro", "_task")

    def __init__(self, coro, task):
        self._coro = coro
        self._task = task

    def send(self, value):
        return self._step(self._coro.send, value)

    def throw(self, *args):
        return self._step(self._coro.throw, *args)

    def close(self):
        return self._coro.close()

    def __await__(self):
        return self._coro.__await__()

    def __getattr__(self, name):
        if name in _Traced.__slots__:
            raise AttributeError(name)  # not set yet: not the coroutine's to answer
        return getattr(self._coro, name)

    def __repr__(self):
        return repr(self._coro)

    def _step(self, method, *args):
        global _running
        t = self._task
        now = host.now()
        if t.state in ("waiting", "blocked") and t.woke is not None and now - t.woke > lanes_thread.READY_MIN_MS:
            _set(t, "ready", min(t.woke, now))
        _set(t, "running", now)
        outer = _running
        _running = t
        loop_thread = _loop_thread if outer is None else None
        if loop_thread is not None:
            lanes_thread.set_state(loop_thread, "running", now)
        try:
            awaited = method(*args)
        except BaseException:
            _set(t, None)
            raise
        else:
            _suspended(t, self._coro, awaited)
        finally:
            _running = outer
            if loop_thread is not None and loop_thread is _loop_thread:
                lanes_thread.set_state(loop_thread, "waiting")
        return awaited


def _suspended(t, coro, awaited):
    """The task's step ended with its coroutine suspended on `awaited` (a future, or None)."""
    now = host.now()
    t.wait += 1
    t.woke = None
    if awaited is None:
        _set(t, "ready", now)
        return
    state, label, deadline = _how_it_waits(coro, awaited, now)
    _set(t, state, now, label)
    if deadline is not None:
        t.woke = deadline
    elif hasattr(awaited, "add_done_callback"):
        awaited.add_done_callback(functools.partial(_woke, t, t.wait))


def _woke(t, wait, _future):
    if t.wait == wait and t.woke is None:
        t.woke = host.now()


def _how_it_waits(coro, awaited, now):
    """(state, label, deadline) of a coroutine suspended on `awaited`, from its await chain."""
    named = None
    while coro is not None:
        frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None)
        if frame is not None:
            where = (frame.f_globals.get("__name__"), frame.f_code.co_qualname)
            if where == _SLEEP:
                delay = frame.f_locals.get("delay")
                return "waiting", None, now + delay * 1000.0 if isinstance(delay, (int, float)) else None
            if named is None:
                named = _BLOCKING.get(where)
        coro = getattr(coro, "cr_await", None) or getattr(coro, "gi_yieldfrom", None)
    if named is not None:
        return "blocked", named, None
    return "blocked", _what(awaited), None


def _what(awaited):
    label = getattr(awaited, "_lanes_label", None)
    if label is not None:
        return "awaits %s" % label
    if type(awaited).__name__ == "_GatheringFuture":
        return "awaits gather (%d)" % len(getattr(awaited, "_children", ()))
    return "awaits a future"
