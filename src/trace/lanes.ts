// Lane and task naming shared by the runners, the timeline and the summaries.
// Ids are part of the Run record (lessons' checks and benchmarks match on them), so they are
// built here, in one place, rather than as string templates scattered over the runners.
import type { Lane, Runner } from "./run";

/** Lane of the program's driver, main(). It runs on the page's thread but is not a thread lane:
 *  it shows what main() is doing (running, blocked on a join...), not who holds the CPU. */
export const MAIN_LANE = "main";

/** Task id of the driver in spans and output. It is not a task: it is never in Run.tasks. */
export const DRIVER_TASK = "main";

/** The page's thread: tasks of the main runner run here; under async it shows who holds it. */
export const PAGE_LANE = "page";

const TASK_LANE_PREFIX = "task:";
const WORKER_LANE_PREFIX = "worker:";

export function mainLane(): Lane {
  return { id: MAIN_LANE, label: "main()", kind: "task" };
}

export function pageLane(): Lane {
  return { id: PAGE_LANE, label: "page thread", kind: "thread" };
}

/** Task ids count from 1 in the order main() starts tasks; strings so they key JSON maps. */
export function taskId(n: number): string {
  return String(n);
}

/** What a task lane and a tooltip call a task: its function and a preview of its arguments. */
export function taskLabel(name: string, args: string): string {
  return `${name}(${args})`;
}

export function taskLaneId(task: string): string {
  return TASK_LANE_PREFIX + task;
}

/** The async runner's lane for one task, e.g. `task:3` labelled `fetchPage(3)`. */
export function taskLane(task: string, label: string): Lane {
  return { id: taskLaneId(task), label, kind: "task" };
}

/** Workers count from 1, as students count them ("worker 1"), not from 0. */
export function workerLaneId(n: number): string {
  return WORKER_LANE_PREFIX + String(n);
}

export function workerLane(n: number): Lane {
  return { id: workerLaneId(n), label: `worker ${n}`, kind: "thread" };
}

/** The task id a `task:<id>` lane belongs to, or null for any other lane. */
export function taskOfLane(laneId: string): string | null {
  return laneId.startsWith(TASK_LANE_PREFIX) ? laneId.slice(TASK_LANE_PREFIX.length) : null;
}

/** The worker number of a `worker:<n>` lane, or null for any other lane. */
export function workerOfLane(laneId: string): number | null {
  if (!laneId.startsWith(WORKER_LANE_PREFIX)) return null;
  const n = Number(laneId.slice(WORKER_LANE_PREFIX.length));
  return Number.isInteger(n) && n >= 1 ? n : null;
}

/**
 * The lanes a runner has before any task starts, in display order. Task lanes of the async
 * runner are added as tasks start, so they are not here.
 */
export function initialLanes(runner: Runner, workers = 0): Lane[] {
  switch (runner) {
    case "main":
    case "async":
      return [mainLane(), pageLane()];
    case "workers":
      return [mainLane(), ...Array.from({ length: workers }, (_, i) => workerLane(i + 1))];
    case "python":
      return []; // the Python side reports its threads' lanes as they start, MainThread first
  }
}
