import { describe, expect, it } from "vitest";
import type { Run } from "../trace/run";
import { embedMessageSchema, isLanesMessage, parseHostMessage } from "./protocol";

const run: Run = {
  runner: "workers",
  ok: true,
  wallMs: 12.5,
  lanes: [{ id: "main", label: "main", kind: "thread" }],
  spans: [{ lane: "main", task: "main", state: "running", start: 0, end: 12.5 }],
  output: [{ t: 1, lane: "main", text: "hi" }],
  tasks: [],
  notes: ["an extension passes through"],
};

describe("embed → host messages", () => {
  const valid = [
    { type: "lanes:ready" },
    { type: "lanes:resize", height: 420 },
    { type: "lanes:result", id: "r1", runs: [run] },
    { type: "lanes:result", id: 7, runs: [] },
    { type: "lanes:result", runs: [run] },
    { type: "lanes:exercise", lesson: "locks", exercise: "p2", passed: true },
    { type: "lanes:error", message: "There is no lesson \"x\"." },
  ];
  for (const message of valid) {
    it(`accepts ${JSON.stringify(message).slice(0, 60)}`, () => {
      expect(embedMessageSchema.safeParse(message).success).toBe(true);
    });
  }

  const invalid: [string, unknown][] = [
    ["an unknown type", { type: "lanes:hello" }],
    ["a negative height", { type: "lanes:resize", height: -1 }],
    ["a height that is a string", { type: "lanes:resize", height: "400px" }],
    ["a run without lanes", { type: "lanes:result", runs: [{ ...run, lanes: undefined }] }],
    ["a run of an unknown runner", { type: "lanes:result", runs: [{ ...run, runner: "gpu" }] }],
    ["a span in an unknown state", { type: "lanes:result", runs: [{ ...run, spans: [{ ...run.spans[0], state: "sleeping" }] }] }],
    ["an exercise without passed", { type: "lanes:exercise", lesson: "a", exercise: "p1" }],
    ["an extra field", { type: "lanes:ready", extra: 1 }],
  ];
  for (const [what, message] of invalid) {
    it(`rejects ${what}`, () => {
      expect(embedMessageSchema.safeParse(message).success).toBe(false);
    });
  }
});

describe("host → embed messages", () => {
  const valid = [
    { type: "lanes:run", id: "a" },
    { type: "lanes:run", id: 3, code: "export default function main() {}", runners: ["workers"] },
    { type: "lanes:run", id: "py", code: "print(1)", runners: ["python"] },
    { type: "lanes:set-code", code: "" },
    { type: "lanes:stop" },
    { type: "lanes:set-theme", theme: "dark" },
    { type: "lanes:set-theme", theme: "auto" },
  ];
  for (const message of valid) {
    it(`accepts ${JSON.stringify(message).slice(0, 60)}`, () => {
      expect(parseHostMessage(message)).toMatchObject({ ok: true, message });
    });
  }

  const invalid: [string, unknown][] = [
    ["a run without an id", { type: "lanes:run", code: "x" }],
    ["an unknown runner", { type: "lanes:run", id: "a", runners: ["threads"] }],
    ["no runners at all", { type: "lanes:run", id: "a", runners: [] }],
    ["code that is not text", { type: "lanes:set-code", code: 42 }],
    ["code over the cap", { type: "lanes:set-code", code: "x".repeat(200_001) }],
    ["an unknown theme", { type: "lanes:set-theme", theme: "sepia" }],
    ["a message of the other direction", { type: "lanes:ready" }],
    ["a misspelt field", { type: "lanes:run", id: "a", runner: ["main"] }],
    ["a string", "lanes:stop"],
    ["null", null],
  ];
  for (const [what, message] of invalid) {
    it(`rejects ${what}`, () => {
      const parsed = parseHostMessage(message);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.problem.length).toBeGreaterThan(0);
    });
  }
});

describe("isLanesMessage", () => {
  it("recognises Lanes' messages by their type's prefix", () => {
    expect(isLanesMessage({ type: "lanes:stop" })).toBe(true);
    expect(isLanesMessage({ type: "lanes:nonsense" })).toBe(true);
  });
  it("leaves other senders' messages alone", () => {
    expect(isLanesMessage({ type: "webpackOk" })).toBe(false);
    expect(isLanesMessage("lanes:stop")).toBe(false);
    expect(isLanesMessage(undefined)).toBe(false);
  });
});
