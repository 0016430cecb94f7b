import { describe, expect, it } from "vitest";
import { CompileError } from "./compile-error";
import { compileProgram } from "./transpile";

const URL = "blob:http://localhost/lanes-shim";

function compileError(source: string): CompileError {
  try {
    compileProgram(source, URL);
  } catch (error) {
    if (error instanceof CompileError) return error;
    throw error;
  }
  throw new Error("expected a CompileError");
}

describe("compileProgram", () => {
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

  it("rewrites the lanes import to the runtime URL on the same line", () => {
    const { js } = compileProgram(program, URL);
    const lines = js.split("\n");
    expect(lines[0]).toContain(`from "${URL}"`);
    expect(js).not.toContain('"lanes"');
    expect(lines[6]).toContain("export default async function main()");
  });

  it("strips TypeScript syntax: types, interfaces, generics, as", () => {
    const { js } = compileProgram('export const id = <T,>(x: T): T => x as T;\ntype A = { a: 1 };\nexport default function main(): void {}', URL);
    expect(js).toContain("export const id = (x) => x");
    expect(js).not.toMatch(/type A|: T|as T/);
  });

  it("keeps ?. and ?? as written", () => {
    const { js } = compileProgram("export default function main() { const a: any = null; return a?.b ?? 1; }", URL);
    expect(js).toContain("a?.b ?? 1");
  });

  it("lists top-level named exports and the default", () => {
    const result = compileProgram("function a() {}\nexport function b() {}\nexport const c = 1, d = 2;\nexport { a as renamed };\nexport class E {}\nexport default function main() {}", URL);
    expect(result.exports).toEqual(["b", "c", "d", "renamed", "E"]);
    expect(result.hasDefault).toBe(true);
  });

  it("accepts `export { main as default }`", () => {
    expect(compileProgram("function main() {}\nexport { main as default };", URL).hasDefault).toBe(true);
  });

  it("reports a JavaScript syntax error with its line and column", () => {
    const error = compileError("export default function main() {\n  const x = ;\n}");
    expect(error.message).toMatch(/^Syntax error: Unexpected token/);
    expect(error.line).toBe(2);
    expect(error.column).toBe(13);
  });

  it("reports a TypeScript syntax error with its line", () => {
    const error = compileError("export default function main() {}\nconst a: = 1;");
    expect(error.line).toBe(2);
  });

  it.each([
    ['import _ from "lodash";', "lodash"],
    ['import { x } from "./other";', "./other"],
    ['export * from "https://evil.example/x.js";', "https://evil.example/x.js"],
  ])("refuses %s with its line", (statement, specifier) => {
    const error = compileError(`export default function main() {}\n${statement}`);
    expect(error.message).toBe(`Only "lanes" can be imported in a playground; "${specifier}" is not available.`);
    expect(error.line).toBe(2);
  });

  it("refuses dynamic import() anywhere", () => {
    const error = compileError('export default async function main() {\n  if (1) { await import("https://x.test/a.js"); }\n}');
    expect(error.message).toMatch(/import\(\) is not allowed/);
    expect(error.line).toBe(2);
  });

  it("requires a default export, saying how to write it", () => {
    expect(compileError("export function f() {}").message).toMatch(/export default async function main/);
  });
});
