"""multiprocessing and concurrent.futures.ProcessPoolExecutor for Lanes (imported as those
modules, afresh each run, on Lanes' threads).

Each process is a Web Worker with a Pyodide of its own, so processes really run in parallel,
on lanes of their own. They follow CPython's "spawn" start method: a process imports the
program afresh (as __mp_main__), and what crosses to it (the function, its arguments, its
result) is pickled. In the main process, a call waits on a helper thread of Lanes' own (CPython
has a manager thread for it too), so the threads that wait for a result are simply blocked.

What is here: Process, Pool (map, starmap, apply, imap and their async forms), Queue, Value,
Array, Lock, current_process, cpu_count, ProcessPoolExecutor, and multiprocessing.pool's
ThreadPool. Pipes, managers and shared_memory are not.
"""

import itertools
import pickle
import queue as _queue_module
import threading
import time
from collections import deque
from concurrent.futures import _base
from concurrent.futures import ThreadPoolExecutor as _ThreadPoolExecutor

import _lanes_host as host
import lanes_thread
from pyodide.ffi import to_js

__path__ = []  # a package to the import system: multiprocessing.pool is this module too

_IS_CHILD = bool(getattr(host, "isChild", False))
_counter = itertools.count(1)
_children = []  # Process objects started in this run, joined at exit (see _at_exit)


class ProcessError(Exception):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


class BrokenProcessPool(_base.BrokenExecutor):
    """A process of the pool ended abruptly (it could not start, or it was terminated)."""


class _RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


# ---- one process: a Web Worker borrowed for this run --------------------------------------

class _Worker:
    __slots__ = ("pid", "name")

    def __init__(self, name):
        self.name = name
        self.pid = host.processStart(name)

    def call(self, request):
        """Send `request` (pickled here) and wait, blocked, for its outcome; returns the value
        or raises the process's exception, its traceback attached as the cause."""
        reply = lanes_thread.suspend(lanes_thread.current_record(), host.processCall(self.pid, to_js(request)), "blocked")
        if not reply.ok:
            if getattr(reply, "killed", False):
                raise BrokenProcessPool("%s was terminated abruptly." % self.name)
            raise BrokenProcessPool(str(reply.message))
        kind, value, tb = pickle.loads(reply.data.to_bytes())
        if kind == "ok":
            return value
        if value is None:
            value = ProcessError("The process's result could not be pickled.")
        value.__cause__ = _RemoteTraceback('\n"""\n%s"""' % tb)
        raise value

    def end(self):
        host.processEnd(self.pid)


def _pickled(request):
    return pickle.dumps(request)


# ---- concurrent.futures.ProcessPoolExecutor -----------------------------------------------

