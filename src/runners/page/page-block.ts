// A primitive's wait for a task on the page's thread (main, async, and main() under workers).
// The thread may not block, so each sleep is a promise; the task is `blocked` on the timeline,
// its span named after the object, and it is resumed through the run (run.wake) like every
// party, so the trace knows who runs. Under main and async the only threads are this one, so
// a sleeper waits in this realm's own list and a release marks it `ready` at once (its thread
// is busy finishing the releaser's stretch). Under workers main() sleeps in Atomics.waitAsync,
// woken by any worker's notify. A timed wait counts as pending work: it will end by itself,
// so it is never a deadlock.
import { isShared } from "../../runtime/sync/memory";
import { taskOfCode } from "../../runtime/sync/sync-object";
import { blockAsync, sleepAsync, waitLocal, type BlockRequest } from "../../runtime/sync/waiting";
import type { PageRun } from "./page-run";

export function blockOnPage(run: PageRun, request: BlockRequest, crossThread: boolean): Promise<boolean> {
  const party = run.currentParty();
  const began = run.now();
  const sleepOn = (cells: Int32Array, index: number, expected: number, timeoutMs: number) =>
    new Promise<void>((resolve) => {
      if (Atomics.load(cells, index) !== expected) return resolve();
      const label = request.describe();
      run.setState(party, "blocked", run.now(), label);
      party.waitingFor = label;
      const timed = timeoutMs !== Infinity;
      if (timed) run.pending += 1;
      else party.waitingOn = request.subject;
      let woken = false;
      const wake = () => {
        if (woken) return;
        woken = true;
        if (timed) run.pending -= 1;
        run.wake(party, resolve);
      };
      if (crossThread && isShared(cells.buffer)) {
        void sleepAsync(cells, index, expected, timeoutMs).then(wake);
        return;
      }
      const timer = timed ? setTimeout(() => cancel(), timeoutMs) : undefined;
      const cancel = waitLocal(cells, index, () => {
        clearTimeout(timer);
        wake();
      });
    });
  return blockAsync(request, sleepOn).then((ok) => {
    if (ok && party.since > began) recordWakeup(run, request, party.id, began);
    return ok;
  });
}

/** The arrow from whoever signalled (the putter of the item waited for, else the last signaller after this wait began) to this task continuing now. */
function recordWakeup(run: PageRun, request: BlockRequest, task: string, began: number): void {
  const signal = request.signalled?.() ?? request.subject.lastSignal();
  if (!signal) return;
  const from = signal.epochMs - performance.timeOrigin - run.t0;
  const by = taskOfCode(signal.task);
  if (by === undefined || from < began) return;
  run.recorder.wakeup({ object: request.subject.name, from: { task: by, t: from }, to: { task, t: run.now() } });
}
