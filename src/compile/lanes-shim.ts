// Each realm (the page, every worker) installs its own lanes runtime on a global symbol; the
// shim is the module that compiled programs import in place of "lanes", so the same program
// text links to whichever runtime the importing realm has. A symbol key keeps it off the
// names a student might use.

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

// Words that cannot follow `export const`; a name like these would break the whole shim.
const RESERVED = new Set(
  (
    "await break case catch class const continue debugger default delete do else enum export extends false " +
    "finally for function if implements import in instanceof interface let new null package private protected " +
    "public return static super switch this throw true try typeof var void while with yield arguments eval"
  ).split(" "),
);

/** Whether `name` can be exported as `export const name = …`. */
export function isExportableName(name: string): boolean {
  return IDENTIFIER.test(name) && !RESERVED.has(name);
}

/**
 * Source of the ES module that stands for "lanes": one `export const` per runtime name, read
 * from `globalThis[Symbol.for(globalKey)]` when the module is evaluated in a realm.
 */
export function lanesShimSource(names: readonly string[], globalKey: string): string {
  const unique = [...new Set(names)];
  const bad = unique.find((name) => !isExportableName(name));
  if (bad !== undefined) throw new Error(`lanes shim: ${JSON.stringify(bad)} cannot be exported by name.`);
  const key = JSON.stringify(globalKey);
  return [
    `const runtime = globalThis[Symbol.for(${key})];`,
    // Fail at import with a message, rather than with "cannot read properties of undefined".
    `if (!runtime) throw new Error(${JSON.stringify(`The lanes runtime is not installed in this realm (Symbol.for(${key})).`)});`,
    ...unique.map((name) => `export const ${name} = runtime.${name};`),
    "",
  ].join("\n");
}
