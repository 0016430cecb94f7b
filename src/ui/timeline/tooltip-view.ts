// The hover tooltip: one DOM element, filled and moved directly (no React render per mouse move).
// Text goes in through textContent only: task names, arguments and output are user data.
import type { Hit } from "./hit-test";
import { describeHit } from "./tooltip";
import type { TimelineModel } from "./timeline-model";

export interface TooltipTarget {
  model: TimelineModel;
  hit: Hit;
  clientX: number;
  clientY: number;
}

const OFFSET = 14;

function line(className: string, text: string): HTMLElement {
  const el = document.createElement("div");
  el.className = className;
  el.textContent = text;
  return el;
}

export function showTooltip(root: HTMLElement, el: HTMLElement, target: TooltipTarget | null): void {
  if (!target) {
    el.hidden = true;
    return;
  }
  const text = describeHit(target.model, target.hit);
  const title = line("tl-tooltip-title", text.title);
  const swatch = document.createElement("span");
  swatch.className = `tl-swatch-dot tl-tone-${text.tone}`;
  title.prepend(swatch);
  el.replaceChildren(title, ...text.lines.map((t) => line("tl-tooltip-line", t)));
  el.hidden = false;

  // Beside the pointer, flipped to stay inside the timeline's box.
  const box = root.getBoundingClientRect();
  const w = el.offsetWidth;
  const h = el.offsetHeight;
  let x = target.clientX - box.left + OFFSET;
  let y = target.clientY - box.top + OFFSET;
  if (x + w > box.width) x = Math.max(0, target.clientX - box.left - OFFSET - w);
  if (y + h > box.height) y = Math.max(0, target.clientY - box.top - OFFSET - h);
  el.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
}
