// The Python worker's side of a run's trace: lanes, spans and output lines as the Python side
// reports them, sent to the page in batches (every BATCH_MS while Python lets the worker's event
// loop run, and at the end), so a live timeline can draw while the program runs.
import type { Lane, LaneKind, OutputLine, Span, State } from "../trace/run";
import type { FromPythonWorker } from "./protocol";

const BATCH_MS = 100;

export class WorkerTrace {
  private lanes: Lane[] = [];
  private spans: Span[] = [];
  private output: OutputLine[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly t0: number,
    private readonly post: (message: FromPythonWorker) => void,
  ) {}

  now(): number {
    return performance.now() - this.t0;
  }

  lane(id: string, label: string, kind: LaneKind): void {
    this.lanes.push({ id, label, kind });
    this.soon();
  }

  span(lane: string, state: State, start: number, end: number, label?: string): void {
    this.spans.push(label === undefined ? { lane, task: lane, state, start, end } : { lane, task: lane, state, start, end, label });
    this.soon();
  }

  out(lane: string, stream: "stdout" | "stderr", text: string): void {
    this.output.push({ t: this.now(), lane, task: lane, text: stream === "stderr" ? text : text });
    this.soon();
  }

  /** Events another worker (a process) recorded, on this run's time axis already. */
  add(lanes: readonly Lane[], spans: readonly Span[], output: readonly OutputLine[]): void {
    this.lanes.push(...lanes);
    this.spans.push(...spans);
    this.output.push(...output);
    this.soon();
  }

  /** Send what is pending now. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.lanes.length + this.spans.length + this.output.length === 0) return;
    this.post({ type: "events", lanes: this.lanes, spans: this.spans, output: this.output });
    this.lanes = [];
    this.spans = [];
    this.output = [];
  }

  private soon(): void {
    this.timer ??= setTimeout(() => this.flush(), BATCH_MS);
  }
}
