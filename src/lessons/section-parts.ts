// How a section's prose is laid out around its playground. Pure: markdown text in, parts out.
// Lines inside fenced code are never taken for markers or headings (a Python comment starts with #).

/**
 * The marker an author writes on a line of its own, after an exercise, before text that would
 * give the answer away: what follows it (to the next playground) is shown once the exercise has
 * passed. An HTML comment, so any other markdown renderer simply hides it.
 */
export const AFTER_PASS_MARKER = "<!-- after the pass -->";

function outsideFences(lines: readonly string[]): boolean[] {
  let fence: string | null = null;
  return lines.map((line) => {
    const open = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence === null) {
      if (open?.[1]) {
        fence = open[1];
        return false;
      }
      return true;
    }
    if (open?.[1] && open[1][0] === fence[0] && open[1].length >= fence.length && line.trim() === open[1]) fence = null;
    return false;
  });
}

/** Split prose at the after-pass marker: `afterPass` is null when there is none. */
export function splitAfterPass(markdown: string): { always: string; afterPass: string | null } {
  const lines = markdown.split("\n");
  const outside = outsideFences(lines);
  const at = lines.findIndex((line, i) => outside[i] && line.trim() === AFTER_PASS_MARKER);
  if (at < 0) return { always: markdown, afterPass: null };
  return { always: lines.slice(0, at).join("\n"), afterPass: lines.slice(at + 1).join("\n") };
}

/**
 * Split the prose before a playground at its last heading: what comes before (earlier sections,
 * shown full width) and the part the playground belongs beside ("Your turn: …").
 */
export function splitAtLastHeading(markdown: string): { earlier: string; beside: string } {
  const lines = markdown.split("\n");
  const outside = outsideFences(lines);
  let at = -1;
  lines.forEach((line, i) => {
    if (outside[i] && /^#{1,6}\s/.test(line)) at = i;
  });
  if (at <= 0) return { earlier: "", beside: markdown };
  const earlier = lines.slice(0, at).join("\n");
  if (earlier.trim() === "") return { earlier: "", beside: markdown };
  return { earlier, beside: lines.slice(at).join("\n") };
}
