import { findSyncObject, knownSyncObjects, taskOfCode } from "../../runtime/sync/sync-object";
import { Lock } from "../../runtime/sync/lock";
import type { WaitSubject } from "../../runtime/sync/waiting";
import type { Runner } from "../../trace/run";
import type { PageRun } from "./page-run";

/** A worker blocked on a Lanes object, as its wait-for cells tell it (wait-table.ts). */
export interface RemoteWait {
  /** Task code (sync-object.ts). */
  task: number;
  /** Object id. */
  object: number;
}

interface Stuck {
  /** How the task is named: `ab(a, b)`. */
  label: string;
  task: string;
  on?: WaitSubject;
  /** Its wait in words, when it is not on a Lanes object ("a result it awaits"). */
  text?: string;
}

/**
 * A deadlock explained in words a student understands: who holds what and waits for what, then
 * why nothing can move. "Deadlock: `ab(a, b)` holds lock `a` and waits for lock `b`; …"
 */
export function deadlockMessage(runner: Runner, run: PageRun, remote: readonly RemoteWait[] = []): string {
  const labels = taskLabels(run);
  const stuck: Stuck[] = [run.driver, ...run.blockedParties()]
    .filter((p) => !p.done)
    .map((p) => ({ label: p.label, task: p.id, on: p.waitingOn, text: p.waitingFor }));
  for (const wait of remote) {
    const task = taskOfCode(wait.task) ?? "?";
    const on = findSyncObject(wait.object);
    const text = on ? `waiting for ${on.kind === "Queue" ? "queue" : on.kind.toLowerCase()} \`${on.name}\`` : "waiting for a Lanes object made inside a task";
    stuck.push({ label: labels.get(task) ?? `task ${task}`, task, on, text });
  }
  const onObjects = stuck.filter((s) => s.on);
  const others = stuck.filter((s) => !s.on);
  const locks = knownSyncObjects().filter((o): o is Lock => o instanceof Lock);
  const labelOf = (task: string | undefined) => (task === undefined ? "a task" : `\`${stuck.find((s) => s.task === task)?.label ?? labels.get(task) ?? `task ${task}`}\``);
  const sentences = onObjects.map((s) => {
    const held = locks.filter((l) => l.holder === s.task && l !== s.on).map((l) => `\`${l.name}\``);
    const holds = held.length > 0 ? `holds lock ${held.join(" and ")} and ` : "";
    const on = s.on as WaitSubject;
    if (on instanceof Lock && on.constructor === Lock) {
      const by = on.holder;
      const holderNamed = by !== undefined && !onObjects.some((o) => o.task === by) ? ` (held by ${labelOf(by)})` : "";
      return `\`${s.label}\` ${holds}waits for lock \`${on.name}\`${holderNamed}`;
    }
    return `\`${s.label}\` ${holds}is blocked: ${s.text ?? `waiting for \`${on.name}\``}`;
  });
  const why =
    runner === "main"
      ? "Under the main runner tasks run one at a time, each to its end, so a task can never receive something that only a later task would provide."
      : "Every unfinished task is waiting for another one, so none can continue.";
  const lines = sentences.length > 0 ? [`Deadlock: ${sentences.join("; ")}.`] : ["Deadlock: nothing can continue."];
  for (const s of others) lines.push(`- \`${s.label}\` is waiting for ${s.text ?? "its turn"}`);
  lines.push(why);
  if (sentences.length === 0) {
    lines.push("(Lanes sees only its own waits: sleep, pools, joins, locks and queues. An await on anything else, such as a setTimeout promise, looks like waiting forever.)");
  }
  return lines.join("\n");
}

/** `name(args)` of every task of the run, by id. */
function taskLabels(run: PageRun): Map<string, string> {
  return new Map((run.snapshot().tasks ?? []).map((t) => [t.id, `${t.name}(${t.args})`]));
}