class ProcessPoolExecutor(_base.Executor):
    _process_name = "SpawnProcess"

    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *, max_tasks_per_child=None):
        if max_workers is None:
            max_workers = cpu_count()
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._initializer = initializer
        self._initargs = initargs
        self._workers = []
        self._idle = deque()
        self._pending = deque()
        self._futures = set()
        self._shutdown = False
        self._broken = None

    def submit(self, fn, /, *args, **kwargs):
        if self._broken:
            raise BrokenProcessPool(self._broken)
        if self._shutdown:
            raise RuntimeError("cannot schedule new futures after shutdown")
        future = _base.Future()
        try:
            request = _pickled(("call", fn, args, kwargs))
        except Exception as exc:
            future.set_exception(exc)  # CPython too raises a PicklingError from result()
            return future
        self._futures.add(future)
        self._pending.append((future, request))
        self._dispatch()
        return future

    def map(self, fn, *iterables, timeout=None, chunksize=1, buffersize=None):
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        if buffersize is None:
            return super().map(fn, *iterables, timeout=timeout)
        return super().map(fn, *iterables, timeout=timeout, buffersize=buffersize)

    def _start_worker(self):
        worker = _Worker("%s-%d" % (self._process_name, next(_counter)))
        self._workers.append(worker)
        return worker

    def _dispatch(self):
        while self._pending:
            if self._idle:
                worker = self._idle.popleft()
            elif len(self._workers) < self._max_workers:
                worker = self._start_worker()
            else:
                return
            future, request = self._pending.popleft()
            if not future.set_running_or_notify_cancel():
                self._futures.discard(future)
                self._idle.appendleft(worker)
                continue
            lanes_thread.start_hidden_thread(lambda w=worker, f=future, r=request: self._run(w, f, r))

    def _run(self, worker, future, request):
        needs_init = self._initializer is not None and worker not in _initialized
        try:
            if needs_init:
                _initialized.add(worker)
                worker.call(_pickled(("call", self._initializer, self._initargs, {})))
            value = worker.call(request)
        except BrokenProcessPool as exc:
            self._broken = str(exc)
            future.set_exception(exc)
            self._fail_pending(exc)
        except BaseException as exc:
            future.set_exception(exc)
        else:
            future.set_result(value)
        self._futures.discard(future)
        if self._broken:
            return
        self._idle.append(worker)
        self._dispatch()
        if self._shutdown and not self._futures:
            self._end_workers()

    def _fail_pending(self, exc):
        while self._pending:
            future, _ = self._pending.popleft()
            if future.set_running_or_notify_cancel():
                future.set_exception(BrokenProcessPool(str(exc)))
            self._futures.discard(future)

    def _end_workers(self):
        while self._workers:
            self._workers.pop().end()
        self._idle.clear()

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True
        if cancel_futures:
            while self._pending:
                future, _ = self._pending.popleft()
                future.cancel()
                self._futures.discard(future)
        if wait and self._futures:
            _base.wait(list(self._futures))
        if not self._futures:
            self._end_workers()


_initialized = set()


# ---- multiprocessing.Pool (and multiprocessing.pool.ThreadPool) ---------------------------

class AsyncResult:
    def __init__(self, futures, single, callback=None, error_callback=None):
        self._futures = futures
        self._single = single
        self._callback = callback
        self._error_callback = error_callback
        self._done = threading.Event()
        self._left = len(futures)
        if not futures:
            self._finish()
        for f in futures:
            f.add_done_callback(self._one_done)

    def _one_done(self, _future):
        self._left -= 1
        if self._left == 0:
            self._finish()

    def _finish(self):
        self._done.set()
        callback, error_callback = self._callback, self._error_callback
        error = next((f.exception() for f in self._futures if f.exception() is not None), None)
        if error is None and callback is not None:
            callback(self._value())
        if error is not None and error_callback is not None:
            error_callback(error)

    def _value(self):
        values = [f.result() for f in self._futures]
        return values[0] if self._single else values

    def ready(self):
        return self._done.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("%r not ready" % self)
        return all(f.exception() is None for f in self._futures)

    def wait(self, timeout=None):
        self._done.wait(timeout)

    def get(self, timeout=None):
        if not self._done.wait(timeout):
            raise TimeoutError
        return self._value()


