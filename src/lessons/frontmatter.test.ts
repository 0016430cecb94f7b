import { describe, expect, it } from "vitest";
import { FrontmatterError, splitFrontmatter } from "./frontmatter.ts";

describe("splitFrontmatter", () => {
  it("reads YAML fields and the body after the closing fence", () => {
    const file = splitFrontmatter("---\ntitle: Waiting\norder: 2\n---\n# Hello\ntext");
    expect(file.data).toEqual({ title: "Waiting", order: 2 });
    expect(file.body).toBe("# Hello\ntext");
    expect(file.bodyLine).toBe(5);
  });

  it("treats a file without frontmatter as all body", () => {
    const file = splitFrontmatter("# Just prose");
    expect(file.data).toEqual({});
    expect(file.bodyLine).toBe(1);
  });

  it("accepts CRLF line endings and a byte-order mark", () => {
    const file = splitFrontmatter("\uFEFF---\r\ntitle: A\r\n---\r\nbody");
    expect(file.data).toEqual({ title: "A" });
    expect(file.body).toBe("body");
  });

  it("refuses frontmatter that never closes", () => {
    expect(() => splitFrontmatter("---\ntitle: A\n# body")).toThrow(FrontmatterError);
  });

  it("reports invalid YAML with the file line", () => {
    try {
      splitFrontmatter("---\ntitle: A\nsummary: [unclosed\n---\nbody");
      expect.fail("should throw");
    } catch (e) {
      expect(e).toBeInstanceOf(FrontmatterError);
      expect((e as FrontmatterError).line).toBeGreaterThanOrEqual(3);
    }
  });

  it("refuses a YAML list where a mapping is expected", () => {
    expect(() => splitFrontmatter("---\n- a\n- b\n---\n")).toThrow(/mapping/);
  });
});
