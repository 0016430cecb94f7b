import { describe, expect, it } from "vitest";
import { closest, didYouMean, editDistance } from "./did-you-mean.ts";

describe("did you mean", () => {
  it("counts a swap of neighbours as one edit", () => {
    expect(editDistance("tilte", "title")).toBe(1);
  });

  it("finds a near name", () => {
    expect(closest("sumary", ["title", "summary"])).toBe("summary");
  });

  it("finds a name the word starts with", () => {
    expect(closest("outputContains", ["ok", "output"])).toBe("output");
  });

  it("suggests nothing for an unrelated word", () => {
    expect(didYouMean("colour", ["title", "summary"])).toBe("");
  });

  it("phrases a suggestion to append to a message", () => {
    expect(didYouMean("Title", ["title"])).toBe(' Did you mean "title"?');
  });
});
