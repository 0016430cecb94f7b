// A worker that can no longer run tasks: it closed itself, crashed, or could not import the
// program. Python's ProcessPoolExecutor calls its pool broken then (BrokenProcessPool) and
// fails every task still pending in it; Lanes does the same, and says which worker, which task
// and why, instead of waiting for replies that will never come.

export type LostHow = "closed" | "crashed" | "import";

/** Why a worker stopped, as WorkerSlot learns it (before any task is named). */
export class WorkerStopped extends Error {
  constructor(
    readonly how: Exclude<LostHow, "import">,
    message: string,
    /** The task the worker said it was running (self.close() tells), as a Run task id. */
    readonly task?: string,
    /** Set when the worker's import of the program threw this. */
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "WorkerStopped";
  }
}

const CONSEQUENCE = "The pool is broken, as Python's is (BrokenProcessPool): its tasks not finished fail too. The next run gets a fresh worker.";

/** The name of the error a broken pool's tasks fail with: not any task's own error. */
export const BROKEN_POOL = "BrokenPool";

/** The error every pending task of a broken pool fails with. */
export function workerLostError(how: LostHow, worker: string, task: string | undefined, detail: string): Error {
  const during = task ? ` while running ${task}` : "";
  const what =
    how === "closed"
      ? `${worker} closed itself (self.close())${during}.`
      : how === "crashed"
        ? `${worker} crashed${during}: ${detail.replace(/\.$/, "")}.` // the detail may be a sentence of its own
        : `${worker} could not import the program: ${detail}. Each worker imports your program afresh (as Python's process pools re-import the main module), so its top-level code, outside functions, runs in every worker too, where there is no window or document.`;
  const error = new Error(`${what} ${CONSEQUENCE}`);
  error.name = BROKEN_POOL;
  return error;
}
