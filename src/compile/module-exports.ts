import type { Identifier, Literal, Node, Pattern, Program } from "acorn";

// Workers import the program afresh and look tasks up by export name (as Python's process
// pools pickle functions by name), so the runners need the list of what the module exports.

/** Names of the module's top-level named exports, in source order; "default" is not one. */
export function exportedNames(program: Program): string[] {
  const names: string[] = [];
  for (const statement of program.body) {
    if (statement.type === "ExportAllDeclaration") {
      // `export * from` adds names only the other module knows; `export * as ns` adds one.
      const name = nameOf(statement.exported);
      if (name) names.push(name);
    }
    if (statement.type !== "ExportNamedDeclaration") continue;
    const declaration = statement.declaration;
    if (declaration?.type === "FunctionDeclaration" || declaration?.type === "ClassDeclaration") {
      names.push(declaration.id.name);
    }
    if (declaration?.type === "VariableDeclaration") {
      for (const declarator of declaration.declarations) names.push(...bindingNames(declarator.id));
    }
    for (const specifier of statement.specifiers) {
      const name = nameOf(specifier.exported);
      if (name !== undefined && name !== "default") names.push(name);
    }
  }
  return names;
}

/** Whether the module has a default export: `export default …` or `export { main as default }`. */
export function hasDefaultExport(program: Program): boolean {
  return program.body.some(
    (statement) =>
      statement.type === "ExportDefaultDeclaration" ||
      (statement.type === "ExportNamedDeclaration" && statement.specifiers.some((s) => nameOf(s.exported) === "default")),
  );
}

/** Whether a module re-exports all of another's names (`export * from`): its names are then not all known. */
export function exportsAll(program: Program): boolean {
  return program.body.some((statement) => statement.type === "ExportAllDeclaration" && !statement.exported);
}

/** `export const { a, b: [c, ...d] } = x` exports a, c and d. */
function bindingNames(pattern: Pattern): string[] {
  switch (pattern.type) {
    case "Identifier":
      return [pattern.name];
    case "ObjectPattern":
      return pattern.properties.flatMap((p) => bindingNames(p.type === "RestElement" ? p.argument : p.value));
    case "ArrayPattern":
      return pattern.elements.flatMap((element) => (element ? bindingNames(element) : []));
    case "AssignmentPattern":
      return bindingNames(pattern.left);
    case "RestElement":
      return bindingNames(pattern.argument);
    default:
      return []; // MemberExpression: only in assignments, never in a declaration.
  }
}

/** `export { a as "quoted name" }` is legal, so an exported name is an Identifier or a string. */
function nameOf(node: Identifier | Literal | Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === "Identifier") return (node as Identifier).name;
  const value = (node as Literal).value;
  return typeof value === "string" ? value : undefined;
}
