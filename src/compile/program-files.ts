// A program may be split into files as real ones are: the playground's own code (the main
// module, which default-exports main) and the lesson's helper files (```ts file=helpers.ts),
// which it imports as "./helpers" or "./helpers.ts". Nothing else is reachable: the import
// policy refuses any other specifier, so a second file never opens a way to the network.

/** One helper file of a program: `name` is `<identifier>.ts`. */
export interface ProgramFile {
  name: string;
  code: string;
}

/** The helper file a relative specifier names ("./helpers" or "./helpers.ts"), if any. */
export function fileOfSpecifier(specifier: string, files: readonly string[]): string | undefined {
  if (!specifier.startsWith("./")) return undefined;
  const rest = specifier.slice(2);
  return files.find((name) => name === rest || name === `${rest}.ts`);
}

/** How an import of a helper file is written: "./helpers" for helpers.ts. */
export function specifierOf(file: string): string {
  return `./${file.replace(/\.ts$/, "")}`;
}

/**
 * The export under which the main module re-exports a helper file's namespace, so a page and a
 * worker that import only the main module both reach a task defined in a helper file
 * (export-name.ts). A string export name: no identifier a student writes can be the same.
 */
export function fileNamespaceExport(file: string): string {
  return `lanes:file:${file}`;
}

/** The file a `fileNamespaceExport` names, or undefined for any other export. */
export function fileOfNamespaceExport(name: string): string | undefined {
  return name.startsWith("lanes:file:") ? name.slice("lanes:file:".length) : undefined;
}
