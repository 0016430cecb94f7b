// `ts check` functions under Node, for lessons:check: a fresh vm context holding nothing but a
// copy of the runs, with a time limit, so a check behaves as it does in the browser's Worker.
import { runInNewContext } from "node:vm";
import { guardedCheckSource, isBrokenCheck, timedOut } from "../src/lessons/check-script.ts";
import type { CheckFunctionRunner } from "../src/lessons/evaluate-check.ts";

export const runCheckInNode: CheckFunctionRunner = async (js, runs, timeoutMs) => {
  try {
    const verdict: unknown = runInNewContext(`(${guardedCheckSource(js)})(JSON.parse(runsJson))`, { runsJson: JSON.stringify(runs) }, { timeout: timeoutMs });
    if (verdict === true) return true;
    // The vm's objects are of another realm: copy the one field out.
    return isBrokenCheck(verdict) ? { broken: String(verdict.broken) } : String(verdict);
  } catch (e) {
    // Only the time limit gets here: the guarded source catches the check's own errors.
    const message = e instanceof Error ? e.message : String(e);
    return /timed out/i.test(message) ? timedOut(timeoutMs) : { broken: `could not be run: ${message}` };
  }
};
