// A recording stand-in for CanvasRenderingContext2D, for renderer tests in Node: it keeps every
// call (with the fill style at the time) and measures text as 6 px per character.
import type { Ctx2D } from "./renderer";

export interface Call {
  op: string;
  args: unknown[];
  fillStyle: unknown;
  strokeStyle: unknown;
}

export class FakeContext {
  calls: Call[] = [];
  fillStyle: unknown = "#000";
  strokeStyle: unknown = "#000";
  lineWidth = 1;
  font = "10px sans-serif";
  textAlign = "start";
  textBaseline = "alphabetic";

  record(op: string, args: unknown[]): void {
    this.calls.push({ op, args, fillStyle: this.fillStyle, strokeStyle: this.strokeStyle });
  }

  count(op: string): number {
    return this.calls.filter((c) => c.op === op).length;
  }

  texts(): string[] {
    return this.calls.filter((c) => c.op === "fillText").map((c) => String(c.args[0]));
  }

  /**
   * What the fills left on the horizontal line y, one entry per CSS pixel column: the fill style
   * of the last fill whose path touched that pixel at all (so a bar's antialiased edge counts as
   * bar: a gap only shows where a later fill covered it). Clips and strokes are ignored.
   */
  paintedRow(y: number, width: number): unknown[] {
    const row: unknown[] = new Array(width).fill(undefined);
    let path: number[][] = [];
    for (const c of this.calls) {
      if (c.op === "beginPath") path = [];
      else if (c.op === "rect") path.push(c.args as number[]);
      else if (c.op === "fillRect") paint(row, [c.args as number[]], y, c.fillStyle);
      else if (c.op === "fill") paint(row, path, y, c.fillStyle);
    }
    return row;
  }

  measureText(text: string): TextMetrics {
    return { width: text.length * 6 } as TextMetrics;
  }

  asContext(): Ctx2D {
    return this as unknown as Ctx2D;
  }
}

for (const op of [
  "save", "restore", "setTransform", "clearRect", "fillRect", "beginPath", "rect", "moveTo", "lineTo",
  "closePath", "fill", "stroke", "clip", "fillText", "setLineDash",
]) {
  Object.defineProperty(FakeContext.prototype, op, {
    value(this: FakeContext, ...args: unknown[]) {
      this.record(op, args);
    },
  });
}

function paint(row: unknown[], rects: number[][], y: number, style: unknown): void {
  for (const [x = 0, top = 0, w = 0, h = 0] of rects) {
    if (y < top || y >= top + h || w <= 0) continue;
    const from = Math.max(0, Math.floor(x));
    const to = Math.min(row.length, Math.ceil(x + w));
    for (let px = from; px < to; px++) row[px] = style;
  }
}
