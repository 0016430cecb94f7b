// A Python run's Run record, assembled on the page from what the worker reports.
import type { Lane, OutputLine, Run, RunError, Span, TaskInfo } from "../trace/run";

/** Collects a live Python run's lanes, spans and output; `snapshot` is its Run at any time. */
export class PythonRunRecord {
  private readonly lanes: Lane[] = [];
  private readonly spans: Span[] = [];
  private readonly output: OutputLine[] = [];

  add(lanes: readonly Lane[], spans: readonly Span[], output: readonly OutputLine[]): void {
    this.lanes.push(...lanes);
    this.spans.push(...spans);
    this.output.push(...output);
  }

  /** The run so far (live), or finished when `end` is given. */
  snapshot(wallMs: number, end?: { ok: boolean; error?: RunError }): Run {
    // Each thread is its own task: its lane, its name, no arguments (threading shows none).
    const tasks: TaskInfo[] = this.lanes.map((lane) => ({ id: lane.id, name: lane.label, args: "" }));
    const run: Run = {
      runner: "python",
      ok: end?.ok ?? false,
      wallMs,
      lanes: [...this.lanes],
      spans: this.spans.map((s) => (s.end > wallMs ? { ...s, end: wallMs } : s)),
      output: [...this.output],
      tasks,
    };
    if (end?.error) run.error = end.error;
    return run;
  }
}

/** A Python run that never started (Python could not load): the reason, nothing drawn. */
export function pythonFailure(message: string): Run {
  return { runner: "python", ok: false, error: { message }, wallMs: 0, lanes: [], spans: [], output: [], tasks: [] };
}
