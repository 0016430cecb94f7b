// How progress sits in localStorage: one key per lesson, so a lesson whose entry is damaged, too
// large or refused by a full disk never takes the others with it.
//
//   lanes-progress:<lesson slug>  →  { "version": 2, "blocks": { "<playground id>": BlockProgress }, "visited"?: ms }
//
// Before this, everything lived under one key (`lanes-progress`, zustand's `{ state, version: 1 }`);
// it is read once and migrated (see progress-persistence.ts). Pure: no storage access here.

import { checkBlock, isObject, isTime, lessonOfKey, type BlockProgress, type Progress } from "./progress-schema";

export const RECORD_PREFIX = "lanes-progress:";
export const RECORD_VERSION = 2;
/** The store of earlier versions: everything under one key. */
export const LEGACY_KEY = "lanes-progress";
/** Where a value that could not be read is copied before anything may overwrite it. */
export const KEPT_ASIDE_PREFIX = "lanes-kept-aside:";

export interface LessonRecord {
  blocks: Record<string, BlockProgress>;
  visited?: number;
}

/** A record read: its valid blocks, and what was wrong with the others (empty when all were fine). */
export type ReadRecord = { ok: true; record: LessonRecord; problems: string[] } | { ok: false; problem: string };

export const recordKey = (slug: string): string => `${RECORD_PREFIX}${slug}`;

export function serializeRecord(record: LessonRecord): string {
  return JSON.stringify({ version: RECORD_VERSION, ...record });
}

/** Parse one lesson's stored value; each block is validated on its own. Never throws. */
export function readRecord(raw: string): ReadRecord {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, problem: "it is not valid JSON" };
  }
  if (!isObject(value)) return { ok: false, problem: "it is not an object" };
  if (value.version !== RECORD_VERSION) return { ok: false, problem: `it has version ${JSON.stringify(value.version) ?? "none"} (this Lanes reads version ${RECORD_VERSION})` };
  if (!isObject(value.blocks)) return { ok: false, problem: "it has no blocks" };
  const record: LessonRecord = { blocks: {} };
  const problems: string[] = [];
  if (value.visited !== undefined) {
    if (isTime(value.visited)) record.visited = value.visited;
    else problems.push("visited: expected a time");
  }
  for (const [id, entry] of Object.entries(value.blocks)) {
    if (id.length > 200 || id.includes("/")) {
      problems.push("a playground id is malformed");
      continue;
    }
    const checked = checkBlock(entry, id);
    if (checked.ok) record.blocks[id] = checked.value;
    else problems.push(`${checked.path}: ${checked.problem}`);
  }
  return { ok: true, record, problems };
}

/** Progress split by lesson, the way it is stored. */
export function splitByLesson(progress: Progress): Map<string, LessonRecord> {
  const lessons = new Map<string, LessonRecord>();
  const recordOf = (slug: string) => {
    let record = lessons.get(slug);
    if (!record) lessons.set(slug, (record = { blocks: {} }));
    return record;
  };
  for (const [key, block] of Object.entries(progress.blocks)) recordOf(lessonOfKey(key)).blocks[key.slice(key.indexOf("/") + 1)] = block;
  for (const [slug, when] of Object.entries(progress.visited)) recordOf(slug).visited = when;
  return lessons;
}

/** Put a lesson's record into progress (blocks keyed `<slug>/<id>` again). */
export function addRecord(progress: Progress, slug: string, record: LessonRecord): void {
  for (const [id, block] of Object.entries(record.blocks)) progress.blocks[`${slug}/${id}`] = block;
  if (record.visited !== undefined) progress.visited[slug] = record.visited;
}

/**
 * Read the single-key store of earlier versions, entry by entry: what can be read, and what could
 * not. `null` when it cannot be read at all (not JSON, another version, another shape).
 */
export function readLegacy(raw: string): { progress: Progress; problems: string[] } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { problem: "it is not valid JSON" };
  }
  if (!isObject(value) || !isObject(value.state)) return { problem: "it is not a Lanes progress store" };
  if (value.version !== 1) return { problem: `it has version ${JSON.stringify(value.version) ?? "none"} (expected 1)` };
  const progress: Progress = { blocks: {}, visited: {} };
  const problems: string[] = [];
  const blocks = isObject(value.state.blocks) ? value.state.blocks : {};
  if (!isObject(value.state.blocks)) problems.push("blocks: expected an object");
  for (const [key, entry] of Object.entries(blocks)) {
    const checked = key.length <= 300 && key.includes("/") ? checkBlock(entry, key) : ({ ok: false, path: key, problem: "malformed key" } as const);
    if (checked.ok) progress.blocks[key] = checked.value;
    else problems.push(`${checked.path}: ${checked.problem}`);
  }
  const visited = value.state.visited ?? {};
  if (isObject(visited)) {
    for (const [slug, when] of Object.entries(visited)) {
      if (slug.length <= 200 && isTime(when)) progress.visited[slug] = when;
      else problems.push(`visited.${slug}: expected a time`);
    }
  } else problems.push("visited: expected an object");
  return { progress, problems };
}
