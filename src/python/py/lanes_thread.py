"""A replacement for CPython's `_thread`, installed as sys.modules["_thread"] for each run.

Pyodide has one real thread. Each Python thread here runs on its own WebAssembly stack
(entered from JavaScript through a promising call); whichever stack is executing holds the
emulated GIL. A thread leaves the CPU only where CPython's would release the GIL: in a blocking
wait (sleep, a contended lock, a join), suspending its stack with `run_sync` on a JavaScript
promise, or when its switch interval is over and another thread may want the CPU (a signal the
switch ticker raises; see `on_switch_tick`). `threading`, `queue` and `concurrent.futures` are
the stdlib's own, imported afresh on top of this module.

Every state change is traced: running (holding the GIL), ready (wants it), waiting (in
time.sleep), blocked (lock, join). Times come from the host in ms since the run started.
"""

import sys
from collections import deque

import _lanes_host as host
from pyodide.ffi import can_run_sync, create_once_callable, create_proxy, run_sync

error = RuntimeError
TIMEOUT_MAX = 2_147_483.0  # seconds: the longest a JavaScript timer can wait

NO_STACK_SWITCHING = (
    "This browser cannot run Python threads: it lacks WebAssembly JavaScript Promise "
    "Integration (JSPI, in Chrome 137 and later), which Lanes needs to switch between them; "
    "sequential code and asyncio still run."
)

_ATOMIC_MODULES = ("lanes_thread", "lanes_driver", "_thread", "lanes_processes", "multiprocessing", "lanes_asyncio")

# A ready span shorter than this is the cost of a switch, not a wait for the GIL.
READY_MIN_MS = 0.2


class _Thread:
    __slots__ = ("ident", "name", "lane", "state", "since", "traced", "waiter", "waits_for")

    def __init__(self, ident, name, traced=True):
        self.ident = ident
        self.name = name
        self.lane = _lane_prefix + str(ident) if traced else _lane_prefix + str(_MAIN_IDENT)
        self.state = None
        self.since = 0.0
        self.traced = traced
        self.waiter = None  # while it waits for ever (no timeout): the deferred that wakes it
        self.waits_for = None  # ... and what for, in words


_MAIN_IDENT = 1
_lane_prefix = "py:thread:"  # a process's threads have lanes of their own (see _reset)
_threads = {}
_next_ident = 2
_current = _MAIN_IDENT
_alive = 0  # started threads that have not ended (main not counted)
_non_daemon = []  # handles the end of the program waits for
_slice_start = 0.0
_interval_ms = 5.0

# Deadlock: every thread (main included) waits for ever on a lock or a join, and no helper
# thread waits for a process that could still answer. CPython would hang silently; Lanes says
# so after DEADLOCK_AFTER_MS, ending the run from the main thread's wait.
DEADLOCK_AFTER_MS = 1000.0
_forever = 0  # threads waiting with no timeout
_hidden = 0  # helper threads alive (start_hidden_thread)
_generation = 0  # changes whenever a thread starts or stops waiting for ever
_deadlock = None


class Deadlock(BaseException):
    """Ends a run in which every thread waits for another (raised in the main thread)."""


def _reset(interval_s, lane_prefix="py:thread:", main_label="MainThread"):
    """Start of a run: only the main thread exists, running. A process's main thread is labelled
    with the process's name, and its lanes are prefixed so that they differ from the others'."""
    global _threads, _next_ident, _current, _alive, _slice_start, _interval_ms, _non_daemon, _lane_prefix
    global _forever, _hidden, _generation, _deadlock
    _forever = _hidden = 0
    _generation += 1
    _deadlock = None
    _lane_prefix = lane_prefix
    main = _Thread(_MAIN_IDENT, "MainThread")
    _threads = {_MAIN_IDENT: main}
    _next_ident = 2
    _current = _MAIN_IDENT
    _alive = 0
    _non_daemon = []
    _interval_ms = interval_s * 1000.0
    host.lane(main.lane, main_label, "thread")
    _slice_start = host.now()
    set_state(main, "running", _slice_start)


def main_thread_record():
    return _threads[_MAIN_IDENT]


def current_record():
    return _threads.get(_current) or _threads[_MAIN_IDENT]


def set_state(t, state, at=None):
    """End t's current span at `at` (now by default) and start one in `state` (None: ended)."""
    if at is None:
        at = host.now()
    if t.state is not None and at > t.since and t.traced:
        host.span(t.lane, t.state, t.since, at)
    t.state = state
    t.since = at


def suspend(t, promise, state):
    """t leaves the CPU in `state` until `promise` settles (with the time its wait ended), then
    waits for the CPU (ready) and runs again. Returns the promise's value."""
    global _current, _slice_start
    set_state(t, state)
    # Whatever Python runs while this stack is suspended, runs from the event loop: the main
    # thread's asyncio callbacks, unless another thread's stack resumes (it sets its own ident).
    _current = _MAIN_IDENT
    woke = run_sync(promise)
    now = host.now()
    _current = t.ident
    if isinstance(woke, (int, float)) and now - woke > READY_MIN_MS:
        set_state(t, "ready", woke)
    set_state(t, "running", now)
    _slice_start = now
    return woke


