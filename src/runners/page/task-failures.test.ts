import { describe, expect, it } from "vitest";
import { awaitSite } from "../../runtime/await-site";
import { TaskFailures, exceptionLine, type TaskFailure } from "./task-failures";

const failure = (over: Partial<TaskFailure> = {}): TaskFailure => ({
  task: "3",
  lane: "task:3",
  label: "crunch(3)",
  t: 12,
  where: { message: "chunk 3 is broken", line: 5, column: 9 },
  observed: () => false,
  ...over,
});
const locate = (error: unknown) => ({ message: (error as Error).message, line: 99 });

describe("TaskFailures", () => {
  it("reports a task's error that reached main() at the task's place, naming main()'s line", async () => {
    const failures = new TaskFailures();
    const error = new Error("chunk 3 is broken");
    failures.add(failure(), error);
    await (awaitSite(11, Promise.reject(error)) as Promise<unknown>).catch(() => undefined);
    expect(failures.driverError(error, locate)).toEqual({
      message: "chunk 3 is broken\n(raised in task crunch(3) at line 5; it reached main() at line 11, where nothing caught it)",
      line: 5,
      column: 9,
    });
  });

  it("names the helper file a task's error was raised in", async () => {
    const failures = new TaskFailures();
    const error = new Error("chunk 3 is broken");
    const inHelper = failure({ where: { message: "chunk 3 is broken", line: 5, column: 9, file: "helpers.ts" } });
    failures.add(inHelper, error);
    await (awaitSite(11, Promise.reject(error)) as Promise<unknown>).catch(() => undefined);
    expect(failures.driverError(error, locate)).toMatchObject({ message: "chunk 3 is broken\n(raised in task crunch(3) at helpers.ts:5; it reached main() at line 11, where nothing caught it)", file: "helpers.ts", line: 5 });
    expect(exceptionLine(inHelper)).toBe("Exception in task crunch(3): chunk 3 is broken (helpers.ts:5)");
  });

  it("leaves main()'s own errors to the locator", () => {
    const failures = new TaskFailures();
    failures.add(failure(), new Error("chunk 3 is broken"));
    expect(failures.driverError(new Error("mine"), locate)).toEqual({ message: "mine", line: 99 });
  });

  it("does not say a task raised an error it did not (its worker was lost)", () => {
    const failures = new TaskFailures();
    const error = new Error("worker 2 closed itself");
    failures.add(failure({ own: false, where: { message: "worker 2 closed itself" } }), error);
    expect(failures.driverError(error, locate).message).toBe("worker 2 closed itself\n(nothing in main() caught it)");
  });

  it("decides what nobody asked about when asked, not when the task failed", () => {
    const failures = new TaskFailures();
    let asked = false;
    failures.add(failure({ observed: () => asked }), new Error("x"));
    failures.add(failure({ task: "4", observed: () => true }), new Error("y"));
    expect(failures.unobserved().map((f) => f.task)).toEqual(["3"]);
    asked = true; // a future read after it had failed
    expect(failures.unobserved()).toEqual([]);
  });

  it("words the stderr line as Python's excepthook does", () => {
    expect(exceptionLine(failure())).toBe("Exception in task crunch(3): chunk 3 is broken (line 5)");
  });
});
