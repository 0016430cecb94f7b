// The timeline as tables, for keyboard and screen-reader users (and anyone who wants numbers):
// per run, one table per lane. Rendered only while open, and capped per lane, so a run of
// 100,000 spans costs nothing until asked for.
import { useState } from "react";
import { STATES, type Run } from "../../trace/run";
import { STATE_TEXT } from "./state-text";
import { formatMsCell } from "./ticks";
import { modelOf, taskTitle, type TimelineModel } from "./timeline-model";
import "./timeline.css";

export interface SpanTableProps {
  runs: Run[];
  /** Rows shown per lane before "… n more" (default 500). */
  maxRowsPerLane?: number;
  className?: string;
}

function LaneTable({ model, lane, max }: { model: TimelineModel; lane: number; max: number }) {
  const c = model.columns;
  const from = c.laneStart[lane]!;
  const to = c.laneStart[lane + 1]!;
  const shown = Math.min(to - from, max);
  const rows = [];
  const up = model.startup;
  for (let k = 0; k < up.count; k++) {
    if (up.laneIndex[k] !== lane) continue;
    rows.push(
      <tr key={`startup-${k}`}>
        <td>—</td>
        <td>worker start-up</td>
        <td className="tl-num">{formatMsCell(up.starts[k]!)}</td>
        <td className="tl-num">{formatMsCell(up.ends[k]!)}</td>
        <td className="tl-num">{formatMsCell(up.ends[k]! - up.starts[k]!)}</td>
      </tr>,
    );
  }
  for (let i = from; i < from + shown; i++) {
    const state = STATES[c.state[i]!] ?? "failed";
    rows.push(
      <tr key={i}>
        <td>{taskTitle(model, c.tasks[c.taskIndex[i]!] ?? "?")}</td>
        <td>{STATE_TEXT[state].label}</td>
        <td className="tl-num">{formatMsCell(c.starts[i]!)}</td>
        <td className="tl-num">{formatMsCell(c.ends[i]!)}</td>
        <td className="tl-num">{formatMsCell(c.ends[i]! - c.starts[i]!)}</td>
      </tr>,
    );
  }
  return (
    <table className="tl-table">
      <caption>{model.lanes[lane]?.label}</caption>
      <thead>
        <tr>
          <th scope="col">task</th>
          <th scope="col">state</th>
          <th scope="col">start (ms)</th>
          <th scope="col">end (ms)</th>
          <th scope="col">duration (ms)</th>
        </tr>
      </thead>
      <tbody>
        {rows}
        {to - from === 0 && (
          <tr>
            <td colSpan={5}>nothing ran on this lane</td>
          </tr>
        )}
      </tbody>
      {to - from > shown && (
        <tfoot>
          <tr>
            <td colSpan={5}>… {to - from - shown} more spans not shown</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

export function SpanTable({ runs, maxRowsPerLane = 500, className }: SpanTableProps) {
  const [open, setOpen] = useState(false);
  return (
    <details className={`tl-table-details${className ? ` ${className}` : ""}`} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Timeline as a table</summary>
      {open &&
        runs.map((run, r) => {
          const model = modelOf(run);
          return (
            <section key={r} className="tl-table-run">
              <h4>
                {run.runner} runner — wall time {formatMsCell(run.wallMs)} ms{run.ok ? "" : " (failed)"}
              </h4>
              {model.lanes.map((lane, i) => (
                <LaneTable key={lane.id} model={model} lane={i} max={maxRowsPerLane} />
              ))}
            </section>
          );
        })}
    </details>
  );
}
