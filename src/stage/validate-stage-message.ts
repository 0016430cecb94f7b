// Every message that reaches the app on a stage's port, checked against the union in
// protocol.ts before anything reads it. A stage runs the student's code, which can post on the
// stage's behalf anything structured clone allows; what is not a StageToApp is a sentence.
import type { Runner } from "../trace/run";
import type { StageProgress, StageToApp } from "./protocol";
import { parseRun, RUN_LIMITS, type Parsed } from "./validate-run";

const invalid = (what: string): Parsed<never> => ({ ok: false, message: `The program's page sent a message Lanes does not understand: ${what}.` });

function progress(value: unknown): StageProgress | null | undefined {
  if (value === null) return null;
  if (typeof value !== "object" || Array.isArray(value)) return undefined;
  const { submitted, done } = value as Record<string, unknown>;
  const count = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n) && n >= 0;
  return count(submitted) && count(done) && done <= submitted ? { submitted, done } : undefined;
}

/** Iterations of work() per ms, or 0 where it has not been measured. */
function isRate(value: unknown): value is number {
  return typeof value === "number" && value >= 0 && Number.isFinite(value);
}

/** Read `data` as a message from the stage running `runner`. */
export function parseStageMessage(data: unknown, runner: Runner): Parsed<StageToApp> {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return invalid("it is not an object");
  const message = data as Record<string, unknown>;
  switch (message.type) {
    case "ready": {
      const rate = message.itersPerMs;
      if (!isRate(rate)) return invalid("ready without a work() calibration");
      return { ok: true, value: { type: "ready", itersPerMs: rate } };
    }
    case "started":
      return { ok: true, value: { type: "started" } };
    case "update": {
      const p = progress(message.progress);
      if (p === undefined) return invalid("an update whose progress is not two counts");
      const run = parseRun(message.run, runner);
      return run.ok ? { ok: true, value: { type: "update", run: run.value, progress: p } } : run;
    }
    case "done": {
      const rate = message.itersPerMs;
      if (!isRate(rate)) return invalid("done without a work() calibration");
      const run = parseRun(message.run, runner);
      return run.ok ? { ok: true, value: { type: "done", run: run.value, itersPerMs: rate } } : run;
    }
    case "fault": {
      const text = message.message;
      if (typeof text !== "string") return invalid("a fault without a message");
      return { ok: true, value: { type: "fault", message: text.slice(0, RUN_LIMITS.label) } };
    }
    default:
      return invalid(typeof message.type === "string" ? `its type is ${JSON.stringify(message.type.slice(0, 40))}` : "it has no type");
  }
}
