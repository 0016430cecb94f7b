// The block structure of a lesson body: fenced code blocks and ATX headings, with their lines.
// Enough CommonMark for lessons; everything else is prose and is passed through untouched.

export interface Fence {
  type: "fence";
  /** Index of the opening fence line in the body. */
  start: number;
  /** Index of the closing fence line; `lines.length` when the block is never closed. */
  end: number;
  closed: boolean;
  info: string;
  /** 1-based column where the info string starts in the fence line. */
  infoColumn: number;
  /** The fence line itself, to place option errors at their column. */
  text: string;
  code: string;
}

export interface HeadingLine {
  type: "heading";
  start: number;
  depth: number;
  /** The heading's inline markdown, without the #s. */
  raw: string;
}

export type BodyItem = Fence | HeadingLine;

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})\s*([^`]*)$/;
const HEADING = /^ {0,3}(#{1,6})(?:\s+(.*?))?\s*$/;

export function scanBody(lines: readonly string[]): BodyItem[] {
  const items: BodyItem[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const heading = HEADING.exec(line);
    if (heading) {
      items.push({ type: "heading", start: i, depth: heading[1]?.length ?? 1, raw: stripClosingHashes(heading[2] ?? "") });
      continue;
    }
    const open = FENCE_OPEN.exec(line);
    if (!open) continue;
    const marker = open[2] ?? "```";
    const end = findFenceEnd(lines, i + 1, marker);
    const rawInfo = open[3] ?? "";
    const info = rawInfo.trim();
    const infoColumn = (open[1]?.length ?? 0) + marker.length + (rawInfo.length - rawInfo.trimStart().length) + 1;
    const code = lines.slice(i + 1, end).join("\n");
    items.push({ type: "fence", start: i, end, closed: end < lines.length, info, infoColumn, text: line, code: code.endsWith("\n") || code === "" ? code : `${code}\n` });
    i = end;
  }
  return items;
}

function stripClosingHashes(text: string): string {
  return text.replace(/\s+#+\s*$/, "").replace(/^#+$/, "");
}

/** Index of the closing fence line; past the end when the block is never closed (CommonMark runs it to the end). */
function findFenceEnd(lines: readonly string[], from: number, marker: string): number {
  const char = marker[0] ?? "`";
  for (let j = from; j < lines.length; j++) {
    const candidate = (lines[j] ?? "").trim();
    if (candidate.length >= marker.length && [...candidate].every((c) => c === char)) return j;
  }
  return lines.length;
}
