import { beforeEach, describe, expect, it, vi } from "vitest";
import { LEGACY_KEY, recordKey } from "./lesson-records";
import { MemoryStorage } from "./memory-storage";
import { createProgressStore } from "./progress-store";

// Kept-aside values warn on the console (for developers); the tests check the values themselves.
beforeEach(() => {
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
});

const legacy = (state: unknown, version = 1) => JSON.stringify({ state, version });
const record = (blocks: unknown, extra = {}) => JSON.stringify({ version: 2, blocks, ...extra });
const keptAsideKeys = (storage: MemoryStorage) => [...storage.items.keys()].filter((k) => k.startsWith("lanes-kept-aside:"));

describe("progress store", () => {
  it("saves each lesson under its own key and restores it in a new store", () => {
    const storage = new MemoryStorage();
    const first = createProgressStore(() => storage);
    first.getState().saveDraft("locks/p1", "edited code");
    first.getState().revealHint("pools/p2");
    expect(JSON.parse(storage.getItem(recordKey("locks"))!)).toMatchObject({ version: 2, blocks: { p1: { draft: { code: "edited code" } } } });
    const second = createProgressStore(() => storage);
    expect(second.getState().blocks["locks/p1"]?.draft?.code).toBe("edited code");
    expect(second.getState().blocks["pools/p2"]?.hintsShown).toBe(1);
  });

  it("writes only the lesson that changed", () => {
    const storage = new MemoryStorage();
    const store = createProgressStore(() => storage);
    store.getState().saveDraft("a/p1", "one");
    store.getState().saveDraft("b/p1", "two");
    storage.items.set(recordKey("a"), "sentinel");
    store.getState().saveDraft("b/p1", "three");
    expect(storage.getItem(recordKey("a"))).toBe("sentinel");
  });

  it("keeps the fingerprint of the lesson's code a draft was edited from, and reads a draft saved without one", () => {
    const storage = new MemoryStorage();
    const first = createProgressStore(() => storage);
    first.getState().saveDraft("a/p1", "mine", "1a2b3c4d");
    storage.setItem(recordKey("b"), record({ p1: { hintsShown: 0, solutionShown: false, draft: { code: "old", savedAt: 1 } } }));
    const second = createProgressStore(() => storage);
    expect(second.getState().blocks["a/p1"]?.draft).toMatchObject({ code: "mine", starter: "1a2b3c4d" });
    expect(second.getState().blocks["b/p1"]?.draft).toEqual({ code: "old", savedAt: 1 });
  });

  it("refuses a draft whose starter fingerprint is not a short text, keeping the lesson's other blocks", () => {
    const storage = new MemoryStorage();
    storage.setItem(recordKey("a"), record({ p1: { hintsShown: 0, solutionShown: false, draft: { code: "x", savedAt: 1, starter: 42 } }, p2: { hintsShown: 1, solutionShown: false } }));
    const store = createProgressStore(() => storage);
    expect(store.getState().blocks["a/p1"]).toBeUndefined();
    expect(store.getState().blocks["a/p2"]?.hintsShown).toBe(1);
  });

  it("resets a draft and can restore it (undo)", () => {
    const store = createProgressStore(() => new MemoryStorage());
    store.getState().saveDraft("a/p1", "mine");
    const dropped = store.getState().resetDraft("a/p1");
    expect(store.getState().blocks["a/p1"]?.draft).toBeUndefined();
    store.getState().restoreDraft("a/p1", dropped!);
    expect(store.getState().blocks["a/p1"]?.draft?.code).toBe("mine");
  });

  it("counts hints and keeps the first pass time", () => {
    const store = createProgressStore(() => new MemoryStorage());
    store.getState().revealHint("a/p1");
    store.getState().revealHint("a/p1");
    store.getState().markPassed("a/p1");
    const first = store.getState().blocks["a/p1"]?.passedAt;
    store.getState().markPassed("a/p1");
    expect(store.getState().blocks["a/p1"]).toMatchObject({ hintsShown: 2, passedAt: first });
  });

  it("keeps working in memory when storage is unavailable, and says so", () => {
    const store = createProgressStore(() => {
      throw new DOMException("denied", "SecurityError");
    });
    store.getState().saveDraft("a/p1", "still here");
    expect(store.getState().health).toBe("unavailable");
    expect(store.getState().blocks["a/p1"]?.draft?.code).toBe("still here");
  });

  it("reports a full storage for the lesson it hit, keeps the edit in memory, and still saves a smaller lesson", () => {
    const storage = new MemoryStorage(2_000);
    const store = createProgressStore(() => storage);
    store.getState().saveDraft("a/p1", "x".repeat(3_000));
    expect(store.getState().health).toBe("full");
    expect(store.getState().unsaved).toEqual({ a: "full" });
    expect(store.getState().blocks["a/p1"]?.draft?.code).toHaveLength(3_000);
    store.getState().saveDraft("b/p1", "small");
    expect(JSON.parse(storage.getItem(recordKey("b"))!).blocks.p1.draft.code).toBe("small");
    expect(store.getState().unsaved).toEqual({ a: "full" });
    store.getState().saveDraft("a/p1", "short again");
    expect(store.getState().unsaved).toEqual({});
    expect(store.getState().health).toBe("ok");
  });

  it("refuses a draft over the cap and keeps the saved one", () => {
    const storage = new MemoryStorage();
    const store = createProgressStore(() => storage);
    store.getState().saveDraft("a/p1", "kept");
    store.getState().saveDraft("a/p1", "x".repeat(200_001));
    expect(createProgressStore(() => storage).getState().blocks["a/p1"]?.draft?.code).toBe("kept");
  });

  it("loads every other lesson when one lesson's entry is invalid, and keeps the bad one aside", () => {
    const storage = new MemoryStorage();
    storage.setItem(recordKey("good"), record({ p1: { hintsShown: 1, solutionShown: false } }));
    storage.setItem(recordKey("bad"), record({ p1: { hintsShown: "many" } }));
    const store = createProgressStore(() => storage);
    expect(store.getState().blocks["good/p1"]?.hintsShown).toBe(1);
    expect(store.getState().keptAside).toMatchObject([{ from: recordKey("bad"), problem: expect.stringContaining("hintsShown") }]);
    expect(storage.getItem(keptAsideKeys(storage)[0]!)).toContain('"many"');
  });

  it("loads the valid playgrounds of a lesson with one invalid playground", () => {
    const storage = new MemoryStorage();
    storage.setItem(recordKey("a"), record({ p1: { hintsShown: 2, solutionShown: false }, p2: { draft: "nope" } }));
    const store = createProgressStore(() => storage);
    expect(store.getState().blocks["a/p1"]?.hintsShown).toBe(2);
    expect(store.getState().blocks["a/p2"]).toBeUndefined();
    expect(keptAsideKeys(storage)).toHaveLength(1);
  });

  it.each([
    ["corrupt JSON", '{"version":2,"blocks":{"p1":'],
    ["another version", JSON.stringify({ version: 3, blocks: { p1: { future: true } } })],
  ])("keeps a lesson stored as %s aside before anything is written", (_name, raw) => {
    const storage = new MemoryStorage();
    storage.setItem(recordKey("a"), raw);
    const store = createProgressStore(() => storage);
    store.getState().saveDraft("a/p1", "new work");
    expect(storage.getItem(keptAsideKeys(storage)[0]!)).toBe(raw);
    expect(JSON.parse(storage.getItem(recordKey("a"))!).blocks.p1.draft.code).toBe("new work");
  });

  it("never overwrites an unreadable lesson when there is no room for its copy", () => {
    const raw = `{"version":2,"blocks":{"p1":{"draft":{"code":"${"y".repeat(1_500)}`;
    const storage = new MemoryStorage(2_000);
    storage.items.set(recordKey("a"), raw);
    const store = createProgressStore(() => storage);
    expect(store.getState().keptAside).toMatchObject([{ from: recordKey("a"), to: null }]);
    store.getState().saveDraft("a/p1", "new");
    expect(storage.getItem(recordKey("a"))).toBe(raw);
    expect(store.getState().unsaved).toEqual({ a: "kept-aside-failed" });
    store.getState().saveDraft("b/p1", "other lessons still save");
    expect(storage.getItem(recordKey("b"))).toContain("other lessons still save");
  });
});

