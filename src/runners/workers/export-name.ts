import { fileNamespaceExport, fileOfNamespaceExport } from "../../compile/program-files";

// A task defined in a helper file is reached through the main module's namespace export of
// that file (transpile.ts), so its name is the file's and the function's: "helpers.ts#heavy".
const IN_FILE = "#";

/**
 * Workers import the program afresh, so a function can reach them only by its export name
 * (as Python's process pools pickle functions by qualified name). One exported from a helper
 * file the program imports is named by the file too.
 */
export function exportNameOf(fn: unknown, exports: Record<string, unknown>): string {
  if (typeof fn !== "function") throw new TypeError(`A task must be a function, got ${typeof fn}.`);
  for (const [name, value] of Object.entries(exports)) {
    if (value === fn && name !== "default") return name;
  }
  for (const [name, namespace] of Object.entries(exports)) {
    const file = fileOfNamespaceExport(name);
    if (file === undefined || !namespace || typeof namespace !== "object") continue;
    for (const [inner, value] of Object.entries(namespace)) {
      if (value === fn && inner !== "default") return `${file}${IN_FILE}${inner}`;
    }
  }
  const named = fn.name && !fn.name.startsWith("bound ") ? `\`${fn.name}\`` : "This function";
  throw new TypeError(
    `${named} is not a top-level export, so workers cannot import it: move it to the top level of the program (or of a helper file it imports) and export it (export function ${fn.name || "task"}(…) { … }). ` +
      "Each worker imports your program afresh and finds the function by its name, as Python's process pools do; closures and arrow functions defined inside main() cannot be sent.",
  );
}

/** The name a student wrote for the function exportNameOf() named ("heavy" for "helpers.ts#heavy"), for labels. */
export function functionName(exportName: string): string {
  const split = exportName.indexOf(IN_FILE);
  return split >= 0 && exportName.endsWith(".ts", split) ? exportName.slice(split + 1) : exportName;
}

/** The function exportNameOf() named, in a worker's import of the same program (undefined: none). */
export function taskByName(exports: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(exports, name)) return exports[name]; // `export { f as "a#b" }` is the program's own
  const split = name.indexOf(IN_FILE);
  if (split < 0) return undefined;
  const namespace = exports[fileNamespaceExport(name.slice(0, split))];
  return namespace && typeof namespace === "object" ? (namespace as Record<string, unknown>)[name.slice(split + 1)] : undefined;
}