def wait_forever(t, deferred, what):
    """suspend() for a wait with no timeout, which a deadlock can make endless."""
    global _forever, _generation
    _forever += 1
    _generation += 1
    t.waiter, t.waits_for = deferred, what
    _check_deadlock()
    try:
        return suspend(t, deferred.promise, "blocked")
    finally:
        _forever -= 1
        _generation += 1
        t.waiter = t.waits_for = None
        if _deadlock is not None and t.ident == _MAIN_IDENT:
            raise _deadlock


def _check_deadlock():
    """If every thread now waits for ever, look again in DEADLOCK_AFTER_MS: still so, with no
    change in between, is a deadlock."""
    if _forever != _alive + 1 or _hidden or not can_run_sync():
        return
    generation = _generation
    later = host.deferred()
    host.resolveAfter(later, DEADLOCK_AFTER_MS)
    later.promise.then(create_once_callable(lambda _at: _confirm_deadlock(generation)))


def _confirm_deadlock(generation):
    global _deadlock
    main = _threads.get(_MAIN_IDENT)
    if generation != _generation or _forever != _alive + 1 or _hidden or main is None or main.waiter is None:
        return
    waits = ["%s %s" % (t.name, t.waits_for) for t in _threads.values() if t.waits_for]
    _deadlock = Deadlock("Deadlock: every thread waits for another, so none can go on (%s)." % "; ".join(waits))
    main.waiter.resolve(host.now())


def on_switch_tick(signum, frame):
    """Signal handler the switch ticker raises every few ms: after the switch interval, the
    running thread lets the others run (CPython's GIL drop request), if there are any."""
    if _alive == 0 or not can_run_sync():
        return
    if host.now() - _slice_start < _interval_ms:
        return
    if not _switchable(frame):
        return
    t = current_record()
    suspend(t, host.yieldNow(), "ready")


def _switchable(frame):
    """Only a thread's own stack can be switched away from, and never inside this module (its
    lock and scheduler code is atomic, as CPython's C code is). Python that JavaScript called
    back into (a promise's callback, Pyodide's event loop) runs on no thread's stack."""
    if frame is None or frame.f_globals.get("__name__") in _ATOMIC_MODULES:
        return False
    while frame.f_back is not None:
        frame = frame.f_back
    return frame.f_code in _STACK_ROOTS


def can_block():
    return can_run_sync()


# ---- the _thread API that threading.py uses ----------------------------------------------

def get_ident():
    return _current


get_native_id = get_ident


def _get_main_thread_ident():
    return _MAIN_IDENT


def _is_main_interpreter():
    return True


def daemon_threads_allowed():
    return True


def stack_size(size=0):
    if size:
        raise error("Lanes' emulated threads have no stack size to set.")
    return 0


def _count():
    return _alive


class LockType:
    """A lock with CPython's semantics: not owned, any thread may release it; a release wakes
    one waiter, which retries (a running thread may take the lock first, as under the GIL)."""

    __slots__ = ("_locked", "_waiters", "__weakref__")

    def __init__(self):
        self._locked = False
        self._waiters = deque()

    def acquire(self, blocking=True, timeout=-1):
        if not self._locked:
            self._locked = True
            return True
        if not blocking:
            if timeout != -1:
                raise ValueError("can't specify a timeout for a non-blocking call")
            return False
        if timeout is not None and timeout != -1 and timeout < 0:
            raise ValueError("timeout value must be a non-negative number")
        if not can_block():
            raise error(NO_STACK_SWITCHING)
        deadline = None if timeout in (-1, None) else host.now() + timeout * 1000.0
        t = current_record()
        while self._locked:
            waiter = host.deferred()
            if deadline is not None:
                left = deadline - host.now()
                if left <= 0:
                    return False
                host.resolveAfter(waiter, left)
            self._waiters.append(waiter)
            if deadline is None:
                wait_forever(t, waiter, "waits for a lock")
            else:
                suspend(t, waiter.promise, "blocked")
            try:
                self._waiters.remove(waiter)
            except ValueError:
                pass
        self._locked = True
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False
        if self._waiters:
            self._waiters.popleft().resolve(host.now())

    def locked(self):
        return self._locked

    def _at_fork_reinit(self):
        self._locked = False
        self._waiters = deque()

    __enter__ = acquire

    def __exit__(self, *exc):
        self.release()

    def __repr__(self):
        return "<%s _thread.lock object at %#x>" % ("locked" if self._locked else "unlocked", id(self))

    acquire_lock = acquire
    release_lock = release
    locked_lock = locked


lock = LockType


def allocate_lock():
    return LockType()


allocate = allocate_lock


