import { useState } from "react";
import type { Run } from "../../trace/run";
import { OutputPanel } from "./OutputPanel";
import { RunSummaryLine } from "./RunSummaryLine";
import { SpanTable, Timeline, TimelineLegend, type OutputRef } from "../timeline";
import { useReplay } from "./use-replay";
import { typeErrorSentence } from "./type-errors";

export interface RunProgress {
  done: number;
  submitted: number;
}

interface RunResultsProps {
  runs: Run[];
  /** The last run is still in progress. */
  live: boolean;
  progress: RunProgress | null;
  /** The line of each type error in the code these runs ran (null or absent: none known). */
  typeErrors?: readonly number[] | null;
}

/** What a run produced: timelines on one axis, their summaries, the output, and a text version. */
export function RunResults({ runs, live, progress, typeErrors }: RunResultsProps) {
  const [linked, setLinked] = useState<OutputRef | null>(null);
  const drawable = runs.filter((run) => run.spans.length > 0 || run.wallMs > 0);
  const replay = useReplay(Math.max(0, ...drawable.map((run) => run.wallMs)));
  // While a run starts, the timeline mounts with nothing in it: its first render is then paid
  // before the run's clock starts, not inside it (main and async share this thread).
  if (runs.length === 0 && !live) return <OutputPanel runs={runs} />;
  const baseline = runs.find((run) => run.runner === "main");
  // A program that did not compile shows its compile error; the same error as a type error would say it twice.
  const compiled = !runs.some((run) => run.error?.phase === "compile");
  const typeSentence = compiled && typeErrors ? typeErrorSentence(typeErrors) : null;
  return (
    <div className="run-results">
      {live && progress && (
        <p className="run-progress" role="status">
          {progress.done} of {progress.submitted} tasks done
        </p>
      )}
      {(drawable.length > 0 || live) && (
        <>
          <TimelineLegend />
          {!live && (
            <div className="replay" role="group" aria-label="Replay">
              {replay.playhead === null ? (
                <>
                  <span>Replay:</span>
                  <button type="button" onClick={() => replay.play(0.25)}>
                    ¼× speed
                  </button>
                  <button type="button" onClick={() => replay.play(1)}>
                    real time
                  </button>
                </>
              ) : (
                <>
                  <span className="replay-time" aria-live="off">
                    {replay.playhead.toFixed(0)} ms
                  </span>
                  <button type="button" onClick={replay.stop}>
                    Stop replay
                  </button>
                </>
              )}
            </div>
          )}
          <Timeline
            runs={drawable}
            live={live}
            playhead={replay.playhead}
            highlightOutput={linked}
            onHoverOutput={setLinked}
            renderSummary={(run, i) => <RunSummaryLine run={run} baseline={baseline} live={live && i === drawable.length - 1} />}
          />
        </>
      )}
      {runs.length > 0 && <OutputPanel
          runs={runs}
          notice={typeSentence && <p className="output-notice type-errors">{typeSentence}</p>}
          until={replay.playhead} linked={linked} onHoverLine={setLinked} runIndexOf={(run) => drawable.indexOf(run)} />}
      {!live && drawable.length > 0 && <SpanTable runs={drawable} />}
    </div>
  );
}
