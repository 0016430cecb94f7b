// What the colours and patterns mean. Swatches are painted by the renderer's own paint code with
// the same theme, so the legend cannot drift from the canvas.
import { useEffect, useRef } from "react";
import { STATES, type State } from "../../trace/run";
import { paintOutputSwatch } from "./draw-marks";
import { paintSwatch } from "./draw-spans";
import { paintStartupSwatch } from "./startup-track";
import { STATE_TEXT } from "./state-text";
import { readTheme } from "./theme-dom";
import "./timeline.css";

export interface TimelineLegendProps {
  /** Which states to list (default: all five). */
  states?: readonly State[];
  /** Also explain the output marks (default true). */
  showOutput?: boolean;
  /** Show the "page frozen" strip (the runs measured frames). */
  showFrozen?: boolean;
  /** Explain worker start-up bars (default true). */
  showStartup?: boolean;
  className?: string;
}

const SW = 28;
const SH = 14;

function paintAll(root: HTMLElement): void {
  const dpr = window.devicePixelRatio || 1;
  const theme = readTheme(root, dpr);
  for (const canvas of root.querySelectorAll<HTMLCanvasElement>("canvas[data-swatch]")) {
    const ctx = canvas.getContext("2d");
    if (!ctx) continue;
    canvas.width = Math.round(SW * dpr);
    canvas.height = Math.round(SH * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const kind = canvas.dataset.swatch;
    if (kind === "output") paintOutputSwatch(ctx, theme, SW, SH);
    else if (kind === "startup") paintStartupSwatch(ctx, theme, SW, SH);
    else paintSwatch(ctx, kind as State, theme, SW, SH);
  }
}

function Swatch({ kind }: { kind: State | "output" | "startup" }) {
  return <canvas data-swatch={kind} className="tl-legend-swatch" style={{ width: SW, height: SH }} aria-hidden="true" />;
}

export function TimelineLegend({ states = STATES, showOutput = true, showFrozen = true, showStartup = true, className }: TimelineLegendProps) {
  const ref = useRef<HTMLUListElement>(null);
  const key = states.join(",");

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    paintAll(root);
    const scheme = matchMedia("(prefers-color-scheme: dark)");
    const repaint = () => paintAll(root);
    scheme.addEventListener("change", repaint);
    return () => scheme.removeEventListener("change", repaint);
  }, [key]);

  return (
    <ul ref={ref} className={`tl-legend${className ? ` ${className}` : ""}`} aria-label="Timeline legend">
      {states.map((s) => (
        <li key={s} className="tl-legend-item" title={STATE_TEXT[s].meaning}>
          <Swatch kind={s} />
          <span className="tl-legend-label">{STATE_TEXT[s].label}</span>
          <span className="tl-sr-only">: {STATE_TEXT[s].meaning}</span>
        </li>
      ))}
      {showFrozen && (
        <li className="tl-legend-item" title="the page could not draw a frame: it did not respond">
          <span className="tl-legend-frozen" aria-hidden="true" />
          <span className="tl-legend-label">page frozen</span>
          <span className="tl-sr-only">: the page could not draw a frame, it did not respond</span>
        </li>
      )}
      {showStartup && (
        <li className="tl-legend-item" title="a worker getting ready: it loads your program before it can take a task">
          <Swatch kind="startup" />
          <span className="tl-legend-label">worker start-up</span>
          <span className="tl-sr-only">: a worker getting ready, it loads your program before it can take a task</span>
        </li>
      )}
      {showOutput && (
        <li className="tl-legend-item" title="a line printed with print(), marked under the lane that printed it">
          <Swatch kind="output" />
          <span className="tl-legend-label">print() line</span>
          <span className="tl-sr-only">: marked under the lane that printed it</span>
        </li>
      )}
    </ul>
  );
}
