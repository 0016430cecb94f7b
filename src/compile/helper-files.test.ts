import { describe, expect, it } from "vitest";
import { LOOP_GUARD_NAME } from "../runtime/loop-guard";
import { CompileError } from "./compile-error";
import { compileFiles } from "./compile-files";
import { lanesShimSource } from "./lanes-shim";
import { fileNamespaceExport } from "./program-files";
import { locateInStack, userStack } from "./stack-location";
import { linkModule } from "./transpile";

// A program in two files, compiled, linked and imported as the browser does it (from data:
// URLs here, as end-to-end.test.ts does: Node cannot import Blob URLs).

const KEY = "lanes.helper-files-test";
const printed: string[] = [];
const loopLines: number[] = [];
(globalThis as Record<symbol, unknown>)[Symbol.for(KEY)] = {
  print: (...values: unknown[]) => printed.push(values.join(" ")),
  [LOOP_GUARD_NAME]: (line: number) => loopLines.push(line),
};
const dataUrl = (js: string) => `data:text/javascript,${encodeURIComponent(js)}`;
const lanesUrl = dataUrl(lanesShimSource(["print", LOOP_GUARD_NAME], KEY));

const helpers = [
  'import { print } from "lanes";',
  "export function double(n: number): number {",
  "  let total: number = 0;",
  "  for (let i = 0; i < 2; i++) total += n;",
  "  return total;",
  "}",
  "export function broken(): never {",
  '  throw new RangeError("from the helper");',
  "}",
  "export const greeting: string = 'hi';",
  "print('helpers loaded');",
].join("\n");
const main = [
  'import { print } from "lanes";',
  'import { double, broken } from "./helpers";',
  'import { greeting } from "./helpers.ts";',
  "export default function main(): void {",
  "  print(greeting, double(21));",
  "  broken();",
  "}",
].join("\n");
const files = [{ name: "helpers.ts", code: helpers }];

/** Compile, link each helper to its own URL and import the main module; returns the URLs too. */
async function load(source = main, program = files) {
  const compiled = compileFiles(source, program, lanesUrl);
  const urls = Object.fromEntries(compiled.helpers.map((h) => [h.name, dataUrl(linkModule(h.compiled, {}))]));
  const mainUrl = dataUrl(linkModule(compiled.main, urls));
  const module = (await import(/* @vite-ignore */ mainUrl)) as Record<string, unknown>;
  return { compiled, urls, mainUrl, module };
}

function compileError(source: string, program = files): CompileError {
  try {
    compileFiles(source, program, lanesUrl);
  } catch (error) {
    if (error instanceof CompileError) return error;
    throw error;
  }
  throw new Error("expected a CompileError");
}

describe("a program with a helper file", () => {
  it("imports the helper by ./helpers and ./helpers.ts, and runs its code", async () => {
    printed.length = 0;
    const { module } = await load();
    expect(() => (module.default as () => void)()).toThrow("from the helper");
    expect(printed).toEqual(["helpers loaded", "hi 42"]);
  });

  it("re-exports the helper's namespace, so a worker importing the main module alone finds its tasks", async () => {
    const { module } = await load();
    const namespace = module[fileNamespaceExport("helpers.ts")] as Record<string, unknown>;
    expect((namespace.double as (n: number) => number)(5)).toBe(10);
  });

  it("compiles the helper with the loop guard, at the helper's own lines", async () => {
    loopLines.length = 0;
    const { module } = await load();
    const namespace = module[fileNamespaceExport("helpers.ts")] as Record<string, unknown>;
    (namespace.double as (n: number) => number)(1);
    expect(loopLines).toEqual([4, 4]);
  });

  it("finds a runtime error's place in the helper file, with the helper's line map", async () => {
    const { compiled, urls, mainUrl, module } = await load();
    let error: Error | undefined;
    // Called detached, as the runners do: a call through the namespace would be "Proxy.main".
    const mainFn = module.default as () => void;
    try {
      mainFn();
    } catch (caught) {
      error = caught as Error;
    }
    const helperRefs = [{ file: "helpers.ts", url: urls["helpers.ts"] ?? "" }];
    const place = locateInStack(error?.stack ?? "", mainUrl, helperRefs);
    expect(place).toMatchObject({ line: 8, file: "helpers.ts" });
    const column = (helpers.split("\n")[7] ?? "").indexOf("new RangeError") + 1;
    expect(compiled.helpers[0]?.compiled.lineMap.position(place?.line ?? 0, place?.column ?? 0)).toEqual({ line: 8, column });
    expect(userStack(error?.stack ?? "", mainUrl, helperRefs).split("\n")).toEqual([
      expect.stringMatching(/^ {4}at broken \(helpers\.ts:8:\d+\)$/),
      expect.stringMatching(/^ {4}at main \(program\.ts:6:\d+\)$/),
    ]);
  });

  it("links the main module to the URL each run gives the helper (a fresh module state per run)", () => {
    const compiled = compileFiles(main, files, lanesUrl);
    const first = linkModule(compiled.main, { "helpers.ts": "blob:run-1" });
    const second = linkModule(compiled.main, { "helpers.ts": "blob:run-2" });
    // Two imports and the namespace re-export, each naming the run's URL; no relative specifier left.
    expect(first.split('"blob:run-1"')).toHaveLength(4);
    expect(second.split('"blob:run-2"')).toHaveLength(4);
    expect(first).not.toContain("./helpers");
    expect(() => linkModule(compiled.main, {})).toThrow("No module URL for helpers.ts.");
  });

  it("needs no main in a helper file", () => {
    expect(() => compileFiles(main, files, lanesUrl)).not.toThrow();
  });
});

describe("what a program with helper files may import", () => {
  it("refuses another module, naming the lesson's files", () => {
    const error = compileError('import { x } from "./other";\nexport default function main() {}');
    expect(error.message).toContain('A playground can import only from "lanes" and the lesson\'s files ("./helpers"), not from "./other".');
    expect([error.line, error.column, error.file]).toEqual([1, 19, undefined]);
  });

  it("keeps the old refusal when the playground has no files", () => {
    const error = compileError('import { double } from "./helpers";\nexport default function main() {}', []);
    expect(error.message).toMatch(/^A playground can import only from "lanes", not from "\.\/helpers"\./);
  });

  it("refuses a name the helper does not export, at its line, saying what it does export", () => {
    const error = compileError('import { doubel } from "./helpers";\nexport default function main() {}');
    expect(error.message).toBe('helpers.ts has no export named "doubel" (did you mean "double"?). It exports: double, broken, greeting.');
    expect([error.line, error.column]).toEqual([1, 10]);
  });

  it("lets a helper file import only lanes, reporting the refusal in the helper", () => {
    const error = compileError(main, [{ name: "helpers.ts", code: 'export { readFile } from "node:fs";' }]);
    expect(error.message).toMatch(/^A helper file can import only from "lanes", not from "node:fs"/);
    expect([error.file, error.line, error.column]).toEqual(["helpers.ts", 1, 26]);
  });

  it("reports a syntax error in a helper file at the helper's line", () => {
    const error = compileError(main, [{ name: "helpers.ts", code: "export const a = 1;\nexport function (\n" }]);
    expect([error.file, error.line]).toEqual(["helpers.ts", 2]);
    expect(error.toRunError()).toMatchObject({ file: "helpers.ts", line: 2, phase: "compile" });
  });

  it("refuses import() of a helper file, as of anything", () => {
    expect(compileError('export default async function main() { await import("./helpers"); }').message).toMatch(/^import\(\) is not allowed/);
  });
});
