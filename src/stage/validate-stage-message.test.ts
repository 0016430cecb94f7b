import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Run } from "../trace/run";
import { parseStageMessage } from "./validate-stage-message";
import { parseRun } from "./validate-run";

const run: Run = {
  runner: "workers",
  ok: true,
  wallMs: 12.5,
  lanes: [
    { id: "main", label: "main()", kind: "task" },
    { id: "worker:1", label: "worker 1", kind: "thread" },
  ],
  spans: [{ lane: "worker:1", task: "1", state: "running", start: 0.5, end: 10 }],
  output: [{ t: 3, lane: "worker:1", task: "1", text: "hello" }],
  tasks: [{ id: "1", name: "f", args: "1", failed: { message: "no", line: 3 } }],
  frames: { frozen: [{ start: 1, end: 2 }], dropped: 0 },
  counters: [{ object: "q", kind: "queue length", max: 4, samples: [{ t: 1, value: 1 }, { t: 2, value: 0 }] }],
};

/** Every failure must be a sentence, and nothing may throw. */
function expectSentence(result: { ok: boolean; message?: string }) {
  if (!result.ok) expect(result.message).toMatch(/^The program's page sent .+[.)]$/s);
}

/** The same value with one leaf (or branch) at `path` replaced. */
function mutate(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || typeof value !== "object" || value === null) return replacement;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return replacement;
  const [key, child] = entries[path[0]! % entries.length]!;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  (copy as Record<string, unknown>)[key] = mutate(child, path.slice(1), replacement);
  return copy;
}

describe("the app's check of what a stage sends", () => {
  it("accepts a real run, copied field by field", () => {
    const parsed = parseRun(structuredClone({ ...run, extra: "dropped" }), "workers");
    expect(parsed).toEqual({ ok: true, value: run });
  });

  it("accepts each message of the protocol", () => {
    expect(parseStageMessage({ type: "ready", itersPerMs: 0 }, "main").ok).toBe(true);
    expect(parseStageMessage({ type: "started" }, "main").ok).toBe(true);
    expect(parseStageMessage({ type: "update", run, progress: { submitted: 2, done: 1 } }, "workers").ok).toBe(true);
    expect(parseStageMessage({ type: "done", run, itersPerMs: 120_000 }, "workers").ok).toBe(true);
    expect(parseStageMessage({ type: "fault", message: "x" }, "main").ok).toBe(true);
  });

  it("refuses a forged run of another runner, with a sentence", () => {
    const parsed = parseRun({ ...run, runner: "main" }, "workers");
    expect(parsed).toEqual({ ok: false, message: "The program's page sent a run record Lanes cannot read: it is a main run, but a workers run was asked for." });
  });

  it("keeps a compile error's phase and refuses a phase it does not know", () => {
    const failed = { runner: "main", ok: false, wallMs: 0, lanes: [], spans: [], output: [], error: { message: "Syntax error", line: 2, phase: "compile" } };
    const parsed = parseRun(failed, "main");
    expect(parsed.ok && parsed.value.error).toEqual({ message: "Syntax error", line: 2, phase: "compile" });
    const forged = parseRun({ ...failed, error: { message: "x", phase: "later" } }, "main");
    expect(forged.ok).toBe(false);
    expectSentence(forged);
  });

  it("refuses a counter track of an unknown kind, or with a sample that is not a number", () => {
    const kind = parseRun({ ...run, counters: [{ ...run.counters![0]!, kind: "bytes" }] }, "workers");
    expect(kind.ok).toBe(false);
    expectSentence(kind);
    const sample = parseRun({ ...run, counters: [{ ...run.counters![0]!, samples: [{ t: 1, value: "1" }] }] }, "workers");
    expect(sample).toEqual({ ok: false, message: "The program's page sent a run record Lanes cannot read: counters[0].samples[0].value is not a finite number." });
  });

  it("refuses output on a lane the run does not have", () => {
    const parsed = parseRun({ ...run, output: [{ t: 1, lane: "worker:99", text: "forged" }] }, "workers");
    expect(parsed.ok).toBe(false);
    expectSentence(parsed);
  });

  it("refuses a flood: more output lines than the cap", () => {
    const output = { length: 5_000_001 } as unknown as unknown[];
    const parsed = parseRun({ ...run, output: Object.assign(new Array(5_000_001), output) }, "workers");
    expect(parsed).toMatchObject({ ok: false, message: expect.stringMatching(/output has 5000001 entries, more than the 5000000 allowed/) });
  });

  it("never throws on random values, and every refusal is a sentence", () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withDate: true }), (value) => {
        expectSentence(parseStageMessage(value, "main"));
        expectSentence(parseRun(value, "main"));
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on mutated runs and messages, and every refusal is a sentence", () => {
    const messages = [
      { type: "update", run, progress: { submitted: 2, done: 1 } },
      { type: "done", run, itersPerMs: 120_000 },
    ];
    fc.assert(
      fc.property(fc.constantFrom(...messages), fc.array(fc.nat(), { maxLength: 6 }), fc.anything({ withNullPrototype: true }), (message, path, replacement) => {
        const mutated = mutate(message, path, replacement);
        const parsed = parseStageMessage(mutated, "workers");
        expectSentence(parsed);
        if (parsed.ok && parsed.value.type === "done") expect(parseRun(parsed.value.run, "workers").ok).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
