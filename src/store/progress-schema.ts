import { z } from "zod";

// The saved progress of one student: also the format of an exported progress file, so it is
// validated the same way whether it comes from localStorage or from a file someone picked.

/** `<lesson slug>/<playground id>`: one playground's saved state. */
export const blockKey = (lesson: string, block: string): string => `${lesson}/${block}`;

export const Draft = z.object({
  code: z.string().max(200_000).describe("The student's code as last edited."),
  savedAt: z.number().describe("When it was saved (ms since epoch)."),
});

export const BlockProgress = z
  .object({
    draft: Draft.optional().describe("Edited code; absent means the lesson's original."),
    hintsShown: z.number().int().min(0).max(50).default(0).describe("How many hints have been revealed."),
    passedAt: z.number().optional().describe("When the exercise's check first passed."),
    solutionShown: z.boolean().default(false).describe("Whether the solution was revealed."),
    prediction: z.union([z.string().max(200), z.number()]).optional().describe("The student's prediction before the first run."),
  })
  .strict();

export const Progress = z
  .object({
    blocks: z.record(z.string().max(300), BlockProgress).describe("Per playground, keyed by lesson/playground id."),
    visited: z.record(z.string().max(200), z.number()).default({}).describe("Lessons opened, with when."),
  })
  .strict();

export type BlockProgress = z.infer<typeof BlockProgress>;
export type Progress = z.infer<typeof Progress>;

export const EXPORT_KIND = "lanes-progress";
export const EXPORT_VERSION = 1;

export const ProgressFile = z
  .object({
    kind: z.literal(EXPORT_KIND).describe("Marks a Lanes progress file."),
    version: z.literal(EXPORT_VERSION).describe("Format version."),
    exportedAt: z.string().describe("ISO date of the export."),
    progress: Progress,
  })
  .strict();

/** Parse an imported file: the progress, or one sentence saying why it was refused. */
export function readProgressFile(text: string): { ok: true; progress: Progress } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: "This file is not a Lanes progress file: it is not JSON." };
  }
  if (typeof json !== "object" || json === null || (json as { kind?: unknown }).kind !== EXPORT_KIND) {
    return { ok: false, message: "This file is not a Lanes progress file: export one from the Lanes home page." };
  }
  const parsed = ProgressFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `This progress file is damaged (${issue?.path.join(".") || "file"}: ${issue?.message ?? "invalid"}); nothing was changed.` };
  }
  return { ok: true, progress: parsed.data.progress };
}

export function progressFile(progress: Progress, now = new Date()): string {
  return JSON.stringify({ kind: EXPORT_KIND, version: EXPORT_VERSION, exportedAt: now.toISOString(), progress }, null, 2);
}
