// Geometry of one run's canvas, in CSS pixels: an axis on top, then one row per lane, with the
// lane labels in a gutter on the left. Shared by the renderer, hit testing and the component.

export const LAYOUT = {
  /** Widest lane-label column; the time scale starts after it (see gutterFor). */
  gutter: 132,
  /** Narrowest: "download(13)" still fits, ellipsised past that. */
  minGutter: 80,
  padRight: 14,
  axisHeight: 24,
  rowHeight: 26,
  /** The span bar inside a row: [top + barTop, top + barTop + barHeight). */
  barTop: 4,
  barHeight: 15,
  /** Output marks sit under the bar, from barTop + barHeight + 1 to the row's bottom. */
  bottomPad: 6,
  /** A counter track's row (queue length, permits in use), under the lanes. */
  counterHeight: 34,
} as const;

export type Layout = typeof LAYOUT;

export function sectionHeight(laneCount: number, layout: Layout = LAYOUT, counterCount = 0): number {
  return layout.axisHeight + Math.max(laneCount, 1) * layout.rowHeight + counterCount * layout.counterHeight + layout.bottomPad;
}

/** Top of counter row `i`, under the `laneCount` lane rows. */
export function counterTop(laneCount: number, i: number, layout: Layout = LAYOUT): number {
  return layout.axisHeight + Math.max(laneCount, 1) * layout.rowHeight + i * layout.counterHeight;
}

export function rowTop(lane: number, layout: Layout = LAYOUT): number {
  return layout.axisHeight + lane * layout.rowHeight;
}

export function barTop(lane: number, layout: Layout = LAYOUT): number {
  return rowTop(lane, layout) + layout.barTop;
}

/** The lane row under y, or -1 above the first row or below the last. */
export function laneAt(y: number, laneCount: number, layout: Layout = LAYOUT): number {
  const i = Math.floor((y - layout.axisHeight) / layout.rowHeight);
  return i >= 0 && i < laneCount ? i : -1;
}

/** The label column of a canvas `width` px wide: at most 28% of it, so on a phone (a 340 px
 *  canvas) the labels take 95 px and the time axis the rest, not half. */
export function gutterFor(width: number, layout: Layout = LAYOUT): number {
  return Math.min(layout.gutter, Math.max(layout.minGutter, Math.round(width * 0.28)));
}

/** Pixel range the shared time scale maps onto, for a canvas `width` CSS pixels wide. */
export function plotRange(width: number, layout: Layout = LAYOUT): [number, number] {
  const gutter = gutterFor(width, layout);
  return [gutter, Math.max(gutter + 1, width - layout.padRight)];
}
