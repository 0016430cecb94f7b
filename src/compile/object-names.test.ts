import { parse } from "acorn";
import { describe, expect, it } from "vitest";
import { compileProgram, sourcePosition } from "./transpile";
import { nameInsertions } from "./object-names";

const URL = "blob:lanes";
const names = (js: string) => nameInsertions(parse(js, { ecmaVersion: "latest", sourceType: "module" })).map((i) => i.text);

describe("object names", () => {
  it("wraps a primitive stored in a variable with its name", () => {
    expect(names('import { Lock } from "lanes"; const a = new Lock();')).toEqual(['$__lanesName("a", ', ")"]);
  });

  it("follows renamed imports, namespace imports and plain assignments", () => {
    expect(names('import { Queue as Q } from "lanes"; let q; q = new Q({ capacity: 2 });')).toEqual(['$__lanesName("q", ', ")"]);
    expect(names('import * as lanes from "lanes"; const e = new lanes.Event();')).toEqual(['$__lanesName("e", ', ")"]);
  });

  it("leaves other classes and unnamed objects alone", () => {
    expect(names('import { Pool } from "lanes"; const p = new Pool(); const m = new Map();')).toEqual([]);
    expect(names('import { Lock } from "lanes"; f(new Lock()); const [x] = [new Lock()];')).toEqual([]);
    expect(names('class Lock {} const a = new Lock();')).toEqual([]);
  });

  it("keeps lines, links the naming function, and maps columns after it back", () => {
    const source = 'import { Lock } from "lanes";\nexport default async function main() { const a = new Lock(); a.boom(); }';
    const { js } = compileProgram(source, URL);
    expect(js.split("\n")[1]).toContain('const a = $__lanesName("a", new Lock());');
    expect(js).toContain(`import { $__lanesName } from ${JSON.stringify(URL)};`);
    const column = (js.split("\n")[1] ?? "").indexOf("boom") + 1;
    expect(sourcePosition(source, 2, column)).toEqual({ line: 2, column: source.split("\n")[1]!.indexOf("boom") + 1 });
  });
});
