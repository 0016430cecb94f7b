import { describe, expect, it } from "vitest";
import type { Run, Runner } from "../trace/run.ts";
import type { PlaygroundBlock } from "./lesson-model.ts";
import { fakeRun } from "./test-runs.ts";
import { CHECK_LIMIT_MS, verifyPlayground } from "./verify-playground.ts";

const playground: PlaygroundBlock = { id: "demo", code: "CODE", line: 12, runners: ["main", "workers"] };

/** A browser stand-in: each runner's run as `runs` says, and the limits it was asked for. */
function runner(runs: Partial<Record<Runner, Partial<Run>>>) {
  const limits: (number | undefined)[] = [];
  const runCode = async (_code: string, runners: Runner[], limit?: number): Promise<Run[]> => {
    limits.push(limit);
    return runners.map((r) => ({ ...fakeRun(r), ...runs[r] }));
  };
  return { runCode, limits };
}

describe("verifyPlayground", () => {
  it("accepts a playground that ends ok under every runner, and caps its time limit", async () => {
    const { runCode, limits } = runner({});
    expect(await verifyPlayground("l.md", { ...playground, timeLimitMs: 30_000 }, runCode)).toEqual([]);
    expect(limits).toEqual([CHECK_LIMIT_MS]);
  });

  it("reports an undeclared failure at the playground's line", async () => {
    const { runCode } = runner({ workers: { ok: false, error: { message: "boom" } } });
    expect(await verifyPlayground("l.md", playground, runCode)).toEqual([
      expect.objectContaining({ line: 12, severity: "error", message: expect.stringMatching(/^The playground "demo" does not end as the lesson says: it failed under workers: boom\./) }),
    ]);
  });

  it("accepts the failure its outcome declares, and reports one that did not come, at the outcome's line", async () => {
    const outcome = { fails: { workers: "boom" }, line: 30 };
    expect(await verifyPlayground("l.md", { ...playground, outcome }, runner({ workers: { ok: false, error: { message: "a boom" } } }).runCode)).toEqual([]);
    expect(await verifyPlayground("l.md", { ...playground, outcome }, runner({}).runCode)).toEqual([expect.objectContaining({ line: 30, message: expect.stringMatching(/but it ended ok/) })]);
  });

  it("names a slow runner in a warning, and a stopped one in an error", async () => {
    const slow = runner({ main: { wallMs: 4_200 }, workers: { ok: false, error: { message: "Stopped at the time limit: the run took longer than 6 s." } } });
    expect((await verifyPlayground("l.md", playground, slow.runCode)).map((p) => `${p.severity} ${p.message}`)).toEqual([
      'warning The playground "demo" took 4.2 s under main: keep a run under about 3.0 s (smaller sleeps and work, fewer tasks).',
      'error The playground "demo" was stopped after 6.0 s under workers: make it quicker (lessons aim at runs of about 3.0 s).',
    ]);
  });

  it("leaves exercises to verifyExercise", async () => {
    const exercise = { ...playground, exercise: { goal: "G", hints: [], line: 1, check: { assertions: [] } } };
    expect(await verifyPlayground("l.md", exercise, runner({ main: { ok: false } }).runCode)).toEqual([]);
  });
});
