import { createStore } from "zustand/vanilla";
import { applyImport, type ImportMode } from "./progress-merge";
import { ProgressWriter, loadProgress, type KeptAside, type WriteFailure } from "./progress-persistence";
import { MAX_DRAFT_CHARS, MAX_RAN, lessonOfKey, type BlockProgress, type Progress } from "./progress-schema";

/** What the app can promise about saving work. */
export type StorageHealth = "ok" | "unavailable" | "full";

export interface ProgressState extends Progress {
  /** Not persisted: whether saving works here. */
  health: StorageHealth;
  /** Saved values that could not be read when the app started, and where their copies are. */
  keptAside: KeptAside[];
  /** Lessons whose latest change is not saved, and why (a full disk, a copy that could not be kept). */
  unsaved: Record<string, WriteFailure>;
  /** `starter`: the fingerprint of the lesson's code the draft was edited from (unknown for old drafts). */
  saveDraft(key: string, code: string, starter?: string): void;
  /** Back to the lesson's code; returns what was dropped, so the UI can offer Undo. */
  resetDraft(key: string): BlockProgress["draft"];
  restoreDraft(key: string, draft: NonNullable<BlockProgress["draft"]>): void;
  revealHint(key: string): void;
  markPassed(key: string): void;
  showSolution(key: string): void;
  /** Lock a prediction; `afterRun`: this program had been seen running, so it is not judged. */
  predict(key: string, value: string | number, afterRun: boolean): void;
  /** Unlock it (allowed until a run has been compared with it). */
  clearPrediction(key: string): void;
  skipPrediction(key: string): void;
  /** Remember that this program (by fingerprint) was run here. */
  markRan(key: string, fingerprint: string): void;
  visit(slug: string): void;
  /** Import already-validated progress: merged into what is here (default), or replacing it. */
  importProgress(progress: Progress, mode?: ImportMode): void;
}

const EMPTY_BLOCK: BlockProgress = { hintsShown: 0, solutionShown: false };

function openStorage(backing: () => Storage): Storage | null {
  try {
    const storage = backing();
    const probe = "__lanes_probe__";
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch (error) {
    // A full disk still lets us read what is saved; only a storage we cannot touch is unavailable.
    if (error instanceof DOMException && error.name === "QuotaExceededError") {
      try {
        return backing();
      } catch {
        return null;
      }
    }
    return null;
  }
}

/** Lessons whose saved state differs between two snapshots (the store changes immutably). */
function changedLessons(next: Progress, previous: Progress): Set<string> {
  const changed = new Set<string>();
  for (const key of new Set([...Object.keys(next.blocks), ...Object.keys(previous.blocks)])) {
    if (next.blocks[key] !== previous.blocks[key]) changed.add(lessonOfKey(key));
  }
  for (const slug of new Set([...Object.keys(next.visited), ...Object.keys(previous.visited)])) {
    if (next.visited[slug] !== previous.visited[slug]) changed.add(slug);
  }
  return changed;
}

export function createProgressStore(backing?: () => Storage) {
  // Prerendered at build time (no window, no storage given) there is no browser whose storage
  // could fail: the page a reader gets before (or without) JavaScript must not say theirs cannot save.
  const prerendering = backing === undefined && typeof window === "undefined";
  const storage = openStorage(backing ?? (() => window.localStorage));
  const loaded = storage ? loadProgress(storage) : null;
  const writer = storage && loaded ? new ProgressWriter(storage, loaded.written, loaded.locked) : null;

  const created = createStore<ProgressState>()((set, get) => {
    const update = (key: string, change: (block: BlockProgress) => BlockProgress) =>
      set((state) => ({ blocks: { ...state.blocks, [key]: change(state.blocks[key] ?? EMPTY_BLOCK) } }));
    return {
      blocks: loaded?.progress.blocks ?? {},
      visited: loaded?.progress.visited ?? {},
      health: !storage ? (prerendering ? "ok" : "unavailable") : loaded?.failure === "full" ? "full" : "ok",
      keptAside: loaded?.keptAside ?? [],
      unsaved: {},
      // Never kept: a draft this long would crowd out everything else saved (the editor says so).
      saveDraft: (key, code, starter) => {
        if (code.length <= MAX_DRAFT_CHARS) update(key, (b) => ({ ...b, draft: { code, savedAt: Date.now(), ...(starter !== undefined ? { starter } : {}) } }));
      },
      resetDraft: (key) => {
        const dropped = get().blocks[key]?.draft;
        update(key, ({ draft: _dropped, ...rest }) => rest);
        return dropped;
      },
      restoreDraft: (key, draft) => update(key, (b) => ({ ...b, draft })),
      revealHint: (key) => update(key, (b) => ({ ...b, hintsShown: b.hintsShown + 1 })),
      markPassed: (key) => update(key, (b) => (b.passedAt ? b : { ...b, passedAt: Date.now() })),
      showSolution: (key) => update(key, (b) => ({ ...b, solutionShown: true })),
      predict: (key, value, afterRun) => update(key, ({ predictionSkipped: _skipped, ...b }) => ({ ...b, prediction: value, predictedAt: Date.now(), predictionAfterRun: afterRun })),
      clearPrediction: (key) => update(key, ({ prediction: _p, predictedAt: _at, predictionAfterRun: _after, predictionSkipped: _skipped, ...b }) => b),
      skipPrediction: (key) => update(key, (b) => ({ ...b, predictionSkipped: true })),
      markRan: (key, fingerprint) => update(key, (b) => (b.ran?.includes(fingerprint) ? b : { ...b, ran: [...(b.ran ?? []), fingerprint].slice(-MAX_RAN) })),
      visit: (slug) => set((state) => (state.visited[slug] ? state : { visited: { ...state.visited, [slug]: Date.now() } })),
      importProgress: (progress, mode = "merge") => set((state) => applyImport(state, progress, mode)),
    };
  });

  // Save on every change, lesson by lesson; a failure is shown for the lessons it hit.
  created.subscribe((state, previous) => {
    if (!writer || (state.blocks === previous.blocks && state.visited === previous.visited)) return;
    const changed = changedLessons(state, previous);
    const failures = writer.save(state, changed);
    const unsaved = { ...state.unsaved };
    for (const slug of changed) delete unsaved[slug];
    for (const [slug, failure] of failures) unsaved[slug] = failure;
    const health: StorageHealth = Object.values(unsaved).includes("full") ? "full" : Object.values(unsaved).includes("unavailable") ? "unavailable" : "ok";
    if (health !== state.health || JSON.stringify(unsaved) !== JSON.stringify(state.unsaved)) created.setState({ unsaved, health });
  });
  return created;
}

export type ProgressStore = ReturnType<typeof createProgressStore>;
let store: ProgressStore | undefined;

/** The app's one progress store (created on first use, so tests can make their own). */
export function progressStore(): ProgressStore {
  store ??= createProgressStore();
  return store;
}
