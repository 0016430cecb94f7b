import type { Literal, Node, Program } from "acorn";
import { closest } from "../lessons/did-you-mean";
import { LANES_VALUES, isLanesExport, lanesExportList } from "./lanes-exports";
import { fileOfSpecifier, specifierOf } from "./program-files";

// Security: a playground program must not reach the network, so "lanes" and the lesson's own
// helper files (program-files.ts) are the only modules it may name; a helper file may name
// "lanes" only. Static imports are checked from the AST; import() is refused outright, because its
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

/** What a module may import besides "lanes". */
export interface ImportScope {
  /**
   * The helper files the module may import, each with the names it exports ("default"
   * included), or null when they cannot be known before it runs (an `export * from`).
   */
  files: ReadonlyMap<string, readonly string[] | null>;
  /** The module is itself a helper file (it may import only "lanes"). */
  helper?: string;
}

const NO_FILES: ImportScope = { files: new Map() };

export function forbiddenImportMessage(specifier: string, scope: ImportScope = NO_FILES): string {
  const quoted = JSON.stringify(specifier);
  if (scope.helper) return `A helper file can import only from "lanes", not from ${quoted} (${scope.helper} is imported by the playground's code, which may import the other files). "lanes" offers: ${lanesExportList()}.`;
  const files = [...scope.files.keys()].map((file) => JSON.stringify(specifierOf(file)));
  if (files.length === 0) return `A playground can import only from "lanes", not from ${quoted}. "lanes" offers: ${lanesExportList()}.`;
  return `A playground can import only from "lanes" and the lesson's files (${files.join(", ")}), not from ${quoted}. "lanes" offers: ${lanesExportList()}.`;
}

function unknownFileNameMessage(name: string, file: string, offered: readonly string[]): string {
  const named = offered.filter((n) => n !== "default");
  const near = closest(name, named);
  const hint = near ? ` (did you mean "${near}"?)` : "";
  if (name === "default") return `${file} has no default export: name what you need, as in \`import { ${named[0] ?? "x"} } from "${specifierOf(file)}"\`.`;
  return `${file} has no export named ${JSON.stringify(name)}${hint}. It exports: ${named.length > 0 ? named.join(", ") : "nothing yet (write export before what the program needs)"}.`;
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
export function findViolation(program: Program, scope: ImportScope = NO_FILES): PolicyViolation | undefined {
  const found: PolicyViolation[] = [];
  const files = scope.helper ? [] : [...scope.files.keys()];
  for (const statement of program.body as WithSource[]) {
    const specifier = statement.source?.value;
    if (!statement.source) continue;
    const file = typeof specifier === "string" ? fileOfSpecifier(specifier, files) : undefined;
    if (file !== undefined) found.push(...unknownFileNames(statement, file, scope.files.get(file) ?? null));
    else if (specifier !== LANES_SPECIFIER) found.push({ message: forbiddenImportMessage(String(specifier), scope), node: statement.source });
    else found.push(...unknownNames(statement));
  }
  forEachNode(program, (node) => {
    if (node.type === "ImportExpression") found.push({ message: DYNAMIC_IMPORT, node });
    const required = requiredSpecifier(node);
    if (required !== undefined) {
      // `import x = require("y")` in TypeScript becomes this call; it would fail at run time.
      const allowed = required === LANES_SPECIFIER || fileOfSpecifier(required, files) !== undefined;
      found.push({ message: allowed ? requireMessage(required) : forbiddenImportMessage(required, scope), node });
    }
  });
  return found.sort((a, b) => a.node.start - b.node.start)[0];
}

function requireMessage(specifier: string): string {
  return specifier === LANES_SPECIFIER ? REQUIRE : `require() does not exist in a playground: write \`import { … } from ${JSON.stringify(specifier)}\` at the top of the file.`;
}

/** An import or export-from's specifier and the module it names ("lanes" or a helper file). */
export interface ModuleSpecifier {
  node: Literal;
  /** LANES_SPECIFIER, or the helper file's name. */
  module: string;
}

/** The string literals of import and export-from statements that name "lanes" or a helper file, to be replaced by URLs. */
export function moduleSpecifiers(program: Program, files: readonly string[] = []): ModuleSpecifier[] {
  const found: ModuleSpecifier[] = [];
  for (const { source } of program.body as WithSource[]) {
    if (typeof source?.value !== "string") continue;
    const module = source.value === LANES_SPECIFIER ? LANES_SPECIFIER : fileOfSpecifier(source.value, files);
    if (module !== undefined) found.push({ node: source, module });
  }
  return found;
}

/** The names of an import or export-from of a helper file that it does not export. */
function unknownFileNames(statement: WithSource, file: string, offered: readonly string[] | null): PolicyViolation[] {
  if (offered === null) return [];
  const found: PolicyViolation[] = [];
  for (const specifier of statement.specifiers ?? []) {
    const named =
      specifier.type === "ImportSpecifier" ? specifier.imported : specifier.type === "ExportSpecifier" ? specifier.local : undefined;
    const name = specifier.type === "ImportDefaultSpecifier" ? "default" : (named?.name ?? (typeof named?.value === "string" ? named.value : undefined));
    if (name !== undefined && !offered.includes(name)) found.push({ message: unknownFileNameMessage(name, file, offered), node: named ?? specifier });
  }
  return found;
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
