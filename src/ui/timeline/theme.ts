// Colours and patterns of the timeline. States use the Okabe–Ito palette (safe for the common
// colour-vision deficiencies) AND a pattern each, so they stay apart in greyscale and print:
// running solid, waiting diagonal hatch, blocked cross-hatch, ready dots, failed x-marks + border.
import { STATES, type State } from "../../trace/run";

export type PatternKind = "solid" | "hatch" | "cross" | "dots" | "x";

export const STATE_PATTERN: Record<State, PatternKind> = {
  running: "solid",
  waiting: "hatch",
  blocked: "cross",
  ready: "dots",
  failed: "x",
};

export interface Palette {
  running: string;
  waiting: string;
  blocked: string;
  ready: string;
  failed: string;
  /** Pattern strokes over the state fills. */
  ink: string;
  /** Border around failed spans. */
  failedBorder: string;
  /** Text drawn on top of span fills (fills are mid-tones in both schemes). */
  labelInk: string;
  bg: string;
  band: string;
  fg: string;
  muted: string;
  grid: string;
  accent: string;
  output: string;
  /** Worker start-up bars (not a state: no task is on the lane yet). */
  startup: string;
  font: string;
}

/** Every palette entry has a CSS custom property of this name (timeline.css sets them). */
export const CSS_VAR: Record<keyof Palette, string> = {
  running: "--tl-running",
  waiting: "--tl-waiting",
  blocked: "--tl-blocked",
  ready: "--tl-ready",
  failed: "--tl-failed",
  ink: "--tl-ink",
  failedBorder: "--tl-failed-border",
  labelInk: "--tl-label-ink",
  bg: "--tl-bg",
  band: "--tl-band",
  fg: "--tl-fg",
  muted: "--tl-muted",
  grid: "--tl-grid",
  accent: "--tl-accent",
  output: "--tl-output",
  startup: "--tl-startup",
  font: "--tl-font",
};

const FONT = '11px system-ui, -apple-system, "Segoe UI", sans-serif';

export const LIGHT: Palette = {
  running: "#009e73",
  waiting: "#56b4e9",
  blocked: "#cc79a7",
  ready: "#e69f00",
  failed: "#d55e00",
  ink: "rgba(0, 0, 0, 0.42)",
  failedBorder: "#7a1f00",
  labelInk: "#0b0c0e",
  bg: "#ffffff",
  band: "rgba(0, 0, 0, 0.028)",
  fg: "#1d1f23",
  muted: "#5b616b",
  grid: "rgba(0, 0, 0, 0.09)",
  accent: "#0b4f9c",
  output: "#1d1f23",
  startup: "#d5d8dd",
  font: FONT,
};

export const DARK: Palette = {
  ...LIGHT,
  running: "#1fb88c",
  waiting: "#6cc3f2",
  blocked: "#d68cb6",
  ready: "#eeab1a",
  failed: "#e8702a",
  ink: "rgba(0, 0, 0, 0.5)",
  failedBorder: "#ffb38a",
  bg: "#1d2026",
  band: "rgba(255, 255, 255, 0.035)",
  fg: "#e6e6e3",
  muted: "#a0a6b0",
  grid: "rgba(255, 255, 255, 0.1)",
  accent: "#8cc8ff",
  output: "#e6e6e3",
  startup: "#565c67",
};

/** How one state is painted: a fill, then an optional pattern over it, then an optional border. */
export interface StatePaint {
  fill: string;
  overlay: string | CanvasPattern | null;
  outline: string | null;
}

export interface RenderTheme {
  palette: Palette;
  states: Record<State, StatePaint>;
}

/** A theme whose overlays are given (pattern objects in the browser, anything in tests). */
export function renderTheme(palette: Palette, overlays: Partial<Record<State, string | CanvasPattern>> = {}): RenderTheme {
  const states = {} as Record<State, StatePaint>;
  for (const s of STATES) {
    states[s] = { fill: palette[s], overlay: overlays[s] ?? null, outline: s === "failed" ? palette.failedBorder : null };
  }
  return { palette, states };
}
