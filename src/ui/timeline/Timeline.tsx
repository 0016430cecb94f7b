// One canvas section per run, stacked on one shared time scale. Presentational: props only.
// The drawing, the scale and hover live in a TimelineController (refs, not state): React renders
// the chrome, the controller's requestAnimationFrame callback draws the canvases.
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import type { Run } from "../../trace/run";
import { bindInteraction } from "./interaction";
import { LAYOUT, sectionHeight } from "./layout";
import { RUNNER_TEXT } from "./state-text";
import { TimelineController, type OutputRef } from "./timeline-controller";
import { describeRun, modelOf } from "./timeline-model";
import "./timeline.css";

export type { OutputRef } from "./timeline-controller";

export interface TimelineProps {
  /** One section per run, all on one time axis. Pass new Run objects (or a new array) to update. */
  runs: Run[];
  /** A run is still growing: the view keeps fitting it until the student zooms or pans. */
  live?: boolean;
  /** An output line to mark (e.g. hovered in the output panel). */
  highlightOutput?: OutputRef | null;
  /** Replay: the run time up to which the runs are drawn (null: all of it). */
  playhead?: number | null;
  /** Called when the pointer enters or leaves an output mark. */
  onHoverOutput?(ref: OutputRef | null): void;
  /** Summary shown in each run's header (wall time, speed-up...). */
  renderSummary?(run: Run, runIndex: number): ReactNode;
  className?: string;
}

export function Timeline({ runs, live = false, playhead = null, highlightOutput = null, onHoverOutput, renderSummary, className }: TimelineProps) {
  const [controller] = useState(() => new TimelineController());
  const rootRef = useRef<HTMLDivElement>(null);
  const stackRef = useRef<HTMLDivElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const hintId = useId();
  // modelOf caches per Run object: an unchanged run is never rebuilt.
  const models = useMemo(() => runs.map(modelOf), [runs]);

  useEffect(() => {
    const root = rootRef.current;
    const stack = stackRef.current;
    const tooltip = tooltipRef.current;
    if (!root || !stack || !tooltip) return;
    const unmount = controller.mount(root, tooltip);
    const unbind = bindInteraction(stack, controller);
    return () => {
      unbind();
      unmount();
    };
  }, [controller]);

  useEffect(() => controller.setModels(models, live), [controller, models, live]);

  const linkRun = highlightOutput?.runIndex;
  const linkLine = highlightOutput?.outputIndex;
  useEffect(() => {
    controller.setLinkedOutput(linkRun === undefined || linkLine === undefined ? null : { runIndex: linkRun, outputIndex: linkLine });
  }, [controller, linkRun, linkLine]);

  useEffect(() => controller.setPlayhead(playhead), [controller, playhead]);

  useEffect(() => {
    controller.setHoverOutputListener(onHoverOutput);
  }, [controller, onHoverOutput]);

  return (
    <div ref={rootRef} className={`tl-root${className ? ` ${className}` : ""}`}>
      <div
        ref={stackRef}
        className="tl-stack"
        role="group"
        aria-label="Timelines"
        aria-describedby={hintId}
        aria-busy={live}
        tabIndex={0}
      >
        {models.map((model, i) => (
          <section key={i} className="tl-section" data-runner={model.run.runner}>
            <header className="tl-header">
              <h3 className="tl-title">
                <span className="tl-runner">{model.run.runner}</span>
                <span className="tl-runner-text">{RUNNER_TEXT[model.run.runner]}</span>
                {!model.run.ok && <span className="tl-badge tl-badge-failed">failed</span>}
              </h3>
              {renderSummary && <div className="tl-summary">{renderSummary(model.original, i)}</div>}
            </header>
            <canvas
              ref={controller.canvasRef(i)}
              className="tl-canvas"
              data-run-index={i}
              role="img"
              aria-label={describeRun(model)}
              style={{ height: sectionHeight(model.lanes.length, LAYOUT, model.counters.length) }}
            />
            {model.cancelled && <p className="tl-cancelled">{model.cancelled}</p>}
          </section>
        ))}
      </div>
      <p id={hintId} className="tl-hint" hidden={models.length === 0}>
        Zoom: scroll, pinch, or + and −. Pan: drag, or ← →. Details: hover or tap a span. Fit: double-click, double-tap, or 0.
        (Keys work once the timeline has focus: Tab to it.)
      </p>
      <div ref={tooltipRef} className="tl-tooltip" role="tooltip" hidden />
    </div>
  );
}
