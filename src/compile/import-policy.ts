import type { Literal, Node, Program } from "acorn";
import { closest } from "../lessons/did-you-mean";
import { LANES_VALUES, isLanesExport, lanesExportList } from "./lanes-exports";

// Security: a playground program must not reach the network, so "lanes" is the only module it
// may name. Static imports are checked from the AST; import() is refused outright, because its
// argument can be computed at run time. The names imported from "lanes" are checked too, so a
// typo is refused at its line before the run rather than failing to link (or, when the name is
// unused, being dropped without a word).

/** The only module a playground may import. */
export const LANES_SPECIFIER = "lanes";

export interface PolicyViolation {
  message: string;
  /** The node to point at (its `loc` is where the editor underlines). */
  node: Node;
}

type Name = Node & { name?: string; value?: unknown };
type Specifier = Node & { imported?: Name; local?: Name };
type WithSource = Node & { source?: Literal | null; specifiers?: Specifier[] };

export function forbiddenImportMessage(specifier: string): string {
  return `A playground can import only from "lanes", not from ${JSON.stringify(specifier)}. "lanes" offers: ${lanesExportList()}.`;
}

export function unknownNameMessage(name: string): string {
  const near = closest(name, LANES_VALUES);
  const hint = near ? ` (did you mean "${near}"?)` : "";
  return `"lanes" has no export named ${JSON.stringify(name)}${hint}. It offers: ${lanesExportList()}.`;
}

const DEFAULT_IMPORT = `"lanes" has no default export: name what you need, as in \`import { sleep, print } from "lanes"\`. It offers: ${lanesExportList()}.`;

const DYNAMIC_IMPORT = 'import() is not allowed in a playground: import from "lanes" at the top of the file.';
const REQUIRE = 'require() does not exist in a playground: write `import { … } from "lanes"` at the top of the file.';

/** The first place (in source order) that breaks the import policy, if any. */
export function findViolation(program: Program): PolicyViolation | undefined {
  const found: PolicyViolation[] = [];
  for (const statement of program.body as WithSource[]) {
    const specifier = statement.source?.value;
    if (statement.source && specifier !== LANES_SPECIFIER) {
      found.push({ message: forbiddenImportMessage(String(specifier)), node: statement.source });
    } else if (statement.source) {
      found.push(...unknownNames(statement));
    }
  }
  forEachNode(program, (node) => {
    if (node.type === "ImportExpression") found.push({ message: DYNAMIC_IMPORT, node });
    const required = requiredSpecifier(node);
    if (required !== undefined) {
      // `import x = require("y")` in TypeScript becomes this call; it would fail at run time.
      found.push({ message: required === LANES_SPECIFIER ? REQUIRE : forbiddenImportMessage(required), node });
    }
  });
  return found.sort((a, b) => a.node.start - b.node.start)[0];
}

/** The "lanes" string literals of import and export-from statements, to be replaced by a URL. */
export function lanesSpecifiers(program: Program): Literal[] {
  return (program.body as WithSource[])
    .map((statement) => statement.source)
    .filter((source): source is Literal => source?.value === LANES_SPECIFIER);
}

/** The names of an import or export-from of "lanes" that it does not export. */
function unknownNames(statement: WithSource): PolicyViolation[] {
  const found: PolicyViolation[] = [];
  for (const specifier of statement.specifiers ?? []) {
    if (specifier.type === "ImportDefaultSpecifier") found.push({ message: DEFAULT_IMPORT, node: specifier });
    // import { a as b }: `imported` is lanes' name; export { a as b } from: `local` is.
    const named = specifier.type === "ImportSpecifier" ? specifier.imported : specifier.type === "ExportSpecifier" ? specifier.local : undefined;
    const name = named?.name ?? (typeof named?.value === "string" ? named.value : undefined);
    if (named && name !== undefined && !isLanesExport(name)) found.push({ message: unknownNameMessage(name), node: named });
  }
  return found;
}

function requiredSpecifier(node: Node): string | undefined {
  if (node.type !== "CallExpression") return undefined;
  const call = node as Node & { callee: Node & { name?: string }; arguments: (Node & { value?: unknown })[] };
  const first = call.arguments[0];
  if (call.callee.type !== "Identifier" || call.callee.name !== "require") return undefined;
  return first?.type === "Literal" && typeof first.value === "string" ? first.value : undefined;
}

/** Every node of the tree, depth first (acorn nodes are plain objects with a `type`). */
function forEachNode(node: Node, visit: (node: Node) => void): void {
  visit(node);
  for (const [key, value] of Object.entries(node)) {
    if (key === "loc" || !value || typeof value !== "object") continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === "object" && typeof (child as Node).type === "string") forEachNode(child as Node, visit);
    }
  }
}
