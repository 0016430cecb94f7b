// YAML parsed with its positions, so a problem in a field can point at the field's own line
// and column in the lesson file rather than at the start of the block.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import type { Position } from "./problems.ts";

export interface LocatedYaml {
  /** The parsed value; undefined when the text is not valid YAML (see `errors`). */
  data: unknown;
  errors: { at: Position; message: string }[];
  /** Where the value at `path` starts in the file; `atKey` points at the field name instead. */
  locate(path: readonly PropertyKey[], atKey?: boolean): Position;
}

/**
 * Parse `text`, whose first line is line `firstLine` of the file. Columns assume the block is
 * not indented, which is how lesson fences and frontmatter are written.
 */
export function parseLocatedYaml(text: string, firstLine: number): LocatedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toFile = (offset: number): Position => {
    const pos = lineCounter.linePos(offset);
    return { line: firstLine + pos.line - 1, column: pos.col };
  };
  const errors = doc.errors.map((e) => {
    // An unclosed quote is found where the text ends, lines later: point at where it opened.
    const quote = e.code === "MISSING_CHAR" ? /closing (["'])quote/.exec(e.message)?.[1] : undefined;
    if (quote) return { at: toFile(openingQuote(text, e.pos[0], quote)), message: `A ${quote === '"' ? "double" : "single"} quote opened here is never closed: end the text with ${quote} on the same line` };
    // `summary: Locks: why` is read as a mapping inside a value.
    if (e.code === "BLOCK_AS_IMPLICIT_KEY") return { at: toFile(e.pos[0]), message: 'A value has a colon followed by a space, which YAML reads as "key: value": put the whole value in quotes, e.g. summary: "Locks: why they matter"' };
    return { at: toFile(e.pos[0]), message: firstSentence(e.message) };
  });
  const start: Position = { line: firstLine, column: 1 };

  const locate = (path: readonly PropertyKey[], atKey = false): Position => {
    let node: unknown = doc.contents;
    const rootRange = (node as Node | null)?.range;
    let found: Position = rootRange ? toFile(rootRange[0]) : start;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) return found;
        const keyNode = pair.key as Node;
        if (last && atKey && keyNode.range) return toFile(keyNode.range[0]);
        node = pair.value ?? keyNode;
      } else if (isSeq(node) && typeof segment === "number") {
        node = node.items[segment];
        if (node === undefined) return found;
      } else return found;
      const range = (node as Node | null)?.range;
      if (range) found = toFile(range[0]);
    }
    return found;
  };

  return { data: errors.length > 0 ? undefined : doc.toJS(), errors, locate };
}

/** The quote that opened the scalar left unclosed at `end`: the last one before it not escaped. */
function openingQuote(text: string, end: number, quote: string): number {
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    if (text[i] !== quote) continue;
    if (quote === '"' && text[i - 1] === "\\") continue;
    if (quote === "'" && text[i - 1] === "'") {
      i--; // '' is an escaped quote inside single quotes
      continue;
    }
    return i;
  }
  return end;
}

function firstSentence(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
}
