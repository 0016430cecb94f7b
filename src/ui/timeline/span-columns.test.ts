import { describe, expect, it } from "vitest";
import type { Run, Span } from "../../trace/run";
import { buildSpanColumns, collectLanes, firstVisible, stateIndex, timeInState } from "./span-columns";

const span = (lane: string, task: string, state: Span["state"], start: number, end: number): Span => ({ lane, task, state, start, end });

function run(spans: Span[], output: Run["output"] = []): Run {
  return {
    runner: "async",
    ok: true,
    wallMs: 100,
    lanes: [
      { id: "main", label: "main()", kind: "task" },
      { id: "page", label: "page thread", kind: "thread" },
    ],
    spans,
    output,
  };
}

describe("buildSpanColumns", () => {
  const r = run([
    span("page", "2", "running", 30, 40),
    span("main", "main", "running", 0, 5),
    span("page", "1", "running", 10, 20),
    span("main", "main", "blocked", 5, 90),
  ]);
  const c = buildSpanColumns(r);

  it("groups spans by lane in lane order and sorts them by start", () => {
    expect(Array.from(c.laneIndex)).toEqual([0, 0, 1, 1]);
    expect(Array.from(c.starts)).toEqual([0, 5, 10, 30]);
    expect(Array.from(c.ends)).toEqual([5, 90, 20, 40]);
    expect(Array.from(c.laneStart)).toEqual([0, 2, 4]);
  });

  it("stores states and tasks as small indices", () => {
    expect(c.state[1]).toBe(stateIndex("blocked"));
    expect(c.tasks[c.taskIndex[2]!]).toBe("1");
    expect(c.tasks[c.taskIndex[3]!]).toBe("2");
  });

  it("restarts the end prefix maximum at each lane", () => {
    expect(Array.from(c.endPrefixMax)).toEqual([5, 90, 20, 40]);
  });

  it("answers time per state over a run of spans", () => {
    expect(timeInState(c, stateIndex("running"), 0, 4)).toBe(5 + 10 + 10);
    expect(timeInState(c, stateIndex("blocked"), 0, 2)).toBe(85);
    expect(timeInState(c, stateIndex("running"), 2, 3)).toBe(10);
  });

  it("handles an empty run", () => {
    const e = buildSpanColumns(run([]));
    expect(e.count).toBe(0);
    expect(Array.from(e.laneStart)).toEqual([0, 0, 0]);
  });
});

describe("collectLanes", () => {
  it("adds lanes that only spans or output name, labelled by id", () => {
    const lanes = collectLanes(run([span("worker:1", "1", "running", 0, 1)], [{ t: 1, lane: "worker:2", text: "x" }]));
    expect(lanes.map((l) => l.id)).toEqual(["main", "page", "worker:1", "worker:2"]);
  });
});

describe("firstVisible", () => {
  it("finds the first span that ends after t", () => {
    const c = buildSpanColumns(run([span("page", "1", "running", 0, 10), span("page", "2", "running", 10, 20), span("page", "3", "running", 20, 30)]));
    expect(firstVisible(c, 1, 15)).toBe(1);
    expect(firstVisible(c, 1, 20)).toBe(2);
    expect(firstVisible(c, 1, 99)).toBe(3);
    expect(firstVisible(c, 0, 0)).toBe(0);
  });

  it("does not miss a long span that started before shorter later ones", () => {
    const c = buildSpanColumns(run([span("page", "1", "waiting", 0, 100), span("page", "2", "running", 10, 11)]));
    expect(firstVisible(c, 1, 50)).toBe(0);
    expect(firstVisible(c, 1, 100)).toBe(2);
  });
});

describe("buildSpanColumns ordering", () => {
  it("orders spans by lane, then start, whether or not they arrive sorted", () => {
    const run = {
      runner: "workers" as const,
      ok: true,
      wallMs: 10,
      lanes: [
        { id: "a", label: "a", kind: "thread" as const },
        { id: "b", label: "b", kind: "thread" as const },
      ],
      spans: [
        { lane: "b", task: "1", state: "running" as const, start: 5, end: 6 },
        { lane: "a", task: "2", state: "running" as const, start: 3, end: 4 },
        { lane: "b", task: "3", state: "running" as const, start: 1, end: 2 },
        { lane: "a", task: "4", state: "running" as const, start: 0, end: 1 },
      ],
      output: [],
    };
    const cols = buildSpanColumns(run);
    expect(Array.from(cols.starts)).toEqual([0, 3, 1, 5]);
    expect(Array.from(cols.laneStart)).toEqual([0, 2, 4]);
  });
});
