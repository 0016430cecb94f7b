// The words a hover shows, as plain data: the component puts them in a DOM element.
import { STATES } from "../../trace/run";
import type { Hit } from "./hit-test";
import { STATE_TEXT, stateMeaning } from "./state-text";
import { waitWords } from "./draw-wakeups";
import { formatMs, formatRange } from "./ticks";
import { taskTitle, type TimelineModel } from "./timeline-model";

export interface TooltipText {
  title: string;
  lines: string[];
  /** "running", "waiting", ... for a span; "output" for an output line (drives the swatch). */
  tone: string;
}

const MAX_TEXT = 160;

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

function whoPrinted(model: TimelineModel, task: string | undefined, thread: string | null): string {
  const who = task ? `by ${taskTitle(model, task)}` : "printed";
  return thread ? `${who} on ${thread}` : who;
}

export function describeHit(model: TimelineModel, hit: Hit): TooltipText {
  if (hit.kind === "output") {
    const line = model.run.output[hit.output];
    if (!line) return { title: "output", lines: [], tone: "output" };
    const lane = model.lanes.find((l) => l.id === line.lane);
    return {
      title: `print(${JSON.stringify(clip(line.text))})`,
      lines: [`at ${formatMs(line.t)}`, whoPrinted(model, line.task, lane?.kind === "thread" ? lane.label : null)],
      tone: "output",
    };
  }
  if (hit.kind === "startup") return describeStartup(model, hit.startup);
  if (hit.kind === "counter") return describeCounter(model, hit.row, hit.sample);
  const c = model.columns;
  const i = hit.span;
  const state = STATES[c.state[i]!] ?? "failed";
  const task = c.tasks[c.taskIndex[i]!] ?? "?";
  const start = c.starts[i]!;
  const end = c.ends[i]!;
  const lane = c.lanes[c.laneIndex[i]!];
  const lines = [
    `${STATE_TEXT[state].label} — ${stateMeaning(state, model.run.runner)}`,
    formatRange(start, end),
  ];
  if (lane) lines.push(`lane: ${lane.label}`);
  if (state === "blocked" || state === "ready") lines.push(...waitWords(model, task, lane?.id ?? "", start, end));
  const failed = model.tasks.get(task)?.failed;
  if (failed) lines.push(`error: ${clip(failed.message)}${failed.line ? (failed.file ? ` (${failed.file}:${failed.line})` : ` (line ${failed.line})`) : ""}`);
  return { title: taskTitle(model, task), lines, tone: state };
}

function describeCounter(model: TimelineModel, index: number, sample: number): TooltipText {
  const row = model.counters[index];
  if (!row) return { title: "counter", lines: [], tone: "counter" };
  const value = sample >= 0 ? (row.value[sample] ?? 0) : 0;
  const from = sample >= 0 ? (row.t[sample] ?? 0) : 0;
  const to = row.t[sample + 1] ?? model.run.wallMs;
  const of = row.max !== undefined ? ` of ${row.max}` : "";
  const full = row.max !== undefined && value >= row.max ? " (full)" : "";
  return { title: `${row.what}: ${value}${of}${full}`, lines: [formatRange(from, Math.max(from, to))], tone: "counter" };
}

/** Under a millisecond: the worker was kept from an earlier run and had the program already. */
const WARM_MS = 1;

function describeStartup(model: TimelineModel, index: number): TooltipText {
  const start = model.startup.starts[index] ?? 0;
  const end = model.startup.ends[index] ?? 0;
  const lane = model.lanes[model.startup.laneIndex[index] ?? 0];
  const what = end - start < WARM_MS
    ? "a worker kept from an earlier run: ready at once"
    : "a Web Worker starting: it loads the lanes module and your program before it can take a task";
  return { title: `${lane?.label ?? "worker"} starting`, lines: [what, formatRange(start, end)], tone: "startup" };
}