describe("migration from the single-key store", () => {
  it("moves every lesson to its own key and removes the old key", () => {
    const storage = new MemoryStorage();
    storage.setItem(LEGACY_KEY, legacy({ blocks: { "a/p1": { hintsShown: 1, solutionShown: false, draft: { code: "mine", savedAt: 5 } }, "b/p2": { hintsShown: 0, solutionShown: true, passedAt: 7 } }, visited: { a: 1, c: 2 } }));
    const store = createProgressStore(() => storage);
    expect(store.getState().blocks["a/p1"]?.draft?.code).toBe("mine");
    expect(store.getState().blocks["b/p2"]?.passedAt).toBe(7);
    expect(store.getState().visited).toEqual({ a: 1, c: 2 });
    expect(storage.getItem(LEGACY_KEY)).toBeNull();
    expect(createProgressStore(() => storage).getState().blocks).toEqual(store.getState().blocks);
    expect(keptAsideKeys(storage)).toEqual([]);
  });

  it("migrates the valid entries of an old store with an invalid one, and keeps the old store aside", () => {
    const raw = legacy({ blocks: { "a/p1": { hintsShown: 1, solutionShown: false }, "b/p1": { draft: { code: "x".repeat(200_001), savedAt: 1 } } }, visited: {} });
    const storage = new MemoryStorage();
    storage.setItem(LEGACY_KEY, raw);
    const store = createProgressStore(() => storage);
    expect(store.getState().blocks["a/p1"]?.hintsShown).toBe(1);
    expect(store.getState().keptAside[0]?.problem).toContain("longer than 200,000 characters");
    expect(storage.getItem(keptAsideKeys(storage)[0]!)).toBe(raw);
  });

  it.each([
    ["corrupt JSON", '{"state":{"blocks":'],
    ["another version", legacy({ blocks: {}, visited: {} }, 7)],
  ])("keeps an old store that is %s aside", (_name, raw) => {
    const storage = new MemoryStorage();
    storage.setItem(LEGACY_KEY, raw);
    const store = createProgressStore(() => storage);
    expect(store.getState().keptAside).toHaveLength(1);
    expect(storage.getItem(keptAsideKeys(storage)[0]!)).toBe(raw);
  });

  it("leaves the old store in place when the new keys cannot be written", () => {
    const raw = legacy({ blocks: { "a/p1": { hintsShown: 1, solutionShown: false, draft: { code: "z".repeat(900), savedAt: 1 } } }, visited: {} });
    const storage = new MemoryStorage(1_500);
    storage.setItem(LEGACY_KEY, raw);
    const store = createProgressStore(() => storage);
    expect(store.getState().health).toBe("full");
    expect(store.getState().blocks["a/p1"]?.draft?.code).toHaveLength(900);
    expect(storage.getItem(LEGACY_KEY)).toBe(raw);
  });
});

describe("import", () => {
  it("merges by default: lessons not in the file are kept", () => {
    const storage = new MemoryStorage();
    const store = createProgressStore(() => storage);
    store.getState().saveDraft("a/p1", "mine");
    store.getState().markPassed("b/p1");
    store.getState().importProgress({ blocks: { "a/p1": { hintsShown: 0, solutionShown: false, draft: { code: "theirs", savedAt: 1 } } }, visited: {} });
    const reloaded = createProgressStore(() => storage).getState();
    expect(reloaded.blocks["a/p1"]?.draft?.code).toBe("theirs");
    expect(reloaded.blocks["b/p1"]?.passedAt).toBeGreaterThan(0);
  });

  it("replaces everything only when asked, in storage too", () => {
    const storage = new MemoryStorage();
    const store = createProgressStore(() => storage);
    store.getState().saveDraft("a/p1", "mine");
    store.getState().importProgress({ blocks: { "b/p1": { hintsShown: 1, solutionShown: false } }, visited: {} }, "replace");
    expect(storage.getItem(recordKey("a"))).toBeNull();
    expect(Object.keys(createProgressStore(() => storage).getState().blocks)).toEqual(["b/p1"]);
  });
});
