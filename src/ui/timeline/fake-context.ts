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