class Pool:
    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None, context=None):
        if processes is None:
            processes = cpu_count()
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        self._processes = processes
        self._executor = self._make_executor(processes, initializer, initargs)
        self._state = "RUN"

    def _make_executor(self, processes, initializer, initargs):
        executor = ProcessPoolExecutor(processes, initializer=initializer, initargs=initargs)
        executor._process_name = "SpawnPoolWorker"
        # CPython's Pool starts all its processes at once.
        while len(executor._workers) < processes:
            executor._idle.append(executor._start_worker())
        return executor

    def _check_running(self):
        if self._state != "RUN":
            raise ValueError("Pool not running")

    def _submit_all(self, func, argument_lists):
        self._check_running()
        return [self._executor.submit(func, *args) for args in argument_lists]

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        return AsyncResult([self._executor.submit(func, *args, **kwds)], True, callback, error_callback)

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return AsyncResult(self._submit_all(func, ((x,) for x in iterable)), False, callback, error_callback)

    def map(self, func, iterable, chunksize=None):
        return self.map_async(func, iterable, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return AsyncResult(self._submit_all(func, (tuple(args) for args in iterable)), False, callback, error_callback)

    def starmap(self, func, iterable, chunksize=None):
        return self.starmap_async(func, iterable, chunksize).get()

    def imap(self, func, iterable, chunksize=1):
        futures = self._submit_all(func, ((x,) for x in iterable))
        return (f.result() for f in futures)

    def imap_unordered(self, func, iterable, chunksize=1):
        futures = self._submit_all(func, ((x,) for x in iterable))
        return (f.result() for f in _base.as_completed(futures))

    def close(self):
        self._state = "CLOSE"

    def terminate(self):
        self._state = "TERMINATE"
        self._executor.shutdown(wait=False, cancel_futures=True)

    def join(self):
        if self._state == "RUN":
            raise ValueError("Pool is still running")
        self._executor.shutdown(wait=True)

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, *exc):
        self.terminate()

    def __reduce__(self):
        raise NotImplementedError("pool objects cannot be passed between processes or pickled")


class ThreadPool(Pool):
    """multiprocessing.pool.ThreadPool: Pool's interface over threads."""

    def __init__(self, processes=None, initializer=None, initargs=()):
        super().__init__(processes, initializer, initargs)

    def _make_executor(self, processes, initializer, initargs):
        return _ThreadPoolExecutor(processes, thread_name_prefix="Thread", initializer=initializer, initargs=initargs)


# ---- multiprocessing.Process --------------------------------------------------------------

class Process:
    _start_method = "spawn"

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        assert group is None, "group argument must be None for now"
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or "%s-%d" % (type(self).__name__, next(_counter))
        self._daemon = bool(daemon)
        self._started = False
        self._exitcode = None
        self._worker = None
        self._finished = threading.Event()

    def run(self):
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        if self._started:
            raise AssertionError("cannot start a process twice")
        if _IS_CHILD:
            raise AssertionError("Lanes starts processes from the main process only")
        request = _pickled(("run", self))
        self._started = True
        self._worker = _Worker(self._name)
        _children.append(self)
        lanes_thread.start_hidden_thread(lambda: self._wait_for_exit(request))

    def _wait_for_exit(self, request):
        try:
            self._exitcode = self._worker.call(request)
        except BrokenProcessPool:
            if self._exitcode is None:
                self._exitcode = 1
        finally:
            self._finished.set()
            if self._exitcode is not None and self._exitcode >= 0:
                self._worker.end()

    def join(self, timeout=None):
        if not self._started:
            raise AssertionError("can only join a started process")
        self._finished.wait(timeout)

    def is_alive(self):
        return self._started and not self._finished.is_set()

    def terminate(self):
        self._end(-15)

    def kill(self):
        self._end(-9)

    def _end(self, code):
        if self.is_alive():
            self._exitcode = code
            host.processKill(self._worker.pid)

    def close(self):
        if self.is_alive():
            raise ValueError("Cannot close a process while it is still running. You should first call join() or terminate().")

    @property
    def exitcode(self):
        return self._exitcode if self._finished.is_set() else None

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = str(name)

    @property
    def daemon(self):
        return self._daemon

    @daemon.setter
    def daemon(self, daemonic):
        if self._started:
            raise AssertionError("process has already started")
        self._daemon = bool(daemonic)

    @property
    def pid(self):
        return self._worker.pid + 1000 if self._worker else None

    ident = pid

    def __getstate__(self):
        # What the process needs of itself: not the main process's handles on it.
        state = dict(self.__dict__)
        for name in ("_worker", "_finished"):
            state.pop(name, None)
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._worker = None
        self._finished = threading.Event()

    def __repr__(self):
        status = "initial" if not self._started else ("started" if self.is_alive() else "stopped exitcode=%s" % self.exitcode)
        return "<%s name=%r %s>" % (type(self).__name__, self._name, status)


