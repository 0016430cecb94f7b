import { parse, type Node, type Program } from "acorn";
import { transform } from "sucrase";
import { CompileError, positionOf } from "./compile-error";
import { findViolation, moduleSpecifiers, LANES_SPECIFIER, type ImportScope } from "./import-policy";
import { fileNamespaceExport } from "./program-files";
import { exportedNames, exportsAll, hasDefaultExport } from "./module-exports";
import { originalPosition, type MapPosition } from "./source-map";
import { AWAIT_SITE_NAMES, compilerInsertions } from "./await-sites";
import { LOOP_GUARD_NAME } from "../runtime/loop-guard";
import { NAME_OBJECT } from "../runtime/object-name";
import { guardImport, reservedNameUse, unguardedColumn, type Insertion } from "./loop-guard";
import { isParserError, syntaxErrorAt } from "./syntax-error";

export interface CompiledProgram {
  /** ES module text: types gone, "lanes" replaced by the runtime's URL, lines as in the source. */
  js: string;
  /** Top-level named exports, in source order: the functions workers can be sent. */
  exports: string[];
  hasDefault: boolean;
  /** It has an `export * from`: more names than `exports` (they come from the other module). */
  exportsAll: boolean;
  /** Where a place in `js` is in the source: a lookup, kept with the program (errors use it). */
  lineMap: LineMap;
  /**
   * Where `js` names a helper file (a string literal, `"./helpers.ts"` until linked), by offset
   * in `js`, in order: linkModule() writes each file's URL there. Empty without helper files.
   */
  links: FileLink[];
}

/** A helper file's specifier in a compiled module: [start, end) of its string literal. */
export interface FileLink {
  file: string;
  start: number;
  end: number;
}

/** A compiled module with each helper file's specifier replaced by that file's module URL. */
export function linkModule(compiled: Pick<CompiledProgram, "js" | "links">, urls: Readonly<Record<string, string>>): string {
  let out = "";
  let from = 0;
  for (const { file, start, end } of compiled.links) {
    const url = urls[file];
    if (url === undefined) throw new Error(`No module URL for ${file}.`);
    out += compiled.js.slice(from, start) + JSON.stringify(url);
    from = end;
  }
  return out + compiled.js.slice(from);
}

export const MISSING_MAIN =
  "The program needs `export default async function main() { … }` — Lanes calls it to start the run.";

/**
 * Student TypeScript -> a loadable ES module. Sucrase strips the types and keeps every line
 * where it was, so a runtime error's line is the line the student sees; acorn then parses the
 * output for real, so every syntax error has a place, and the import policy reads a real AST.
 * Throws CompileError (with a 1-based line and column when there is a place).
 */
export function compileProgram(source: string, lanesUrl: string, scope?: ImportScope): CompiledProgram {
  // Eliding unused imports (as tsc does) matters: a name used only as a type and kept in the
  // output would fail to link. The policy reads a second pass that keeps every import, so an
  // unused "lodash" is still refused rather than silently dropped.
  const js = stripTypes(source, false);
  const program = parseOutput(js, source, false);
  const everyImport = stripTypes(source, true);
  const policyTree = everyImport === js ? program : parseOutput(everyImport, source, true);
  const violation = findViolation(policyTree, scope);
  if (violation) {
    const place = toSource(source, true, startOf(violation.node, everyImport));
    throw new CompileError(violation.message, place.line, place.column + 1);
  }
  const reserved = reservedNameUse(policyTree);
  if (reserved) {
    const place = toSource(source, true, startOf(reserved.node, everyImport));
    throw new CompileError(reserved.message, place.line, place.column + 1);
  }
  // A helper file is imported by name, not called: it needs no main.
  const hasDefault = hasDefaultExport(program);
  if (!hasDefault && !scope?.helper) throw new CompileError(MISSING_MAIN);
  const url = JSON.stringify(lanesUrl);
  const { insertions, guards, sites, names: named } = compilerInsertions(program);
  const specifiers = moduleSpecifiers(program, scope?.helper ? [] : [...(scope?.files.keys() ?? [])]);
  const edits: Edit[] = [
    ...specifiers.map(({ node, module }) =>
      module === LANES_SPECIFIER ? { start: node.start, end: node.end, text: url } : { start: node.start, end: node.end, text: JSON.stringify(`./${module}`), link: module },
    ),
    ...insertions.map(({ at, text }) => ({ start: at, end: at, text })),
  ];
  const names = [...(guards ? [LOOP_GUARD_NAME] : []), ...(sites ? AWAIT_SITE_NAMES : []), ...(named ? [NAME_OBJECT] : [])];
  const edited = applyEdits(js, edits);
  let linked = edited.text + (names.length > 0 ? `\n${guardImport(url, names)}\n` : "");
  // The main module re-exports each file it imports under a name no student can write, so
  // whoever imports the main module alone (a worker) reaches the tasks defined in them.
  const links = edited.links;
  for (const file of new Set(links.map((link) => link.file))) {
    const head = `\nexport * as ${JSON.stringify(fileNamespaceExport(file))} from `;
    const literal = JSON.stringify(`./${file}`);
    links.push({ file, start: linked.length + head.length, end: linked.length + head.length + literal.length });
    linked += `${head}${literal};\n`;
  }
  return { js: linked, exports: exportedNames(program), hasDefault, exportsAll: exportsAll(program), lineMap: new LineMap(source, js, insertions), links };
}

