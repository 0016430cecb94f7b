// Type-checks every playground, solution and `ts check` of the lessons with the TypeScript
// compiler against the `lanes` declarations the editor uses, so a lesson never ships code that
// shows red squiggles to a student. One program for all blocks; library files parsed once.
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import type { LessonProblem } from "../src/lessons/problems.ts";
import { LANES_TYPES } from "../src/runtime/lanes-types.ts";

export interface TypecheckUnit {
  /** The lesson file, as shown in messages. */
  file: string;
  /** File line of the block's opening fence. */
  line: number;
  code: string;
  role: "playground" | "solution" | "check";
  /** How messages name the block, e.g. `playground "race"`. */
  label: string;
  /** The playground's helper files, importable as "./<name>"; a unit checks their own code only when `checkFiles`. */
  files?: readonly { name: string; code: string; line: number }[];
  /** Report the helper files' own errors with this unit (the playground's unit, not its solution's: once is enough). */
  checkFiles?: boolean;
}

// The editor's settings (src/ui/editor/monaco-setup.ts): strict, ES2023, no DOM.
const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2023.d.ts"],
  types: [],
  strict: true,
  noEmit: true,
  // A program may import its helper file as "./helpers.ts" as well as "./helpers".
  allowImportingTsExtensions: true,
  skipLibCheck: true,
};

const ROOT = join(process.cwd(), "__lanes_lessons__");
const RUN_TYPES = fileURLToPath(new URL("../src/trace/run.ts", import.meta.url));
/** The types of src/trace/run.ts a `ts check` has in scope without importing them (docs/authoring.md lists them). */
export const CHECK_TYPES = ["Run", "Runner", "Span", "State", "Lane", "OutputLine", "TaskInfo", "RunError"] as const;
const CHECK_ENV = `import type * as T from ${JSON.stringify(relative(ROOT, RUN_TYPES).replace(/\\/g, "/").replace(/\.ts$/, ""))};
declare global {
  ${CHECK_TYPES.map((t) => `type ${t} = T.${t};`).join(" ")}
}
export {};`;

// Each block is checked with a companion module that imports its default export, so a missing
// `export default main` (or check function) is an error here rather than at the student's Run.
const COMPANIONS: Record<TypecheckUnit["role"], { source: (m: string) => string; message: string }> = {
  playground: { source: (m) => `import main from "./${m}";\nconst _main: () => unknown = main;\nexport {};`, message: "it must export its main function: export default async function main() { … }" },
  solution: { source: (m) => `import main from "./${m}";\nconst _main: () => unknown = main;\nexport {};`, message: "it must export its main function: export default async function main() { … }" },
  check: { source: (m) => `import check from "./${m}";\nconst _check: (runs: Run[]) => true | string = check;\nexport {};`, message: "it must export a function that returns true or a message: export default function check(runs: Run[]): true | string { … }" },
};

const cache = new Map<string, ts.SourceFile>();
let previous: ts.Program | undefined;

export function typecheckUnits(units: readonly TypecheckUnit[]): LessonProblem[] {
  if (units.length === 0) return [];
  const virtual = new Map<string, string>([[join(ROOT, "lanes.d.ts"), LANES_TYPES], [join(ROOT, "check-env.d.ts"), CHECK_ENV]]);
  // Each unit in a folder of its own, beside its helper files, so "./helpers" is its own.
  units.forEach((unit, i) => {
    virtual.set(join(ROOT, `u${i}`, "main.ts"), unit.code);
    virtual.set(join(ROOT, `u${i}`, "companion.ts"), COMPANIONS[unit.role].source("main"));
    for (const file of unit.files ?? []) virtual.set(join(ROOT, `u${i}`, file.name), file.code);
  });
  const host = ts.createCompilerHost(OPTIONS, true);
  const readFromDisk = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language) => {
    const text = virtual.get(fileName);
    if (text !== undefined) return ts.createSourceFile(fileName, text, language, true);
    const cached = cache.get(fileName);
    if (cached) return cached;
    const file = readFromDisk(fileName, language);
    if (file) cache.set(fileName, file);
    return file;
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => virtual.has(fileName) || fileExists(fileName);
  const directoryExists = host.directoryExists?.bind(host);
  const folders = new Set([ROOT, ...units.map((_, i) => join(ROOT, `u${i}`))]);
  host.directoryExists = (name) => folders.has(name) || (directoryExists ? directoryExists(name) : true);
  host.readFile = ((read) => (fileName: string) => virtual.get(fileName) ?? read(fileName))(host.readFile.bind(host));
  const program = ts.createProgram({ rootNames: [...virtual.keys()], options: OPTIONS, host, oldProgram: previous });
  previous = program;
  return units.flatMap((unit, i) => unitProblems(program, unit, i));
}

function unitProblems(program: ts.Program, unit: TypecheckUnit, index: number): LessonProblem[] {
  const problems: LessonProblem[] = [];
  const report = (line: number, column: number, message: string) => problems.push({ file: unit.file, line, column, message, severity: "error" });
  const source = program.getSourceFile(join(ROOT, `u${index}`, "main.ts"));
  const companion = program.getSourceFile(join(ROOT, `u${index}`, "companion.ts"));
  if (!source || !companion) return problems;
  if (unit.checkFiles) {
    for (const file of unit.files ?? []) {
      const helper = program.getSourceFile(join(ROOT, `u${index}`, file.name));
      if (!helper) continue;
      for (const d of [...program.getSyntacticDiagnostics(helper), ...program.getSemanticDiagnostics(helper)]) {
        const at = helper.getLineAndCharacterOfPosition(d.start ?? 0);
        report(file.line + 1 + at.line, at.character + 1, `The file ${file.name} of ${unit.label} does not compile against the lanes module: ${flatten(d)} Fix the code: a student would see this error in the editor.`);
      }
    }
  }
  for (const d of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
    const at = source.getLineAndCharacterOfPosition(d.start ?? 0);
    const message =
      unit.role === "check"
        ? `The ${unit.label} does not compile: ${flatten(d)} Fix the check (the Run types are those of src/trace/run.ts).`
        : `The ${unit.label} does not compile against the lanes module: ${flatten(d)} Fix the code: a student would see this error in the editor.`;
    report(unit.line + 1 + at.line, at.character + 1, message);
  }
  if (unit.role === "check") {
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) && !ts.isImportEqualsDeclaration(statement)) continue;
      const at = source.getLineAndCharacterOfPosition(statement.getStart(source));
      report(unit.line + 1 + at.line, at.character + 1, `A check cannot import anything: it receives the runs as its argument, and the types ${CHECK_TYPES.join(", ")} are already in scope.`);
    }
  }
  if (problems.length === 0 && program.getSemanticDiagnostics(companion).length > 0) {
    report(unit.line, 1, `The ${unit.label} has no usable default export: ${COMPANIONS[unit.role].message}.`);
  }
  return problems;
}

function flatten(d: ts.Diagnostic): string {
  const text = ts.flattenDiagnosticMessageText(d.messageText, " ").trim();
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** TypeScript of a `ts check` to the script the check evaluators run (see check-script.ts). */
export function transpileCheck(source: string): string {
  return ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, strict: true } }).outputText;
}
