import { describe, expect, it } from "vitest";
import { createSlugger, headingText, slugify } from "./slugify.ts";

describe("slugify", () => {
  it("lower-cases and turns spaces into dashes", () => {
    expect(slugify("The same in Python")).toBe("the-same-in-python");
  });

  it("drops punctuation without collapsing dashes, as GitHub does", () => {
    expect(slugify("Locks & queues: why?")).toBe("locks--queues-why");
  });

  it("keeps letters beyond ASCII", () => {
    expect(slugify("Café à la carte")).toBe("café-à-la-carte");
  });
});

describe("headingText", () => {
  it("removes inline code, emphasis and links", () => {
    expect(headingText("Why `await` is **not** [parallel](https://x)")).toBe("Why await is not parallel");
  });
});

describe("createSlugger", () => {
  it("numbers repeated headings", () => {
    const slug = createSlugger();
    expect(["Try it", "Try it", "Try it"].map(slug)).toEqual(["try-it", "try-it-1", "try-it-2"]);
  });

  it("does not reuse a slug an earlier heading already has", () => {
    const slug = createSlugger();
    expect(["A 1", "A", "A"].map(slug)).toEqual(["a-1", "a", "a-2"]);
  });
});
