// How close a solution's runs come to its check's timing bounds, for `lessons:check --repeat N`:
// a speed-up of 1.71 against atLeast 1.3 has room; 1.32 against 1.3 fails for some students on a
// busy laptop. Pure: the runs come from the caller, each repetition's margins are folded here.
import type { Run } from "../trace/run.ts";
import { peakRunning, speedUp } from "../trace/summary.ts";
import type { Assertion } from "./lesson-model.ts";

export interface Margin {
  /** The assertion in the check's words: "speedUp async over main". */
  label: string;
  /** The bound's name in the check: atLeast, below or above. */
  bound: "atLeast" | "below" | "above";
  limit: number;
  /** What the runs measured; NaN when the runs could not be measured (a failed run). */
  measured: number;
}

/** The margins of the timing assertions of a check over one set of runs, in check order. */
export function marginsOf(assertions: readonly Assertion[], runs: readonly Run[]): Margin[] {
  const find = (runner: string) => runs.find((r) => r.runner === runner && r.ok);
  const margins: Margin[] = [];
  for (const a of assertions) {
    if (a.kind === "speedUp") {
      const fast = find(a.runner);
      const slow = find(a.over);
      margins.push({ label: `speedUp ${a.runner} over ${a.over}`, bound: "atLeast", limit: a.atLeast, measured: fast && slow ? speedUp(fast, slow) : NaN });
    } else if (a.kind === "wallMs") {
      const run = find(a.runner);
      if (a.below !== undefined) margins.push({ label: `wallMs ${a.runner}`, bound: "below", limit: a.below, measured: run ? run.wallMs : NaN });
      if (a.above !== undefined) margins.push({ label: `wallMs ${a.runner}`, bound: "above", limit: a.above, measured: run ? run.wallMs : NaN });
    } else if (a.kind === "peakRunning") {
      const run = find(a.runner);
      margins.push({ label: `peakRunning ${a.runner}`, bound: "atLeast", limit: a.atLeast, measured: run ? peakRunning(run) : NaN });
    }
  }
  return margins;
}

/** Whether the measure meets its bound (a run that could not be measured does not). */
export function holds(m: Margin): boolean {
  if (Number.isNaN(m.measured)) return false;
  return m.bound === "atLeast" ? m.measured >= m.limit : m.bound === "below" ? m.measured < m.limit : m.measured > m.limit;
}

/** How far inside its bound a measure is: above 1 holds, below 1 fails; NaN is the worst. */
function room(m: Margin): number {
  if (Number.isNaN(m.measured)) return -Infinity;
  return m.bound === "below" ? m.limit / m.measured : m.measured / m.limit;
}

export interface WorstMargin extends Margin {
  /** How many of the repetitions met the bound. */
  held: number;
  of: number;
}

/** Per assertion, the worst of the repetitions' margins (each repetition lists them in check order). */
export function worstMargins(repetitions: readonly Margin[][]): WorstMargin[] {
  const first = repetitions[0] ?? [];
  return first.map((_, i) => {
    const samples = repetitions.map((r) => r[i]).filter((m): m is Margin => m !== undefined);
    const worst = samples.reduce((a, b) => (room(b) < room(a) ? b : a));
    return { ...worst, held: samples.filter(holds).length, of: samples.length };
  });
}

/** "speedUp async over main 1.71 against atLeast 1.3 (worst of 5 runs; held 5 of 5)". */
export function formatMargin(m: WorstMargin): string {
  const measured = Number.isNaN(m.measured) ? "not measured (a run failed)" : m.bound === "atLeast" && m.label.startsWith("speedUp") ? m.measured.toFixed(2) : String(Math.round(m.measured));
  return `${m.label} ${measured} against ${m.bound} ${m.limit} (worst of ${m.of} ${m.of === 1 ? "run" : "runs"}; held ${m.held} of ${m.of})`;
}
