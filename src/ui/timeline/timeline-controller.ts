// The timeline's imperative core, outside React: the shared time scale, hover, the canvases and
// the requestAnimationFrame loop. Anything that changes what is drawn calls requestDraw(), which
// schedules at most one frame; React renders never draw, and frames never render React.
import { hitTest } from "./hit-test";
import { HoverState, sameRef, type HoverTarget, type OutputRef } from "./hover-state";
import { LAYOUT, plotRange, sectionHeight } from "./layout";
import { renderTimeline, type Highlight } from "./renderer";
import type { RenderTheme } from "./theme";
import { readTheme } from "./theme-dom";
import type { TimelineModel } from "./timeline-model";
import { boundsForWall, TimeScale } from "./time-scale";
import { showTooltip } from "./tooltip-view";

/** Backing store in device pixels; assigning width/height clears it, so only when they change. */
function sizeBackingStore(canvas: HTMLCanvasElement, width: number, height: number, dpr: number): void {
  const w = Math.round(width * dpr);
  const h = Math.round(height * dpr);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
}

interface Section {
  canvas: HTMLCanvasElement | null;
  ctx: CanvasRenderingContext2D | null;
}

export type { OutputRef } from "./hover-state";

export class TimelineController {
  private models: readonly TimelineModel[] = [];
  private sections: Section[] = [];
  private refs: ((el: HTMLCanvasElement | null) => void)[] = [];
  private scale = new TimeScale(0, 1, 0, 1);
  private width = 0;
  private dpr = 1;
  /** Fit to the runs as they grow, until the student zooms or pans. */
  private follow = true;
  private live = false;
  /** Replay: only what happened before this run time is drawn. */
  private playhead: number | null = null;
  private readonly hover = new HoverState();
  private linked: OutputRef | null = null;
  private theme: RenderTheme | null = null;
  private root: HTMLElement | null = null;
  private tooltip: HTMLElement | null = null;
  private frame = 0;

  /** Starts drawing into `root`'s canvases; returns the cleanup. Safe to call again after it. */
  mount(root: HTMLElement, tooltip: HTMLElement): () => void {
    this.root = root;
    this.tooltip = tooltip;
    this.theme = null;
    const resize = new ResizeObserver(() => this.measure());
    resize.observe(root);
    const scheme = typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : null;
    const rethemed = () => {
      this.theme = null;
      this.requestDraw();
    };
    scheme?.addEventListener("change", rethemed);
    this.measure();
    return () => {
      resize.disconnect();
      scheme?.removeEventListener("change", rethemed);
      if (this.frame) cancelAnimationFrame(this.frame);
      this.frame = 0;
      this.root = null;
      this.tooltip = null;
    };
  }

  /** A stable ref callback per run index, so React re-renders do not re-attach canvases. */
  canvasRef(index: number): (el: HTMLCanvasElement | null) => void {
    this.refs[index] ??= (el) => {
      const section = (this.sections[index] ??= { canvas: null, ctx: null });
      if (section.canvas === el) return;
      section.canvas = el;
      section.ctx = el?.getContext("2d") ?? null;
      this.measure();
      this.requestDraw();
    };
    return this.refs[index];
  }

  setModels(models: readonly TimelineModel[], live: boolean): void {
    const same = models.length === this.models.length && models.every((m, i) => m === this.models[i]);
    if (models.length === 0 || (live && !this.live)) this.follow = true;
    const liveChanged = live !== this.live;
    this.live = live;
    if (liveChanged) this.requestDraw();
    if (same) return;
    this.models = models;
    if (this.follow) this.scale = this.scale.fit(this.wallMs());
    else this.scale = this.scale.withWindow(this.scale.t0, this.scale.t1, this.bounds());
    // Span indices belong to the old models: hit-test again where the pointer is.
    this.rehover();
    this.requestDraw();
  }

  setHoverOutputListener(listener: ((ref: OutputRef | null) => void) | undefined): void {
    this.hover.listener = listener;
  }

  setPlayhead(t: number | null): void {
    if (t === this.playhead) return;
    this.playhead = t;
    this.requestDraw();
  }

