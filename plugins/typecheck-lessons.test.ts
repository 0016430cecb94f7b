import { describe, expect, it } from "vitest";
import { transpileCheck, typecheckUnits, type TypecheckUnit } from "./typecheck-lessons.ts";

const unit = (role: TypecheckUnit["role"], code: string): TypecheckUnit => ({ file: "lessons/01-x.md", line: 20, code, role, label: role === "check" ? 'ts check of "p1"' : 'playground "p1"' });
const messages = (...units: TypecheckUnit[]) => typecheckUnits(units).map((p) => `${p.line}:${p.column} ${p.message}`);

describe("typecheckUnits", () => {
  it("accepts a playground that uses the lanes module correctly", () => {
    expect(messages(unit("playground", 'import { sleep, print } from "lanes";\nexport default async function main() {\n  await sleep(10);\n  print("ok");\n}\n'))).toEqual([]);
  }, 30_000); // the first call starts the TypeScript compiler: over 5 s on a loaded machine

  it("places a type error on its line and column in the lesson file", () => {
    expect(messages(unit("playground", 'import { work } from "lanes";\nexport default function main() {\n  work("a lot");\n}\n'))).toEqual([
      "23:8 The playground \"p1\" does not compile against the lanes module: Argument of type 'string' is not assignable to parameter of type 'number'. Fix the code: a student would see this error in the editor.",
    ]);
  });

  it("refuses a name the lanes module does not export", () => {
    expect(messages(unit("playground", 'import { nap } from "lanes";\nexport default function main() { nap(); }\n'))[0]).toMatch(/^21:10 .*has no exported member 'nap'/);
  });

  it("checks without the DOM, as the editor does", () => {
    expect(messages(unit("playground", "export default function main() { document.title = 'x'; }\n"))[0]).toMatch(/^21:34 .*Cannot find name 'document'/);
  });

  it("refuses a playground without a default export", () => {
    expect(messages(unit("playground", "export function main() {}\n"))).toEqual([expect.stringMatching(/^20:1 The playground "p1" has no usable default export: it must export its main function/)]);
  });

  it("gives a ts check the Run types", () => {
    expect(messages(unit("check", "export default function check(runs: Run[]): true | string {\n  return runs.every((r) => r.ok) || 'fix it';\n}\n"))).toEqual([]);
  });

  it("places a check's type error on its line, as the check's own", () => {
    expect(messages(unit("check", "export default function check(runs: Run[]): true | string {\n  return runs[0]?.outptu ? true : 'x';\n}\n"))).toEqual([
      "22:19 The ts check of \"p1\" does not compile: Property 'outptu' does not exist on type 'Run'. Did you mean 'output'? Fix the check (the Run types are those of src/trace/run.ts).",
    ]);
  });

  it("refuses a check that returns something else", () => {
    expect(messages(unit("check", "export default function check(runs: Run[]) { return runs.length; }\n"))).toEqual([expect.stringMatching(/^20:1 The ts check of "p1" has no usable default export: it must export a function that returns true or a message/)]);
  });

  it("refuses a check that imports", () => {
    expect(messages(unit("check", 'import { print } from "lanes";\nexport default function check(): true { print(1); return true; }\n'))).toEqual([expect.stringMatching(/^21:1 A check cannot import anything/)]);
  });

  it("keeps the blocks of different lessons apart", () => {
    const a = unit("playground", "const x = 1;\nexport default function main() { return x; }\n");
    expect(messages(a, { ...a, file: "lessons/02-y.md" })).toEqual([]);
  });
});

describe("transpileCheck", () => {
  it("turns a check into a script that sets exports.default", () => {
    expect(transpileCheck("export default function check(runs: Run[]): true { return true; }")).toMatch(/exports\.default = check/);
  });

  describe("a playground with a helper file", () => {
    const helpers = { name: "helpers.ts", line: 40, code: 'import { sleep } from "lanes";\nexport async function wait(ms: number) {\n  await sleep(ms);\n}\n' };
    const withFiles = (code: string, files = [helpers], checkFiles = true): TypecheckUnit => ({ ...unit("playground", code), files, checkFiles });

    it("resolves ./helpers and ./helpers.ts to the file, with its types", () => {
      expect(messages(withFiles('import { wait } from "./helpers";\nexport default async function main() { await wait(1); }\n'))).toEqual([]);
      expect(messages(withFiles('import { wait } from "./helpers.ts";\nexport default async function main() { await wait(1); }\n'))).toEqual([]);
    });

    it("finds a type error across the files", () => {
      expect(messages(withFiles('import { wait } from "./helpers";\nexport default async function main() { await wait("1"); }\n'))[0]).toMatch(/^22:\d+ .*Argument of type 'string' is not assignable/);
    });

    it("reports an error inside the helper file at the file's own line, once", () => {
      const broken = { ...helpers, code: 'export function f(): number {\n  return "x";\n}\n' };
      const main = 'import { f } from "./helpers";\nexport default function main() { f(); }\n';
      expect(messages(withFiles(main, [broken]), withFiles(main, [broken], false))).toEqual([
        "42:3 The file helpers.ts of playground \"p1\" does not compile against the lanes module: Type 'string' is not assignable to type 'number'. Fix the code: a student would see this error in the editor.",
      ]);
    });

    it("does not let another playground's file be imported", () => {
      expect(messages(unit("playground", 'import { wait } from "./helpers";\nexport default function main() { void wait; }\n'), withFiles("export default function main() {}\n"))[0]).toMatch(/^21:\d+ .*Cannot find module '\.\/helpers'/);
    });
  });
});
