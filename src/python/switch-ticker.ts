// Raises the switch signal for the Python worker every TICK_MS while a run is live: the running
// Python thread's signal handler then checks its switch interval (CPython's 5 ms) and, if others
// are ready, lets them run. It has to come from another thread: the Python worker is busy
// running Python, and its own timers cannot fire until Python lets go of its thread.
//
// ticks[0] is Pyodide's interrupt buffer (CPython reads it every 50 eval-breaker checks, and
// resets it); ticks[1] is 1 while a run is live, 0 otherwise (then the ticker sleeps in wait).
export {};

/** SIGUSR1 in Emscripten's numbering: the signal lanes_thread's handler is installed for. */
const SWITCH_SIGNAL = 10;
const TICK_MS = 1;

self.onmessage = (event: MessageEvent<Int32Array>) => {
  const ticks = event.data;
  for (;;) {
    if (Atomics.load(ticks, 1) === 0) {
      Atomics.wait(ticks, 1, 0);
      continue;
    }
    Atomics.wait(ticks, 1, 1, TICK_MS);
    if (Atomics.load(ticks, 1) === 1) Atomics.store(ticks, 0, SWITCH_SIGNAL);
  }
};
