// RunRecorder: the page-side builder of a Run. Runners report state changes as they happen
// (or in batches from workers); the recorder turns them into spans and answers two questions:
// "what does the run look like so far?" (snapshot, for the live timeline) and "what was it?"
// (finish). Times are run times: ms since main() was called.
import { forEachEvent, type CounterEvent, type TraceBatch } from "./events";
import type { ToRunTime } from "./clock";
import type { Counter, Lane, OutputLine, Run, Runner, RunError, Span, Startup, State, TaskInfo, Wakeup } from "./run";
import { SortedLog, mergeSorted } from "./sorted-log";

interface OpenSpan {
  state: State;
  start: number;
  label?: string;
}

const byStart = (s: Span): number => s.start;
const byT = (o: OutputLine): number => o.t;

/**
 * Tasks registered together (a pool's map): ids first … first + count − 1, as decimal strings,
 * described only when a Run is built — 10,000 items register in one call.
 */
export interface TaskRange {
  first: number;
  count: number;
  name: string;
  /** The arguments of task `index` of the range, as shown in tooltips. */
  args(index: number): string;
}

/** A range as the recorder keeps it: its TaskInfo objects are made once, on first build. */
interface RangeEntry {
  range: TaskRange;
  infos?: TaskInfo[];
}

export class RunRecorder {
  #lanes = new Map<string, Lane>();
  /** Tasks in the order they were first registered: one by one, or as ranges. */
  #taskOrder: (TaskInfo | RangeEntry)[] = [];
  /** Where each task registered one by one sits in #taskOrder. */
  #taskAt = new Map<string, number>();
  #ranges: RangeEntry[] = [];
  /** Tasks of ranges described anew since (failed, mostly). */
  #rangeOverrides = new Map<string, TaskInfo>();
  /** lane -> task -> its open span. Nested maps: no key string built per event. */
  #open = new Map<string, Map<string, OpenSpan>>();
  #spans = new SortedLog<Span>(byStart);
  #output = new SortedLog<OutputLine>(byT);
  #startup: Startup[] = [];
  #wakeups: Wakeup[] = [];
  /** Counter tracks by object and kind, in the order first sampled. */
  #counters = new Map<string, Counter>();
  #finished: Run | undefined;
  /** Tasks cancelled before they started, as id ranges (a map's tail is one range). */
  #cancelled: { first: number; count: number }[] = [];

  constructor(readonly runner: Runner) {}

