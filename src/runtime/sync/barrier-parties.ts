// Which barriers a task is a party to, so that its failure can break them.
//
// Python leaves a barrier alone when a thread dies: the other parties wait for it forever (or
// until a timeout). Lanes breaks it instead, so they get BrokenBarrierError at once and the
// lesson shows the cause rather than a deadlock. The rule: a task that fails breaks every
// barrier it is a party to, i.e. every barrier it has waited at, or that it was given among its
// arguments (it was expected to wait there). Either way the others can never all arrive again.
// A task that ends well leaves its barriers alone.
//
// Kept per realm: each realm knows the tasks that run in it (the page's under main and async,
// a worker's own), and the memory it breaks is shared, so waiters in every thread wake.

/** What a barrier offers this module (barrier.ts implements it; no import, no cycle). */
export interface BreakableBarrier {
  /** Break it because a party's task failed: every waiting and later wait throws. */
  breakForFailedParty(): void;
}

const barriers = new WeakSet<object>();
/** task code (sync-object.ts currentTaskCode) -> the barriers that task is a party to */
const parties = new Map<number, Set<BreakableBarrier>>();
/** Whether this realm has ever made a barrier (a WeakSet cannot say whether it is empty). */
let anyBarrier = false;

/** Called by every Barrier of this realm, made or rebuilt: arguments are searched only once one exists. */
export function barrierMade(barrier: BreakableBarrier): void {
  barriers.add(barrier);
  anyBarrier = true;
}

/** `task` waits at `barrier` (called by Barrier.wait). */
export function joinBarrier(task: number, barrier: BreakableBarrier): void {
  let own = parties.get(task);
  if (!own) parties.set(task, (own = new Set()));
  own.add(barrier);
}

/** Arguments are searched this deep and this wide: a barrier is passed plainly, not buried. */
const MAX_DEPTH = 3;
const MAX_VALUES = 256;

/**
 * `task` starts with `args`: each barrier among them (also inside arrays and plain objects) has
 * it as a party. Costs nothing in a realm that has never seen a barrier.
 */
export function joinBarriersIn(task: number, args: readonly unknown[]): void {
  if (!anyBarrier) return;
  let budget = MAX_VALUES;
  const visit = (value: unknown, depth: number): void => {
    if (budget-- <= 0 || value === null || typeof value !== "object") return;
    if (barriers.has(value)) return joinBarrier(task, value as BreakableBarrier);
    if (depth >= MAX_DEPTH) return;
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) visit(item, depth + 1);
      return;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return;
    for (const item of Object.values(value)) visit(item, depth + 1);
  };
  for (const arg of args) visit(arg, 0);
}

/** `task` failed: break its barriers (see the rule above). */
export function breakBarriersOf(task: number): void {
  const own = parties.get(task);
  if (!own) return;
  parties.delete(task);
  for (const barrier of own) barrier.breakForFailedParty();
}

/** `task` ended well: it breaks nothing now. */
export function leaveBarriers(task: number): void {
  parties.delete(task);
}

/** After a run: its tasks are over. */
export function forgetBarrierParties(): void {
  parties.clear();
}
