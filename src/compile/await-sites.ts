// Await sites. When a task's error reaches main() through an `await`, Python's traceback would
// show main()'s line too; a JavaScript stack cannot (see src/runtime/await-site.ts). So every
// awaited value goes through `$__lanesAt(line, value)`, and every `for await` iterable through
// `$__lanesAtEach(line, iterable)`. As with the loop guard, insertions stay on their line.
import type { Node, Program } from "acorn";
import { nameInsertions } from "./object-names";
import { AWAIT_SITES_NAME, AWAIT_SITE_NAME } from "../runtime/await-site";
import { forEachNode, guardNode, type Insertion } from "./loop-guard";

type Located = Node & { loc?: { start: { line: number } } | null };

/** The insertions that wrap every awaited value (and every `for await` iterable) with its line. */
export function awaitInsertions(program: Program): Insertion[] {
  const insertions: Insertion[] = [];
  forEachNode(program, (node) => awaitNode(node, insertions));
  return insertions;
}

/** The await sites' insertions for one node, for a walk shared with others. */
export function awaitNode(node: Node, insertions: Insertion[]): void {
  const line = (node as Located).loc?.start.line ?? 0;
  if (node.type === "AwaitExpression") {
    const argument = (node as Node & { argument: Node }).argument;
    insertions.push({ at: argument.start, text: `${AWAIT_SITE_NAME}(${line},` }, { at: argument.end, text: ")" });
  } else if (node.type === "ForOfStatement" && (node as Node & { await?: boolean }).await) {
    const right = (node as Node & { right: Node }).right;
    insertions.push({ at: right.start, text: `${AWAIT_SITES_NAME}(${line},` }, { at: right.end, text: ")" });
  }
}

/**
 * Everything the compiler inserts, from one walk of the tree: loop guards and await sites, in
 * the order orderInsertions gives. `guards` and `sites` say whether each kind occurred.
 */
export function compilerInsertions(program: Program): { insertions: Insertion[]; guards: boolean; sites: boolean; names: boolean } {
  const guards: Insertion[] = [];
  const sites: Insertion[] = [];
  forEachNode(program, (node) => {
    guardNode(node, guards);
    awaitNode(node, sites);
  });
  const names = nameInsertions(program); // object names (object-names.ts)
  return { insertions: orderInsertions([names, guards, sites]), guards: guards.length > 0, sites: sites.length > 0, names: names.length > 0 };
}

/** The names compiled code calls for await sites, for the import that links them. */
export const AWAIT_SITE_NAMES = [AWAIT_SITE_NAME, AWAIT_SITES_NAME] as const;

/**
 * Every insertion of the compiler in one order: by offset; at one offset, what closes comes
 * before what opens (an await's `)` before the `}` around a loop's one-statement body, which
 * encloses it). Stable otherwise: identical closers in any order give the same text.
 */
export function orderInsertions(lists: readonly (readonly Insertion[])[]): Insertion[] {
  const rank = (text: string) => (text === ")" ? 0 : text === "}" ? 1 : 2);
  return lists.flat().sort((a, b) => a.at - b.at || rank(a.text) - rank(b.text));
}
