// The app's check of every Run record that comes from a stage. The student's code runs in the
// stage's realm and can post anything there, so a record is read as untrusted input: each field
// is checked and copied into a fresh object (unknown fields are dropped), sizes are capped, and a
// record that is not a Run becomes a sentence saying what is wrong with it — never a throw.
import { HELPER_FILE_NAME } from "../lessons/helper-file-name";
import { RUNNERS, RUN_ERROR_PHASES, STATES, type Counter, type CounterKind, type FrameReport, type Lane, type OutputLine, type Run, type Runner, type RunError, type RunErrorPhase, type Span, type Startup, type TaskInfo, type Wakeup } from "../trace/run";

/** Caps far above what a lesson's program records, low enough that a forged record cannot flood the app. */
export const RUN_LIMITS = { lanes: 1_000_000, spans: 5_000_000, output: 5_000_000, tasks: 5_000_000, text: 1_000_000, label: 100_000, frozen: 100_000 } as const;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

class Invalid extends Error {}

const fail = (what: string): never => {
  throw new Invalid(what);
};

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(`${what} is not an object`);
  return value as Record<string, unknown>;
}

function list(value: unknown, what: string, max: number): unknown[] {
  if (!Array.isArray(value)) fail(`${what} is not a list`);
  const items = value as unknown[];
  if (items.length > max) fail(`${what} has ${items.length} entries, more than the ${max} allowed`);
  return items;
}

function text(value: unknown, what: string, max: number = RUN_LIMITS.label): string {
  if (typeof value !== "string") fail(`${what} is not a string`);
  const s = value as string;
  if (s.length > max) fail(`${what} is ${s.length} characters long, more than the ${max} allowed`);
  return s;
}

function time(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) fail(`${what} is not a finite number`);
  return value as number;
}

function optionalPosition(value: unknown, what: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) fail(`${what} is not a line or column number`);
  return value as number;
}

function runError(value: unknown, what: string): RunError {
  const e = record(value, what);
  const error: RunError = { message: text(e.message, `${what}.message`, RUN_LIMITS.text) };
  const line = optionalPosition(e.line, `${what}.line`);
  const column = optionalPosition(e.column, `${what}.column`);
  if (line !== undefined) error.line = line;
  if (column !== undefined) error.column = column;
  if (e.file !== undefined) {
    if (typeof e.file !== "string" || !HELPER_FILE_NAME.test(e.file) || e.file.length > 100) fail(`${what}.file is not a helper file's name`);
    error.file = e.file as string;
  }
  if (e.phase !== undefined) {
    if (!RUN_ERROR_PHASES.includes(e.phase as RunErrorPhase)) fail(`${what}.phase is not one of ${RUN_ERROR_PHASES.join(", ")}`);
    error.phase = e.phase as RunErrorPhase;
  }
  return error;
}

function lane(value: unknown, i: number): Lane {
  const l = record(value, `lanes[${i}]`);
  const kind = l.kind;
  if (kind !== "thread" && kind !== "task") fail(`lanes[${i}].kind is not "thread" or "task"`);
  return { id: text(l.id, `lanes[${i}].id`), label: text(l.label, `lanes[${i}].label`), kind: kind as Lane["kind"] };
}

const STATE_SET = new Set<unknown>(STATES);

function span(value: unknown, i: number, lanes: ReadonlySet<string>): Span {
  const s = record(value, `spans[${i}]`);
  const laneId = text(s.lane, `spans[${i}].lane`);
  if (!lanes.has(laneId)) fail(`spans[${i}] is on lane ${JSON.stringify(laneId.slice(0, 40))}, which the run does not have`);
  if (!STATE_SET.has(s.state)) fail(`spans[${i}].state is not one of ${STATES.join(", ")}`);
  const start = time(s.start, `spans[${i}].start`);
  const end = time(s.end, `spans[${i}].end`);
  if (end < start) fail(`spans[${i}] ends before it starts`);
  const copy: Span = { lane: laneId, task: text(s.task, `spans[${i}].task`), state: s.state as Span["state"], start, end };
  if (s.label !== undefined) copy.label = text(s.label, `spans[${i}].label`);
  return copy;
}

function outputLine(value: unknown, i: number, lanes: ReadonlySet<string>): OutputLine {
  const o = record(value, `output[${i}]`);
  const laneId = text(o.lane, `output[${i}].lane`);
  if (!lanes.has(laneId)) fail(`output[${i}] is on lane ${JSON.stringify(laneId.slice(0, 40))}, which the run does not have`);
  const line: OutputLine = { t: time(o.t, `output[${i}].t`), lane: laneId, text: text(o.text, `output[${i}].text`, RUN_LIMITS.text) };
  if (o.task !== undefined) line.task = text(o.task, `output[${i}].task`);
  if (o.stream !== undefined) {
    if (o.stream !== "stderr") fail(`output[${i}].stream is not "stderr"`);
    line.stream = "stderr";
  }
  return line;
}

