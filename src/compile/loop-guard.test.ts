import { parse } from "acorn";
import { describe, expect, it } from "vitest";
import { guardInsertions, reservedNameUse, unguardedColumn, type Insertion } from "./loop-guard";

const guard = (js: string): { insertions: Insertion[]; guarded: string } => {
  const insertions = guardInsertions(parse(js, { ecmaVersion: "latest", sourceType: "module", locations: true }));
  let guarded = "";
  let from = 0;
  for (const { at, text } of insertions) {
    guarded += js.slice(from, at) + text;
    from = at;
  }
  return { insertions, guarded: guarded + js.slice(from) };
};

describe("the loop guard's insertions", () => {
  it("call the guard first thing in every kind of loop, with the loop's line", () => {
    const js = ["for (;;) { a(); }", "while (x) { b(); }", "do { c(); } while (y);", "for (const k in o) {}", "for (const v of w) {}", "async function f() { for await (const v of w) {} }"].join("\n");
    expect(guard(js).guarded.split("\n")).toEqual([
      "for (;;) {$__lanesLoop(1); a(); }",
      "while (x) {$__lanesLoop(2); b(); }",
      "do {$__lanesLoop(3); c(); } while (y);",
      "for (const k in o) {$__lanesLoop(4);}",
      "for (const v of w) {$__lanesLoop(5);}",
      "async function f() { for await (const v of w) {$__lanesLoop(6);} }",
    ]);
  });

  it("wrap a body that is a single statement, also nested and empty ones", () => {
    expect(guard("while (a) while (b) i++;").guarded).toBe("while (a) {$__lanesLoop(1);while (b) {$__lanesLoop(1);i++;}}");
    expect(guard("for (;;) ;").guarded).toBe("for (;;) {$__lanesLoop(1);;}");
    expect(guard("do x(); while (y)").guarded).toBe("do {$__lanesLoop(1);x();} while (y)");
  });

  it("reach loops inside functions, classes and arrow functions, and leave other code alone", () => {
    const js = "class A { m() { return [1].map((n) => { while (n) n--; return n; }); } }\nconst s = `for (;;) {}`;";
    const { guarded } = guard(js);
    expect(guarded).toContain("while (n) {$__lanesLoop(1);n--;}");
    expect(guarded).toContain("const s = `for (;;) {}`;");
  });

  it("map a guarded column back to the unguarded one, line by line", () => {
    const js = "let t = 0;\nfor (;;) { go(); } for (;;) { stop(); }\nend();";
    const { insertions, guarded } = guard(js);
    const line2 = guarded.split("\n")[1] ?? "";
    const original2 = js.split("\n")[1] ?? "";
    for (const word of ["go", "stop", "} for", "();"]) expect(unguardedColumn(js, insertions, 2, line2.indexOf(word))).toBe(original2.indexOf(word));
    expect(unguardedColumn(js, insertions, 2, line2.indexOf("$__lanesLoop"))).toBe(original2.indexOf("{") + 1); // inside a call: where it was put
    expect(unguardedColumn(js, insertions, 1, 4)).toBe(4);
    expect(unguardedColumn(js, insertions, 3, 2)).toBe(2);
    expect(unguardedColumn(js, insertions, 9, 2)).toBe(2); // no such line
  });
});

describe("the loop guard's reserved name", () => {
  const reserved = (js: string) => reservedNameUse(parse(js, { ecmaVersion: "latest", sourceType: "module", locations: true }))?.message;

  it("refuses a local function named like the guard, which would shadow it", () => {
    expect(reserved("function $__lanesLoop() {}\nwhile (true) {}")).toMatch(/`\$__lanesLoop` is reserved for Lanes.*rename it/);
  });

  it("refuses every declaration, parameter, import and reference of the prefix", () => {
    for (const js of ["const $__lanesLoop = () => 0;", "function f($__lanesX) {}", 'import { $__lanesLoop } from "lanes";', "$__lanesLoop = null;", "class A { #$__lanesLoop = 1 }"]) {
      expect(reserved(js), js).toBeDefined();
    }
  });

  it("lets ordinary names through, and the name inside a string", () => {
    expect(reserved('const lanesLoop = 1; const s = "$__lanesLoop"; // $__lanesLoop in a comment')).toBeUndefined();
  });
});
