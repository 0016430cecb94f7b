import { describe, expect, it } from "vitest";
import { headingIds, renderProse } from "./render-prose.ts";

const plainIds = headingIds([]);

describe("renderProse", () => {
  it("renders CommonMark and GFM", () => {
    const html = renderProse("Some **bold** and ~~gone~~.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", plainIds);
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<del>gone</del>");
    expect(html).toContain("<td>1</td>");
  });

  it("drops raw HTML and scripts", () => {
    const html = renderProse('Hello <b>there</b>.\n\n<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n', plainIds);
    expect(html).not.toMatch(/<b>|<script|onerror|<img/);
    expect(html).toContain("there");
  });

  it("drops javascript: links but keeps their text", () => {
    const html = renderProse("[click](javascript:alert(1)) and [ok](https://example.org)", plainIds);
    expect(html).not.toContain("javascript:");
    expect(html).toContain('<a href="https://example.org">ok</a>');
    expect(html).toContain("click");
  });

  it("gives headings the model's slugs, in order, with an anchor", () => {
    const ids = headingIds([
      { depth: 2, text: "Try it", slug: "try-it", line: 3 },
      { depth: 2, text: "Try it", slug: "try-it-1", line: 9 },
    ]);
    expect(renderProse("## Try it\n", ids)).toBe('<h2 id="try-it"><a class="anchor" href="#try-it" aria-hidden="true" tabindex="-1">#</a>Try it</h2>');
    expect(renderProse("## Try *it*\n", ids)).toContain('id="try-it-1"');
  });

  it("slugs a heading the model does not list from its own text", () => {
    expect(renderProse("### Locks & queues\n", headingIds([]))).toContain('id="locks--queues"');
  });

  it("renders nothing for blank prose", () => {
    expect(renderProse("  \n\n", plainIds)).toBe("");
  });
});
