// What a worker is blocked on, told through shared memory: a worker inside Atomics.wait cannot
// answer a message, but the page can read these four cells of it at any time. The deadlock
// detector (run-on-page.ts) reads them to tell "busy" from "stuck", and the report names the
// object and the task. Cells 0-3 are written only by the worker, read only by the page:
//   [0] STATE       0 running or idle, 1 blocked without a timeout, 2 blocked with one
//   [1] OBJECT      the id of the object (sync-object.ts), while blocked
//   [2] TASK        the task's code (currentTaskCode), while blocked
//   [3] GENERATION  +1 on every change: the same value a second later means nothing moved
// Cells 4-5 are the page's answer when the worker gives back the tasks queued behind a blocked
// one (worker-entry.ts): the batches it took back may reach the worker afterwards, and must not run.
//   [4] REVOKED     the highest batch number (TaskBatch.seq) the page took back from this worker
//   [5] ANSWERED    how many give-backs the page has answered
import { sharedMemoryAvailable } from "../../runtime/sync/memory";

const STATE = 0;
const OBJECT = 1;
const TASK = 2;
const GENERATION = 3;
const REVOKED = 4;
const ANSWERED = 5;

export interface WaitEntry {
  state: "free" | "blocked" | "timed";
  object: number;
  task: number;
  generation: number;
}

/** A worker's cells; undefined without shared memory (then no Lanes object can block a worker). */
export function createWaitCells(): Int32Array | undefined {
  return sharedMemoryAvailable ? new Int32Array(new SharedArrayBuffer(24)) : undefined;
}

export function enterWait(cells: Int32Array, object: number, task: number, timed: boolean): void {
  Atomics.store(cells, OBJECT, object);
  Atomics.store(cells, TASK, task);
  Atomics.store(cells, STATE, timed ? 2 : 1);
  Atomics.add(cells, GENERATION, 1);
}

export function leaveWait(cells: Int32Array): void {
  Atomics.store(cells, STATE, 0);
  Atomics.add(cells, GENERATION, 1);
}

export function readWait(cells: Int32Array): WaitEntry {
  const state = Atomics.load(cells, STATE);
  return {
    state: state === 1 ? "blocked" : state === 2 ? "timed" : "free",
    object: Atomics.load(cells, OBJECT),
    task: Atomics.load(cells, TASK),
    generation: Atomics.load(cells, GENERATION),
  };
}

/** The page: the worker's give-back is answered; batches up to `seq` were taken back. */
export function answerGiveBack(cells: Int32Array, seq: number): void {
  if (seq > Atomics.load(cells, REVOKED)) Atomics.store(cells, REVOKED, seq);
  Atomics.add(cells, ANSWERED, 1);
  Atomics.notify(cells, ANSWERED);
}

/**
 * The worker, before it starts batch `seq`, having given back `givenBack` times: waits until the
 * page has answered them all (it does so as it reads the message), then says whether the page
 * took that batch back.
 */
export function takenBack(cells: Int32Array, givenBack: number, seq: number): boolean {
  for (;;) {
    const answered = Atomics.load(cells, ANSWERED);
    if (answered >= givenBack) break;
    Atomics.wait(cells, ANSWERED, answered, 1000);
  }
  return seq <= Atomics.load(cells, REVOKED);
}
