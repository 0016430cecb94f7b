/**
 * Workers import the program afresh, so a function can reach them only by its export name
 * (as Python's process pools pickle functions by qualified name).
 */
export function exportNameOf(fn: unknown, exports: Record<string, unknown>): string {
  if (typeof fn !== "function") throw new TypeError(`A task must be a function, got ${typeof fn}.`);
  for (const [name, value] of Object.entries(exports)) {
    if (value === fn && name !== "default") return name;
  }
  const named = fn.name && !fn.name.startsWith("bound ") ? `\`${fn.name}\`` : "This function";
  throw new TypeError(
    `${named} is not a top-level export, so workers cannot import it: move it to the top level of the program and export it (export function ${fn.name || "task"}(…) { … }). ` +
      "Each worker imports your program afresh and finds the function by its name, as Python's process pools do; closures and arrow functions defined inside main() cannot be sent.",
  );
}
