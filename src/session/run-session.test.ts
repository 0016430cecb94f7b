import { describe, expect, it } from "vitest";
import type { Check } from "../lessons/lesson-model";
import type { Run, Runner } from "../trace/run";
import { createRunSession, type Finished, type SessionDeps } from "./run-session";

const runOf = (runner: Runner, ok = true): Run => ({ runner, ok, wallMs: 10, lanes: [], spans: [], output: [] });
const CHECK: Check = { assertions: [] } as unknown as Check;

/** A runProgram whose runs finish when the test says so, and stop when their signal aborts. */
function controlledRunner() {
  const calls: { code: string; signal: AbortSignal; finish(runs: Run[]): void; update(runs: Run[]): void }[] = [];
  const runProgram: SessionDeps["runProgram"] = (code, _runners, options) =>
    new Promise((resolve) => {
      const call = { code, signal: options.signal, finish: resolve, update: (runs: Run[]) => options.onUpdate?.(runs, { done: 1, submitted: 2 }) };
      options.signal.addEventListener("abort", () => resolve([runOf("main", false)]));
      calls.push(call);
    });
  return { calls, runProgram };
}

const passing = async () => ({ passed: true, messages: [] });

describe("run session", () => {
  it("keeps live runs and progress while running, and the finished runs after", async () => {
    const { calls, runProgram } = controlledRunner();
    const session = createRunSession({ runProgram, evaluateCheck: passing, now: () => 42 });
    const done = session.run("code", ["main", "async"]);
    expect(session.store.getState()).toMatchObject({ running: true, startedAt: 42, runs: [] });
    calls[0]!.update([runOf("main")]);
    expect(session.store.getState().runs).toHaveLength(1);
    expect(session.store.getState().progress).toEqual({ done: 1, submitted: 2 });
    calls[0]!.finish([runOf("main"), runOf("async")]);
    expect(await done).toHaveLength(2);
    expect(session.store.getState()).toMatchObject({ running: false, progress: null });
    expect(session.store.getState().runs.map((r) => r.runner)).toEqual(["main", "async"]);
  });

  it("stops the previous run before starting the next, and ignores its late updates", async () => {
    const { calls, runProgram } = controlledRunner();
    const session = createRunSession({ runProgram, evaluateCheck: passing });
    const first = session.run("one", ["main"]);
    void session.run("two", ["main"]);
    expect(calls[0]!.signal.aborted).toBe(true);
    expect(calls[1]!.signal.aborted).toBe(false);
    await first;
    calls[0]!.update([runOf("workers")]);
    expect(session.store.getState().running).toBe(true);
    expect(session.store.getState().runs).toEqual([]);
  });

  it("stop aborts the run in progress and the session becomes idle", async () => {
    const { calls, runProgram } = controlledRunner();
    const session = createRunSession({ runProgram, evaluateCheck: passing });
    const done = session.run("code", ["main"]);
    session.stop();
    expect(calls[0]!.signal.aborted).toBe(true);
    await done;
    expect(session.store.getState().running).toBe(false);
  });

  it("checks the exercise after a finished run and records a pass", async () => {
    const { calls, runProgram } = controlledRunner();
    let passes = 0;
    const started: string[] = [];
    const session = createRunSession({ runProgram, evaluateCheck: passing }, { check: CHECK, onPassed: () => passes++, onStart: (c) => started.push(c) });
    const done = session.run("code", ["main"]);
    calls[0]!.finish([runOf("main")]);
    await done;
    expect(session.store.getState().check).toEqual({ status: "done", passed: true, messages: [] });
    expect(passes).toBe(1);
    expect(started).toEqual(["code"]);
  });

  it("does not record a pass when the check fails", async () => {
    const { calls, runProgram } = controlledRunner();
    let passes = 0;
    const failing = async () => ({ passed: false, messages: ["too slow"] });
    const session = createRunSession({ runProgram, evaluateCheck: failing }, { check: CHECK, onPassed: () => passes++ });
    const done = session.run("code", ["main"]);
    calls[0]!.finish([runOf("main")]);
    await done;
    expect(session.store.getState().check).toEqual({ status: "done", passed: false, messages: ["too slow"] });
    expect(passes).toBe(0);
  });

  it("does not check a stopped run", async () => {
    const { runProgram } = controlledRunner();
    let checked = 0;
    const session = createRunSession({ runProgram, evaluateCheck: async () => (checked++, { passed: true, messages: [] }) }, { check: CHECK });
    const done = session.run("code", ["main"]);
    session.stop();
    await done;
    expect(checked).toBe(0);
    expect(session.store.getState().check).toEqual({ status: "idle" });
  });

  it("reports every run once over, with its tag, stopped or not, and the check's result", async () => {
    const { calls, runProgram } = controlledRunner();
    const finished: Finished[] = [];
    const session = createRunSession({ runProgram, evaluateCheck: passing }, { check: CHECK });
    session.onFinished((f) => finished.push(f));
    const first = session.run("one", ["main"], { tag: "a" });
    const second = session.run("two", ["main"], { tag: "b" });
    calls[1]!.finish([runOf("main")]);
    await Promise.all([first, second]);
    expect(finished.map((f) => [f.tag, f.stopped, f.check?.passed])).toEqual([
      ["a", true, undefined],
      ["b", false, true],
    ]);
  });

  it("passes the time limit and trace option through", async () => {
    const seen: unknown[] = [];
    const session = createRunSession(
      { runProgram: async (_c, _r, o) => (seen.push([o.timeLimitMs, o.trace]), []), evaluateCheck: passing },
      { timeLimitMs: 500 },
    );
    await session.run("x", ["main"]);
    await session.run("x", ["main"], { timeLimitMs: 7, trace: false });
    expect(seen).toEqual([
      [500, undefined],
      [7, false],
    ]);
  });

  it("clear forgets the runs", async () => {
    const { calls, runProgram } = controlledRunner();
    const session = createRunSession({ runProgram, evaluateCheck: passing });
    const done = session.run("code", ["main"]);
    calls[0]!.finish([runOf("main")]);
    await done;
    session.clear();
    expect(session.store.getState().runs).toEqual([]);
  });
});
