import { describe, expect, it } from "vitest";
import { fitLabel } from "./draw-spans";
import type { Ctx2D } from "./renderer";

// Letters of uneven width: "W" is three times an "i", so a proportional guess overshoots.
const uneven = { measureText: (t: string) => ({ width: [...t].reduce((w, c) => w + (c === "W" ? 9 : c === "…" ? 6 : 3), 0) }) } as unknown as Ctx2D;

describe("fitLabel", () => {
  it("keeps a label that fits", () => {
    expect(fitLabel(uneven, "main", 100)).toBe("main");
  });

  it("shortens a label whose proportional cut is still too wide, rather than dropping it", () => {
    const label = "WWWWWWWWiiiiiiii"; // 8 × 9 + 8 × 3 = 96 px
    const short = fitLabel(uneven, label, 80);
    expect(short).not.toBeNull();
    expect(uneven.measureText(short!).width).toBeLessThanOrEqual(80);
    expect(short!.endsWith("…")).toBe(true);
  });

  it("drops a label with no room for three characters", () => {
    expect(fitLabel(uneven, "WWWWWWWW", 20)).toBeNull();
  });
});
