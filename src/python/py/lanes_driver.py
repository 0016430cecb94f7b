"""Runs one student program as __main__, with Lanes' threads, traced output and tracebacks
that name the student's lines. The worker calls run(source) once per run."""

import ast
import inspect
import json
import linecache
import signal
import sys
import time
import traceback
import types

import _lanes_host as host
from pyodide.ffi import can_run_sync, run_sync

PROGRAM = "main.py"
_LANES_DIR = "/lanes/"  # where Lanes' Python modules are (boot-lanes-python.ts)

# The stdlib modules built on _thread: imported afresh each run, on the emulated threads.
_ON_THREADS = ("threading", "queue", "_threading_local", "concurrent")

# Lanes' own modules in place of the stdlib's: multiprocessing cannot fork or pipe here, so
# lanes_processes is multiprocessing, multiprocessing.pool and concurrent.futures.process.
_REPLACED = {
    "multiprocessing": "lanes_processes",
    "multiprocessing.pool": "lanes_processes",
    "multiprocessing.context": "lanes_processes",
    "concurrent.futures.process": "lanes_processes",
}


class _Replacements:
    """A meta path finder that imports Lanes' module for the names in _REPLACED (only when the
    program imports one: most programs never pay for it)."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        import importlib.util

        if name not in _REPLACED:
            return None
        return importlib.util.spec_from_loader(name, cls)

    @staticmethod
    def create_module(spec):
        import importlib

        return importlib.import_module(_REPLACED[spec.name])

    @staticmethod
    def exec_module(module):
        pass

_blocking_sleep = time.sleep


class _Lines:
    """sys.stdout / sys.stderr: each complete line goes to the host, stamped with its thread."""

    encoding = "utf-8"
    errors = "strict"

    def __init__(self, stream):
        self._stream = stream
        self._partial = {}

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not %s" % type(text).__name__)
        import lanes_asyncio
        import lanes_thread

        lane = lanes_asyncio.output_lane() or lanes_thread.current_record().lane
        *lines, rest = (self._partial.pop(lane, "") + text).split("\n")
        for line in lines:
            host.out(lane, self._stream, line)
        if rest:
            self._partial[lane] = rest
        return len(text)

    def flush(self):
        pass

    def finish(self):
        for lane, rest in self._partial.items():
            host.out(lane, self._stream, rest)
        self._partial = {}

    def isatty(self):
        return False

    def writable(self):
        return True

    def fileno(self):
        raise OSError("Lanes' output is not a file")


def _sleep(seconds):
    """time.sleep: the thread waits and others run (the GIL is released), as in CPython."""
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    if not can_run_sync():
        return _blocking_sleep(seconds)
    import lanes_thread

    lanes_thread.suspend(lanes_thread.current_record(), host.sleep(seconds * 1000.0), "waiting")


# Where those modules are copied, out of the stdlib's zip, so that their bytecode is cached in
# __pycache__ (from a zip every import compiles them again: 100 ms and more per run, loaded).
_CACHED_LIB = "/lanes/lib"


def warm():
    """Once per worker: copy the threading modules out of the zip and compile them."""
    import compileall
    import os
    import zipfile

    stdlib = next(p for p in sys.path if p.endswith(".zip"))
    with zipfile.ZipFile(stdlib) as z:
        for name in z.namelist():
            if name.endswith(".py") and name.split("/")[0].removesuffix(".py") in _ON_THREADS:
                z.extract(name, _CACHED_LIB)
    compileall.compile_dir(_CACHED_LIB, quiet=1)
    sys.path.insert(0, _CACHED_LIB)


def _install(lane_prefix="py:thread:", main_label="MainThread"):
    import lanes_thread

    sys.modules["_thread"] = lanes_thread
    # queue.py then uses its pure Python SimpleQueue, built on the emulated locks.
    sys.modules["_queue"] = None
    for name in list(sys.modules):
        if name.split(".")[0] in _ON_THREADS or name in _REPLACED or name in _REPLACED.values():
            del sys.modules[name]
    if _Replacements not in sys.meta_path:
        sys.meta_path.insert(0, _Replacements)
    time.sleep = _sleep
    signal.signal(signal.SIGUSR1, lanes_thread.on_switch_tick)
    lanes_thread._reset(sys.getswitchinterval(), lane_prefix, main_label)
    import lanes_asyncio

    lanes_asyncio._reset(lane_prefix.replace("thread:", "task:"))
    return lanes_thread


def _located(exc):
    """The exception's traceback from the program's first frame on, and its last line there."""
    te = traceback.TracebackException.from_exception(exc)
    first = next((i for i, f in enumerate(te.stack) if f.filename == PROGRAM), len(te.stack))
    del te.stack[:first]
    # Lanes' own frames in between (a task's traced coroutine) are not the program's, nor CPython's.
    te.stack[:] = [f for f in te.stack if not f.filename.startswith(_LANES_DIR)]
    line = None
    for frame in te.stack:
        if frame.filename == PROGRAM:
            line = frame.lineno
    if isinstance(exc, SyntaxError) and exc.filename == PROGRAM:
        line = exc.lineno
    text = "".join(te.format())
    # The message: the exception's own line (a SyntaxError's comes after its code and caret),
    # without the notes that 3.11+ adds below it ("when serializing tuple item 1").
    te.__notes__ = None
    last = "".join(te.format_exception_only()).strip().splitlines()[-1]
    return text, last, line


def _finish(main_module, outs, error):
    import lanes_thread

    if error is None:
        try:
            processes = sys.modules.get("lanes_processes")
            if processes is not None:
                processes._at_exit()  # multiprocessing's exit: join non-daemon processes
            threading = sys.modules.get("threading")
            if threading is not None:
                threading._shutdown()  # the interpreter's exit: wait for non-daemon threads
        except BaseException as exc:
            error = exc
    result = {"ok": True}
    if isinstance(error, SystemExit) and error.code in (None, 0):
        error = None
    if error is not None:
        if isinstance(error, lanes_thread.Deadlock):
            # Lanes' own finding, not a Python exception: the sentence, and where main waits.
            text, last, line = str(error), str(error), _located(error)[2]
            sys.stderr.write(text + "\n")
        elif isinstance(error, SystemExit):
            text, last, line = "", "SystemExit: %s" % (error.code,), None
        else:
            text, last, line = _located(error)
            sys.stderr.write(text)
        result = {"ok": False, "message": last, "line": line}
    for out in outs:
        out.finish()
    import lanes_asyncio

    lanes_asyncio.finish()
    lanes_thread.set_state(lanes_thread.main_thread_record(), None)
    main_module.__dict__.clear()
    return json.dumps(result)


async def _finish_async(coroutine, main_module, outs):
    error = None
    try:
        await coroutine
    except BaseException as exc:
        error = exc
    return _finish(main_module, outs, error)


def run(source):
    """Run `source` as __main__. Returns the result as JSON ({ok, message?, line?}), or, when
    the program awaits at top level and the browser cannot suspend, an awaitable of it."""
    outs = (_Lines("stdout"), _Lines("stderr"))
    sys.stdout, sys.stderr = outs
    _install().add_stack_root(run.__code__)
    main_module = types.ModuleType("__main__")
    main_module.__file__ = PROGRAM
    # A process's results name the program's functions and classes as __mp_main__'s.
    sys.modules["__main__"] = sys.modules["__mp_main__"] = main_module
    linecache.cache[PROGRAM] = (len(source), None, source.splitlines(True), PROGRAM)
    error = None
    try:
        code = compile(source, PROGRAM, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True)
        result = eval(code, main_module.__dict__)
        if inspect.iscoroutine(result):
            if not can_run_sync():
                return _finish_async(result, main_module, outs)
            import lanes_asyncio

            lanes_asyncio.loop_runs(lambda: run_sync(result))
    except BaseException as exc:
        error = exc
    return _finish(main_module, outs, error)
