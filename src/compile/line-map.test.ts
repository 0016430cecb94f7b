import { describe, expect, it, vi } from "vitest";
import type * as sucrase from "sucrase";
import { transform } from "sucrase";
import { compileProgram } from "./transpile";

// Every sucrase transform counted: locating an error must not run one (issue 9).
vi.mock("sucrase", async (importOriginal) => {
  const real = await importOriginal<typeof sucrase>();
  return { ...real, transform: vi.fn(real.transform) };
});

const LANES_URL = "blob:http://localhost:4173/lanes-shim-0001";
const MAIN = "export default async function main() {}";

describe("LineMap: an error's place without a second compile", () => {
  it("locates errors of a fresh program without running sucrase again", () => {
    const source = `${MAIN}\nexport function f(a: number, b: Map<string, number>) { return (a as any).boom(b); }`;
    const { js, lineMap } = compileProgram(source, LANES_URL);
    const column = (js.split("\n")[1] ?? "").indexOf("boom") + 1;
    vi.mocked(transform).mockClear();
    expect(lineMap.position(2, column)).toEqual({ line: 2, column: source.split("\n")[1]!.indexOf("boom") + 1 });
    expect(transform).not.toHaveBeenCalled();
  });

  it("makes sucrase's source map once, only where the columns cannot be matched up", () => {
    // A parameter property becomes `this.a = a;`: not the source line with pieces removed.
    const source = `${MAIN}\nexport class C { constructor(private readonly a: number) { (this as any).boom(a); } }`;
    const { js, lineMap } = compileProgram(source, LANES_URL);
    const column = (js.split("\n")[1] ?? "").indexOf("boom") + 1;
    vi.mocked(transform).mockClear();
    expect(lineMap.position(2, column).line).toBe(2);
    expect(lineMap.position(2, column + 1).line).toBe(2);
    expect(transform).toHaveBeenCalledTimes(1);
  });
});
