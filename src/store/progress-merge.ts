// Importing a progress file: what it would change, lesson by lesson, and the merge that is the
// default (an import that holds one lesson leaves the others as they are). Pure.

import { lessonOfKey, type BlockProgress, type Progress } from "./progress-schema";

export type ImportMode = "merge" | "replace";

export type BlockChange = "draft added" | "draft replaced" | "draft removed" | "pass added" | "pass removed" | "other progress";

export interface LessonChange {
  slug: string;
  /** Per playground id, what the import does to it (only playgrounds that change). */
  blocks: { id: string; changes: BlockChange[] }[];
  /** Replace only: this lesson's work is not in the file and would be erased. */
  erased: boolean;
}

/** One playground's state after a merge: the file's draft and prediction win; a pass, hints and a revealed solution are never taken away. */
export function mergeBlock(mine: BlockProgress | undefined, theirs: BlockProgress): BlockProgress {
  if (!mine) return theirs;
  const merged: BlockProgress = { ...mine, ...theirs };
  merged.hintsShown = Math.max(mine.hintsShown, theirs.hintsShown);
  merged.solutionShown = mine.solutionShown || theirs.solutionShown;
  if (!theirs.draft && mine.draft) merged.draft = mine.draft;
  const passes = [mine.passedAt, theirs.passedAt].filter((t): t is number => t !== undefined);
  if (passes.length > 0) merged.passedAt = Math.min(...passes);
  if (mine.ran || theirs.ran) merged.ran = [...new Set([...(mine.ran ?? []), ...(theirs.ran ?? [])])].slice(-20);
  // A prediction belongs with its own flags: the file's whole, or else mine whole.
  if (theirs.prediction === undefined && mine.prediction !== undefined) {
    for (const field of ["prediction", "predictedAt", "predictionAfterRun", "predictionSkipped"] as const) delete merged[field];
    const { prediction, predictedAt, predictionAfterRun, predictionSkipped } = mine;
    return { ...merged, ...definedOnly({ prediction, predictedAt, predictionAfterRun, predictionSkipped }) };
  }
  return merged;
}

export function applyImport(current: Progress, incoming: Progress, mode: ImportMode): Progress {
  if (mode === "replace") return incoming;
  const blocks = { ...current.blocks };
  for (const [key, block] of Object.entries(incoming.blocks)) blocks[key] = mergeBlock(current.blocks[key], block);
  const visited = { ...current.visited };
  for (const [slug, when] of Object.entries(incoming.visited)) visited[slug] = Math.min(when, visited[slug] ?? when);
  return { blocks, visited };
}

function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function changesOf(before: BlockProgress | undefined, after: BlockProgress | undefined): BlockChange[] {
  const changes: BlockChange[] = [];
  const draftBefore = before?.draft?.code;
  const draftAfter = after?.draft?.code;
  if (draftBefore === undefined && draftAfter !== undefined) changes.push("draft added");
  else if (draftBefore !== undefined && draftAfter === undefined) changes.push("draft removed");
  else if (draftBefore !== draftAfter) changes.push("draft replaced");
  if (before?.passedAt === undefined && after?.passedAt !== undefined) changes.push("pass added");
  if (before?.passedAt !== undefined && after?.passedAt === undefined) changes.push("pass removed");
  if (changes.length === 0 && JSON.stringify({ ...before, draft: undefined, passedAt: undefined }) !== JSON.stringify({ ...after, draft: undefined, passedAt: undefined })) {
    changes.push("other progress");
  }
  return changes;
}

/** What an import would change, by lesson (sorted by slug); empty when it changes nothing. */
export function describeImport(current: Progress, incoming: Progress, mode: ImportMode): LessonChange[] {
  const after = applyImport(current, incoming, mode);
  const byLesson = new Map<string, LessonChange>();
  const lessonOf = (slug: string) => {
    let lesson = byLesson.get(slug);
    if (!lesson) byLesson.set(slug, (lesson = { slug, blocks: [], erased: false }));
    return lesson;
  };
  for (const key of new Set([...Object.keys(current.blocks), ...Object.keys(after.blocks)])) {
    const changes = changesOf(current.blocks[key], after.blocks[key]);
    if (changes.length > 0) lessonOf(lessonOfKey(key)).blocks.push({ id: key.slice(key.indexOf("/") + 1), changes });
  }
  if (mode === "replace") {
    const kept = new Set([...Object.keys(after.blocks).map(lessonOfKey), ...Object.keys(after.visited)]);
    for (const key of Object.keys(current.blocks)) if (!kept.has(lessonOfKey(key))) lessonOf(lessonOfKey(key)).erased = true;
  }
  return [...byLesson.values()].sort((a, b) => a.slug.localeCompare(b.slug));
}
