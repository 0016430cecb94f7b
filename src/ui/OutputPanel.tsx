import type { Run } from "../trace/run";

const RUNNER_LABEL = { main: "main thread", async: "async tasks", workers: "workers" } as const;

function laneLabel(run: Run, laneId: string): string {
  return run.lanes.find((lane) => lane.id === laneId)?.label ?? laneId;
}

/** Each run's output lines with their time and lane, then its error if it failed. */
export function OutputPanel({ runs }: { runs: Run[] }) {
  if (runs.length === 0) return <p className="output-empty">Press Run to see the program’s output here.</p>;
  return (
    <div className="output" role="log" aria-label="Program output">
      {runs.map((run) => (
        <section key={run.runner} className="output-run" data-runner={run.runner}>
          <h4>
            {RUNNER_LABEL[run.runner]} <span className="output-wall">{run.wallMs.toFixed(0)} ms</span>
          </h4>
          <ol className="output-lines">
            {run.output.map((line, i) => (
              <li key={i}>
                <span className="output-time">{line.t.toFixed(1).padStart(7)} ms</span>
                <span className="output-lane">{laneLabel(run, line.lane)}</span>
                <span className="output-text">{line.text}</span>
              </li>
            ))}
          </ol>
          {run.error && (
            <p className="output-error" role="alert">
              {run.error.line !== undefined && <span className="error-where">line {run.error.line}: </span>}
              {run.error.message}
            </p>
          )}
        </section>
      ))}
    </div>
  );
}