/**
 * A compiled program's places in its source. Built with the program, so an error costs a
 * lookup: no compile, no parse (1,000 failing tasks used to re-run both 1,000 times). Columns
 * are matched up against the compile's own output; the one expensive piece, sucrase's source
 * map, is made only if that fails (then once, and kept). Every place asked for is remembered
 * (a thousand tasks failing at one throw ask one place).
 */
export class LineMap {
  #mapped: MappedOutput | undefined;
  /** Sucrase's source map's mappings once made (null: it made none). */
  #mappings: string | null | undefined;
  #places = new Map<string, { line: number; column: number }>();

  constructor(
    private readonly source: string,
    /** sucrase's output before the compiler's insertions */
    private readonly js: string,
    private readonly insertions: readonly Insertion[],
  ) {}

  /** 1-based line and column in the compiled module (as in V8 stack frames) -> in the source. */
  position(line: number, column: number): { line: number; column: number } {
    const key = `${line}:${column}`;
    const known = this.#places.get(key);
    if (known) return known;
    let place: { line: number; column: number };
    try {
      const unguarded = unguardedColumn(this.js, this.insertions, line, column - 1);
      // Sucrase's output is the compile's own `js`: no second transform unless the columns
      // cannot be matched up and only its source map can say (mappings, made then and kept).
      this.#mapped ??= {
        lines: this.js.split("\n"),
        sourceLines: this.source.split("\n"),
        mappings: () => {
          if (this.#mappings === undefined) this.#mappings = mappedOutput(this.source, false).mappings() ?? null;
          return this.#mappings ?? undefined;
        },
      };
      const found = toSource(this.source, false, { line, column: unguarded }, this.#mapped);
      place = { line: found.line, column: found.column + 1 };
    } catch {
      place = { line, column }; // nothing better to say than what we were given
    }
    this.#places.set(key, place);
    return place;
  }
}

/**
 * Where a place in the compiled module is in the student's source, compiling it to find out:
 * for tests and one-off callers. Runs use the program's LineMap.
 */
export function sourcePosition(source: string, line: number, column: number): { line: number; column: number } {
  let map: LineMap;
  try {
    const js = stripTypes(source, false);
    const program = parseOutput(js, source, false);
    map = new LineMap(source, js, compilerInsertions(program).insertions);
  } catch {
    return { line, column }; // not compilable: nothing better to say than what we were given
  }
  return map.position(line, column);
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

/**
 * Error path only: where a place in sucrase's output is in the source. Lines never move, and
 * sucrase only removes text from a line (types), so the output line is the source line with
 * pieces taken out: matching its characters up finds the column. Sucrase's own source map is
 * the fallback only: it loses its columns after a template literal (every later segment then
 * points at one source column).
 */
function toSource(source: string, keepUnusedImports: boolean, generated: MapPosition, mapped = mappedOutput(source, keepUnusedImports)): MapPosition {
  const { lines, sourceLines } = mapped;
  const outputLine = lines[generated.line - 1];
  const sourceLine = sourceLines[generated.line - 1];
  const column = outputLine === undefined || sourceLine === undefined ? undefined : alignedColumn(outputLine, sourceLine, generated.column);
  if (column !== undefined) return { line: generated.line, column };
  const mappings = mapped.mappings();
  return mappings !== undefined ? originalPosition(mappings, generated) : generated;
}

interface MappedOutput {
  /** sucrase's output, by line */
  lines: string[];
  sourceLines: string[];
  /** Its source map's mappings, asked for only when the columns cannot be matched up. */
  mappings(): string | undefined;
}

function mappedOutput(source: string, keepUnusedImports: boolean): MappedOutput {
  const { code, sourceMap } = transform(source, { ...options(keepUnusedImports), filePath: "program.ts", sourceMapOptions: { compiledFilename: "program.js" } });
  return { lines: code.split("\n"), sourceLines: source.split("\n"), mappings: () => sourceMap?.mappings };
}

/**
 * Column `column` of `output` in `source`, where `output` is `source` with pieces removed;
 * undefined if it is not. Of all the ways to match the characters up, the one that removes the
 * fewest separate pieces wins: sucrase removes whole annotations (`: Map<string, number>`), so
 * matching a `b` inside `number` instead of the parameter `b` would cost an extra piece.
 */
export function alignedColumn(output: string, source: string, column: number): number | undefined {
  if (output === source) return column;
  if (column === output.length) return source.length;
  if (column < 0 || column > output.length) return undefined;
  const n = output.length;
  const m = source.length;
  const width = n + 1;
  const NONE = 1 << 30;
  // matched[i·width + j]: fewest removed pieces to match output[0, j) within source[0, i), the
  // last source character kept; removing[…]: the same, the last source character removed.
  const matched = new Int32Array((m + 1) * width).fill(NONE);
  const removing = new Int32Array((m + 1) * width).fill(NONE);
  matched[0] = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= n; j++) {
      const here = i * width + j;
      const kept = matched[here] as number;
      const gone = removing[here] as number;
      if (kept === NONE && gone === NONE) continue;
      const skip = here + width;
      removing[skip] = Math.min(removing[skip] as number, gone, kept + 1);
      if (j < n && source[i] === output[j]) matched[skip + 1] = Math.min(matched[skip + 1] as number, kept, gone);
    }
  }
  let i = m;
  let j = n;
  let inRemoved = (removing[i * width + j] as number) < (matched[i * width + j] as number);
  if (Math.min(matched[i * width + j] as number, removing[i * width + j] as number) === NONE) return undefined;
  while (i > 0) {
    const here = i * width + j;
    const back = here - width;
    if (inRemoved) {
      // Came from a removal that continues, or one that started here.
      inRemoved = removing[back] === removing[here];
      i -= 1;
      continue;
    }
    if (j - 1 === column) return i - 1;
    const value = matched[here] as number;
    inRemoved = matched[back - 1] !== value && removing[back - 1] === value;
    i -= 1;
    j -= 1;
  }
  return undefined;
}

function startOf(node: Node, text: string): MapPosition {
  return node.loc ? { line: node.loc.start.line, column: node.loc.start.column } : zeroBased(positionOf(text, node.start));
}

function zeroBased(place: { line: number; column: number }): MapPosition {
  return { line: place.line, column: place.column - 1 };
}

/** A stretch [start, end) to replace by `text`; `link`: the text names this helper file. */
interface Edit {
  start: number;
  end: number;
  text: string;
  link?: string;
}

/** Replace [start, end) stretches (an empty one inserts), by offset, in one pass; where the links went. */
function applyEdits(js: string, edits: Edit[]): { text: string; links: FileLink[] } {
  let out = "";
  let from = 0;
  const links: FileLink[] = [];
  for (const { start, end, text, link } of [...edits].sort((a, b) => a.start - b.start)) {
    out += js.slice(from, start);
    if (link !== undefined) links.push({ file: link, start: out.length, end: out.length + text.length });
    out += text;
    from = end;
  }
  return { text: out + js.slice(from), links };
}
