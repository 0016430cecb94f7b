// Everything the timeline draws for one Run, built once per Run and cached, so re-rendering
// with the same Run objects costs nothing and a live update rebuilds only the run that grew.
import type { Lane, Run, TaskInfo } from "../../trace/run";
import { cancelledText } from "./cancelled-tasks";
import { buildCounterRows, type CounterRow } from "./counter-rows";
import { packTaskLanes } from "./pack-lanes";
import { buildSpanColumns, collectLanes, type SpanColumns } from "./span-columns";
import { buildStartup, type StartupColumns } from "./startup-track";
import { buildTaskRuns, type TaskRuns } from "./task-runs";
import { formatMs } from "./ticks";

/** Output lines grouped by lane and sorted by time, like the span columns. */
export interface OutputColumns {
  t: Float64Array;
  /** Index into run.output. */
  source: Uint32Array;
  /** Lane i's lines are [laneStart[i], laneStart[i + 1]). */
  laneStart: Uint32Array;
}

export interface TimelineModel {
  /** The run as drawn: `original`, or a copy with its task lanes packed into rows (pack-lanes.ts). */
  run: Run;
  original: Run;
  lanes: readonly Lane[];
  columns: SpanColumns;
  /** Consecutive spans of one task on one lane, for the cuts between tasks. */
  taskRuns: TaskRuns;
  /** Worker start-up stretches (workers runs). */
  startup: StartupColumns;
  outputs: OutputColumns;
  tasks: ReadonlyMap<string, TaskInfo>;
  /** Counter tracks, one row each under the lanes. */
  counters: CounterRow[];
  /** "2 tasks cancelled, never started: …" (they have no spans to draw), or null. */
  cancelled: string | null;
}

function buildOutputs(run: Run, lanes: readonly Lane[]): OutputColumns {
  const laneOf = new Map(lanes.map((l, i) => [l.id, i]));
  const lane = (k: number) => laneOf.get(run.output[k]!.lane) ?? 0;
  const order = run.output.map((_, k) => k);
  order.sort((a, b) => lane(a) - lane(b) || run.output[a]!.t - run.output[b]!.t);
  const laneStart = new Uint32Array(lanes.length + 1);
  let current = -1;
  order.forEach((k, pos) => {
    while (current < lane(k)) laneStart[++current] = pos;
  });
  while (current < lanes.length) laneStart[++current] = order.length;
  return { t: Float64Array.from(order, (k) => run.output[k]!.t), source: Uint32Array.from(order), laneStart };
}

export function buildModel(original: Run): TimelineModel {
  const run = packTaskLanes(original);
  const lanes = collectLanes(run);
  const columns = buildSpanColumns(run, lanes);
  return {
    run,
    original,
    lanes,
    columns,
    taskRuns: buildTaskRuns(columns),
    startup: buildStartup(run, lanes),
    outputs: buildOutputs(run, lanes),
    tasks: new Map((run.tasks ?? []).map((t) => [t.id, t])),
    counters: buildCounterRows(run),
    cancelled: cancelledText(run.tasks),
  };
}

// A live run may be the same object, grown in place: rebuild when its shape changed.
function signature(run: Run): string {
  const last = run.spans[run.spans.length - 1];
  return `${run.lanes.length}|${run.startup?.length ?? 0}|${run.spans.length}|${run.output.length}|${run.tasks?.length ?? 0}|${run.wallMs}|${last?.end ?? ""}|${run.ok}|${counterSamples(run)}`;
}

function counterSamples(run: Run): number {
  let n = 0;
  for (const c of run.counters ?? []) n += c.samples.length;
  return n;
}

const cache = new WeakMap<Run, { sig: string; model: TimelineModel }>();

/** The model of `run`, from cache when the run has not changed. */
export function modelOf(run: Run): TimelineModel {
  const sig = signature(run);
  const hit = cache.get(run);
  if (hit && hit.sig === sig) return hit.model;
  const model = buildModel(run);
  cache.set(run, { sig, model });
  return model;
}

/** How a tooltip or label names a task: "fetchPage(3)", "main()", or "task 3" without info. */
export function taskTitle(model: TimelineModel, task: string): string {
  const info = model.tasks.get(task);
  if (info) return `${info.name}(${info.args})`;
  return task === "main" ? "main()" : `task ${task}`;
}

/** The canvas's text alternative: what ran, for how long, and how it ended. */
export function describeRun(model: TimelineModel): string {
  const { run } = model;
  const taskCount = run.tasks?.length ?? new Set(run.spans.map((s) => s.task).filter((t) => t !== "main")).size;
  const end = run.ok ? "finished" : `failed${run.error ? `: ${run.error.message}` : ""}`;
  return `Timeline of the ${run.runner} runner: ${taskCount} tasks on ${model.lanes.length} lanes, ` +
    `wall time ${formatMs(run.wallMs)}, ${run.output.length} output lines, ${end}. ` +
    (model.cancelled ? `${model.cancelled}. ` : "") +
    `The table below lists every span.`;
}
