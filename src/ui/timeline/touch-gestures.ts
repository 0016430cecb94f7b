// Touch on the stack of run canvases: one finger drags to pan, two pinch to zoom around their
// midpoint, a tap shows the details of what is under it (and keeps them: there is no hover on a
// touch screen), a double tap fits. Vertical drags stay the page's (touch-action: pan-y), so the
// page still scrolls past the timeline.
import type { TimelineController } from "./timeline-controller";

const TAP_SLOP_PX = 8;
const DOUBLE_TAP_MS = 350;

interface Finger {
  x: number;
  y: number;
  startX: number;
  startY: number;
}

export class TouchGestures {
  private readonly fingers = new Map<number, Finger>();
  private moved = false;
  private lastTap = { t: -Infinity, x: 0, y: 0 };

  constructor(
    private readonly stack: HTMLElement,
    private readonly c: TimelineController,
  ) {}

  down(e: PointerEvent): void {
    this.fingers.set(e.pointerId, { x: e.clientX, y: e.clientY, startX: e.clientX, startY: e.clientY });
    if (this.fingers.size === 1) this.moved = false;
    else this.moved = true; // a second finger: a pinch, never a tap
    this.stack.setPointerCapture(e.pointerId);
  }

  move(e: PointerEvent): void {
    const finger = this.fingers.get(e.pointerId);
    if (!finger) return;
    const others = [...this.fingers.entries()].filter(([id]) => id !== e.pointerId).map(([, f]) => f);
    const before = { x: finger.x, y: finger.y };
    finger.x = e.clientX;
    finger.y = e.clientY;
    if (!this.moved && Math.hypot(finger.x - finger.startX, finger.y - finger.startY) < TAP_SLOP_PX) return;
    this.moved = true;
    this.c.leave();
    const other = others[0];
    if (!other) {
      this.c.panBy(finger.x - before.x);
      return;
    }
    // Pinch: the spread between the two fingers scales the window around their midpoint.
    const spreadBefore = Math.abs(before.x - other.x);
    const spreadNow = Math.abs(finger.x - other.x);
    const mid = (finger.x + other.x) / 2;
    const midBefore = (before.x + other.x) / 2;
    if (spreadBefore >= 10 && spreadNow >= 10) this.c.zoomAt(spreadNow / spreadBefore, this.localX(mid));
    this.c.panBy(mid - midBefore);
  }

  up(e: PointerEvent): void {
    const finger = this.fingers.get(e.pointerId);
    if (!finger) return;
    this.fingers.delete(e.pointerId);
    if (this.stack.hasPointerCapture(e.pointerId)) this.stack.releasePointerCapture(e.pointerId);
    if (this.fingers.size > 0 || this.moved || e.type === "pointercancel") return;
    const now = performance.now();
    const again = now - this.lastTap.t < DOUBLE_TAP_MS && Math.hypot(e.clientX - this.lastTap.x, e.clientY - this.lastTap.y) < 30;
    this.lastTap = again ? { t: -Infinity, x: 0, y: 0 } : { t: now, x: e.clientX, y: e.clientY };
    if (again) {
      this.c.leave();
      this.c.fit();
      return;
    }
    this.tap(e.clientX, e.clientY);
  }

  /** Details of what is under the finger, or none when it is over nothing. */
  private tap(clientX: number, clientY: number): void {
    const canvas = document.elementFromPoint(clientX, clientY)?.closest<HTMLCanvasElement>("canvas[data-run-index]");
    if (!canvas) return this.c.leave();
    const r = canvas.getBoundingClientRect();
    this.c.pointer(Number(canvas.dataset.runIndex), clientX - r.left, clientY - r.top, clientX, clientY);
  }

  private localX(clientX: number): number {
    const canvas = this.stack.querySelector("canvas[data-run-index]");
    return clientX - (canvas?.getBoundingClientRect().left ?? 0);
  }
}
