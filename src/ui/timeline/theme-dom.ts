// The browser half of the theme: read the palette from CSS custom properties (falling back to the
// built-in light or dark palette) and turn each state's pattern into a small repeating tile.
import { STATES, type State } from "../../trace/run";
import type { Ctx2D } from "./renderer";
import { CSS_VAR, DARK, LIGHT, renderTheme, STATE_PATTERN, type Palette, type PatternKind, type RenderTheme } from "./theme";

export const TILE_PX = 8;

export function prefersDark(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
}

export function readPalette(el: Element): Palette {
  const fallback = prefersDark() ? DARK : LIGHT;
  const style = getComputedStyle(el);
  const palette = { ...fallback };
  for (const key of Object.keys(CSS_VAR) as (keyof Palette)[]) {
    const value = style.getPropertyValue(CSS_VAR[key]).trim();
    if (value) palette[key] = value;
  }
  return palette;
}

/** Strokes of one pattern tile `size` px square (seamless when repeated). */
export function drawTile(ctx: Ctx2D, kind: PatternKind, size: number, ink: string): void {
  ctx.strokeStyle = ink;
  ctx.fillStyle = ink;
  ctx.lineWidth = size / 6;
  ctx.beginPath();
  const diagonal = (flip: boolean) => {
    for (const o of [-size, 0, size]) {
      const [a, b] = flip ? [size, 0] : [0, size];
      ctx.moveTo(o, a);
      ctx.lineTo(o + size, b);
    }
  };
  if (kind === "hatch" || kind === "cross") diagonal(false);
  if (kind === "cross") diagonal(true);
  if (kind === "x") {
    const m = size / 4;
    ctx.moveTo(m, m);
    ctx.lineTo(size - m, size - m);
    ctx.moveTo(size - m, m);
    ctx.lineTo(m, size - m);
  }
  ctx.stroke();
  if (kind === "dots") {
    ctx.beginPath();
    ctx.rect(size / 2 - size / 8, size / 2 - size / 8, size / 4, size / 4);
    ctx.fill();
  }
}

/** A repeating pattern drawn at device resolution, so it stays crisp at any devicePixelRatio. */
function makePattern(kind: PatternKind, ink: string, dpr: number): CanvasPattern | null {
  if (kind === "solid") return null;
  const tile = document.createElement("canvas");
  const px = Math.max(1, Math.round(TILE_PX * dpr));
  tile.width = px;
  tile.height = px;
  const ctx = tile.getContext("2d");
  if (!ctx) return null;
  drawTile(ctx, kind, px, ink);
  const pattern = ctx.createPattern(tile, "repeat");
  pattern?.setTransform(new DOMMatrix().scale(1 / dpr));
  return pattern;
}

/** The theme for canvases inside `el`, at `dpr` device pixels per CSS pixel. */
export function readTheme(el: Element, dpr: number): RenderTheme {
  const palette = readPalette(el);
  const overlays: Partial<Record<State, CanvasPattern>> = {};
  for (const s of STATES) {
    const p = makePattern(STATE_PATTERN[s], palette.ink, dpr);
    if (p) overlays[s] = p;
  }
  return renderTheme(palette, overlays);
}
