// What each state means, in a student's words: shared by the legend, tooltips and the table.
import type { Runner, State } from "../../trace/run";

export const STATE_TEXT: Record<State, { label: string; meaning: string }> = {
  running: { label: "running", meaning: "on a CPU, doing work" },
  waiting: { label: "waiting", meaning: "in sleep(), waiting on I/O" },
  blocked: { label: "blocked", meaning: "on a lock, queue, join or pool result" },
  ready: { label: "ready", meaning: "could continue, but its thread is busy with another task" },
  failed: { label: "failed", meaning: "threw an error" },
};

export const RUNNER_TEXT: Record<Runner, string> = {
  main: "main thread (one task after another)",
  async: "async tasks (one event loop)",
  workers: "Web Workers (a pool of threads)",
  python: "Python (threads emulated on one core, as under the GIL)",
};

/** What a state means under one runner: waiting frees the thread, except under main. */
export function stateMeaning(state: State, runner: Runner): string {
  if (state !== "waiting") return STATE_TEXT[state].meaning;
  if (runner === "python") return "in time.sleep() or asyncio.sleep(): the thread lets the others run";
  return runner === "main"
    ? "in sleep(): the page's whole thread waits with it, nothing else can run"
    : runner === "async"
      ? "in sleep(), waiting on I/O; the thread is free for other tasks"
      : "in sleep(), waiting on I/O; only this worker waits";
}
