import { describe, expect, it } from "vitest";
import { CompileError } from "./compile-error";
import { LANES_VALUES } from "./lanes-exports";
import { MISSING_MAIN, alignedColumn, compileProgram, sourcePosition } from "./transpile";

const LANES_URL = "blob:http://localhost:4173/lanes-shim-0001";
const MAIN = "export default async function main() {}";

function compileError(source: string): CompileError {
  try {
    compileProgram(source, LANES_URL);
  } catch (error) {
    if (error instanceof CompileError) return error;
    throw error;
  }
  throw new Error("expected a CompileError");
}

/** 1-based column of the first `text` on a 1-based line of the source. */
function columnOf(source: string, line: number, text: string): number {
  return (source.split("\n")[line - 1] ?? "").indexOf(text) + 1;
}

const program = [
  'import { Pool, sleep, print } from "lanes";',
  "interface Page { n: number }",
  "export async function fetchPage(n: number): Promise<string> {",
  "  await sleep(200);",
  "  return `page ${n}`;",
  "}",
  "export default async function main() {",
  "  const pool = new Pool({ workers: 3 });",
  "  (await pool.map(fetchPage, [1, 2])).forEach((p) => print(p));",
  "}",
].join("\n");

describe("compileProgram: valid programs", () => {
  it("rewrites the lanes import to the runtime URL on the same line", () => {
    const lines = compileProgram(program, LANES_URL).js.split("\n");
    expect(lines[0]).toBe(`import { Pool, sleep, print } from "${LANES_URL}";`);
    expect(lines.join("\n")).not.toContain('"lanes"');
  });

  it("keeps every line where it was", () => {
    const lines = compileProgram(program, LANES_URL).js.split("\n");
    // Ten lines, then only the import that links the compiler's own calls (hoisted: it moves nothing).
    expect(lines.slice(10).filter(Boolean)).toEqual([expect.stringMatching(/^import \{ \$__lanesAt, \$__lanesAtEach \} from /)]);
    expect(lines[3]).toBe("  await $__lanesAt(4,sleep(200));");
    expect(lines[6]).toBe("export default async function main() {");
  });

  it("rewrites export-from and namespace imports of lanes too", () => {
    const { js } = compileProgram(`import * as lanes from "lanes";\nexport { sleep } from 'lanes';\nlanes.print(1);\n${MAIN}`, LANES_URL);
    expect(js.split("\n").slice(0, 2)).toEqual([`import * as lanes from "${LANES_URL}";`, `export { sleep } from "${LANES_URL}";`]);
  });

  it("strips TypeScript syntax: types, interfaces, generics, as", () => {
    const { js } = compileProgram(
      "export const id = <T,>(x: T): T => x as T;\ntype A = { a: 1 };\ninterface B { b: string }\nconst m = new Map<string, number>();\n" + MAIN,
      LANES_URL,
    );
    expect(js).toContain("export const id = (x) => x");
    expect(js).toContain("const m = new Map();");
    expect(js).not.toMatch(/type A|interface|: T|as T|<string/);
  });

  it("keeps ?. and ?? as written", () => {
    const { js } = compileProgram("export default function main() { const a: any = null; return a?.b ?? 1; }", LANES_URL);
    expect(js).toContain("a?.b ?? 1");
  });

  it("drops an import used only as a type, so linking cannot fail on it", () => {
    const { js } = compileProgram(`import { sleep, Queue } from "lanes";\nlet q: Queue<number>;\n${MAIN.replace("{}", "{ await sleep(1); }")}`, LANES_URL);
    // Sucrase leaves the comma: `import { sleep, } from …`, which is valid.
    expect(js.split("\n")[0]).toMatch(/^import \{ sleep,? \} from "blob:/);
  });

  it("lists top-level named exports in order, without the default", () => {
    const result = compileProgram(
      "function a() {}\nexport function b() {}\nexport const c = 1, { d, e: [f] } = { d: 1, e: [2] };\nexport { a as renamed, a as \"quoted name\" };\nexport class E {}\n" + MAIN,
      LANES_URL,
    );
    expect(result.exports).toEqual(["b", "c", "d", "f", "renamed", "quoted name", "E"]);
    expect(result.hasDefault).toBe(true);
  });

  it("accepts `export { main as default }`", () => {
    const result = compileProgram("async function main() {}\nexport { main as default };", LANES_URL);
    expect(result).toMatchObject({ exports: [], hasDefault: true });
  });

  it("allows a type-only import from elsewhere, since nothing of it runs", () => {
    expect(compileProgram(`import type { Thing } from "lodash";\nlet t: Thing;\n${MAIN}`, LANES_URL).js).not.toContain("lodash");
  });
});

describe("compileProgram: errors", () => {
  it("requires a default export, saying how to write it", () => {
    const error = compileError("export async function fetchPage() {}");
    expect(error.message).toBe(MISSING_MAIN);
    expect(error.line).toBeUndefined();
  });

  it("reports a JavaScript syntax error with its line and column", () => {
    const error = compileError("export default function main() {\n  const x = ;\n}");
    expect(error.message).toBe('Syntax error: unexpected ";" here.');
    expect([error.line, error.column]).toEqual([2, 13]);
  });

  it("reports a TypeScript syntax error with its line and column", () => {
    const error = compileError(`${MAIN}\nconst a: = 1;`);
    expect(error.message).toBe('Syntax error: unexpected "=" here.');
    expect([error.line, error.column]).toEqual([2, 10]);
  });

  it("says the program ends too early when a brace is missing", () => {
    expect(compileError("export default function main() {\n  if (x) {\n}\n").message).toMatch(/ends too early: is a closing \}/);
  });

  it("places an error only acorn finds at the column the student wrote", () => {
    const source = `${MAIN}\nfunction f(a: Map<string, number>, b: number) { await a; }`;
    const error = compileError(source);
    expect(error.message).toBe("Syntax error: Cannot use keyword 'await' outside an async function");
    expect([error.line, error.column]).toEqual([2, columnOf(source, 2, "await")]);
  });

  it.each([
    ['import _ from "lodash";', "lodash"],
    ['import { helper } from "./other";', "./other"],
    ['import { x } from "https://evil.example/x.js";', "https://evil.example/x.js"],
    ['export * from "https://evil.example/x.js";', "https://evil.example/x.js"],
    ['import "./side-effect";', "./side-effect"],
  ])("refuses %s at the specifier's line and column", (statement, specifier) => {
    // A type before it on the same line moves the output's columns: the place must not move.
    const source = `let n: number = 1;\nn = 2 as number; ${statement}\nconsole.log(_, helper, x);\n${MAIN}`;
    const error = compileError(source);
    expect(error.message).toBe(`A playground can import only from "lanes", not from "${specifier}". "lanes" offers: ${LANES_VALUES.join(", ")}.`);
    expect([error.line, error.column]).toEqual([2, columnOf(source, 2, `"${specifier}"`)]);
  });

  it("refuses a name lanes does not export, at its line and column, with the nearest one", () => {
    const source = `import { sleep, slep } from "lanes";\n${MAIN}`;
    const error = compileError(source);
    expect(error.message).toBe(`"lanes" has no export named "slep" (did you mean "sleep"?). It offers: ${LANES_VALUES.join(", ")}.`);
    expect([error.line, error.column]).toEqual([1, columnOf(source, 1, "slep }")]);
  });

  it("refuses an unknown name even when it is unused, and under an alias", () => {
    expect(compileError(`import { frobnicate as f } from "lanes";\n${MAIN}`).message).toMatch(/^"lanes" has no export named "frobnicate"\. It offers: /);
  });

  it("refuses an unknown name re-exported from lanes", () => {
    expect(compileError(`export { nothing } from "lanes";\n${MAIN}`).message).toMatch(/^"lanes" has no export named "nothing"/);
  });

  it("refuses a default import of lanes, saying how to import", () => {
    const error = compileError(`import lanes from "lanes";\n${MAIN}`);
    expect(error.message).toMatch(/^"lanes" has no default export: name what you need/);
    expect(error.line).toBe(1);
  });

  it("accepts every name lanes exports, its types and a namespace import", () => {
    const names = [...LANES_VALUES, "PoolOptions", "Thread", "QueueOptions"];
    expect(() => compileProgram(`import { ${names.join(", ")} } from "lanes";\nimport * as l from "lanes";\n${MAIN}`, "blob:lanes")).not.toThrow();
  });

  it("refuses an unused import although it would be dropped", () => {
    expect(compileError(`import { chunk } from "lodash";\n${MAIN}`).line).toBe(1);
  });

  it("refuses TypeScript's import-require form", () => {
    const error = compileError(`${MAIN}\nimport fs = require("fs");`);
    expect(error.message).toMatch(/^A playground can import only from "lanes", not from "fs"\. "lanes" offers: sleep, /);
    expect(error.line).toBe(2);
  });

  it("refuses dynamic import() anywhere, at its place", () => {
    const source = 'export default async function main() {\n  if (1) { const m: unknown = await import("https://x.test/a.js"); }\n}';
    const error = compileError(source);
    expect(error.message).toBe('import() is not allowed in a playground: import from "lanes" at the top of the file.');
    expect([error.line, error.column]).toEqual([2, columnOf(source, 2, "import(")]);
  });

  it("refuses import() even of lanes", () => {
    expect(compileError(`${MAIN}\nconst l = () => import("lanes");`).message).toMatch(/^import\(\) is not allowed/);
  });

  it("reports the first problem in the source", () => {
    expect(compileError(`${MAIN}\nimport("a");\nimport b from "b";`).line).toBe(2);
  });
});