class _CurrentProcess:
    def __init__(self, name):
        self.name = name
        self.daemon = False
        self.pid = 1000
        self.ident = 1000
        self.exitcode = None

    def __repr__(self):
        return "<_MainProcess name=%r parent=None started>" % self.name if self.name == "MainProcess" else "<Process name=%r started>" % self.name


_current = _CurrentProcess("MainProcess")


def _become_child(name):
    global _current
    _current = _CurrentProcess(name)


def current_process():
    return _current


def parent_process():
    return _CurrentProcess("MainProcess") if _IS_CHILD else None


def active_children():
    return [p for p in _children if p.is_alive()]


def _at_exit():
    """The interpreter's exit: wait for non-daemon processes, end daemonic ones."""
    for p in list(_children):
        if p.daemon:
            p.terminate()
        elif p.is_alive():
            p.join()


def cpu_count():
    return int(host.cores())


def freeze_support():
    pass


def get_start_method(allow_none=False):
    return "spawn"


def get_all_start_methods():
    return ["spawn"]


def set_start_method(method, force=False):
    if method not in ("spawn", "fork", "forkserver", None):
        raise ValueError("cannot find context for %r" % (method,))
    # Lanes' processes always spawn: a Web Worker cannot be forked.


def get_context(method=None):
    set_start_method(method)
    return __import__(__name__)


# ---- shared memory: Value, Array, Lock ------------------------------------------------------

_TYPES = {"b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "f", "d"}
_CTYPES = {"c_byte": "b", "c_ubyte": "B", "c_short": "h", "c_ushort": "H", "c_int": "i", "c_uint": "I",
           "c_long": "l", "c_ulong": "L", "c_longlong": "q", "c_ulonglong": "Q", "c_float": "f", "c_double": "d",
           "c_int8": "b", "c_uint8": "B", "c_int16": "h", "c_uint16": "H", "c_int32": "i", "c_uint32": "I",
           "c_int64": "q", "c_uint64": "Q", "c_bool": "B"}
_SIZES = {"b": 1, "B": 1, "h": 2, "H": 2, "i": 4, "I": 4, "l": 4, "L": 4, "q": 8, "Q": 8, "f": 4, "d": 8}


def _typecode(typecode_or_type):
    if isinstance(typecode_or_type, str):
        code = typecode_or_type
    else:
        code = _CTYPES.get(getattr(typecode_or_type, "__name__", ""), "")
    if code not in _TYPES:
        raise TypeError("Lanes' shared memory holds numbers only: use one of the typecodes %s" % " ".join(sorted(_TYPES)))
    return code


class Lock:
    """A lock shared by every process (an int in shared memory, taken atomically)."""

    def __init__(self, _offset=None):
        self._offset = host.sharedAlloc(4) if _offset is None else _offset

    def acquire(self, block=True, timeout=None):
        if host.sharedTryLock(self._offset):
            return True
        if not block:
            return False
        deadline = None if timeout is None else time.monotonic() + timeout
        while not host.sharedTryLock(self._offset):
            if deadline is not None and time.monotonic() >= deadline:
                return False
            time.sleep(0.0005)  # another process holds it: let this one's threads run meanwhile
        return True

    def release(self):
        if not host.sharedUnlock(self._offset):
            raise ValueError("semaphore or lock released too many times")

    __enter__ = acquire

    def __exit__(self, *exc):
        self.release()

    def __reduce__(self):
        return (Lock, (self._offset,))


RLock = Lock


def _lock_for(lock):
    if lock is True:
        return Lock()
    if lock is False:
        return None
    if hasattr(lock, "acquire"):
        return lock
    raise AttributeError("%r has no method 'acquire'" % (lock,))


# Bound once: `counter.value += 1` in a loop calls these hundreds of thousands of times.
_shared_get = host.sharedGet
_shared_set = host.sharedSet


class _Synchronized:
    """What Value and Array share: the lock they were made with (lock=False: none)."""

    def get_lock(self):
        if self._lock is None:
            raise AttributeError("'%s' object has no attribute 'get_lock'" % type(self).__name__)
        return self._lock

    def get_obj(self):
        return self


class _Value(_Synchronized):
    def __init__(self, code, offset, lock):
        self._code = code
        self._offset = offset
        self._lock = lock

    @property
    def value(self):
        return _shared_get(self._code, self._offset)

    @value.setter
    def value(self, v):
        _shared_set(self._code, self._offset, v)

    def __reduce__(self):
        return (_Value, (self._code, self._offset, self._lock))

    def __repr__(self):
        return "<Synchronized wrapper for c_%s(%r)>" % (self._code, self.value)


def Value(typecode_or_type, *args, lock=True):
    code = _typecode(typecode_or_type)
    value = _Value(code, host.sharedAlloc(_SIZES[code]), _lock_for(lock))
    if args:
        value.value = args[0]
    return value


def RawValue(typecode_or_type, *args):
    return Value(typecode_or_type, *args, lock=False)


class _Array(_Synchronized):
    def __init__(self, code, offset, length, lock):
        self._code = code
        self._offset = offset
        self._length = length
        self._lock = lock

    def __len__(self):
        return self._length

    def _at(self, i):
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError("invalid index")
        return self._offset + i * _SIZES[self._code]

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._length))]
        return host.sharedGet(self._code, self._at(i))

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            indices = range(*i.indices(self._length))
            values = list(v)
            if len(values) != len(indices):
                raise ValueError("Can only assign sequence of same size")
            for j, x in zip(indices, values):
                self[j] = x
            return
        host.sharedSet(self._code, self._at(i), v)

    def __iter__(self):
        return (self[i] for i in range(self._length))

    def __reduce__(self):
        return (_Array, (self._code, self._offset, self._length, self._lock))

    def __repr__(self):
        return "<SynchronizedArray wrapper for %r>" % (self[:],)


