// The saved progress of one student: also the format of an exported progress file, so it is
// validated the same way whether it comes from localStorage or from a file someone picked.
// Hand-written rather than zod: it is small, and it ships in the page's first bytes.

/** `<lesson slug>/<playground id>`: one playground's saved state. */
export const blockKey = (lesson: string, block: string): string => `${lesson}/${block}`;
/** Where a playground's helper file's draft is saved: beside its playground's, one record per file ("<lesson>/<id>:helpers.ts"). */
export const fileDraftKey = (playgroundKey: string, file: string): string => `${playgroundKey}:${file}`;
/** A playground's Python twin as the student edited it: a block of its own, beside the
 *  playground's (ids are `[a-z0-9-]`, so `.python` never meets another playground's). */
export const pythonBlockKey = (lesson: string, block: string): string => blockKey(lesson, `${block}.python`);
/** The lesson a block key belongs to (slugs have no `/`). */
export const lessonOfKey = (key: string): string => key.slice(0, Math.max(0, key.indexOf("/"))) || key;

export interface Draft {
  /** The student's code as last edited. */
  code: string;
  /** When it was saved (ms since epoch). */
  savedAt: number;
  /**
   * The fingerprint of the lesson's code the draft was edited from, so a page can tell that the
   * lesson has changed since. Absent in drafts saved before it was recorded: unknown, not stale.
   */
  starter?: string;
}

export interface BlockProgress {
  /** Edited code; absent means the lesson's original. */
  draft?: Draft;
  /** How many hints have been revealed. */
  hintsShown: number;
  /** When the exercise's check first passed. */
  passedAt?: number;
  /** Whether the solution was revealed. */
  solutionShown: boolean;
  /** The student's prediction before the first run. */
  prediction?: string | number;
  /** When the prediction was locked: only runs started later are compared with it. */
  predictedAt?: number;
  /** The prediction was locked after a run of the same program had been seen: not judged. */
  predictionAfterRun?: boolean;
  /** The student chose to run without predicting. */
  predictionSkipped?: boolean;
  /** Fingerprints of the programs run here (the latest few), to tell a guess from hindsight. */
  ran?: string[];
}

/** How many program fingerprints a playground remembers. */
export const MAX_RAN = 20;

export interface Progress {
  /** Per playground, keyed by lesson/playground id. */
  blocks: Record<string, BlockProgress>;
  /** Lessons opened, with when. */
  visited: Record<string, number>;
}

export const EXPORT_KIND = "lanes-progress";
export const EXPORT_VERSION = 1;
/** A longer draft is refused (with a message in the editor), so it can never crowd out the rest. */
export const MAX_DRAFT_CHARS = 200_000;

export type Check<T> = { ok: true; value: T } | { ok: false; path: string; problem: string };
const fail = (path: string, problem: string): { ok: false; path: string; problem: string } => ({ ok: false, path, problem });
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
export const isTime = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0;