describe("compileProgram: speed", () => {
  it("compiles a 200-line program in a few milliseconds once warm", () => {
    const body = Array.from({ length: 39 }, (_, i) => `export async function f${i}(n: number): Promise<string> {\n  const m: Map<string, number> = new Map();\n  await sleep(n as number);\n  return \`\${n}\${m.size}\`;\n}`);
    const source = ['import { sleep } from "lanes";', ...body, "export default async function main() {", "  await f0(1);", "}"].join("\n");
    for (let i = 0; i < 20; i++) compileProgram(source, LANES_URL); // let the JIT warm up
    const times = Array.from({ length: 10 }, () => {
      const start = performance.now();
      compileProgram(source, LANES_URL);
      return performance.now() - start;
    });
    // Measured ≈ 4 ms alone; the fastest of ten with a generous bound, as other test files
    // share the two cores.
    expect(Math.min(...times)).toBeLessThan(25);
  });
});

describe("sourcePosition", () => {
  it("maps a runtime column in the compiled code to the column the student wrote", () => {
    const source = `${MAIN}\nexport function f(a: Map<string, number>, b: number) { return (a as any).boom(b); }`;
    const js = compileProgram(source, LANES_URL).js.split("\n")[1] ?? "";
    const column = js.indexOf("boom") + 1;
    expect(sourcePosition(source, 2, column)).toEqual({ line: 2, column: columnOf(source, 2, "boom") });
  });

  it("leaves the place alone when the source does not compile", () => {
    expect(sourcePosition("const = ;", 1, 4)).toEqual({ line: 1, column: 4 });
  });

  it("stays right after a template literal (where sucrase's own source map goes wrong)", () => {
    const source = [MAIN, "export function label(n: number) { return `chunk ${n}: ${n * 2}`; }", "", "export const y = (z as number) + missing;"].join("\n");
    const js = compileProgram(source, LANES_URL).js.split("\n")[3] ?? "";
    const column = js.indexOf("missing") + 1;
    expect(sourcePosition(source, 4, column)).toEqual({ line: 4, column: columnOf(source, 4, "missing") });
    expect(sourcePosition(source, 4, 1)).toEqual({ line: 4, column: 1 });
  });
});

