import { describe, expect, it } from "vitest";
import { LESSON_SIZE_WARNING_BYTES, proseWarnings } from "./prose-warnings.ts";

const lesson = (body: string) => `---\ntitle: T\nsummary: S\n---\n${body}`;
const where = (body: string) => proseWarnings("lessons/01-t.md", lesson(body)).map((p) => `${p.line}:${p.column} ${p.message}`);

describe("proseWarnings", () => {
  it("names the line of inline raw HTML and says what to write", () => {
    const [first, ...rest] = where("Intro.\n\nSome <b>bold</b> text.\n");
    expect(first).toMatch(/^7:6 Raw HTML is not shown on the page: "<b>" is left out\. Write markdown instead: \*\*bold\*\*/);
    expect(rest).toHaveLength(1); // the closing </b>
  });

  it("warns that a script's text would show", () => {
    expect(where("<script>alert(1)</script>\n")[0]).toMatch(/^5:1 .*"<script>alert\(1\)<\/script>" is left out \(and text between <script> tags/);
  });

  it("warns about javascript: links and data: links", () => {
    expect(where("[a](javascript:alert(1))")[0]).toMatch(/^5:1 The link "javascript:alert\(1\)" is removed, so it shows as plain text/);
    expect(where("[x]: data:text/html,hi\n\n[b][x]\n")[0]).toMatch(/^5:1 The link "data:text\/html,hi"/);
  });

  it("warns about images from other sites", () => {
    expect(where("![cat](https://example.org/cat.png)")[0]).toMatch(/another site, which the site's Content-Security-Policy blocks/);
  });

  it("accepts markdown, comments, code and ordinary links", () => {
    expect(where("**b** [s](https://x.org) [m](mailto:a@b.c) [p](/lessons/x) [h](#top) ![i](/i.png)\n\n<!-- a note -->\n\n```ts\nconst a = '<b>';\n```\n\nText `<b>` here.\n")).toEqual([]);
  });

  it("warns when the lesson is too large to open quickly", () => {
    const [size] = proseWarnings("lessons/01-t.md", lesson("x".repeat(LESSON_SIZE_WARNING_BYTES)));
    expect(size).toMatchObject({ line: 1, column: 1, severity: "warning" });
    expect(size?.message).toMatch(/^The lesson is 200 kB, more than 200 kB: students download all of it/);
  });
});
