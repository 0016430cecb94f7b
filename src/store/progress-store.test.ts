import { describe, expect, it } from "vitest";
import { progressFile, readProgressFile } from "./progress-schema";
import { STORAGE_KEY, createProgressStore } from "./progress-store";

class MemoryStorage implements Storage {
  items = new Map<string, string>();
  failWith: string | null = null;
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.failWith) throw new DOMException("no room", this.failWith);
    this.items.set(key, value);
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("progress store", () => {
  it("saves drafts to storage and restores them in a new store", async () => {
    const storage = new MemoryStorage();
    const first = createProgressStore(() => storage);
    first.getState().saveDraft("locks/p1", "edited code");
    const second = createProgressStore(() => storage);
    await flush();
    expect(second.getState().blocks["locks/p1"]?.draft?.code).toBe("edited code");
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

  it("keeps working in memory when storage is unavailable, and says so", async () => {
    const store = createProgressStore(() => {
      throw new DOMException("denied", "SecurityError");
    });
    store.getState().saveDraft("a/p1", "still here");
    await flush();
    expect(store.getState().health).toBe("unavailable");
    expect(store.getState().blocks["a/p1"]?.draft?.code).toBe("still here");
  });

  it("reports a full storage without losing the edit in memory", async () => {
    const storage = new MemoryStorage();
    const store = createProgressStore(() => storage);
    storage.failWith = "QuotaExceededError";
    store.getState().saveDraft("a/p1", "big");
    await flush();
    expect(store.getState().health).toBe("full");
    expect(store.getState().blocks["a/p1"]?.draft?.code).toBe("big");
  });

  it("sets aside damaged saved data instead of breaking", async () => {
    const storage = new MemoryStorage();
    storage.items.set(STORAGE_KEY, JSON.stringify({ state: { blocks: { x: { hintsShown: "many" } } }, version: 1 }));
    const store = createProgressStore(() => storage);
    await flush();
    expect(store.getState().blocks).toEqual({});
    expect(JSON.parse(storage.items.get(`${STORAGE_KEY}.damaged`) ?? "null")).toMatchObject({ blocks: { x: { hintsShown: "many" } } });
  });
});

describe("progress files", () => {
  it("round-trip through export and import", () => {
    const progress = { blocks: { "a/p1": { hintsShown: 1, solutionShown: false, passedAt: 5 } }, visited: { a: 1 } };
    const read = readProgressFile(progressFile(progress));
    expect(read).toEqual({ ok: true, progress });
  });

  it.each([
    ["not json", "not JSON"],
    ['{"hello": 1}', "not a Lanes progress file"],
    ['{"kind":"lanes-progress","version":1,"exportedAt":"x","progress":{"blocks":{"a/p1":{"hintsShown":-3}},"visited":{}}}', "damaged"],
    ['{"kind":"lanes-progress","version":2,"exportedAt":"x","progress":{"blocks":{},"visited":{}}}', "damaged"],
  ])("refuse %s with a clear message", (text, message) => {
    const read = readProgressFile(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain(message);
  });
});
