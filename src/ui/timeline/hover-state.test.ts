import { describe, expect, it } from "vitest";
import { HoverState, sameRef, type OutputRef } from "./hover-state";

const at = (run: number, hit: { kind: "span"; span: number } | { kind: "output"; output: number }) => ({ run, hit, clientX: 0, clientY: 0 });

describe("HoverState", () => {
  it("reports a change only when the hovered thing changes", () => {
    const h = new HoverState();
    expect(h.set(at(0, { kind: "span", span: 3 }))).toBe(true);
    expect(h.set(at(0, { kind: "span", span: 3 }))).toBe(false);
    expect(h.set(at(1, { kind: "span", span: 3 }))).toBe(true);
    expect(h.set(null)).toBe(true);
    expect(h.set(null)).toBe(false);
  });

  it("tells the listener when the hovered output line changes, once", () => {
    const h = new HoverState();
    const seen: (OutputRef | null)[] = [];
    h.listener = (ref) => seen.push(ref);
    h.set(at(0, { kind: "span", span: 1 }));
    h.set(at(0, { kind: "output", output: 2 }));
    h.set(at(0, { kind: "output", output: 2 }));
    h.set(at(0, { kind: "span", span: 1 }));
    expect(seen).toEqual([{ runIndex: 0, outputIndex: 2 }, null]);
  });
});

describe("sameRef", () => {
  it("compares output references by value", () => {
    expect(sameRef({ runIndex: 1, outputIndex: 2 }, { runIndex: 1, outputIndex: 2 })).toBe(true);
    expect(sameRef({ runIndex: 1, outputIndex: 2 }, null)).toBe(false);
    expect(sameRef(null, null)).toBe(true);
  });
});
