import { parse, type Node, type Program } from "acorn";
import { transform } from "sucrase";
import { CompileError, positionOf } from "./compile-error";
import { findViolation, lanesSpecifiers } from "./import-policy";
import { exportedNames, hasDefaultExport } from "./module-exports";
import { originalPosition, type MapPosition } from "./source-map";
import { guardImport, guardInsertions, unguardedColumn } from "./loop-guard";
import { isParserError, syntaxErrorAt } from "./syntax-error";

export interface CompiledProgram {
  /** ES module text: types gone, "lanes" replaced by the runtime's URL, lines as in the source. */
  js: string;
  /** Top-level named exports, in source order: the functions workers can be sent. */
  exports: string[];
  hasDefault: boolean;
}

export const MISSING_MAIN =
  "The program needs `export default async function main() { … }` — Lanes calls it to start the run.";

/**
 * Student TypeScript -> a loadable ES module. Sucrase strips the types and keeps every line
 * where it was, so a runtime error's line is the line the student sees; acorn then parses the
 * output for real, so every syntax error has a place, and the import policy reads a real AST.
 * Throws CompileError (with a 1-based line and column when there is a place).
 */
export function compileProgram(source: string, lanesUrl: string): CompiledProgram {
  // Eliding unused imports (as tsc does) matters: a name used only as a type and kept in the
  // output would fail to link. The policy reads a second pass that keeps every import, so an
  // unused "lodash" is still refused rather than silently dropped.
  const js = stripTypes(source, false);
  const program = parseOutput(js, source, false);
  const everyImport = stripTypes(source, true);
  const policyTree = everyImport === js ? program : parseOutput(everyImport, source, true);
  const violation = findViolation(policyTree);
  if (violation) {
    const place = toSource(source, true, startOf(violation.node, everyImport));
    throw new CompileError(violation.message, place.line, place.column + 1);
  }
  if (!hasDefaultExport(program)) throw new CompileError(MISSING_MAIN);
  const url = JSON.stringify(lanesUrl);
  const edits = [
    ...lanesSpecifiers(program).map((node) => ({ start: node.start, end: node.end, text: url })),
    ...guardInsertions(program).map(({ at, text }) => ({ start: at, end: at, text })),
  ];
  const guarded = edits.length > 0 && edits.some((e) => e.start === e.end);
  const linked = applyEdits(js, edits) + (guarded ? `\n${guardImport(url)}\n` : "");
  return { js: linked, exports: exportedNames(program), hasDefault: true };
}

/**
 * Where a place in the compiled module (1-based line and column, as in V8 stack frames) is in
 * the student's source. Lines never move; columns do wherever types were removed.
 */
export function sourcePosition(source: string, line: number, column: number): { line: number; column: number } {
  try {
    const js = stripTypes(source, false);
    const unguarded = unguardedColumn(js, guardInsertions(parseOutput(js, source, false)), line, column - 1);
    const place = toSource(source, false, { line, column: unguarded });
    return { line: place.line, column: place.column + 1 };
  } catch {
    return { line, column }; // not compilable: nothing better to say than what we were given
  }
}

function stripTypes(source: string, keepUnusedImports: boolean): string {
  try {
    return transform(source, options(keepUnusedImports)).code;
  } catch (error) {
    // Sucrase parses the source itself, so its offsets are already the student's.
    if (isParserError(error)) throw syntaxErrorAt(error, source, zeroBased(positionOf(source, error.pos)));
    throw error;
  }
}

function parseOutput(js: string, source: string, keepUnusedImports: boolean): Program {
  try {
    return parse(js, { ecmaVersion: "latest", sourceType: "module", locations: true });
  } catch (error) {
    // Acorn's offsets are in sucrase's output: same line, maybe another column.
    if (isParserError(error)) throw syntaxErrorAt(error, source, toSource(source, keepUnusedImports, zeroBased(positionOf(js, error.pos))));
    throw error;
  }
}

function options(keepUnusedImports: boolean) {
  return { transforms: ["typescript" as const], disableESTransforms: true, production: true, keepUnusedImports };
}

/** Error path only: compile again with a source map (one segment per token) and follow it. */
function toSource(source: string, keepUnusedImports: boolean, generated: MapPosition): MapPosition {
  const { sourceMap } = transform(source, { ...options(keepUnusedImports), filePath: "program.ts", sourceMapOptions: { compiledFilename: "program.js" } });
  return sourceMap ? originalPosition(sourceMap.mappings, generated) : generated;
}

function startOf(node: Node, text: string): MapPosition {
  return node.loc ? { line: node.loc.start.line, column: node.loc.start.column } : zeroBased(positionOf(text, node.start));
}

function zeroBased(place: { line: number; column: number }): MapPosition {
  return { line: place.line, column: place.column - 1 };
}

/** Replace [start, end) stretches (an empty one inserts), by offset, in one pass. */
function applyEdits(js: string, edits: { start: number; end: number; text: string }[]): string {
  let out = "";
  let from = 0;
  for (const { start, end, text } of [...edits].sort((a, b) => a.start - b.start)) {
    out += js.slice(from, start) + text;
    from = end;
  }
  return out + js.slice(from);
}
