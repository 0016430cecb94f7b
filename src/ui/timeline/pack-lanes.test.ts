import { describe, expect, it } from "vitest";
import type { Run, Span } from "../../trace/run";
import { MAX_TASK_LANES, packTaskLanes } from "./pack-lanes";

/** An async run of `count` tasks, `atOnce` at a time, each waiting 10 ms. */
function asyncRun(count: number, atOnce: number): Run {
  const spans: Span[] = [];
  const lanes: Run["lanes"] = [
    { id: "main", label: "main()", kind: "task" },
    { id: "page", label: "page thread", kind: "thread" },
  ];
  for (let i = 0; i < count; i++) {
    const start = Math.floor(i / atOnce) * 10;
    lanes.push({ id: `task:${i + 1}`, label: `t(${i})`, kind: "task" });
    spans.push({ lane: `task:${i + 1}`, task: String(i + 1), state: "waiting", start, end: start + 10 });
  }
  return { runner: "async", ok: true, wallMs: (count / atOnce) * 10, lanes, spans, output: [{ t: 5, lane: "task:3", task: "3", text: "hi" }] };
}

describe("packTaskLanes", () => {
  it("leaves a run with few task lanes as it is", () => {
    const run = asyncRun(MAX_TASK_LANES, 4);
    expect(packTaskLanes(run)).toBe(run);
  });

  it("packs thousands of task lanes into as many rows as tasks ran at once", () => {
    const packed = packTaskLanes(asyncRun(10_000, 50));
    const rows = packed.lanes.filter((l) => l.id.startsWith("tasks-row:"));
    expect(rows).toHaveLength(50);
    expect(packed.lanes.slice(0, 2).map((l) => l.id)).toEqual(["main", "page"]);
    expect(rows[0]).toEqual({ id: "tasks-row:1", label: "tasks, row 1", kind: "task" });
    // Every span keeps its task; no two spans on a row overlap.
    expect(packed.spans).toHaveLength(10_000);
    expect(new Set(packed.spans.map((s) => s.task)).size).toBe(10_000);
    const byRow = new Map<string, Span[]>();
    for (const s of packed.spans) byRow.set(s.lane, [...(byRow.get(s.lane) ?? []), s]);
    for (const spans of byRow.values()) {
      const sorted = spans.sort((a, b) => a.start - b.start);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.start).toBeGreaterThanOrEqual(sorted[i - 1]!.end);
    }
    // Output follows its task onto the task's row.
    const row = packed.spans.find((s) => s.task === "3")?.lane;
    expect(packed.output[0]).toEqual({ t: 5, lane: row, task: "3", text: "hi" });
  });
});
