// Loading and saving progress, one lesson per key, against any Storage. The rules, in order:
// nothing that cannot be read is ever overwritten before a copy of it is kept aside; a lesson
// that cannot be saved (full disk, kept-aside copy impossible) fails alone and says so; the
// single-key store of earlier versions is migrated on first load and removed only once its
// content is safe in the new keys.

import {
  KEPT_ASIDE_PREFIX,
  LEGACY_KEY,
  RECORD_PREFIX,
  addRecord,
  readLegacy,
  readRecord,
  recordKey,
  serializeRecord,
  splitByLesson,
  type LessonRecord,
} from "./lesson-records";
import type { Progress } from "./progress-schema";

export type WriteFailure = "full" | "unavailable" | "kept-aside-failed";

/** A stored value that could not be read (entirely or in part), and where its copy went. */
export interface KeptAside {
  /** The key it was read from. */
  from: string;
  /** Where the copy is; null when even the copy could not be written (then `from` is left untouched). */
  to: string | null;
  problem: string;
}

export interface Loaded {
  progress: Progress;
  keptAside: KeptAside[];
  /** Lessons that must not be written this session: their unreadable value could not be copied. */
  locked: Set<string>;
  /** What is in storage now, per lesson key (so the first save writes only what changed). */
  written: Map<string, string>;
  /** A write during loading (the migration) that failed. */
  failure: WriteFailure | null;
}

function isQuota(error: unknown): boolean {
  return error instanceof DOMException && (error.name === "QuotaExceededError" || error.code === 22);
}

/** `setItem` that reports instead of throwing: a quota error is a result, never swallowed. */
export function write(storage: Storage, key: string, value: string): WriteFailure | null {
  try {
    storage.setItem(key, value);
    return null;
  } catch (error) {
    return isQuota(error) ? "full" : "unavailable";
  }
}

function keysOf(storage: Storage): string[] {
  const keys: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key !== null) keys.push(key);
    }
  } catch {
    /* an unreadable storage lists nothing */
  }
  return keys;
}

function read(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

/** Copy an unreadable value to a key of its own, unique by time, before anything overwrites it. */
function keepAside(storage: Storage, from: string, raw: string, problem: string, now: number): KeptAside {
  const to = `${KEPT_ASIDE_PREFIX}${from}@${new Date(now).toISOString()}`;
  const existing = read(storage, to);
  const failed = existing === null ? write(storage, to, raw) !== null : existing !== raw;
  if (failed) console.warn(`lanes: saved progress under "${from}" could not be read (${problem}), and there is no room to keep a copy: it is left as it is.`);
  else console.warn(`lanes: saved progress under "${from}" could not be read (${problem}); a copy was kept as "${to}".`);
  return { from, to: failed ? null : to, problem };
}

export function loadProgress(storage: Storage, now = Date.now()): Loaded {
  const loaded: Loaded = { progress: { blocks: {}, visited: {} }, keptAside: [], locked: new Set(), written: new Map(), failure: null };
  const stored = new Set<string>();
  for (const key of keysOf(storage)) {
    if (!key.startsWith(RECORD_PREFIX)) continue;
    const slug = key.slice(RECORD_PREFIX.length);
    const raw = read(storage, key);
    if (raw === null) continue;
    stored.add(slug);
    const record = readRecord(raw);
    if (record.ok) addRecord(loaded.progress, slug, record.record);
    const problem = record.ok ? record.problems.join("; ") : record.problem;
    if (problem) {
      const kept = keepAside(storage, key, raw, problem, now);
      loaded.keptAside.push(kept);
      if (!kept.to) loaded.locked.add(slug);
    } else loaded.written.set(key, raw);
  }
  migrateLegacy(storage, loaded, stored, now);
  return loaded;
}

/** The single-key store of earlier versions: its lessons not yet stored on their own are moved over. */
function migrateLegacy(storage: Storage, loaded: Loaded, stored: Set<string>, now: number): void {
  const raw = read(storage, LEGACY_KEY);
  if (raw === null) return;
  const legacy = readLegacy(raw);
  let safe = true;
  if ("problem" in legacy || legacy.problems.length > 0) {
    const kept = keepAside(storage, LEGACY_KEY, raw, "problem" in legacy ? legacy.problem : legacy.problems.join("; "), now);
    loaded.keptAside.push(kept);
    safe = kept.to !== null;
  }
  if ("progress" in legacy) {
    for (const [slug, record] of splitByLesson(legacy.progress)) {
      // A lesson already stored on its own was saved after the migration began: it is newer.
      if (stored.has(slug)) continue;
      addRecord(loaded.progress, slug, record);
      const value = serializeRecord(record);
      const failure = write(storage, recordKey(slug), value);
      if (failure) {
        loaded.failure = failure;
        safe = false;
      } else loaded.written.set(recordKey(slug), value);
    }
  }
  if (safe) {
    try {
      storage.removeItem(LEGACY_KEY);
    } catch {
      /* left in place: read again (and skipped lesson by lesson) next time */
    }
  }
}

/** Saves progress lesson by lesson, writing only the lessons that changed since the last save. */
export class ProgressWriter {
  constructor(
    private readonly storage: Storage,
    private readonly written: Map<string, string>,
    private readonly locked: Set<string>,
  ) {}

  /** Save; returns the lessons that could not be saved, and why. */
  save(progress: Progress, changedLessons?: Set<string>): Map<string, WriteFailure> {
    const failures = new Map<string, WriteFailure>();
    const lessons = splitByLesson(progress);
    for (const [slug, record] of lessons) {
      if (changedLessons && !changedLessons.has(slug)) continue;
      const failure = this.saveLesson(slug, record);
      if (failure) failures.set(slug, failure);
    }
    // Lessons no longer in progress (an import that replaced everything) are removed.
    for (const key of [...this.written.keys()]) {
      const slug = key.slice(RECORD_PREFIX.length);
      if (lessons.has(slug) || (changedLessons && !changedLessons.has(slug))) continue;
      try {
        this.storage.removeItem(key);
        this.written.delete(key);
      } catch {
        failures.set(slug, "unavailable");
      }
    }
    return failures;
  }

  private saveLesson(slug: string, record: LessonRecord): WriteFailure | null {
    if (this.locked.has(slug)) return "kept-aside-failed";
    const key = recordKey(slug);
    const value = serializeRecord(record);
    if (this.written.get(key) === value) return null;
    const failure = write(this.storage, key, value);
    if (!failure) this.written.set(key, value);
    return failure;
  }
}
