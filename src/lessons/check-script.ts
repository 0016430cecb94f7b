// A `ts check` block, compiled to a CommonJS-style script at build time, is wrapped the same way
// wherever it runs (a browser Worker, Node's vm), so both see the same function and results.

/** JavaScript for an expression that evaluates the check's script and yields its function. */
export function checkFunctionExpression(js: string): string {
  return [
    "(function () {",
    '"use strict";',
    "var module = { exports: {} }, exports = module.exports;",
    js,
    ';return typeof module.exports === "function" ? module.exports : module.exports.default;',
    "})()",
  ].join("\n");
}

/**
 * JavaScript for a function `(runs) => true | string` that never throws: the check's own
 * verdict, or a sentence saying what went wrong with the check itself.
 */
export function guardedCheckSource(js: string): string {
  return `function (runs) {
  var check;
  try { check = ${checkFunctionExpression(js)}; } catch (e) { return "The check could not load: " + (e && e.message ? e.message : String(e)); }
  if (typeof check !== "function") return "The check does not export a function: write export default function check(runs: Run[]) { … }.";
  var result;
  try { result = check(runs); } catch (e) { return "The check failed with an error: " + (e && e.message ? e.message : String(e)); }
  if (result === true) return true;
  if (typeof result === "string" && result.length > 0) return result;
  return "The check returned " + (typeof result === "string" ? "an empty message" : String(result)) + ": it must return true or a message saying what is missing.";
}`;
}
