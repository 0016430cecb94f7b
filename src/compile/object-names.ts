// Names for the primitives. `const a = new Lock()` should read "waiting for lock `a`" on the
// timeline and in a deadlock report, not `Lock#1`; the runtime cannot see variable names, the
// compiler can. So a `new` of a lanes primitive that initialises or is assigned to a plain
// variable is wrapped: `const a = $__lanesName("a", new Lock())`. Like the loop guard, every
// insertion stays on its line (columns are mapped back by unguardedColumn).
import type { Node, Program } from "acorn";
import { NAME_OBJECT } from "../runtime/object-name";
import { LANES_SPECIFIER } from "./import-policy";
import { forEachNode, type Insertion } from "./loop-guard";

/** The classes of the lanes module whose objects get names. */
const PRIMITIVES = new Set(["Lock", "Semaphore", "BoundedSemaphore", "Condition", "Event", "Barrier", "Queue"]);

type Named = Node & { name?: string };
type ImportDecl = Node & { source: { value?: unknown }; specifiers: (Node & { imported?: Named; local: Named })[] };
type NewExpr = Node & { callee: Node & { name?: string; object?: Named; property?: Named; computed?: boolean } };

/** The local names the program gives the primitives, and its namespace imports of lanes. */
function primitiveNames(program: Program): { direct: Set<string>; namespaces: Set<string> } {
  const direct = new Set<string>();
  const namespaces = new Set<string>();
  for (const statement of program.body) {
    if (statement.type !== "ImportDeclaration") continue;
    const decl = statement as unknown as ImportDecl;
    if (decl.source.value !== LANES_SPECIFIER) continue;
    for (const spec of decl.specifiers) {
      if (spec.type === "ImportNamespaceSpecifier" && spec.local.name) namespaces.add(spec.local.name);
      else if (spec.type === "ImportSpecifier" && PRIMITIVES.has(spec.imported?.name ?? "") && spec.local.name) direct.add(spec.local.name);
    }
  }
  return { direct, namespaces };
}

/** Insertions that name every `x = new Lock(…)` / `const x = new Queue(…)` of the program. */
export function nameInsertions(program: Program): Insertion[] {
  const { direct, namespaces } = primitiveNames(program);
  if (direct.size === 0 && namespaces.size === 0) return [];
  const isPrimitive = (node: Node | null | undefined): boolean => {
    if (node?.type !== "NewExpression") return false;
    const callee = (node as NewExpr).callee;
    if (callee.type === "Identifier") return direct.has(callee.name ?? "");
    return callee.type === "MemberExpression" && !callee.computed && namespaces.has(callee.object?.name ?? "") && PRIMITIVES.has(callee.property?.name ?? "");
  };
  const insertions: Insertion[] = [];
  const wrap = (name: string, init: Node) => {
    insertions.push({ at: init.start, text: `${NAME_OBJECT}(${JSON.stringify(name)}, ` }, { at: init.end, text: ")" });
  };
  forEachNode(program, (node) => {
    if (node.type === "VariableDeclarator") {
      const { id, init } = node as Node & { id: Named; init: Node | null };
      if (id.type === "Identifier" && id.name && init && isPrimitive(init)) wrap(id.name, init);
    } else if (node.type === "AssignmentExpression") {
      const { left, right, operator } = node as Node & { left: Named; right: Node; operator: string };
      if (operator === "=" && left.type === "Identifier" && left.name && isPrimitive(right)) wrap(left.name, right);
    }
  });
  return insertions;
}

/** The import that links the naming function (at the very end: moves no line). */
export function nameImport(lanesUrlLiteral: string): string {
  return `import { ${NAME_OBJECT} } from ${lanesUrlLiteral};`;
}
