// What the pointer is over, and who needs to know: the canvas (redraw the highlight) and the
// component's onHoverOutput listener (only when the hovered output line changes).
import type { Hit } from "./hit-test";

export interface OutputRef {
  runIndex: number;
  outputIndex: number;
}

export function sameRef(a: OutputRef | null, b: OutputRef | null): boolean {
  return a?.runIndex === b?.runIndex && a?.outputIndex === b?.outputIndex;
}

export interface HoverTarget {
  run: number;
  hit: Hit;
  clientX: number;
  clientY: number;
}

function sameHit(a: HoverTarget | null, b: HoverTarget | null): boolean {
  if (!a || !b) return a === b;
  if (a.run !== b.run || a.hit.kind !== b.hit.kind) return false;
  return hitKey(a.hit) === hitKey(b.hit);
}

function hitKey(hit: Hit): number {
  if (hit.kind === "counter") return hit.row * 2 ** 32 + hit.sample + 1; // a new value, a new tooltip
  return hit.kind === "span" ? hit.span : hit.kind === "output" ? hit.output : hit.startup;
}

export class HoverState {
  current: HoverTarget | null = null;
  /** Last pointer position over a canvas: hover is re-tested there when the scale or runs change. */
  pointerAt: { run: number; x: number; y: number; clientX: number; clientY: number } | null = null;
  listener: ((ref: OutputRef | null) => void) | undefined;
  private lastOutput: OutputRef | null = null;

  /** Returns true when the highlighted thing changed (the canvas needs a frame). */
  set(next: HoverTarget | null): boolean {
    const changed = !sameHit(this.current, next);
    this.current = next;
    const out = next?.hit.kind === "output" ? { runIndex: next.run, outputIndex: next.hit.output } : null;
    if (!sameRef(out, this.lastOutput)) {
      this.lastOutput = out;
      this.listener?.(out);
    }
    return changed;
  }
}
