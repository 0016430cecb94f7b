import type { Node } from "acorn";
import { CompileError, positionOf } from "./compile-error";

/** The only module a playground may import: student code never reaches the network. */
export const LANES_SPECIFIER = "lanes";

interface SourceNode extends Node {
  source?: (Node & { value?: unknown }) | null;
}

/** The "lanes" string literals to rewrite; anything else imported is refused with its place. */
export function checkImports(program: Node & { body: SourceNode[] }, js: string): (Node & { value?: unknown })[] {
  const lanes: (Node & { value?: unknown })[] = [];
  for (const node of program.body) {
    if (!node.source) continue;
    if (node.source.value === LANES_SPECIFIER) {
      lanes.push(node.source);
      continue;
    }
    const { line, column } = positionOf(js, node.source.start);
    throw new CompileError(`Only "lanes" can be imported in a playground; "${String(node.source.value)}" is not available.`, line, column);
  }
  const dynamic = findDynamicImport(program);
  if (dynamic) {
    const { line, column } = positionOf(js, dynamic.start);
    throw new CompileError('import() is not allowed in a playground: import from "lanes" at the top of the file.', line, column);
  }
  return lanes;
}

/** Depth-first search for an ImportExpression anywhere in the tree. */
function findDynamicImport(node: unknown): Node | undefined {
  if (!node || typeof node !== "object") return undefined;
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findDynamicImport(child);
      if (found) return found;
    }
    return undefined;
  }
  const n = node as Node & Record<string, unknown>;
  if (n.type === "ImportExpression") return n;
  for (const key in n) {
    if (key === "loc") continue;
    const value = n[key];
    if (value && typeof value === "object") {
      const found = findDynamicImport(value);
      if (found) return found;
    }
  }
  return undefined;
}
