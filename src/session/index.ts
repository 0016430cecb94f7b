// The run session wired to the real runners (through the stage) and exercise checks.
import { evaluateCheck } from "../lessons/evaluate-check";
import { runProgram } from "../stage/run-in-stage";
import { createRunSession, type SessionDeps, type SessionOptions } from "./run-session";

export type { CheckState, Finished, RunProgress, RunSession, SessionState } from "./run-session";

const realDeps: SessionDeps = {
  runProgram: (code, runners, options) => runProgram(code, runners, options),
  evaluateCheck: (check, runs) => evaluateCheck(check, runs),
};

/** A session for one playground (or one automation client) that runs programs for real. */
export function createSession(options: SessionOptions = {}) {
  return createRunSession(realDeps, options);
}
