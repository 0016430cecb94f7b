import { describe, expect, it } from "vitest";
import { splitAfterPass, splitAtLastHeading } from "./section-parts.ts";

describe("splitAfterPass", () => {
  it("keeps everything when there is no marker", () => {
    expect(splitAfterPass("Some text.\n\nMore.")).toEqual({ always: "Some text.\n\nMore.", afterPass: null });
  });

  it("holds back what follows the marker", () => {
    expect(splitAfterPass("Hint first.\n<!-- after the pass -->\nThe answer.")).toEqual({ always: "Hint first.", afterPass: "The answer." });
  });

  it("ignores a marker inside fenced code", () => {
    const text = "```md\n<!-- after the pass -->\n```\nAfter.";
    expect(splitAfterPass(text).afterPass).toBeNull();
  });
});

describe("splitAtLastHeading", () => {
  it("puts the playground beside its own heading, earlier sections before it", () => {
    expect(splitAtLastHeading("Intro.\n\n## Futures\n\nText.\n\n## Your turn\n\nDo it.")).toEqual({ earlier: "Intro.\n\n## Futures\n\nText.\n", beside: "## Your turn\n\nDo it." });
  });

  it("does not take a Python comment in a fence for a heading", () => {
    expect(splitAtLastHeading("## Futures\n\n```python\n# a comment\n```\nText.")).toEqual({ earlier: "", beside: "## Futures\n\n```python\n# a comment\n```\nText." });
  });

  it("keeps prose without headings together", () => {
    expect(splitAtLastHeading("Just text.")).toEqual({ earlier: "", beside: "Just text." });
  });
});
