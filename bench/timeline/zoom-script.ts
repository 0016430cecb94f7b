// The scripted interaction: the windows a student sees while zooming in and out around points and
// panning, one per frame. Computed once through TimeScale's own zoom and pan (with the run's
// bounds), so the Lanes renderer and the naive drawing are shown exactly the same windows.
import { boundsForWall, TimeScale } from "../../src/ui/timeline/time-scale";

interface Phase {
  /** Share of the frames this phase takes. */
  share: number;
  /** Zoom factor per frame (> 1 zooms in) around `at` (a fraction of the plot's width). */
  zoom?: number;
  at?: number;
  /** Pan per frame in CSS px (positive drags the content right). */
  pan?: number;
}

const PHASES: Phase[] = [
  { share: 30, zoom: 1.12, at: 0.3 }, // ≈ 30× into the first third
  { share: 15, pan: 25 },
  { share: 15, zoom: 1.12, at: 0.7 }, // ≈ 165×: 5 s → ≈ 30 ms on screen
  { share: 15, pan: -40 },
  { share: 30, zoom: 1 / 1.2, at: 0.5 }, // out to the whole run (clamped there)
  { share: 15, zoom: 1.1, at: 0.85 },
];

export function zoomScript(wallMs: number, x0: number, x1: number, frames: number): TimeScale[] {
  const bounds = boundsForWall(wallMs);
  let scale = new TimeScale(0, 1, x0, x1).fit(wallMs);
  const total = PHASES.reduce((sum, p) => sum + p.share, 0);
  const out: TimeScale[] = [];
  for (const phase of PHASES) {
    const n = Math.round((phase.share / total) * frames);
    for (let i = 0; i < n && out.length < frames; i++) {
      if (phase.zoom) scale = scale.zoom(phase.zoom, x0 + (phase.at ?? 0.5) * (x1 - x0), bounds);
      if (phase.pan) scale = scale.pan(phase.pan, bounds);
      out.push(scale);
    }
  }
  while (out.length < frames) out.push(scale);
  return out;
}
