// Lesson prose to sanitised HTML, at build time: the page ships the HTML, not a markdown parser.
// CommonMark + GFM (tables, strikethrough, task lists, autolinks), sanitised with GitHub's rules
// (hast-util-sanitize's default schema); raw HTML is dropped here and warned about by
// prose-warnings.ts. Headings get the ids the table of contents links to.
import type { Element, ElementContent, Root } from "hast";
import { sanitize } from "hast-util-sanitize";
import { toHtml } from "hast-util-to-html";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { toHast } from "mdast-util-to-hast";
import { gfm } from "micromark-extension-gfm";
import type { Heading } from "../src/lessons/lesson-model.ts";
import { createSlugger } from "../src/lessons/slugify.ts";

/** Parses lesson markdown as the page renders it (the warnings use the same parse). */
export function parseProse(markdown: string) {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/**
 * Gives each rendered heading, in document order, the slug of the lesson model's heading with
 * the same text (so the table of contents and the ids agree even for a repeated "Try it").
 * A heading the model does not know (the two parsers disagree) gets a slug of its own text.
 */
export function headingIds(headings: readonly Heading[]): (text: string) => string {
  const unused = [...headings];
  const fallback = createSlugger();
  return (text) => {
    const at = unused.findIndex((h) => h.text === text.trim());
    if (at < 0) return fallback(text);
    const [heading] = unused.splice(at, 1);
    return heading?.slug ?? fallback(text);
  };
}

const HEADING = /^h[2-6]$/;

/** One prose fragment of a lesson to HTML; `idFor` is shared by all fragments of the lesson. */
export function renderProse(markdown: string, idFor: (text: string) => string): string {
  if (!markdown.trim()) return "";
  const tree = sanitize(toHast(parseProse(markdown)) as Root) as Root;
  addHeadingAnchors(tree, idFor);
  return toHtml(tree);
}

/** After sanitising, which would prefix ids with `user-content-`: these ids are the lesson's own. */
function addHeadingAnchors(node: Root | Element, idFor: (text: string) => string): void {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    if (HEADING.test(child.tagName)) {
      const id = idFor(textOf(child));
      child.properties = { ...child.properties, id };
      const anchor: Element = {
        type: "element",
        tagName: "a",
        properties: { className: ["anchor"], href: `#${id}`, ariaHidden: "true", tabIndex: -1 },
        children: [{ type: "text", value: "#" }],
      };
      child.children.unshift(anchor);
    } else {
      addHeadingAnchors(child, idFor);
    }
  }
}

function textOf(node: ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  return "";
}
