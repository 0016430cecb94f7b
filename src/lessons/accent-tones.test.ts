import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accentTones, contrast, hex, MIN_CONTRAST, type Rgb } from "./accent-tones";

const LIGHT_SURFACES = ["#fbfaf7", "#ffffff"].map(hex);
const DARK_SURFACES = ["#15171b", "#1d2026"].map(hex);

describe("contrast", () => {
  it("is 21 for black on white and 1 for a colour on itself", () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrast([12, 100, 200], [12, 100, 200])).toBe(1);
  });
});

describe("accentTones", () => {
  it("keeps a colour that already reads, as it is, in light mode", () => {
    expect(accentTones(hex("#6a1b9a")).light).toEqual({ accent: "#6a1b9a", onAccent: "#ffffff" });
  });

  it("darkens a pale colour for light mode and lightens a deep one for dark mode", () => {
    const yellow = accentTones(hex("#ffd400"));
    expect(yellow.light.accent).not.toBe("#ffd400");
    expect(contrast(hex(yellow.light.accent), hex("#fbfaf7"))).toBeGreaterThanOrEqual(MIN_CONTRAST);
    expect(yellow.dark.accent).toBe("#ffd400"); // bright on dark already reads
    expect(yellow.dark.onAccent).toBe("#0c1420");
    const navy = accentTones(hex("#1a237e"));
    expect(navy.light.accent).toBe("#1a237e");
    expect(contrast(hex(navy.dark.accent), hex("#15171b"))).toBeGreaterThanOrEqual(MIN_CONTRAST);
  });

  it("gives every colour tones that read on the page and labels that read on them", () => {
    const colour = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 })) as fc.Arbitrary<Rgb>;
    fc.assert(
      fc.property(colour, (c) => {
        const { light, dark } = accentTones(c);
        for (const [tone, surfaces] of [[light, LIGHT_SURFACES], [dark, DARK_SURFACES]] as const) {
          for (const s of surfaces) expect(contrast(hex(tone.accent), s)).toBeGreaterThanOrEqual(MIN_CONTRAST);
          expect(contrast(hex(tone.accent), hex(tone.onAccent))).toBeGreaterThanOrEqual(MIN_CONTRAST);
        }
      }),
    );
  });
});
