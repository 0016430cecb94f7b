import { describe, expect, it } from "vitest";
import { highlightCode } from "./highlight-code.ts";

const textOf = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

describe("highlightCode", () => {
  it("marks TypeScript keywords, strings, numbers and comments", () => {
    const html = highlightCode('import { sleep } from "lanes";\nawait sleep(100); // wait\n', "typescript");
    expect(html).toContain('<span class="tok-keyword">import</span>');
    expect(html).toContain('<span class="tok-string">"lanes"</span>');
    expect(html).toContain('<span class="tok-number">100</span>');
    expect(html).toContain('<span class="tok-comment">// wait</span>');
  });

  it("keeps a keyword inside a string or comment as part of it", () => {
    const html = highlightCode('const s = "return if"; /* for */', "typescript");
    expect(html).toContain('<span class="tok-string">"return if"</span>');
    expect(html).toContain('<span class="tok-comment">/* for */</span>');
    expect(html).not.toContain('tok-keyword">return');
  });

  it("marks template literals and leaves identifiers that contain keywords alone", () => {
    const html = highlightCode("const format = `page ${n}`; const iffy = 1;", "typescript");
    expect(html).toContain('<span class="tok-string">`page ${n}`</span>');
    expect(html).not.toContain(">if<");
  });

  it("marks Python comments, triple-quoted strings and keywords", () => {
    const html = highlightCode('def main():\n    """Doc."""\n    return None  # done\n', "python");
    expect(html).toContain('<span class="tok-keyword">def</span>');
    expect(html).toContain('<span class="tok-string">"""Doc."""</span>');
    expect(html).toContain('<span class="tok-comment"># done</span>');
  });

  it("escapes HTML and loses no character", () => {
    const code = 'if (a < b && c > d) print("<b>&");\n';
    const html = highlightCode(code, "typescript");
    expect(html).not.toContain("<b>");
    expect(textOf(html)).toBe(code);
  });
});
