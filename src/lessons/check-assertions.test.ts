import { describe, expect, it } from "vitest";
import { assertionFailure } from "./check-assertions.ts";
import { fakeRun } from "./test-runs.ts";

const main = fakeRun("main", { wallMs: 800, output: ["chunk 1: 7", "counter = 40000"], running: [["page", 0, 800]] });
const workers = fakeRun("workers", { wallMs: 400, output: ["chunk 1: 7"], running: [["worker:1", 0, 400], ["worker:2", 10, 390]] });
const failed = fakeRun("async", { ok: false, wallMs: 5 });

describe("assertionFailure", () => {
  it("passes ok when every run is ok", () => {
    expect(assertionFailure({ kind: "ok", runner: "all" }, [main, workers])).toBeUndefined();
  });

  it("fails ok with the run's error", () => {
    expect(assertionFailure({ kind: "ok", runner: "all" }, [main, failed])).toBe("The async run ended with an error: boom.");
  });

  it("asks for a run of the runner an assertion names", () => {
    expect(assertionFailure({ kind: "ok", runner: "workers" }, [main])).toBe("Run it under workers too: the check looks at that run.");
  });

  it("fails noFailedTasks with the task and its error", () => {
    expect(assertionFailure({ kind: "noFailedTasks", runner: "main" }, [fakeRun("main", { failedTask: true })])).toBe("Under main, the task crunch(3) failed: bad input.");
  });

  it("passes output contains when the text is there", () => {
    expect(assertionFailure({ kind: "output", runner: "main", contains: "counter = 40000" }, [main, workers])).toBeUndefined();
  });

  it("fails output contains for the run without it", () => {
    expect(assertionFailure({ kind: "output", runner: "all", contains: "counter = 40000" }, [main, workers])).toBe('The output of the workers run does not contain "counter = 40000".');
  });

  it("matches a regular expression line by line", () => {
    expect(assertionFailure({ kind: "output", runner: "all", matches: "^chunk \\d+: \\d+$" }, [main, workers])).toBeUndefined();
  });

  it("fails a regular expression no line matches", () => {
    expect(assertionFailure({ kind: "output", runner: "workers", matches: "^counter" }, [workers])).toBe("No line of the output of the workers run matches /^counter/.");
  });

  it("passes a speed-up that is reached", () => {
    expect(assertionFailure({ kind: "speedUp", runner: "workers", over: "main", atLeast: 1.8 }, [main, workers])).toBeUndefined();
  });

  it("fails a speed-up that is not reached, with both times", () => {
    expect(assertionFailure({ kind: "speedUp", runner: "workers", over: "main", atLeast: 2.5 }, [main, workers])).toBe(
      "workers was 2.00× as fast as main (400 ms against 800 ms); the goal is at least 2.5×.",
    );
  });

  it("does not time a run that failed", () => {
    expect(assertionFailure({ kind: "wallMs", runner: "async", below: 100 }, [failed])).toMatch(/^The async run ended with an error, so its time says nothing/);
  });

  it("fails a wall time above its bound", () => {
    expect(assertionFailure({ kind: "wallMs", runner: "main", below: 600 }, [main])).toBe("main took 800 ms; the goal is under 600 ms.");
  });

  it("fails a wall time below its lower bound", () => {
    expect(assertionFailure({ kind: "wallMs", runner: "workers", above: 500 }, [workers])).toBe("workers took 400 ms; the goal is over 500 ms.");
  });

  it("passes peak running when threads overlap", () => {
    expect(assertionFailure({ kind: "peakRunning", runner: "workers", atLeast: 2 }, [workers])).toBeUndefined();
  });

  it("fails peak running with the peak reached", () => {
    expect(assertionFailure({ kind: "peakRunning", runner: "main", atLeast: 2 }, [main])).toBe("At most 1 thread was computing at once under main; the goal is at least 2.");
  });
});
