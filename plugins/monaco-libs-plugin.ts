// Monaco's TypeScript worker carries every lib.*.d.ts TypeScript has (3.2 MB), 2.6 MB of it the
// DOM and web-worker declarations. Student programs are compiled with lib: ["es2023"] and no DOM
// (monaco-setup.ts), so those files can never be read: this drops them from the worker's bundle.
import type { Plugin } from "vite";

const LIB_FILE_MAP = /monaco-editor[\\/]esm[\\/]vs[\\/]languages[\\/]features[\\/]typescript[\\/]lib[\\/]lib\.js$/;
/** The default lib (lib.d.ts), DOM, web worker, scripthost and the *.full bundles that include the DOM. */
const UNUSED_LIB = /^libFileMap\["lib\.(?:d\.ts|(?:dom|webworker|scripthost)[^"]*|[^"]*\.full\.d\.ts)"\] = /;

/**
 * Keeps the lib files a program with `lib: ["es…"]` can reach. Each entry of lib.js starts a
 * line (`libFileMap["lib.x.d.ts"] = …;`), some as template literals over many lines.
 */
export function pruneLibFileMap(code: string): string {
  const exportAt = code.lastIndexOf("\nexport { libFileMap }");
  if (exportAt < 0) throw new Error("monaco-editor's lib.js has changed shape: update plugins/monaco-libs-plugin.ts.");
  const entries = code.slice(0, exportAt).split(/\n(?=libFileMap\[")/);
  return entries.filter((entry) => !UNUSED_LIB.test(entry)).join("\n") + code.slice(exportAt);
}

export function monacoLibsPlugin(): Plugin {
  return {
    name: "lanes-monaco-libs",
    transform(code, id) {
      if (!LIB_FILE_MAP.test(id)) return undefined;
      return { code: pruneLibFileMap(code), map: null };
    },
  };
}
