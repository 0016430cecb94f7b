import { arrivalLine } from "../../runtime/await-site";
import type { RunError } from "../../trace/run";

/** One task that ended in an error, as the run keeps it until the end. */
export interface TaskFailure {
  task: string;
  lane: string;
  /** `crunch(3)` */
  label: string;
  /** Run time of the failure: an unobserved one is reported at that moment, as a thread's excepthook prints. */
  t: number;
  where: RunError;
  /** False when the task did not raise it (its worker was lost): then no "raised in" part. */
  own?: boolean;
  /** Whether the program ever asked for this task's result (its future, or its map's). */
  observed(): boolean;
}

/**
 * Python's rule for failures, kept per run. A task's error that reached main() (awaited,
 * joined, read from a settled promise) is main()'s to handle: caught, the program is fine;
 * uncaught, main() fails with it. A task whose result nobody ever asked for reports its error
 * on its own lane ("Exception in task …", as `threading.excepthook` prints "Exception in
 * thread …") and the program still succeeds. Whether a result was asked for is decided at the
 * end of the run: reading a future after it failed counts.
 */
export class TaskFailures {
  readonly #all: TaskFailure[] = [];
  // Keyed by the error object main() may receive: how it is told apart from main()'s own errors.
  readonly #byError = new WeakMap<object, TaskFailure>();

  get count(): number {
    return this.#all.length;
  }

  add(failure: TaskFailure, error: unknown): void {
    this.#all.push(failure);
    if (typeof error === "object" && error !== null && !this.#byError.has(error)) this.#byError.set(error, failure);
  }

  /**
   * main()'s error as the run reports it. A task's error keeps the task's place (line and
   * column of the throw) and says where it reached main(), as a traceback shows both.
   */
  driverError(error: unknown, locate: (error: unknown) => RunError): RunError {
    const failure = typeof error === "object" && error !== null ? this.#byError.get(error) : undefined;
    if (!failure) return locate(error);
    const at = failure.where.line !== undefined ? ` at ${placeOf(failure.where)}` : "";
    const line = arrivalLine(error);
    const arrived = line !== undefined ? `it reached main() at line ${line}, where nothing caught it` : "nothing in main() caught it";
    const raised = failure.own === false ? "" : `raised in task ${failure.label}${at}; `;
    return { ...failure.where, message: `${failure.where.message}\n(${raised}${arrived})` };
  }

  /** The failures nobody asked about, for their "Exception in task" lines. */
  unobserved(): TaskFailure[] {
    return this.#all.filter((f) => !f.observed());
  }
}

/** The stderr line of a task that failed unobserved. */
export function exceptionLine(failure: TaskFailure): string {
  const at = failure.where.line !== undefined ? ` (${placeOf(failure.where)})` : "";
  return `Exception in task ${failure.label}: ${failure.where.message}${at}`;
}

/** "line 7" in the program's own code, "helpers.ts:7" in a helper file. */
function placeOf(where: RunError): string {
  return where.file !== undefined ? `${where.file}:${where.line}` : `line ${where.line}`;
}
