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

/** A `ts check` that could not give a verdict: what went wrong with the check itself, for its author. */
export interface BrokenCheck {
  broken: string;
}

export function isBrokenCheck(value: unknown): value is BrokenCheck {
  return typeof value === "object" && value !== null && typeof (value as BrokenCheck).broken === "string";
}

/** The time limit's verdict, the same wherever the check runs. */
export const timedOut = (ms: number): BrokenCheck => ({ broken: `did not finish within ${ms} ms: does it loop forever?` });

/**
 * JavaScript for a function `(runs) => true | string | { broken }` that never throws: the
 * check's own verdict, or what went wrong with the check itself, which is the author's to fix
 * and never a verdict on the student's code.
 */
export function guardedCheckSource(js: string): string {
  return `function (runs) {
  var check;
  try { check = ${checkFunctionExpression(js)}; } catch (e) { return { broken: "could not load: " + (e && e.message ? e.message : String(e)) }; }
  if (typeof check !== "function") return { broken: "does not export a function: write export default function check(runs: Run[]) { … }" };
  var result;
  try { result = check(runs); } catch (e) { return { broken: "threw " + (e && e.name ? e.name : "an error") + ": " + (e && e.message ? e.message : String(e)) }; }
  if (result === true) return true;
  if (typeof result === "string" && result.length > 0) return result;
  return { broken: "returned " + (typeof result === "string" ? "an empty message" : String(result)) + ": it must return true or a message saying what is missing" };
}`;
}