class _ThreadHandle:
    __slots__ = ("ident", "_done", "_joiners")

    def __init__(self, ident=None):
        self.ident = ident
        self._done = False
        self._joiners = []

    def is_done(self):
        return self._done

    def _set_done(self):
        self._done = True
        now = host.now()
        for joiner in self._joiners:
            joiner.resolve(now)
        self._joiners = []

    def join(self, timeout=None):
        if self._done:
            return
        if self.ident == _current:
            raise RuntimeError("Cannot join current thread")
        if not can_block():
            raise error(NO_STACK_SWITCHING)
        joiner = host.deferred()
        self._joiners.append(joiner)
        if timeout is not None and timeout >= 0:
            host.resolveAfter(joiner, timeout * 1000.0)
            suspend(current_record(), joiner.promise, "blocked")
        else:
            target = _threads.get(self.ident)
            wait_forever(current_record(), joiner, "joins %s" % (target.name if target else "a thread"))


class _local:
    """threading.local: one attribute dict per thread, switched to on every access (an access
    cannot be preempted: the switch handler never interrupts this module)."""

    __slots__ = ("_local__dicts", "_local__args", "__dict__", "__weakref__")

    def __new__(cls, /, *args, **kw):
        if (args or kw) and cls.__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        object.__setattr__(self, "_local__args", (args, kw))
        object.__setattr__(self, "_local__dicts", {_current: object.__getattribute__(self, "__dict__")})
        return self

    def __getattribute__(self, name):
        _local_switch(self)
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        if name == "__dict__":
            raise AttributeError("%r object attribute '__dict__' is read-only" % type(self).__name__)
        _local_switch(self)
        return object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if name == "__dict__":
            raise AttributeError("%r object attribute '__dict__' is read-only" % type(self).__name__)
        _local_switch(self)
        return object.__delattr__(self, name)


def _local_switch(self):
    dicts = object.__getattribute__(self, "_local__dicts")
    own = dicts.get(_current)
    if own is not None:
        object.__setattr__(self, "__dict__", own)
        return
    own = dicts[_current] = {}
    object.__setattr__(self, "__dict__", own)
    args, kw = object.__getattribute__(self, "_local__args")
    init = type(self).__init__
    if init is not object.__init__:
        init(self, *args, **kw)


def _make_thread_handle(ident):
    return _ThreadHandle(ident)


def start_joinable_thread(function, handle=None, daemon=True):
    global _next_ident, _alive
    if not can_block():
        raise error(NO_STACK_SWITCHING)
    ident = _next_ident
    _next_ident += 1
    if handle is None:
        handle = _ThreadHandle()
    handle.ident = ident
    owner = getattr(function, "__self__", None)
    name = getattr(owner, "name", None) or "Thread-%d" % ident
    t = _Thread(ident, str(name))
    _threads[ident] = t
    _alive += 1
    if not daemon:
        _non_daemon.append(handle)
    host.lane(t.lane, t.name, "thread")
    set_state(t, "ready")

    def _lanes_thread_body():
        global _current, _alive, _slice_start
        _current = ident
        _slice_start = host.now()
        set_state(t, "running", _slice_start)
        try:
            function()
        except SystemExit:
            pass
        except BaseException:
            sys.excepthook(*sys.exc_info())
        finally:
            set_state(t, None)
            _alive -= 1
            handle._set_done()
            _current = _MAIN_IDENT
            _check_deadlock()  # it may have left the others waiting for ever

    _STACK_ROOTS.add(_lanes_thread_body.__code__)
    host.startThread(create_proxy(_lanes_thread_body))
    return handle


# The bottom frames of the stacks threads run on: each thread's body, and the program's own.
_STACK_ROOTS = set()


def add_stack_root(code):
    _STACK_ROOTS.add(code)


def start_hidden_thread(function):
    """A helper thread of Lanes' own (it waits for a process's result and hands it over, as
    CPython's executor manager thread does): it runs on a stack like any thread, but has no
    lane, is not counted, and nothing waits for it at exit."""
    global _next_ident, _hidden
    if not can_block():
        raise error(NO_STACK_SWITCHING)
    ident = _next_ident
    _next_ident += 1
    t = _Thread(ident, "lanes-helper-%d" % ident, traced=False)
    _threads[ident] = t
    _hidden += 1

    def _lanes_thread_body():
        global _current, _slice_start, _hidden
        _current = ident
        _slice_start = host.now()
        try:
            function()
        except BaseException:
            sys.excepthook(*sys.exc_info())
        finally:
            _threads.pop(ident, None)
            _hidden -= 1
            _current = _MAIN_IDENT
            _check_deadlock()

    _STACK_ROOTS.add(_lanes_thread_body.__code__)
    host.startThread(create_proxy(_lanes_thread_body))


def start_new_thread(function, args, kwargs=None):
    start_joinable_thread(lambda: function(*args, **(kwargs or {})))
    return _next_ident - 1


start_new = start_new_thread


def _shutdown():
    """Wait for every non-daemon thread, as the interpreter does at exit (threading._shutdown
    calls this once the main thread's own code has ended)."""
    while _non_daemon:
        _non_daemon.pop().join()


def interrupt_main(signum=2):
    raise error("interrupt_main is not available in Lanes' emulated threads.")


def exit():
    raise SystemExit


exit_thread = exit
