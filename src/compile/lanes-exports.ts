// What a program may name in `import { … } from "lanes"`, known to the compiler so that a name
// that does not exist is refused before the run, at its line, instead of failing to link (or,
// when unused, being dropped in silence). A test keeps these lists equal to the runtime's values
// and to the editor's declaration file, so the three cannot drift apart.

/** The values "lanes" exports, in the order the refusal lists them (most used first). */
export const LANES_VALUES = [
  "sleep",
  "work",
  "print",
  "Pool",
  "asCompleted",
  "spawn",
  "shared",
  "Lock",
  "Semaphore",
  "BoundedSemaphore",
  "Condition",
  "Event",
  "Barrier",
  "Queue",
] as const;

/** Its types: a plain `import { PoolOptions }` used only as a type is a legal import too. */
export const LANES_TYPE_NAMES = ["PoolOptions", "Thread", "QueueOptions"] as const;

const KNOWN: ReadonlySet<string> = new Set([...LANES_VALUES, ...LANES_TYPE_NAMES]);

export function isLanesExport(name: string): boolean {
  return KNOWN.has(name);
}

/** "sleep, work, print, …": what the refusals offer instead. */
export function lanesExportList(): string {
  return LANES_VALUES.join(", ");
}