/** Validate one playground's saved state (each is checked on its own, so one bad entry loses nothing else). */
export function checkBlock(v: unknown, path: string): Check<BlockProgress> {
  if (!isObject(v)) return fail(path, "expected an object");
  const unknown = Object.keys(v).find((k) => !["draft", "hintsShown", "passedAt", "solutionShown", "prediction", "predictedAt", "predictionAfterRun", "predictionSkipped", "ran"].includes(k));
  if (unknown) return fail(`${path}.${unknown}`, "unknown field");
  const block: BlockProgress = { hintsShown: 0, solutionShown: false };
  if (v.draft !== undefined) {
    const d = v.draft;
    if (!isObject(d) || typeof d.code !== "string" || !isTime(d.savedAt)) return fail(`${path}.draft`, "expected { code, savedAt }");
    if (d.code.length > MAX_DRAFT_CHARS) return fail(`${path}.draft`, `longer than ${MAX_DRAFT_CHARS.toLocaleString("en")} characters`);
    if (d.starter !== undefined && !(typeof d.starter === "string" && d.starter.length <= 16)) return fail(`${path}.draft.starter`, "expected a short text");
    block.draft = { code: d.code, savedAt: d.savedAt, ...(typeof d.starter === "string" ? { starter: d.starter } : {}) };
  }
  if (v.hintsShown !== undefined) {
    if (!Number.isInteger(v.hintsShown) || (v.hintsShown as number) < 0 || (v.hintsShown as number) > 50) return fail(`${path}.hintsShown`, "expected a whole number from 0 to 50");
    block.hintsShown = v.hintsShown as number;
  }
  if (v.passedAt !== undefined) {
    if (!isTime(v.passedAt)) return fail(`${path}.passedAt`, "expected a time");
    block.passedAt = v.passedAt;
  }
  if (v.solutionShown !== undefined) {
    if (typeof v.solutionShown !== "boolean") return fail(`${path}.solutionShown`, "expected true or false");
    block.solutionShown = v.solutionShown;
  }
  if (v.prediction !== undefined) {
    const p = v.prediction;
    if (!(typeof p === "number" && Number.isFinite(p)) && !(typeof p === "string" && p.length <= 200)) return fail(`${path}.prediction`, "expected a number or a short text");
    block.prediction = p;
  }
  if (v.predictedAt !== undefined) {
    if (!isTime(v.predictedAt)) return fail(`${path}.predictedAt`, "expected a time");
    block.predictedAt = v.predictedAt;
  }
  for (const flag of ["predictionAfterRun", "predictionSkipped"] as const) {
    if (v[flag] === undefined) continue;
    if (typeof v[flag] !== "boolean") return fail(`${path}.${flag}`, "expected true or false");
    block[flag] = v[flag];
  }
  if (v.ran !== undefined) {
    const ran = v.ran;
    if (!Array.isArray(ran) || ran.length > MAX_RAN || !ran.every((h) => typeof h === "string" && h.length <= 16)) return fail(`${path}.ran`, `expected at most ${MAX_RAN} short texts`);
    block.ran = [...(ran as string[])];
  }
  return { ok: true, value: block };
}

/** Validate progress from storage or a file: the cleaned value, or where and why it is wrong. */
export function checkProgress(v: unknown): Check<Progress> {
  if (!isObject(v)) return fail("progress", "expected an object");
  if (!isObject(v.blocks)) return fail("progress.blocks", "expected an object");
  const visitedIn = v.visited ?? {};
  if (!isObject(visitedIn)) return fail("progress.visited", "expected an object");
  const blocks: Record<string, BlockProgress> = {};
  for (const [key, value] of Object.entries(v.blocks)) {
    if (key.length > 300) return fail("progress.blocks", "a key is too long");
    const block = checkBlock(value, `blocks.${key}`);
    if (!block.ok) return block;
    blocks[key] = block.value;
  }
  const visited: Record<string, number> = {};
  for (const [slug, when] of Object.entries(visitedIn)) {
    if (slug.length > 200 || !isTime(when)) return fail(`visited.${slug}`, "expected a time");
    visited[slug] = when;
  }
  return { ok: true, value: { blocks, visited } };
}

/** Parse an imported file: the progress, or one sentence saying why it was refused. */
export function readProgressFile(text: string): { ok: true; progress: Progress } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: "This file is not a Lanes progress file: it is not JSON." };
  }
  if (!isObject(json) || json.kind !== EXPORT_KIND) {
    return { ok: false, message: "This file is not a Lanes progress file: export one from the Lanes home page." };
  }
  if (json.version !== EXPORT_VERSION) {
    return { ok: false, message: `This progress file is damaged (version: expected ${EXPORT_VERSION}); nothing was changed.` };
  }
  const checked = checkProgress(json.progress);
  if (!checked.ok) return { ok: false, message: `This progress file is damaged (${checked.path}: ${checked.problem}); nothing was changed.` };
  return { ok: true, progress: checked.value };
}

export function progressFile(progress: Progress, now = new Date()): string {
  return JSON.stringify({ kind: EXPORT_KIND, version: EXPORT_VERSION, exportedAt: now.toISOString(), progress }, null, 2);
}
