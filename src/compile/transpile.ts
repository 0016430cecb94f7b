import { parse, type Node, type Program } from "acorn";
import { transform } from "sucrase";
import { CompileError, positionOf } from "./compile-error";
import { checkImports } from "./import-policy";

export interface CompiledProgram {
  /** ES module text; "lanes" replaced by the runtime's URL; line numbers as in the source. */
  js: string;
  /** Top-level named exports (what workers can be sent). */
  exports: string[];
  hasDefault: boolean;
}

/**
 * Student TypeScript -> a loadable ES module. Sucrase strips the types and keeps every line
 * where it was, so a runtime error's line is the line the student sees; acorn then parses the
 * output for real, so syntax errors carry a line and column too.
 */
export function compileProgram(source: string, lanesUrl: string): CompiledProgram {
  // Sucrase drops imports whose names are unused (as tsc does); the policy must still see them,
  // so a student who imports "lodash" hears that it is not available.
  const everyImport = stripTypes(source, true);
  const js = stripTypes(source, false);
  if (everyImport !== js) checkImports(parseModule(everyImport) as Program & { body: Node[] }, everyImport);
  const program = parseModule(js);
  const lanes = checkImports(program as Program & { body: Node[] }, js);
  const exports = exportedNames(program);
  const hasDefault = program.body.some((node) => node.type === "ExportDefaultDeclaration" || (node.type === "ExportNamedDeclaration" && node.specifiers.some((s) => nameOf(s.exported) === "default")));
  if (!hasDefault) {
    throw new CompileError("The program needs `export default async function main() { … }`: Lanes calls it to start the run.");
  }
  return { js: rewrite(js, lanes, JSON.stringify(lanesUrl)), exports, hasDefault };
}

function parseModule(js: string): Program {
  try {
    return parse(js, { ecmaVersion: "latest", sourceType: "module" });
  } catch (error) {
    throw syntaxError(error, js);
  }
}

function stripTypes(source: string, keepUnusedImports: boolean): string {
  try {
    return transform(source, { transforms: ["typescript"], disableESTransforms: true, production: true, keepUnusedImports }).code;
  } catch (error) {
    throw syntaxError(error, source);
  }
}

/** Sucrase and acorn both report `pos` (an offset) and end their message with "(line:col)". */
function syntaxError(error: unknown, text: string): CompileError {
  const { pos, message } = error as { pos?: number; message?: string };
  const cleaned = String(message ?? error).replace(/\s*\(\d+:\d+\)$/, "");
  if (pos === undefined) return new CompileError(`Syntax error: ${cleaned}`);
  const { line, column } = positionOf(text, pos);
  return new CompileError(`Syntax error: ${cleaned}`, line, column);
}

/** Replace string literals by offset, last first, so earlier offsets stay valid. */
function rewrite(js: string, literals: Node[], replacement: string): string {
  let out = js;
  for (const node of [...literals].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, node.start) + replacement + out.slice(node.end);
  }
  return out;
}

function exportedNames(program: Program): string[] {
  const names: string[] = [];
  for (const node of program.body) {
    if (node.type !== "ExportNamedDeclaration") continue;
    const declaration = node.declaration;
    if (declaration?.type === "FunctionDeclaration" || declaration?.type === "ClassDeclaration") names.push(declaration.id.name);
    if (declaration?.type === "VariableDeclaration") {
      for (const d of declaration.declarations) if (d.id.type === "Identifier") names.push(d.id.name);
    }
    for (const specifier of node.specifiers) {
      const name = nameOf(specifier.exported);
      if (name && name !== "default") names.push(name);
    }
  }
  return names;
}

function nameOf(node: { type: string; name?: string; value?: unknown } | null | undefined): string | undefined {
  if (!node) return undefined;
  return node.type === "Identifier" ? node.name : typeof node.value === "string" ? node.value : undefined;
}
