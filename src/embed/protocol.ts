// The embed's postMessage protocol: every message between an embedded playground (the iframe)
// and the course page around it (the host), in one place. Each is a plain object whose `type`
// starts with "lanes:". The iframe posts only to its parent; the host posts to the iframe's
// contentWindow. Anything that does not match these schemas is ignored (with one console warning).
// docs/embedding.md documents the same messages for course authors.
import { z } from "zod";
import { ALL_RUNNERS, STATES, type Run } from "../trace/run";

const runner = z.enum(ALL_RUNNERS as [Run["runner"], ...Run["runner"][]]).describe("main, async, workers or python");
const requestId = z.union([z.string().max(200), z.number().finite()]).describe("the host's id for a request, echoed in its answer");
const code = z.string().max(200_000).describe("a program: TypeScript (or Python for the python runner)");
export const THEMES = ["light", "dark", "auto"] as const;
const theme = z.enum(THEMES).describe("auto follows the reader's system setting");

/** A Run record as DESIGN.md specifies it; the optional extensions pass through unchecked. */
export const runSchema = z.looseObject({
  runner,
  ok: z.boolean().describe("main() settled without an error and no task failed unobserved"),
  error: z.object({ message: z.string(), line: z.number().optional(), column: z.number().optional() }).optional().describe("why the run failed"),
  wallMs: z.number().nonnegative().describe("from main() called until it and all its tasks ended"),
  lanes: z.array(z.object({ id: z.string(), label: z.string(), kind: z.enum(["thread", "task"]) })).describe("the timeline's rows"),
  spans: z
    .array(z.looseObject({ lane: z.string(), task: z.string(), state: z.enum(STATES as [Run["spans"][number]["state"], ...Run["spans"][number]["state"][]]), start: z.number(), end: z.number() }))
    .describe("what each task did when, in ms since main() was called"),
  output: z.array(z.looseObject({ t: z.number(), lane: z.string(), task: z.string().optional(), text: z.string() })).describe("printed lines"),
});

/** Messages from the embedded playground to its host. */
export const embedMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("lanes:ready").describe("the playground can take messages") }).strict(),
  z.object({ type: z.literal("lanes:resize"), height: z.number().nonnegative().finite().describe("the content's height in CSS px") }).strict(),
  z
    .object({
      type: z.literal("lanes:result"),
      id: requestId.optional().describe("the id of the lanes:run this answers; absent for a run started in the playground"),
      runs: z.array(runSchema).describe("one Run per runner, in the order run"),
    })
    .strict(),
  z
    .object({
      type: z.literal("lanes:exercise"),
      lesson: z.string().describe("the lesson's slug"),
      exercise: z.string().describe("the playground's id in that lesson"),
      passed: z.boolean(),
    })
    .strict(),
  z.object({ type: z.literal("lanes:error"), message: z.string().describe("what went wrong, in words for the course author") }).strict(),
]);

/** Messages from the host to the embedded playground. */
export const hostMessageSchema = z.discriminatedUnion("type", [
  z
    .object({
      type: z.literal("lanes:run"),
      id: requestId,
      code: code.optional().describe("replaces the editor's code before the run; absent: run what is in the editor"),
      runners: z.array(runner).min(1).max(4).optional().describe("absent: the runners picked in the playground"),
    })
    .strict(),
  z.object({ type: z.literal("lanes:set-code"), code }).strict(),
  z.object({ type: z.literal("lanes:stop") }).strict(),
  z.object({ type: z.literal("lanes:set-theme"), theme }).strict(),
]);

/** Runs are typed as the app's own Run (the schema checks the documented core of it). */
export type EmbedMessage = Exclude<z.infer<typeof embedMessageSchema>, { type: "lanes:result" }> | { type: "lanes:result"; id?: RequestId; runs: Run[] };
export type RequestId = z.infer<typeof requestId>;
export type HostMessage = z.infer<typeof hostMessageSchema>;
export type Theme = (typeof THEMES)[number];

/** A message meant for Lanes at all (its type starts with "lanes:"): others on the channel are someone else's. */
export function isLanesMessage(data: unknown): data is { type: string } {
  return typeof data === "object" && data !== null && typeof (data as { type?: unknown }).type === "string" && (data as { type: string }).type.startsWith("lanes:");
}

/** The host's message if well-formed, else a sentence saying what is wrong with it. */
export function parseHostMessage(data: unknown): { ok: true; message: HostMessage } | { ok: false; problem: string } {
  const parsed = hostMessageSchema.safeParse(data);
  if (parsed.success) return { ok: true, message: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
  return { ok: false, problem: `${issue?.message ?? "not a Lanes message"}${where}` };
}
