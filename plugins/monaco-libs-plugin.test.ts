import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { pruneLibFileMap } from "./monaco-libs-plugin.ts";

const libJs = readFileSync(createRequire(import.meta.url).resolve("monaco-editor/languages/features/typescript/lib/lib.js"), "utf8");
const names = (code: string) => [...code.matchAll(/^libFileMap\["([^"]+)"\]/gm)].map((m) => m[1]);

describe("pruneLibFileMap", () => {
  const kept = names(pruneLibFileMap(libJs));

  it("keeps every ES lib a program may ask for", () => {
    for (const lib of ["lib.es5.d.ts", "lib.es2023.d.ts", "lib.es2023.array.d.ts", "lib.es2017.sharedmemory.d.ts", "lib.esnext.d.ts", "lib.decorators.d.ts"]) expect(kept).toContain(lib);
  });

  it("drops the DOM, web worker and full libs", () => {
    expect(kept.filter((n) => /dom|webworker|scripthost|full|^lib\.d\.ts$/.test(n ?? ""))).toEqual([]);
    expect(names(libJs).length - kept.length).toBeGreaterThan(15);
  });

  it("leaves a module that still runs and exports the map", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "lanes-lib-")), "lib.mjs");
    writeFileSync(file, pruneLibFileMap(libJs));
    const { libFileMap } = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { libFileMap: Record<string, string> };
    expect(Object.keys(libFileMap).sort()).toEqual([...kept].sort());
    expect(libFileMap["lib.es2023.d.ts"]).toContain('/// <reference lib="es2022" />');
  });

  it("refuses a lib.js of another shape rather than guessing", () => {
    expect(() => pruneLibFileMap("export const libFileMap = {};")).toThrow(/has changed shape/);
  });
});