function task(value: unknown, i: number): TaskInfo {
  const t = record(value, `tasks[${i}]`);
  const info: TaskInfo = { id: text(t.id, `tasks[${i}].id`), name: text(t.name, `tasks[${i}].name`), args: text(t.args, `tasks[${i}].args`) };
  if (t.failed !== undefined) info.failed = runError(t.failed, `tasks[${i}].failed`);
  if (t.cancelled !== undefined) {
    if (t.cancelled !== true) fail(`tasks[${i}].cancelled is not true`);
    info.cancelled = true;
  }
  return info;
}

function frames(value: unknown): FrameReport {
  const f = record(value, "frames");
  const frozen = list(f.frozen, "frames.frozen", RUN_LIMITS.frozen).map((s, i) => {
    const stretch = record(s, `frames.frozen[${i}]`);
    return { start: time(stretch.start, `frames.frozen[${i}].start`), end: time(stretch.end, `frames.frozen[${i}].end`) };
  });
  const dropped = f.dropped;
  if (typeof dropped !== "number" || !Number.isInteger(dropped) || dropped < 0) fail("frames.dropped is not a count");
  return { frozen, dropped: dropped as number };
}

function startup(value: unknown, i: number, lanes: ReadonlySet<string>): Startup {
  const s = record(value, `startup[${i}]`);
  const laneId = text(s.lane, `startup[${i}].lane`);
  if (!lanes.has(laneId)) fail(`startup[${i}] is on lane ${JSON.stringify(laneId.slice(0, 40))}, which the run does not have`);
  return { lane: laneId, start: time(s.start, `startup[${i}].start`), end: time(s.end, `startup[${i}].end`) };
}

function wakeupEnd(value: unknown, what: string): { task: string; t: number } {
  const e = record(value, what);
  return { task: text(e.task, `${what}.task`), t: time(e.t, `${what}.t`) };
}

function wakeup(value: unknown, i: number): Wakeup {
  const w = record(value, `wakeups[${i}]`);
  return { object: text(w.object, `wakeups[${i}].object`), from: wakeupEnd(w.from, `wakeups[${i}].from`), to: wakeupEnd(w.to, `wakeups[${i}].to`) };
}

const COUNTER_KINDS: readonly CounterKind[] = ["queue length", "permits in use"];

function counter(value: unknown, i: number): Counter {
  const c = record(value, `counters[${i}]`);
  const kind = c.kind as CounterKind;
  if (!COUNTER_KINDS.includes(kind)) fail(`counters[${i}].kind is not one of ${COUNTER_KINDS.join(", ")}`);
  const samples = list(c.samples, `counters[${i}].samples`, RUN_LIMITS.spans).map((v, k) => {
    const s = record(v, `counters[${i}].samples[${k}]`);
    return { t: time(s.t, `counters[${i}].samples[${k}].t`), value: time(s.value, `counters[${i}].samples[${k}].value`) };
  });
  const track: Counter = { object: text(c.object, `counters[${i}].object`), kind, samples };
  if (c.max !== undefined) track.max = time(c.max, `counters[${i}].max`);
  return track;
}

/** Read `value` as the Run of `runner`: a fresh, checked copy, or what is wrong with it. */
export function parseRun(value: unknown, runner: Runner): Parsed<Run> {
  try {
    const r = record(value, "the run");
    if (!RUNNERS.includes(r.runner as Runner)) fail("its runner is not main, async or workers");
    if (r.runner !== runner) fail(`it is a ${r.runner as string} run, but a ${runner} run was asked for`);
    if (typeof r.ok !== "boolean") fail("its ok is not true or false");
    const lanes = list(r.lanes, "lanes", RUN_LIMITS.lanes).map(lane);
    const laneIds = new Set(lanes.map((l) => l.id));
    const run: Run = {
      runner,
      ok: r.ok as boolean,
      wallMs: time(r.wallMs, "wallMs"),
      lanes,
      spans: list(r.spans, "spans", RUN_LIMITS.spans).map((s, i) => span(s, i, laneIds)),
      output: list(r.output, "output", RUN_LIMITS.output).map((o, i) => outputLine(o, i, laneIds)),
    };
    if (run.wallMs < 0) fail("wallMs is negative");
    if (r.error !== undefined) run.error = runError(r.error, "error");
    if (r.tasks !== undefined) run.tasks = list(r.tasks, "tasks", RUN_LIMITS.tasks).map(task);
    if (r.frames !== undefined) run.frames = frames(r.frames);
    if (r.startup !== undefined) run.startup = list(r.startup, "startup", RUN_LIMITS.lanes).map((s, i) => startup(s, i, laneIds));
    if (r.wakeups !== undefined) run.wakeups = list(r.wakeups, "wakeups", RUN_LIMITS.spans).map(wakeup);
    if (r.counters !== undefined) run.counters = list(r.counters, "counters", RUN_LIMITS.frozen).map(counter);
    if (r.notes !== undefined) run.notes = list(r.notes, "notes", RUN_LIMITS.frozen).map((n, i) => text(n, `notes[${i}]`, RUN_LIMITS.text));
    return { ok: true, value: run };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, message: `The program's page sent a run record Lanes cannot read: ${error.message}.` };
    // A RangeError from a record so deep or large the engine gave up: still a sentence.
    return { ok: false, message: `The program's page sent a run record Lanes cannot read (${error instanceof Error ? error.message : "unreadable"}).` };
  }
}