describe("alignedColumn", () => {
  it("finds a column of the output in a source line that had types removed", () => {
    const source = "function f(a: number, b: Map<string, number>) { return a + b.size; }";
    const output = "function f(a, b) { return a + b.size; }";
    for (const word of ["f(", "return", "size", "}"]) expect(alignedColumn(output, source, output.indexOf(word))).toBe(source.indexOf(word));
    expect(alignedColumn(output, source, output.indexOf("b)"))).toBe(source.indexOf("b:"));
    expect(alignedColumn(output, source, output.length)).toBe(source.length);
  });

  it("matches what removes the fewest pieces where a removed type repeats a character", () => {
    const source = "let x: Array<(a) => a> = (a) => a;";
    const output = "let x = (a) => a;";
    expect(alignedColumn(output, source, output.indexOf("="))).toBe(source.lastIndexOf("= ("));
    expect(alignedColumn(output, source, output.indexOf("(a)"))).toBe(source.lastIndexOf("(a)"));
    expect(alignedColumn(output, source, output.indexOf("x"))).toBe(source.indexOf("x"));
  });

  it("always lands on the same character, whatever pieces were removed", () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let round = 0; round < 200; round++) {
      const source = Array.from({ length: 5 + random(60) }, () => "ab(): ,<>"[random(9)]).join("");
      let output = "";
      for (let i = 0; i < source.length; i++) if (random(3) > 0) output += source[i];
      for (let column = 0; column < output.length; column++) {
        const at = alignedColumn(output, source, column);
        expect(at === undefined ? undefined : source[at]).toBe(output[column]);
      }
    }
  });

  it("returns the column itself for an unchanged line, and nothing when text was added", () => {
    expect(alignedColumn("same line", "same line", 3)).toBe(3);
    expect(alignedColumn("this.a = a;", "constructor(a)", 2)).toBeUndefined();
  });
});

