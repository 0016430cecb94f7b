// Pointer, wheel and keyboard input on the stack of run canvases, turned into controller calls.
// Wheel zooms around the pointer (a trackpad pinch arrives as ctrl+wheel), horizontal wheel and
// drag pan, double-click fits; with the stack focused: + / = and - zoom, arrows pan, 0 / Home fit.
import type { TimelineController } from "./timeline-controller";
import { TouchGestures } from "./touch-gestures";

const DRAG_THRESHOLD_PX = 3;

function canvasAt(target: EventTarget | null): HTMLCanvasElement | null {
  return target instanceof Element ? target.closest<HTMLCanvasElement>("canvas[data-run-index]") : null;
}

function wheelPixels(e: WheelEvent, delta: number): number {
  if (e.deltaMode === WheelEvent.DOM_DELTA_LINE) return delta * 16;
  if (e.deltaMode === WheelEvent.DOM_DELTA_PAGE) return delta * 400;
  return delta;
}

export function bindInteraction(stack: HTMLElement, c: TimelineController): () => void {
  let drag: { x: number; id: number; moved: boolean } | null = null;
  const touch = new TouchGestures(stack, c);

  const local = (canvas: HTMLCanvasElement, e: MouseEvent) => {
    const r = canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  const onWheel = (e: WheelEvent) => {
    const canvas = canvasAt(e.target);
    if (!canvas) return;
    const dx = wheelPixels(e, e.deltaX);
    const dy = wheelPixels(e, e.deltaY);
    if (!e.ctrlKey && (Math.abs(dx) > Math.abs(dy) || e.shiftKey)) {
      c.panBy(-(e.shiftKey && dx === 0 ? dy : dx));
      e.preventDefault();
      return;
    }
    // Pinch deltas are small and fine-grained; wheel notches are ~100 px.
    const factor = Math.exp(-dy * (e.ctrlKey ? 0.01 : 0.002));
    if (c.zoomAt(factor, local(canvas, e).x)) e.preventDefault();
  };

  const onPointerDown = (e: PointerEvent) => {
    if (e.pointerType === "touch") {
      if (canvasAt(e.target)) touch.down(e);
      return;
    }
    if (e.button !== 0 || !canvasAt(e.target)) return;
    drag = { x: e.clientX, id: e.pointerId, moved: false };
    stack.setPointerCapture(e.pointerId);
  };

  const onPointerMove = (e: PointerEvent) => {
    if (e.pointerType === "touch") return touch.move(e);
    if (drag && drag.id === e.pointerId) {
      const dx = e.clientX - drag.x;
      if (drag.moved || Math.abs(dx) >= DRAG_THRESHOLD_PX) {
        drag.moved = true;
        drag.x = e.clientX;
        stack.classList.add("tl-dragging");
        c.leave();
        c.panBy(dx);
      }
      return;
    }
    const canvas = canvasAt(e.target);
    if (!canvas) return c.leave();
    const p = local(canvas, e);
    c.pointer(Number(canvas.dataset.runIndex), p.x, p.y, e.clientX, e.clientY);
  };

  const onPointerUp = (e: PointerEvent) => {
    if (e.pointerType === "touch") return touch.up(e);
    if (!drag || drag.id !== e.pointerId) return;
    drag = null;
    stack.classList.remove("tl-dragging");
    if (stack.hasPointerCapture(e.pointerId)) stack.releasePointerCapture(e.pointerId);
  };

  const onDoubleClick = (e: MouseEvent) => {
    // After a drag's pointer capture the target is the stack itself: ask what is under the pointer.
    if (canvasAt(e.target) || canvasAt(document.elementFromPoint(e.clientX, e.clientY))) c.fit();
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.altKey || e.metaKey || e.ctrlKey) return;
    const step = e.shiftKey ? 0.5 : 0.1;
    const actions: Record<string, () => void> = {
      "+": () => c.zoomCentre(1.5),
      "=": () => c.zoomCentre(1.5),
      "-": () => c.zoomCentre(1 / 1.5),
      _: () => c.zoomCentre(1 / 1.5),
      ArrowLeft: () => c.panByFraction(step),
      ArrowRight: () => c.panByFraction(-step),
      "0": () => c.fit(),
      Home: () => c.fit(),
    };
    const action = actions[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  // A finger lifting "leaves" too: a tap's details stay until the next tap.
  const onLeave = (e: PointerEvent) => {
    if (e.pointerType !== "touch") c.leave();
  };

  stack.addEventListener("wheel", onWheel, { passive: false });
  stack.addEventListener("pointerdown", onPointerDown);
  stack.addEventListener("pointermove", onPointerMove);
  stack.addEventListener("pointerup", onPointerUp);
  stack.addEventListener("pointercancel", onPointerUp);
  stack.addEventListener("pointerleave", onLeave);
  stack.addEventListener("dblclick", onDoubleClick);
  stack.addEventListener("keydown", onKey);
  return () => {
    stack.removeEventListener("wheel", onWheel);
    stack.removeEventListener("pointerdown", onPointerDown);
    stack.removeEventListener("pointermove", onPointerMove);
    stack.removeEventListener("pointerup", onPointerUp);
    stack.removeEventListener("pointercancel", onPointerUp);
    stack.removeEventListener("pointerleave", onLeave);
    stack.removeEventListener("dblclick", onDoubleClick);
    stack.removeEventListener("keydown", onKey);
  };
}
