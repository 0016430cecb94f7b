// What a lesson's frontmatter may say. `.strict()`: a misspelt field is an error with its line,
// never silently ignored; every `.describe()` text is quoted back to the author in messages.
import { z } from "zod";

export const runnerSchema = z.enum(["main", "async", "workers"]);

export const LEVELS = ["beginner", "intermediate", "advanced"] as const;

export const frontmatterSchema = z
  .object({
    title: z.string().trim().min(1).describe("the lesson's title, shown as its heading and in the lesson list"),
    summary: z.string().trim().min(1).describe("one or two sentences for the lesson list: what the student will see"),
    order: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe("the lesson's place in the course, a whole number; defaults to the number the file name starts with (03-locks.md is 3)"),
    runners: z
      .array(runnerSchema)
      .min(1)
      .optional()
      .describe("the runners a playground offers unless it says otherwise, a list of main, async, workers (default: all three)"),
    level: z.enum(LEVELS).optional().describe("how much the lesson assumes: beginner, intermediate or advanced"),
    minutes: z
      .number()
      .int()
      .min(1)
      .max(120)
      .optional()
      .describe("about how many minutes the lesson takes a student, a whole number (shown in the lesson list)"),
    tags: z.array(z.string().trim().min(1)).optional().describe("topics, a list of words such as [workers, cpu-bound]"),
    timeLimitMs: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("how long a run may take before it is stopped, in milliseconds, unless a playground says otherwise"),
  })
  .strict();

export type Frontmatter = z.infer<typeof frontmatterSchema>;
export type Level = (typeof LEVELS)[number];

/** Options in a playground's info string: ```ts playground id=race runners=main,workers workers=4 */
export const playgroundOptionsSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, "use lower-case letters, digits and dashes")
      .optional()
      .describe("a stable name for the playground, used in its URL and for saved work"),
    runners: z.array(runnerSchema).min(1).optional().describe("the runners this playground offers, comma-separated: runners=main,workers"),
    workers: z.number().int().min(1).max(64).optional().describe("the pool size the playground suggests, a whole number from 1 to 64"),
    timeLimitMs: z.number().int().positive().optional().describe("how long a run may take before it is stopped, in milliseconds"),
  })
  .strict();

export type PlaygroundOptions = z.infer<typeof playgroundOptionsSchema>;
