import type { Run } from "../../trace/run";
import type { OutputRef } from "../timeline";

const RUNNER_LABEL = { main: "main thread", async: "async tasks", workers: "workers" } as const;

function laneLabel(run: Run, laneId: string): string {
  return run.lanes.find((lane) => lane.id === laneId)?.label ?? laneId;
}

interface OutputPanelProps {
  runs: Run[];
  /** The output line highlighted in the timeline (hovered there or here). */
  linked?: OutputRef | null;
  onHoverLine?(ref: OutputRef | null): void;
  /** Replay: show only lines printed before this run time. */
  until?: number | null;
  /** Index of a run in the timeline (runs that never started are not drawn). */
  runIndexOf?(run: Run): number;
}

/** Each run's output lines with their time and lane, then its error if it failed. */
export function OutputPanel({ runs, linked, onHoverLine, until = null, runIndexOf = (run) => runs.indexOf(run) }: OutputPanelProps) {
  if (runs.length === 0) return <p className="output-empty">Press Run to see the program’s output here.</p>;
  const sameError = runs.length > 1 && runs.every((run) => run.wallMs === 0 && run.error?.message === runs[0]?.error?.message);
  return (
    <div className="output" role="log" aria-label="Program output">
      {(sameError ? runs.slice(0, 1) : runs).map((run) => {
        const runIndex = runIndexOf(run);
        return (
          <section key={run.runner} className="output-run" data-runner={run.runner}>
            {!sameError && (
              <h4>
                {RUNNER_LABEL[run.runner]} <span className="output-wall">{run.wallMs.toFixed(0)} ms</span>
              </h4>
            )}
            <ol className="output-lines">
              {run.output.map((line, i) => (until !== null && line.t > until ? null : (
                <li
                  key={i}
                  className={linked?.runIndex === runIndex && linked.outputIndex === i ? "linked" : undefined}
                  onMouseEnter={() => onHoverLine?.({ runIndex, outputIndex: i })}
                  onMouseLeave={() => onHoverLine?.(null)}
                >
                  <span className="output-time">{line.t.toFixed(1).padStart(7)} ms</span>
                  <span className="output-lane">{laneLabel(run, line.lane)}</span>
                  <span className="output-text">{line.text}</span>
                </li>
              )))}
            </ol>
            {run.error && (until === null || until >= run.wallMs) && (
              <p className="output-error" role="alert">
                {run.error.line !== undefined && (
                  <span className="error-where">
                    line {run.error.line}
                    {run.error.column !== undefined && `:${run.error.column}`}:{" "}
                  </span>
                )}
                {run.error.message}
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}