  /** Records a wake-up (see Wakeup). */
  wakeup(wakeup: Wakeup): void {
    if (this.#finished) return;
    this.#wakeups.push(wakeup);
  }

  /** Records a counter track's sample (see Run.counters); its time is run time. */
  counter(sample: CounterEvent): void {
    if (this.#finished) return;
    const key = `${sample.kind}\u0000${sample.object}`;
    let track = this.#counters.get(key);
    if (!track) {
      track = { object: sample.object, kind: sample.kind, samples: [] };
      if (sample.max !== undefined) track.max = sample.max;
      this.#counters.set(key, track);
    }
    track.samples.push({ t: sample.t, value: sample.value });
  }

  /** Adds a lane at the end of the display order; a lane already known keeps its place and label. */
  addLane(lane: Lane): void {
    if (!this.#lanes.has(lane.id)) this.#lanes.set(lane.id, { ...lane });
  }

  /** A worker lane's start-up, once it is over (an empty or negative stretch is dropped). */
  addStartup(startup: Startup): void {
    if (!this.#finished && startup.end > startup.start) this.#startup.push({ ...startup });
  }

  /** Registers (or re-describes) a task for tooltips and checks; its place stays its first. */
  addTask(info: TaskInfo): void {
    const at = this.#taskAt.get(info.id);
    if (at !== undefined) this.#taskOrder[at] = { ...info };
    else if (this.#inRange(info.id)) this.#rangeOverrides.set(info.id, { ...info });
    else {
      this.#taskAt.set(info.id, this.#taskOrder.length);
      this.#taskOrder.push({ ...info });
    }
  }

  /** Registers `range.count` tasks at once; their ids must not be registered already. */
  addTaskRange(range: TaskRange): void {
    if (range.count <= 0) return;
    const entry: RangeEntry = { range };
    this.#ranges.push(entry);
    this.#taskOrder.push(entry);
  }

  /** Marks a task failed. An unknown id is still recorded, so the error is never lost. */
  failTask(id: string, error: RunError): void {
    // New objects: earlier snapshots share TaskInfo objects and must not change under a reader.
    const at = this.#taskAt.get(id);
    if (at !== undefined) {
      this.#taskOrder[at] = { ...(this.#taskOrder[at] as TaskInfo), failed: { ...error } };
      return;
    }
    const range = this.#inRange(id);
    if (range) {
      const info = this.#rangeOverrides.get(id) ?? describe(range.range, Number(id) - range.range.first);
      this.#rangeOverrides.set(id, { ...info, failed: { ...error } });
      return;
    }
    this.addTask({ id, name: id, args: "", failed: { ...error } });
  }

  /** Tasks `first` … `first + count − 1` never started: they are cancelled (one entry per call, not per task). */
  cancelTasks(first: number, count: number): void {
    if (count <= 0) return;
    const last = this.#cancelled[this.#cancelled.length - 1];
    if (last && last.first + last.count === first) last.count += count; // a map's items, one by one
    else this.#cancelled.push({ first, count });
  }

  #isCancelled(id: string): boolean {
    if (this.#cancelled.length === 0) return false;
    const n = Number(id);
    return this.#cancelled.some((c) => n >= c.first && n < c.first + c.count);
  }

  /** The range holding task `id`, if any (ranges are few: one per map). */
  #inRange(id: string): RangeEntry | undefined {
    if (this.#ranges.length === 0) return undefined;
    const n = Number(id);
    if (!Number.isInteger(n) || String(n) !== id) return undefined;
    return this.#ranges.find(({ range }) => n >= range.first && n < range.first + range.count);
  }

  #taskList(): TaskInfo[] {
    const list = this.#describedTasks();
    if (this.#cancelled.length === 0) return list;
    return list.map((info) => (this.#isCancelled(info.id) ? { ...info, cancelled: true } : info));
  }

  #describedTasks(): TaskInfo[] {
    const list: TaskInfo[] = [];
    for (const entry of this.#taskOrder) {
      if (!("range" in entry)) {
        list.push(entry);
        continue;
      }
      const { range } = entry;
      entry.infos ??= Array.from({ length: range.count }, (_, i) => describe(range, i));
      if (this.#rangeOverrides.size === 0) {
        for (const info of entry.infos) list.push(info);
        continue;
      }
      for (const info of entry.infos) list.push(this.#rangeOverrides.get(info.id) ?? info);
    }
    return list;
  }

  /** Closes the open span of `task` on `lane` (if any) at t and opens one in `state` (named `label`). */
  enter(t: number, lane: string, task: string, state: State, label?: string): void {
    if (this.#finished) return;
    let tasks = this.#open.get(lane);
    if (!tasks) this.#open.set(lane, (tasks = new Map()));
    const open = tasks.get(task);
    if (open) this.#close(lane, task, open, t);
    tasks.set(task, label === undefined ? { state, start: t } : { state, start: t, label });
  }

  /** Closes the open span of `task` on `lane` at t; nothing if none is open. */
  leave(t: number, lane: string, task: string): void {
    if (this.#finished) return;
    const tasks = this.#open.get(lane);
    const open = tasks?.get(task);
    if (!tasks || !open) return;
    tasks.delete(task);
    this.#close(lane, task, open, t);
  }

  print(t: number, lane: string, task: string | undefined, text: string, stream?: "stderr"): void {
    if (this.#finished) return;
    const line: OutputLine = task === undefined ? { t, lane, text } : { t, lane, task, text };
    if (stream) line.stream = stream;
    this.#output.push(line);
  }

  /** Applies a worker's batch; `toRunTime` converts the worker's clock (see clock.ts). */
  applyEvents(batch: TraceBatch, toRunTime: ToRunTime): void {
    forEachEvent(batch, {
      state: (t, lane, task, state, label) => {
        if (state === null) this.leave(toRunTime(t), lane, task);
        else this.enter(toRunTime(t), lane, task, state, label);
      },
      output: (t, lane, task, text) => this.print(toRunTime(t), lane, task, text),
      span: (start, end, lane, task, state) => {
        if (this.#finished) return;
        if (this.#open.get(lane)?.has(task)) {
          // Something is open for this task: close it the long way, so nothing is lost.
          this.enter(toRunTime(start), lane, task, state);
          this.leave(toRunTime(end), lane, task);
        } else this.#close(lane, task, { state, start: toRunTime(start) }, toRunTime(end));
      },
    });
    for (const c of batch.counters ?? []) this.counter({ ...c, t: toRunTime(c.t) });
    for (const w of batch.wakeups ?? []) this.wakeup({ object: w.object, from: { task: w.from.task, t: toRunTime(w.from.t) }, to: { task: w.to.task, t: toRunTime(w.to.t) } });
  }

  /**
   * The run so far, open spans closed at `now`; the recorder is unchanged.
   * Cost with n finished spans and m open ones: one O(n) array copy (finished Span objects are
   * shared, never mutated), O(m log m) for the open ones, and — only if spans finished out of
   * start order since the last call — an O(k log k) sort of those k plus an O(n) merge.
   * Output lines likewise. At 100k spans that is a few array copies, well inside 10×/s.
   */
  snapshot(now: number): Run {
    return this.#finished ?? this.#build(now, true);
  }

  /**
   * The finished run. Every open span closes at wallMs (or at its start if it opened after
   * wallMs, i.e. it is dropped). After this the recorder ignores further events (a worker's
   * late batch after Stop), and finishing again returns the same Run.
   */
  finish(wallMs: number, ok: boolean, error?: RunError): Run {
    if (this.#finished) return this.#finished;
    for (const [lane, tasks] of this.#open) {
      for (const [task, open] of tasks) this.#close(lane, task, open, wallMs);
    }
    this.#open.clear();
    const run = this.#build(wallMs, ok);
    if (error) run.error = { ...error };
    this.#finished = run;
    return run;
  }

  #close(lane: string, task: string, open: OpenSpan, end: number): void {
    // Zero-length spans draw nothing and only cost memory; negative ones come from clock skew
    // between realms and are equally meaningless.
    if (end > open.start) this.#spans.push(spanOf(lane, task, open, end));
  }

  #build(now: number, ok: boolean): Run {
    const live: Span[] = [];
    for (const [lane, tasks] of this.#open) {
      for (const [task, open] of tasks) {
        if (now > open.start) live.push(spanOf(lane, task, open, now));
      }
    }
    live.sort((a, b) => a.start - b.start);
    const finished = this.#spans.sorted();
    const spans = live.length === 0 ? finished.slice() : mergeSorted(finished, live, byStart);
    const run: Run = {
      runner: this.runner,
      ok,
      wallMs: now,
      lanes: [...this.#lanes.values()].map((l) => ({ ...l })),
      spans,
      output: this.#output.sorted().slice(),
      tasks: this.#taskList(),
      ...(this.#wakeups.length > 0 ? { wakeups: this.#wakeups.slice() } : {}),
    };
    if (this.#startup.length > 0) run.startup = this.#startup.map((s) => ({ ...s }));
    if (this.#counters.size > 0) run.counters = [...this.#counters.values()].map(counterOf);
    return run;
  }
}

function spanOf(lane: string, task: string, open: OpenSpan, end: number): Span {
  const span: Span = { lane, task, state: open.state, start: open.start, end };
  if (open.label !== undefined) span.label = open.label;
  return span;
}

function describe(range: TaskRange, index: number): TaskInfo {
  return { id: String(range.first + index), name: range.name, args: range.args(index) };
}

/**
 * A track as a Run holds it: samples in time order. Samples from several threads arrive per
 * batch, so they may be out of order; a stable sort keeps equal times in arrival order.
 */
function counterOf(track: Counter): Counter {
  const samples = track.samples.slice().sort((a, b) => a.t - b.t);
  return { ...track, samples };
}
