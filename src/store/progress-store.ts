import { createJSONStorage, persist } from "zustand/middleware";
import { createStore } from "zustand/vanilla";
import { MAX_RAN, checkProgress, type BlockProgress, type Progress } from "./progress-schema";
import { safeStorage, type StorageHealth } from "./safe-storage";

export interface ProgressState extends Progress {
  /** Not persisted: whether saving works here. */
  health: StorageHealth;
  saveDraft(key: string, code: string): void;
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
  /** Import: replaces everything with already-validated progress. */
  replaceAll(progress: Progress): void;
}

const EMPTY_BLOCK: BlockProgress = { hintsShown: 0, solutionShown: false };
export const STORAGE_KEY = "lanes-progress";

export function createProgressStore(backing?: () => Storage) {
  // Storage reports health while the store is being created; deliver it once it exists,
  // and only on a change: setting state saves it, and saving reports health again.
  const queueHealth = (health: StorageHealth) =>
    queueMicrotask(() => {
      if (created.getState().health !== health) created.setState({ health });
    });
  const storage = safeStorage((health) => queueHealth(health), backing);
  const created = createStore<ProgressState>()(
    persist(
      (set, get) => {
        const update = (key: string, change: (block: BlockProgress) => BlockProgress) =>
          set((state) => ({ blocks: { ...state.blocks, [key]: change(state.blocks[key] ?? EMPTY_BLOCK) } }));
        return {
          blocks: {},
          visited: {},
          health: "ok",
          saveDraft: (key, code) => update(key, (b) => ({ ...b, draft: { code, savedAt: Date.now() } })),
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
          markRan: (key, fingerprint) =>
            update(key, (b) => (b.ran?.includes(fingerprint) ? b : { ...b, ran: [...(b.ran ?? []), fingerprint].slice(-MAX_RAN) })),
          visit: (slug) => set((state) => (state.visited[slug] ? state : { visited: { ...state.visited, [slug]: Date.now() } })),
          replaceAll: (progress) => set({ blocks: progress.blocks, visited: progress.visited }),
        };
      },
      {
        name: STORAGE_KEY,
        version: 1,
        storage: createJSONStorage(() => storage),
        partialize: ({ blocks, visited }) => ({ blocks, visited }),
        // Saved data is checked like an imported file: a damaged entry must not break the app.
        merge: (persisted, current) => {
          if (persisted === undefined || persisted === null) return current;
          const checked = checkProgress(persisted);
          if (!checked.ok) {
            // Keep it where the next save cannot overwrite it: damaged is not worthless.
            storage.setItem(`${STORAGE_KEY}.damaged`, JSON.stringify(persisted));
            console.warn(`lanes: saved progress could not be read (${checked.path}: ${checked.problem}); it was kept as ${STORAGE_KEY}.damaged.`);
            return current;
          }
          return { ...current, ...checked.value };
        },
      },
    ),
  );
  return created;
}

export type ProgressStore = ReturnType<typeof createProgressStore>;
let store: ProgressStore | undefined;

/** The app's one progress store (created on first use, so tests can make their own). */
export function progressStore(): ProgressStore {
  store ??= createProgressStore();
  return store;
}
