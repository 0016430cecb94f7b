import { useState, type ReactNode } from "react";
import type { Run } from "../../trace/run";
import type { OutputRef } from "../timeline";

/**
 * Lines shown per run before "Show more": a program printing 100,000 lines made the page render
 * 400,000 elements and froze it for 30 s. Every line stays in the Run (and on the timeline).
 */
export const OUTPUT_PAGE = 500;
/** Characters of one line shown: a 5,000,000-character line took the page 1.3 s to lay out. */
export const LINE_CHARS = 10_000;

const RUNNER_LABEL = { main: "main thread", async: "async tasks", workers: "workers", python: "Python" } as const;
/** A program that failed before main() was called was not run by any runner: say so, not "main thread 0 ms". */
const NOT_RUN_LABEL = { compile: "Did not compile", load: "Did not start: its top-level code failed as it loaded" } as const;

interface OutputPanelProps {
  runs: Run[];
  /** The output line highlighted in the timeline (hovered there or here). */
  linked?: OutputRef | null;
  onHoverLine?(ref: OutputRef | null): void;
  /** Replay: show only lines printed before this run time. */
  until?: number | null;
  /** Index of a run in the timeline (runs that never started are not drawn). */
  runIndexOf?(run: Run): number;
  /** Said at the top of the output, before any run's lines (the program's type errors). */
  notice?: ReactNode;
}

/** Each run's output lines with their time and lane, then its error if it failed. */
export function OutputPanel({ runs, linked, onHoverLine, until = null, runIndexOf = (run) => runs.indexOf(run), notice }: OutputPanelProps) {
  if (runs.length === 0) return <p className="output-empty">Press Run to see the program’s output here.</p>;
  return (
    // Focusable: it scrolls, and keyboard users must be able to scroll it (WCAG 2.1.1).
    <div className="output" role="log" aria-label="Program output" tabIndex={0}>
      {notice}
      {shownRuns(runs).map((run) => {
        const runIndex = runIndexOf(run);
        const notRun = run.error?.phase;
        return (
          <section key={run.runner} className="output-run" data-runner={run.runner} data-not-run={notRun}>
            <h4>
              {notRun ? (
                NOT_RUN_LABEL[notRun]
              ) : (
                <>
                  {RUNNER_LABEL[run.runner]} <span className="output-wall">{run.wallMs.toFixed(0)} ms</span>
                </>
              )}
            </h4>
            <OutputLines run={run} runIndex={runIndex} linked={linked} onHoverLine={onHoverLine} until={until} />
            {run.error && (until === null || until >= run.wallMs) && (
              <p className="output-error" role="alert">
                {run.error.line !== undefined && (
                  <span className="error-where">
                    {run.error.file !== undefined ? `${run.error.file}:${run.error.line}` : `line ${run.error.line}`}
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

/** The runs to show: a failure before the run, the same for every runner, is said once. */
function shownRuns(runs: Run[]): Run[] {
  const said = new Set<string>();
  return runs.filter((run) => {
    if (!run.error?.phase) return true;
    const key = `${run.error.phase}:${run.error.file ?? ""}:${run.error.line}:${run.error.message}`;
    if (said.has(key)) return false;
    said.add(key);
    return true;
  });
}

interface OutputLinesProps {
  run: Run;
  runIndex: number;
  linked?: OutputRef | null;
  onHoverLine?(ref: OutputRef | null): void;
  until: number | null;
}

/** One run's lines (up to the replay time), OUTPUT_PAGE at a time. */
function OutputLines({ run, runIndex, linked, onHoverLine, until }: OutputLinesProps) {
  const [limit, setLimit] = useState(OUTPUT_PAGE);
  const count = until === null ? run.output.length : printedBy(run, until);
  const labels = new Map(run.lanes.map((lane) => [lane.id, lane.label]));
  const shown = run.output.slice(0, Math.min(count, limit));
  return (
    <>
      <ol className="output-lines">
        {shown.map((line, i) => (
          <li
            key={i}
            className={[linked?.runIndex === runIndex && linked.outputIndex === i ? "linked" : "", line.stream === "stderr" ? "stderr" : ""].join(" ").trim() || undefined}
            onMouseEnter={() => onHoverLine?.({ runIndex, outputIndex: i })}
            onMouseLeave={() => onHoverLine?.(null)}
          >
            <span className="output-time">{line.t.toFixed(1).padStart(7)} ms</span>
            <span className="output-lane" title={labels.get(line.lane) ?? line.lane}>{labels.get(line.lane) ?? line.lane}</span>
            <span className="output-text">{clip(line.text)}</span>
          </li>
        ))}
      </ol>
      {count > shown.length && (
        <p className="output-more">
          Showing {shown.length.toLocaleString("en-US")} of {count.toLocaleString("en-US")} lines.{" "}
          <button type="button" onClick={() => setLimit(limit + OUTPUT_PAGE)}>
            Show {Math.min(OUTPUT_PAGE, count - shown.length).toLocaleString("en-US")} more
          </button>
        </p>
      )}
    </>
  );
}

/** How many lines were printed by run time `t` (output is in time order). */
function printedBy(run: Run, t: number): number {
  let lo = 0;
  let hi = run.output.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((run.output[mid]?.t ?? Infinity) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function clip(text: string): string {
  if (text.length <= LINE_CHARS) return text;
  return `${text.slice(0, LINE_CHARS)}… (${(text.length - LINE_CHARS).toLocaleString("en-US")} more characters)`;
}
