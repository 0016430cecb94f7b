import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkAccent, checkLogo, parseColour } from "./course-assets.ts";

describe("parseColour", () => {
  it("reads every way CSS writes an opaque colour", () => {
    expect(parseColour("#c2185b")).toEqual([194, 24, 91]);
    expect(parseColour("rebeccapurple")).toEqual([102, 51, 153]);
    expect(parseColour("rgb(122 60 255)")).toEqual([122, 60, 255]);
    expect(parseColour("hsl(200 50% 40%)")).toEqual([51, 119, 153]);
    expect(parseColour("oklch(0.6 0.2 300)")).toEqual([0x95, 0x5b, 0xe3]);
  });

  it("says why a text is not a usable colour", () => {
    expect(parseColour("magentaish")).toBe("is not a CSS colour");
    expect(parseColour("red; background: url(x)")).toBe("is not a CSS colour");
    expect(parseColour("var(--brand)")).toBe("is not a CSS colour");
    expect(parseColour("#c2185b80")).toMatch(/^is not opaque/);
    expect(parseColour("transparent")).toMatch(/^is not opaque/);
    expect(parseColour("currentcolor")).toMatch(/^is not one fixed colour/);
    expect(parseColour("Canvas")).toMatch(/^is not one fixed colour/);
    expect(parseColour("light-dark(red, blue)")).toMatch(/^is not one fixed colour/);
  });
});

describe("checkAccent", () => {
  it("gives the tones of a colour", () => {
    const checked = checkAccent("#c2185b");
    expect(checked.ok && checked.value.light).toEqual({ accent: "#c2185b", onAccent: "#ffffff" });
  });

  it("refuses a text that is not a colour, with examples", () => {
    const checked = checkAccent("magentaish");
    expect(!checked.ok && checked.message).toMatch(/^The accent "magentaish" is not a CSS colour\. Write a CSS colour, e\.g\. accent: "#7a3cff"/);
  });
});

describe("checkLogo", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "lanes-logo-"));
    mkdirSync(join(dir, "course"));
    writeFileSync(join(dir, "course", "logo.svg"), '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    writeFileSync(join(dir, "outside.svg"), "<svg></svg>");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const course = () => join(dir, "course");

  it("accepts an image in the folder and names it by its content", () => {
    const first = checkLogo(course(), "logo.svg");
    expect(first.ok && first.asset.fileName).toMatch(/^course\/logo-[0-9a-f]{8}\.svg$/);
    writeFileSync(join(course(), "logo.svg"), "<svg viewBox='0 0 1 1'></svg>");
    const second = checkLogo(course(), "logo.svg");
    expect(second.ok && second.asset.fileName).not.toBe(first.ok && first.asset.fileName);
  });

  it("refuses a file that is not there, outside the folder, a folder, or not an image", () => {
    const message = (value: string) => {
      const r = checkLogo(course(), value);
      return r.ok ? "accepted" : r.message;
    };
    expect(message("logo.png")).toMatch(/^There is no file "logo\.png" in the course folder/);
    expect(message("../outside.svg")).toMatch(/is outside the course folder/);
    expect(message(join(dir, "outside.svg"))).toMatch(/must be a file in the course folder/);
    expect(message("https://example.org/logo.svg")).toMatch(/must be a file in the course folder/);
    mkdirSync(join(course(), "images.svg"));
    expect(message("images.svg")).toMatch(/is a folder/);
    writeFileSync(join(course(), "notes.txt"), "hello");
    expect(message("notes.txt")).toMatch(/is not an image Lanes can show \(\.txt\)/);
    writeFileSync(join(course(), "fake.png"), "hello");
    expect(message("fake.png")).toMatch(/is named \.png but is not a PNG image/);
    symlinkSync(join(dir, "outside.svg"), join(course(), "linked.svg"));
    expect(message("linked.svg")).toMatch(/is a link to a file outside/);
  });

  it("warns about a large logo", () => {
    writeFileSync(join(course(), "big.svg"), `<svg>${" ".repeat(150_000)}</svg>`);
    const r = checkLogo(course(), "big.svg");
    expect(r.ok && r.warning).toMatch(/^The logo is 150 kB, and every page loads it/);
  });
});
