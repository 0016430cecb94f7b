// Tasks that never started (a map whose earlier item failed cancels the rest, as executor.map
// does) have no spans, so the canvas has nothing to draw for them. The section says so in words
// under its canvas instead: "cancelled, never started: convert(c.txt), convert(d.txt)".
// A map of 10,000 items can cancel thousands: a few are named, the rest counted.
import type { TaskInfo } from "../../trace/run";

/** How many cancelled tasks are named before "and N more". */
const NAMED = 6;

/** The sentence for a run's cancelled tasks, or null when none was cancelled. */
export function cancelledText(tasks: readonly TaskInfo[] | undefined): string | null {
  if (!tasks) return null;
  const names: string[] = [];
  let count = 0;
  for (const task of tasks) {
    if (!task.cancelled) continue;
    count += 1;
    if (names.length < NAMED) names.push(`${task.name}(${task.args})`);
  }
  if (count === 0) return null;
  const more = count > names.length ? `, and ${count - names.length} more` : "";
  const noun = count === 1 ? "1 task" : `${count} tasks`;
  return `${noun} cancelled, never started: ${names.join(", ")}${more}`;
}
