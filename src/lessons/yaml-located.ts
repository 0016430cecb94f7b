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
  const errors = doc.errors.map((e) => ({ at: toFile(e.pos[0]), message: firstSentence(e.message) }));
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

function firstSentence(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
}
