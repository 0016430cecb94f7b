// The loop guard. A student's endless loop under `main` or `async` holds the page's thread:
// no timer fires, no click lands, and without help the tab is lost. So the compiler puts a call
// at the top of every loop body, `$__lanesLoop(line)`; the runtime counts the calls and, every
// few thousand, asks the run whether it has ended (stopped, or past its time limit), and throws
// into the loop if it has. Workers need no guard (Stop terminates them), but the same code runs
// there, and the call is cheap.
//
// Every insertion stays on its line, so line numbers never move; columns after an insertion do,
// and `insertionsBefore` says by how much, for error positions.
import type { Node, Program, Statement } from "acorn";
import { LOOP_GUARD_NAME, RESERVED_PREFIX } from "../runtime/loop-guard";

type Loop = Node & { body: Statement; loc?: { start: { line: number } } | null };

export interface Insertion {
  /** Offset in the unguarded code. */
  at: number;
  text: string;
}

const LOOPS = new Set(["ForStatement", "ForInStatement", "ForOfStatement", "WhileStatement", "DoWhileStatement"]);

/** Where calls go: after `{` of a block body, or around a single-statement body. */
export function guardInsertions(program: Program): Insertion[] {
  const insertions: Insertion[] = [];
  forEachNode(program, (node) => guardNode(node, insertions));
  // Stable: a "}" closing an inner single-statement body comes before one closing its loop.
  return insertions.sort((a, b) => a.at - b.at);
}

/**
 * The first identifier of the program that uses a name reserved for Lanes (it could declare,
 * shadow or import the loop guard, and so switch it off), with a sentence saying what to do.
 */
export function reservedNameUse(program: Program): { message: string; node: Node } | undefined {
  let found: Node | undefined;
  forEachNode(program, (node) => {
    if (found) return;
    const name = (node as Node & { name?: unknown }).name;
    if ((node.type === "Identifier" || node.type === "PrivateIdentifier") && typeof name === "string" && name.startsWith(RESERVED_PREFIX)) found = node;
  });
  if (!found) return undefined;
  const name = (found as Node & { name: string }).name;
  return { node: found, message: `The name \`${name}\` is reserved for Lanes (Lanes puts names starting with ${RESERVED_PREFIX} into your program: loop guards, await sites, object names): rename it.` };
}

/** The guard's insertions for one node (none unless it is a loop), for a walk shared with others. */
export function guardNode(node: Node, insertions: Insertion[]): void {
  if (!LOOPS.has(node.type)) return;
  const loop = node as Loop;
  const call = `${LOOP_GUARD_NAME}(${loop.loc?.start.line ?? 0});`;
  const body = loop.body;
  if (body.type === "BlockStatement") insertions.push({ at: body.start + 1, text: call });
  else insertions.push({ at: body.start, text: `{${call}` }, { at: body.end, text: "}" });
}

/** Every node of an ESTree, parents first (acorn's nodes hold children in plain properties). */
export function forEachNode(node: Node, visit: (node: Node) => void): void {
  visit(node);
  for (const value of Object.values(node) as unknown[]) {
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) forEachNode(item, visit);
    } else if (isNode(value)) forEachNode(value, visit);
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string";
}

/** The import that links the guard (and other `names`). Imports are hoisted: one at the very end moves no line. */
export function guardImport(lanesUrlLiteral: string, names: readonly string[] = [LOOP_GUARD_NAME]): string {
  return `import { ${names.join(", ")} } from ${lanesUrlLiteral};`;
}

/**
 * A column (0-based) on `line` (1-based) of the guarded code, as a column of the unguarded code
 * `js`. A place inside an inserted call maps to where the call was inserted.
 */
export function unguardedColumn(js: string, insertions: readonly Insertion[], line: number, column: number): number {
  const lineStart = startOfLine(js, line);
  if (lineStart < 0) return column;
  const nextLine = js.indexOf("\n", lineStart);
  const lineEnd = nextLine < 0 ? js.length : nextLine;
  let shift = 0;
  for (const { at, text } of insertions) {
    if (at < lineStart) continue;
    if (at > lineEnd) break;
    const guardedAt = at - lineStart + shift;
    if (column < guardedAt) break;
    if (column < guardedAt + text.length) return at - lineStart;
    shift += text.length;
  }
  return column - shift;
}

function startOfLine(text: string, line: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    at = text.indexOf("\n", at) + 1;
    if (at === 0) return -1;
  }
  return at;
}
