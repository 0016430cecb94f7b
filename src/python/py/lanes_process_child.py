"""A process's side of Lanes' multiprocessing: the process worker calls job() for each pickled
request the main process sends. The first request of a process imports the program afresh as
__mp_main__ (CPython's "spawn"), so that pickled functions are found by their names."""

import linecache
import pickle
import sys
import types

import lanes_driver
from pyodide.ffi import to_js

_process = None  # (run, label) of the process this worker is now
_outs = ()
_import_error = None


def _begin(label, lane_prefix, source):
    """Become a new process named `label`: fresh threads, output and program module."""
    global _outs, _import_error
    _outs = (lanes_driver._Lines("stdout"), lanes_driver._Lines("stderr"))
    sys.stdout, sys.stderr = _outs
    lanes_thread = lanes_driver._install(lane_prefix, label)
    import lanes_processes

    lanes_processes._become_child(label)
    module = types.ModuleType("__mp_main__")
    module.__file__ = lanes_driver.PROGRAM
    sys.modules["__main__"] = sys.modules["__mp_main__"] = module
    linecache.cache[lanes_driver.PROGRAM] = (len(source), None, source.splitlines(True), lanes_driver.PROGRAM)
    _import_error = None
    try:
        code = compile(source, lanes_driver.PROGRAM, "exec", dont_inherit=True)
        exec(code, module.__dict__)
    except BaseException as exc:
        _import_error = exc
    lanes_thread.set_state(lanes_thread.main_thread_record(), None)


def _run_process(process):
    """Process.start()'s body in the process: run(), its exit code, a traceback on stderr."""
    try:
        process.run()
        return 0
    except SystemExit as exc:
        if exc.code is None:
            return 0
        if isinstance(exc.code, int):
            return exc.code
        sys.stderr.write(str(exc.code) + "\n")
        return 1
    except BaseException as exc:
        text = lanes_driver._located(exc)[0]
        sys.stderr.write("Process %s:\n%s" % (process.name, text))
        return 1


def _outcome(request):
    kind = request[0]
    if kind == "call":
        _, fn, args, kwargs = request
        return fn(*args, **kwargs)
    if kind == "run":
        return _run_process(request[1])
    raise ValueError("Lanes sent this process a request it does not know: %r" % (kind,))


def job(run, label, lane_prefix, source, payload):
    """One request: ("call", fn, args, kwargs) or ("run", process). Returns the pickled
    ("ok", value, None) or ("error", exception, traceback text)."""
    global _process
    if _process != (run, label):
        _process = (run, label)
        _begin(label, lane_prefix, source)
    import lanes_thread

    main = lanes_thread.main_thread_record()
    lanes_thread.set_state(main, "running")
    text = ""
    try:
        if _import_error is not None:
            raise _import_error
        reply = ("ok", _outcome(pickle.loads(payload.to_bytes())), None)
    except BaseException as exc:
        text = lanes_driver._located(exc)[0]
        reply = ("error", exc, text)
    try:
        data = pickle.dumps(reply)
    except Exception as exc:
        # The result (or the exception) cannot be pickled: say so, as CPython's worker does.
        data = pickle.dumps(("error", None, text or "%s: %s\n" % (type(exc).__name__, exc)))
    for out in _outs:
        out.finish()
    import lanes_asyncio

    lanes_asyncio.finish()
    lanes_thread.set_state(main, None)
    return to_js(data)
