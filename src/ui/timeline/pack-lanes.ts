// A run with thousands of task lanes (async: one lane per task) cannot be drawn a lane per task:
// 10,000 lanes made a canvas 260,000 pixels tall. Past MAX_TASK_LANES, task lanes are packed
// into rows, as a Gantt chart does: each task goes on the first row that is free when it starts,
// so there are as many rows as tasks ever ran at once (at most the pool size). Spans keep their
// task, so tooltips still name it; only the row changes.
import type { Lane, Run } from "../../trace/run";

export const MAX_TASK_LANES = 64;

/** `run` itself when it has few task lanes, else a copy whose task lanes are packed into rows. */
export function packTaskLanes(run: Run): Run {
  const packable = (lane: Lane) => lane.kind === "task" && lane.id !== "main";
  const taskLanes = run.lanes.filter(packable);
  if (taskLanes.length <= MAX_TASK_LANES) return run;

  // When each lane is busy: its first start and last end.
  const extent = new Map<string, { start: number; end: number }>(taskLanes.map((l) => [l.id, { start: Infinity, end: -Infinity }]));
  for (const s of run.spans) {
    const e = extent.get(s.lane);
    if (!e) continue;
    e.start = Math.min(e.start, s.start);
    e.end = Math.max(e.end, s.end);
  }
  for (const o of run.output) {
    const e = extent.get(o.lane);
    if (!e) continue;
    e.start = Math.min(e.start, o.t);
    e.end = Math.max(e.end, o.t);
  }
  const ordered = taskLanes.filter((l) => extent.get(l.id)!.start !== Infinity).sort((a, b) => extent.get(a.id)!.start - extent.get(b.id)!.start);
  const rowEnds: number[] = [];
  const rowOf = new Map<string, string>();
  for (const lane of ordered) {
    const { start, end } = extent.get(lane.id)!;
    let row = rowEnds.findIndex((busyUntil) => busyUntil <= start);
    if (row < 0) row = rowEnds.push(end) - 1;
    else rowEnds[row] = end;
    rowOf.set(lane.id, rowId(row));
  }
  const rows: Lane[] = rowEnds.map((_, i) => ({ id: rowId(i), label: `tasks, row ${i + 1}`, kind: "task" }));
  const moved = <T extends { lane: string }>(item: T): T => {
    const row = rowOf.get(item.lane);
    return row ? { ...item, lane: row } : item;
  };
  return {
    ...run,
    lanes: [...run.lanes.filter((l) => !packable(l)), ...rows],
    spans: run.spans.map(moved),
    output: run.output.map(moved),
  };
}

function rowId(i: number): string {
  return `tasks-row:${i + 1}`;
}
