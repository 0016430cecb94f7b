/**
 * Lesson prose, rendered to sanitised HTML at build time (plugins/render-prose.ts: CommonMark +
 * GFM, GitHub's sanitising rules, heading ids and anchors), so the page ships no markdown parser.
 */
export function Prose({ html }: { html: string }) {
  if (!html) return null;
  return <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />;
}
