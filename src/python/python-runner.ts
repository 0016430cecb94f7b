// The python runner: a Python program in, a Run out. Python runs in a worker (python-worker.ts),
// never on the page. Stop and the time limit end runaway Python by terminating that worker and
// starting a fresh one (warming it at once, so the next run does not wait for it as long).
import type { RunnerImpl, RunOptions } from "../runners/runner";
import { DEFAULT_TIME_LIMIT_MS, timeLimitMessage } from "../runners/page/time-limit";
import type { Run } from "../trace/run";
import type { FromPythonWorker, ToPythonWorker } from "./protocol";
import { PythonRunRecord, pythonFailure } from "./python-run";

const LIVE_UPDATE_MS = 100;

let worker: Worker | undefined;
let switchTicks: Int32Array | undefined;

function pythonWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL("./python-worker.ts", import.meta.url), { type: "module", name: "lanes-python" });
    worker.postMessage({ type: "warm" } satisfies ToPythonWorker);
  }
  return worker;
}

/** The ticker worker and the buffer it writes the switch signal into (see switch-ticker.ts). */
function ticks(): Int32Array {
  if (!switchTicks) {
    switchTicks = new Int32Array(new SharedArrayBuffer(8));
    const ticker = new Worker(new URL("./switch-ticker.ts", import.meta.url), { type: "module", name: "lanes-python-ticker" });
    ticker.postMessage(switchTicks);
  }
  return switchTicks;
}

function setTicking(on: boolean): void {
  const t = ticks();
  Atomics.store(t, 1, on ? 1 : 0);
  Atomics.notify(t, 1);
}

function replaceWorker(): void {
  worker?.terminate();
  worker = undefined;
  pythonWorker();
}

/** Start loading Python now (e.g. when a student opens a Python tab), without running anything. */
export function warmPython(): void {
  pythonWorker();
}

export function runPython(source: string, options: RunOptions): Promise<Run> {
  if (options.signal.aborted) return Promise.resolve(pythonFailure("This run has been stopped."));
  const w = pythonWorker();
  const record = new PythonRunRecord();
  const limitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  return new Promise<Run>((resolve) => {
    let startedAt = -1;
    let limit: ReturnType<typeof setTimeout> | undefined;
    let live: ReturnType<typeof setInterval> | undefined;
    const elapsed = () => (startedAt < 0 ? 0 : performance.now() - startedAt);
    const finish = (run: Run) => {
      w.removeEventListener("message", onMessage);
      options.signal.removeEventListener("abort", onAbort);
      clearTimeout(limit);
      clearInterval(live);
      setTicking(false);
      resolve(run);
    };
    const kill = (message: string) => {
      replaceWorker();
      finish(record.snapshot(elapsed(), { ok: false, error: { message } }));
    };
    const onAbort = () => kill("This run has been stopped.");
    const onMessage = (event: MessageEvent<FromPythonWorker>) => {
      const m = event.data;
      switch (m.type) {
        case "loading":
          options.onLoading?.(m.progress);
          break;
        case "started":
          startedAt = performance.now();
          setTicking(true);
          limit = setTimeout(() => kill(timeLimitMessage("python", limitMs)), limitMs);
          live = setInterval(() => options.onUpdate?.(record.snapshot(elapsed()), { submitted: 0, done: 0 }), LIVE_UPDATE_MS);
          break;
        case "events":
          record.add(m.lanes, m.spans, m.output);
          break;
        case "done":
          finish(record.snapshot(m.wallMs, m.ok ? { ok: true } : { ok: false, error: { message: m.message ?? "The program failed.", line: m.line } }));
          break;
        case "failed":
          replaceWorker();
          finish(startedAt < 0 ? pythonFailure(m.message) : record.snapshot(elapsed(), { ok: false, error: { message: m.message } }));
          break;
      }
    };
    w.addEventListener("message", onMessage);
    options.signal.addEventListener("abort", onAbort);
    w.postMessage({ type: "run", source, switchTicks: ticks() } satisfies ToPythonWorker);
  });
}

export const pythonRunner: RunnerImpl = {
  runner: "python",
  runSource: (source, options) => runPython(source, options),
  run: (program, options) => runPython(program.source, options),
};
