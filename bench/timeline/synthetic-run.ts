// A finished workers Run of `spanCount` spans on 8 worker lanes, generated from a seed: spans of
// varied lengths (log-uniform over four decades) and states, idle gaps, tasks of one to four spans,
// a failed task now and then, and an output line every ~20 spans. Spans are listed in the order a
// real run records them (by end time, lanes interleaved), so building the model sorts real work.
import type { OutputLine, Run, Span, State, TaskInfo } from "../../src/trace/run";
import { taskId, workerLane } from "../../src/trace/lanes";

/** mulberry32: a small, fast, seedable PRNG (uniform in [0, 1)). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LATER: State[] = ["waiting", "waiting", "blocked", "ready", "running", "running"];
const NAMES = ["work", "fetchPage", "resize", "hash"];

export interface SyntheticOptions {
  spanCount: number;
  seed?: number;
  lanes?: number;
  /** The run's wall time: the same for every size, so one zoom script shows each at equal windows. */
  wallMs?: number;
}

export function syntheticRun({ spanCount, seed = 1, lanes = 8, wallMs = 5000 }: SyntheticOptions): Run {
  const random = prng(seed);
  const spans: Span[] = [];
  const output: OutputLine[] = [];
  const tasks: TaskInfo[] = [];
  const laneList = Array.from({ length: lanes }, (_, i) => workerLane(i + 1));

  for (let l = 0; l < lanes; l++) {
    const count = Math.floor(spanCount / lanes) + (l < spanCount % lanes ? 1 : 0);
    // Lengths in arbitrary units first, then scaled so the lane ends near the wall time.
    const length = new Float64Array(count);
    const gap = new Float64Array(count);
    let total = 0;
    for (let i = 0; i < count; i++) {
      length[i] = 10 ** (random() * 4 - 2);
      gap[i] = random() < 0.1 ? 10 ** (random() * 3 - 2) : 0;
      total += length[i]! + gap[i]!;
    }
    const unit = (wallMs * (0.9 + 0.1 * random())) / (total || 1);
    const lane = laneList[l]!.id;
    let t = 0;
    let task = "";
    let left = 0;
    for (let i = 0; i < count; i++) {
      t += gap[i]! * unit;
      let state: State;
      if (left === 0) {
        task = taskId(tasks.length + 1);
        left = 1 + Math.floor(random() * 4);
        const failed = random() < 0.005;
        tasks.push({ id: task, name: NAMES[tasks.length % NAMES.length]!, args: String(tasks.length), ...(failed ? { failed: { message: "boom" } } : {}) });
        state = "running";
      } else {
        state = left === 1 && tasks[tasks.length - 1]!.failed ? "failed" : LATER[Math.floor(random() * LATER.length)]!;
      }
      left--;
      const end = t + length[i]! * unit;
      spans.push({ lane, task, state, start: t, end });
      if (random() < 0.05) output.push({ t: end, lane, task, text: `task ${task}: ${Math.floor(random() * 1e6)}` });
      t = end;
    }
  }
  spans.sort((a, b) => a.end - b.end);
  output.sort((a, b) => a.t - b.t);
  const wall = spans.reduce((max, s) => Math.max(max, s.end), 0);
  return { runner: "workers", ok: true, wallMs: wall, lanes: laneList, spans, output, tasks };
}
