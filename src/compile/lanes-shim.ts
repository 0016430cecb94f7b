const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Source of the module that stands for "lanes" in one realm: it re-exports the runtime that
 * realm installed at globalThis[Symbol.for(key)], so the page and each worker use their own.
 */
export function lanesShimSource(names: readonly string[], globalKey: string): string {
  for (const name of names) {
    if (!IDENTIFIER.test(name)) throw new Error(`lanes shim: ${JSON.stringify(name)} is not an identifier.`);
  }
  const lines = [
    `const runtime = globalThis[Symbol.for(${JSON.stringify(globalKey)})];`,
    `if (!runtime) throw new Error("The lanes runtime is not installed in this realm.");`,
    ...names.map((name) => `export const ${name} = runtime.${name};`),
  ];
  return lines.join("\n");
}