describe("LineMap: the compiled program's places, kept from its one compile", () => {
  it("maps a column after an await site on the same line back to what the student wrote", () => {
    const source = `${MAIN}\nexport async function f(p: Promise<number>, q: number) { const r: number = await p; return (r as any).boom(q); }`;
    const { js, lineMap } = compileProgram(source, LANES_URL);
    const line = js.split("\n")[1] ?? "";
    expect(line).toContain("await $__lanesAt(2,p)");
    expect(lineMap.position(2, line.indexOf("boom") + 1)).toEqual({ line: 2, column: columnOf(source, 2, "boom") });
  });

  it("answers a place asked again from memory, with the same answer", () => {
    const source = `${MAIN}\nexport function f(a: number) { return (a as any).boom(); }`;
    const { js, lineMap } = compileProgram(source, LANES_URL);
    const column = (js.split("\n")[1] ?? "").indexOf("boom") + 1;
    const first = lineMap.position(2, column);
    expect(lineMap.position(2, column)).toBe(first);
    expect(first).toEqual({ line: 2, column: columnOf(source, 2, "boom") });
  });

  it("falls back on sucrase's source map where the columns cannot be matched up", () => {
    // A parameter property becomes `this.a = a;` in the constructor: not the source line with pieces removed.
    const source = `${MAIN}\nexport class C { constructor(private readonly a: number) { (this as any).boom(a); } }`;
    const { js, lineMap } = compileProgram(source, LANES_URL);
    const line = js.split("\n")[1] ?? "";
    const place = lineMap.position(2, line.indexOf("boom") + 1);
    expect(place.line).toBe(2);
    expect(place).toEqual(sourcePosition(source, 2, line.indexOf("boom") + 1));
  });

  it("costs far less than a compile per error", () => {
    const source = Array.from({ length: 200 }, (_, i) => `export function f${i}(a: number): number { return a * ${i}; }`).join("\n") + `\n${MAIN}`;
    const { lineMap } = compileProgram(source, LANES_URL);
    lineMap.position(100, 30); // the first error makes the mapped output once
    const compiles: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      compileProgram(source, LANES_URL);
      compiles.push(performance.now() - t);
    }
    const started = performance.now();
    for (let i = 0; i < 1000; i++) lineMap.position(1 + (i % 200), 30);
    // 1,000 errors at 200 places used to cost 1,000 compiles; a ratio, as the machine is shared.
    expect(performance.now() - started).toBeLessThan(100 * Math.min(...compiles));
  });
});