def Array(typecode_or_type, size_or_initializer, *, lock=True):
    code = _typecode(typecode_or_type)
    initial = None
    if isinstance(size_or_initializer, int):
        length = size_or_initializer
    else:
        initial = list(size_or_initializer)
        length = len(initial)
    array = _Array(code, host.sharedAlloc(max(1, length) * _SIZES[code]), length, _lock_for(lock))
    if initial:
        array[:] = initial
    return array


def RawArray(typecode_or_type, size_or_initializer):
    return Array(typecode_or_type, size_or_initializer, lock=False)


# ---- multiprocessing.Queue ------------------------------------------------------------------

class Queue:
    """A queue between processes: it lives in the main process's worker, and items are pickled
    on put (so a put never blocks: Lanes' process queues are unbounded)."""

    def __init__(self, maxsize=0, *, _id=None):
        self._id = host.queueNew() if _id is None else _id

    def put(self, obj, block=True, timeout=None):
        host.queuePut(self._id, to_js(pickle.dumps(obj)))

    def put_nowait(self, obj):
        self.put(obj, False)

    def get(self, block=True, timeout=None):
        if timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        wait_ms = -1 if block and timeout is None else (timeout * 1000.0 if block else 0)
        item = lanes_thread.suspend(lanes_thread.current_record(), host.queueGet(self._id, wait_ms), "blocked")
        if item is None:
            raise _queue_module.Empty
        return pickle.loads(item.to_bytes())

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        n = host.queueSize(self._id)
        if n < 0:
            raise NotImplementedError("Lanes can tell a queue's size in the main process only.")
        return n

    def empty(self):
        return self.qsize() == 0

    def close(self):
        pass

    def join_thread(self):
        pass

    def cancel_join_thread(self):
        pass

    def __reduce__(self):
        return (_rebuild_queue, (self._id,))


def _rebuild_queue(queue_id):
    return Queue(_id=queue_id)


SimpleQueue = Queue