  setLinkedOutput(ref: OutputRef | null): void {
    if (sameRef(ref, this.linked)) return;
    this.linked = ref;
    this.requestDraw();
  }

  private wallMs(): number {
    return this.models.reduce((max, m) => Math.max(max, m.run.wallMs), 0);
  }

  private bounds() {
    return boundsForWall(this.wallMs());
  }

  /** Canvases are as wide as their section's content box (inside its border), all the same. */
  private measure(): void {
    const canvas = this.sections.find((s) => s.canvas)?.canvas;
    const width = canvas?.clientWidth || (this.root?.clientWidth ?? 0);
    if (width === this.width || width <= 0) return;
    this.width = width;
    const [x0, x1] = plotRange(width);
    this.scale = this.follow ? this.scale.withPixels(x0, x1).fit(this.wallMs()) : this.scale.withPixels(x0, x1);
    this.requestDraw();
  }

  private setScale(next: TimeScale, follow: boolean): void {
    this.follow = follow;
    if (next.equals(this.scale)) return;
    this.scale = next;
    this.rehover();
    this.requestDraw();
  }

  private rehover(): void {
    const p = this.hover.pointerAt;
    if (p) this.pointer(p.run, p.x, p.y, p.clientX, p.clientY);
    else this.setHover(null);
  }

  /** Returns false when nothing changed (the caller may then let the page scroll). */
  zoomAt(factor: number, x: number): boolean {
    const next = this.scale.zoom(factor, x, this.bounds());
    const changed = !next.equals(this.scale);
    this.setScale(next, false);
    return changed;
  }

  zoomCentre(factor: number): void {
    this.zoomAt(factor, (this.scale.x0 + this.scale.x1) / 2);
  }

  panBy(dx: number): void {
    this.setScale(this.scale.pan(dx, this.bounds()), false);
  }

  panByFraction(fraction: number): void {
    this.panBy(fraction * this.scale.widthPx);
  }

  fit(): void {
    this.setScale(this.scale.fit(this.wallMs()), true);
  }

  pointer(run: number, x: number, y: number, clientX: number, clientY: number): void {
    this.hover.pointerAt = { run, x, y, clientX, clientY };
    const model = this.models[run];
    const hit = model ? hitTest(model, this.scale, x, y) : null;
    this.setHover(hit ? { run, hit, clientX, clientY } : null);
  }

  leave(): void {
    this.hover.pointerAt = null;
    this.setHover(null);
  }

  private setHover(next: HoverTarget | null): void {
    const model = next ? this.models[next.run] : undefined;
    if (this.root && this.tooltip) showTooltip(this.root, this.tooltip, model && next ? { model, ...next } : null);
    if (this.hover.set(next)) this.requestDraw();
  }

  requestDraw(): void {
    if (this.frame || typeof requestAnimationFrame !== "function") return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private highlightFor(run: number): Highlight | undefined {
    const h: Highlight = {};
    const hover = this.hover.current;
    if (hover?.run === run) {
      if (hover.hit.kind === "span") h.span = hover.hit.span;
      else if (hover.hit.kind === "output") h.output = hover.hit.output;
    }
    if (this.linked?.runIndex === run) h.linkedOutput = this.linked.outputIndex;
    return h;
  }

  private draw(): void {
    if (!this.root || this.width <= 0) return;
    const dpr = window.devicePixelRatio || 1;
    if (!this.theme || dpr !== this.dpr) {
      this.dpr = dpr;
      this.theme = readTheme(this.root, dpr);
    }
    this.models.forEach((model, i) => {
      const section = this.sections[i];
      if (!section?.canvas || !section.ctx) return;
      const height = sectionHeight(model.lanes.length, LAYOUT, model.counters.length);
      sizeBackingStore(section.canvas, this.width, height, dpr);
      // While live, the last run is the one still going (runners run one after another).
      const live = this.live && i === this.models.length - 1;
      renderTimeline(section.ctx, model, this.scale, { width: this.width, height, dpr }, this.theme!, this.highlightFor(i), { live, playhead: this.playhead });
    });
    // The visible window, for tests and tools: canvases cannot be asked what they show.
    this.root.dataset.window = `${this.scale.t0.toFixed(2)},${this.scale.t1.toFixed(2)}`;
  }
}
