// What an author writes in prose that the page will not show as written: raw HTML (dropped by
// the sanitiser), links it disarms, images the Content-Security-Policy blocks, and a lesson so
// large that opening it is slow. Warnings, with the line, and what to write instead.
import type { Nodes } from "mdast";
import { FrontmatterError, readFrontmatter } from "../src/lessons/frontmatter.ts";
import { ProblemList, type LessonProblem } from "../src/lessons/problems.ts";
import { parseProse } from "./render-prose.ts";

/** Above this many bytes of lesson file, a warning: every byte is downloaded with the page. */
export const LESSON_SIZE_WARNING_BYTES = 200_000;

const ALLOWED_PROTOCOLS = new Set(["http", "https", "mailto"]);
const WRITE_INSTEAD = "Write markdown instead: **bold**, *italic*, `code`, [a link](https://…), lists, tables and > quotes; to show a < itself, write \\<.";

export function proseWarnings(file: string, source: string): LessonProblem[] {
  const problems = new ProblemList(file);
  const bytes = Buffer.byteLength(source, "utf8");
  if (bytes > LESSON_SIZE_WARNING_BYTES) {
    const kB = (n: number) => `${Math.round(n / 1000).toLocaleString("en")} kB`;
    problems.warn({ line: 1, column: 1 }, `The lesson is ${kB(bytes)}, more than ${kB(LESSON_SIZE_WARNING_BYTES)}: students download all of it when they open it. Split it into several lessons.`);
  }
  let body: string;
  let bodyLine: number;
  try {
    ({ body, bodyLine } = readFrontmatter(source));
  } catch (e) {
    if (!(e instanceof FrontmatterError)) throw e;
    return problems.items; // compileLesson reports the frontmatter; its prose is checked once it parses
  }
  walk(parseProse(body), (node) => {
    const start = node.position?.start;
    if (!start) return;
    const at = { line: bodyLine + start.line - 1, column: start.column };
    if (node.type === "html") {
      const html = node.value.trim();
      if (html.startsWith("<!--")) return; // a comment: meant to be invisible
      const script = /^<script\b/i.test(html) ? " (and text between <script> tags would show as text)" : "";
      problems.warn(at, `Raw HTML is not shown on the page: ${quote(html)} is left out${script}. ${WRITE_INSTEAD}`);
    } else if (node.type === "link" || node.type === "image" || node.type === "definition") {
      const protocol = /^([a-z][a-z\d+.-]*):/i.exec(node.url.trim())?.[1]?.toLowerCase();
      if (protocol !== undefined && !ALLOWED_PROTOCOLS.has(protocol)) {
        problems.warn(at, `The link ${quote(node.url)} is removed, so it shows as plain text: links may go to https://, http:// or mailto: addresses, or to a path or #anchor of this site.`);
      } else if (node.type === "image" && protocol !== undefined) {
        problems.warn(at, `The image ${quote(node.url)} is on another site, which the site's Content-Security-Policy blocks: put the file in public/ and write ![…](/its-name.png).`);
      }
    }
  });
  return problems.items;
}

function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ("children" in node) for (const child of node.children) walk(child, visit);
}

function quote(text: string): string {
  const line = text.split("\n")[0] ?? "";
  return `"${line.length > 40 ? `${line.slice(0, 40)}…` : line}"`;
}
