import { summarize, speedUp, type RunSummary } from "../../trace/summary";
import type { Run } from "../../trace/run";

// A summary costs O(n log n) over the spans: computed once per finished Run object.
const cache = new WeakMap<Run, RunSummary>();
function summaryOf(run: Run): RunSummary {
  let summary = cache.get(run);
  if (!summary) cache.set(run, (summary = summarize(run)));
  return summary;
}

/** Wall time, utilisation, concurrency and speed-up against main, in one line. Each figure says
 *  what it counts in words on the page (a hover title is not seen on a phone or by a glance). */
export function RunSummaryLine({ run, baseline, live }: { run: Run; baseline?: Run; live: boolean }) {
  if (live) return <span className="summary-live">running… {run.wallMs.toFixed(0)} ms</span>;
  if (run.wallMs === 0) return null;
  const summary = summaryOf(run);
  const factor = baseline && baseline !== run && baseline.ok && baseline.wallMs > 0 ? speedUp(run, baseline) : undefined;
  return (
    <dl className="summary">
      <div>
        <dt>wall</dt>
        <dd>{formatWall(run.wallMs)}</dd>
      </div>
      <div title="share of the threads' time spent running code">
        <dt>busy</dt>
        <dd>
          {Math.round(summary.utilisation * 100)}% <span className="summary-words">of the threads' time on a CPU</span>
        </dd>
      </div>
      <div title="most tasks in progress at once (concurrency) / most running at the same instant (parallelism)">
        <dt>at once</dt>
        <dd>
          {summary.peakInFlight} <span className="summary-words">{summary.peakInFlight === 1 ? "task" : "tasks"} in progress,</span> {summary.peakRunning}{" "}
          <span className="summary-words">on a CPU</span>
        </dd>
      </div>
      {run.frames && (
        <div title="frames a 60 Hz screen should have shown while the page could not draw">
          <dt>page</dt>
          <dd className={run.frames.dropped > 0 ? "slower" : undefined}>
            {run.frames.dropped > 0 ? `frozen, ${run.frames.dropped} frames dropped` : "responsive"}
          </dd>
        </div>
      )}
      {run.notes?.map((note) => (
        <div key={note} className="summary-note">
          <dt>note</dt>
          <dd>{note}</dd>
        </div>
      ))}
      {factor !== undefined && (
        <div title="main's wall time divided by this run's">
          <dt>vs main</dt>
          <dd className={factor >= 1.1 ? "faster" : factor <= 0.9 ? "slower" : undefined}>{factor.toFixed(2)}×</dd>
        </div>
      )}
    </dl>
  );
}

function formatWall(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}
