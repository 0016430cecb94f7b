import type { Runner } from "../../trace/run";
import type { PageRun } from "./page-run";

/** A deadlock explained in words a student understands: who waits for what, and why. */
export function deadlockMessage(runner: Runner, run: PageRun): string {
  const waiting = [run.driver, ...run.blockedParties()]
    .filter((p) => !p.done)
    .map((p) => `${p.label} is waiting for ${p.waitingFor ?? "its turn"}`);
  const why =
    runner === "main"
      ? "Under the main runner tasks run one at a time, each to its end, so a task can never receive something that only a later task would provide."
      : "Every unfinished task is waiting for another one.";
  return [
    "Deadlock: nothing can continue.",
    ...waiting.map((w) => `- ${w}`),
    why,
    "(Lanes sees only its own waits: sleep, pools, joins, locks and queues. An await on anything else, such as a setTimeout promise, looks like waiting forever.)",
  ].join("\n");
}
