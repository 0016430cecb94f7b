// The trace layer's public surface. Pure data and arithmetic, no DOM: the runners (page and
// worker side), the timeline, exercise checks and benchmarks all import from here.
export type { Lane, LaneKind, OutputLine, Run, RunError, Runner, Span, State, TaskInfo } from "./run";
export { RUNNERS, STATES } from "./run";

export {
  DRIVER_TASK,
  MAIN_LANE,
  PAGE_LANE,
  initialLanes,
  mainLane,
  pageLane,
  taskId,
  taskLabel,
  taskLane,
  taskLaneId,
  taskOfLane,
  workerLane,
  workerLaneId,
  workerOfLane,
} from "./lanes";

export type { TraceBatch, TraceEvent, TraceSink } from "./events";
export { OP_LEAVE, STRIDE, TraceBatchWriter, batchTransfer, decodeEvents, forEachEvent } from "./events";

export type { AlignFn, ToRunTime } from "./clock";
export { alignTo, pageClock, realmClock } from "./clock";

export { RunRecorder } from "./recorder";

export type { RunSummary } from "./summary";
export { busyMs, peakInFlight, peakRunning, speedUp, summarize, timeInState, utilisation } from "./summary";

export type { Interval } from "./intervals";
export { clip, measure, peakOverlap, union } from "./intervals";
