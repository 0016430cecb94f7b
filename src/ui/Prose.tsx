import type { Element, ElementContent } from "hast";
import type { ReactNode } from "react";
import Markdown, { type Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { slugify } from "../lessons/slugify";

function textOf(node: Element | ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") return node.children.map(textOf).join("");
  return "";
}

/** Headings get the slug the table of contents links to (the lesson model computed it). */
function headingWith(level: 2 | 3 | 4, slugFor: (text: string) => string) {
  const Tag = `h${level}` as const;
  return function Heading({ node, children }: { node?: Element; children?: ReactNode }) {
    const id = slugFor(node ? textOf(node) : "");
    return (
      <Tag id={id}>
        <a className="anchor" href={`#${id}`} aria-hidden="true" tabIndex={-1}>
          #
        </a>
        {children}
      </Tag>
    );
  };
}

/** Lesson prose: CommonMark + GFM; raw HTML is never rendered unsanitised. */
export function Prose({ markdown, slugFor = slugify }: { markdown: string; slugFor?: (text: string) => string }) {
  if (!markdown.trim()) return null;
  const components: Components = { h2: headingWith(2, slugFor), h3: headingWith(3, slugFor), h4: headingWith(4, slugFor) };
  return (
    <div className="prose">
      <Markdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} components={components}>
        {markdown}
      </Markdown>
    </div>
  );
}
