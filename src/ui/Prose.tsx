import Markdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";

/** Lesson prose: CommonMark + GFM; raw HTML is never rendered unsanitised. */
export function Prose({ markdown }: { markdown: string }) {
  if (!markdown.trim()) return null;
  return (
    <div className="prose">
      <Markdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]}>
        {markdown}
      </Markdown>
    </div>
  );
}
