// Runs made up for the unit tests of checks and predictions: only the fields they read.
import type { Run, Runner, Span } from "../trace/run.ts";

export interface FakeRun {
  wallMs?: number;
  ok?: boolean;
  output?: string[];
  /** Running spans on thread lanes, as [lane, start, end]. */
  running?: [string, number, number][];
  failedTask?: boolean;
}

export function fakeRun(runner: Runner, fake: FakeRun = {}): Run {
  const spans: Span[] = (fake.running ?? []).map(([lane, start, end], i) => ({ lane, task: `t${i}`, state: "running", start, end }));
  const lanes = [...new Set(spans.map((s) => s.lane))].map((id) => ({ id, label: id, kind: "thread" as const }));
  const run: Run = {
    runner,
    ok: fake.ok ?? true,
    wallMs: fake.wallMs ?? 100,
    lanes,
    spans,
    output: (fake.output ?? []).map((text, i) => ({ t: i, lane: "main", text })),
  };
  if (!run.ok) run.error = { message: "boom" };
  if (fake.failedTask) run.tasks = [{ id: "t1", name: "crunch", args: "3", failed: { message: "bad input" } }];
  return run;
}
