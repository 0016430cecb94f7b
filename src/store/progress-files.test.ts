import fc from "fast-check";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { readLegacy, readRecord, recordKey } from "./lesson-records";
import { MemoryStorage } from "./memory-storage";
import { describeImport } from "./progress-merge";
import { loadProgress } from "./progress-persistence";
import { progressFile, readProgressFile, type BlockProgress, type Progress } from "./progress-schema";

// Kept-aside values warn on the console (for developers); the tests check the values themselves.
beforeEach(() => {
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
});

const blockArb: fc.Arbitrary<BlockProgress> = fc.record(
  {
    draft: fc.record({ code: fc.string({ maxLength: 200 }), savedAt: fc.nat(), starter: fc.string({ maxLength: 16 }) }, { requiredKeys: ["code", "savedAt"] }),
    hintsShown: fc.integer({ min: 0, max: 50 }),
    passedAt: fc.nat(),
    solutionShown: fc.boolean(),
    prediction: fc.oneof(fc.string({ maxLength: 200 }), fc.integer()),
    predictedAt: fc.nat(),
    predictionAfterRun: fc.boolean(),
    predictionSkipped: fc.boolean(),
    ran: fc.array(fc.string({ maxLength: 16 }), { maxLength: 20 }),
  },
  { requiredKeys: ["hintsShown", "solutionShown"] },
);
const slugArb = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
const progressArb: fc.Arbitrary<Progress> = fc.record({
  blocks: fc.dictionary(fc.tuple(slugArb, slugArb).map(([l, b]) => `${l}/${b}`), blockArb, { maxKeys: 6 }),
  visited: fc.dictionary(slugArb, fc.nat(), { maxKeys: 4 }),
});

/** A JSON value with one value somewhere inside replaced by anything: the shape of a damaged file. */
function mutate(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || typeof value !== "object" || value === null) return replacement;
  const entries = Object.entries(value);
  if (entries.length === 0) return replacement;
  const [first, ...rest] = path;
  const at = first! % entries.length;
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;
  copy[entries[at]![0]] = mutate(entries[at]![1], rest, replacement);
  return copy;
}

describe("progress files", () => {
  it("round-trip any valid progress through export and import", () => {
    fc.assert(
      fc.property(progressArb, (progress) => {
        expect(readProgressFile(progressFile(progress))).toEqual({ ok: true, progress });
      }),
    );
  });

  it.each([
    ["not json", "not JSON"],
    ['{"hello": 1}', "not a Lanes progress file"],
    ['{"kind":"lanes-progress","version":1,"exportedAt":"x","progress":{"blocks":{"a/p1":{"hintsShown":-3}},"visited":{}}}', "damaged (blocks.a/p1.hintsShown"],
    ['{"kind":"lanes-progress","version":2,"exportedAt":"x","progress":{"blocks":{},"visited":{}}}', "damaged"],
  ])("refuse %s with a clear message", (text, message) => {
    const read = readProgressFile(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toContain(message);
  });

  it("never throw on random or mutated files; every refusal is a sentence", () => {
    const mutated = fc
      .tuple(progressArb, fc.array(fc.nat(), { maxLength: 5 }), fc.jsonValue())
      .map(([progress, path, replacement]) => JSON.stringify(mutate(JSON.parse(progressFile(progress)), path, replacement)));
    const truncated = fc.tuple(progressArb, fc.nat()).map(([progress, n]) => {
      const text = progressFile(progress);
      return text.slice(0, n % (text.length + 1));
    });
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v)), mutated, truncated), (text) => {
        const read = readProgressFile(text);
        if (!read.ok) expect(read.message).toMatch(/^This (progress )?file is .+\.$/);
      }),
      { numRuns: 500 },
    );
  });
});

describe("stored values", () => {
  it("never throw on random or mutated lesson records and old stores", () => {
    const mutatedRecord = fc
      .tuple(fc.dictionary(slugArb, blockArb, { maxKeys: 3 }), fc.array(fc.nat(), { maxLength: 4 }), fc.jsonValue())
      .map(([blocks, path, replacement]) => JSON.stringify(mutate({ version: 2, blocks }, path, replacement)));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v)), mutatedRecord), (raw) => {
        const record = readRecord(raw);
        if (!record.ok) expect(record.problem.length).toBeGreaterThan(5);
        const old = readLegacy(raw);
        if ("problem" in old) expect(old.problem.length).toBeGreaterThan(5);
      }),
      { numRuns: 500 },
    );
  });

  it("load every valid lesson whatever damaged lessons sit beside it, and keep each damaged one aside", () => {
    const garbage = fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v)), fc.constant('{"version":2,"blocks":{"p":{"hintsShown":"x"}}}'));
    fc.assert(
      fc.property(fc.dictionary(slugArb, fc.dictionary(slugArb, blockArb, { minKeys: 1, maxKeys: 3 }), { maxKeys: 4 }), fc.dictionary(fc.stringMatching(/^bad-[a-z]{1,6}$/), garbage, { maxKeys: 4 }), (good, bad) => {
        const storage = new MemoryStorage();
        for (const [slug, blocks] of Object.entries(good)) storage.setItem(recordKey(slug), JSON.stringify({ version: 2, blocks }));
        for (const [slug, raw] of Object.entries(bad)) storage.setItem(recordKey(slug), raw);
        const loaded = loadProgress(storage, 1);
        for (const [slug, blocks] of Object.entries(good)) {
          for (const [id, block] of Object.entries(blocks)) expect(loaded.progress.blocks[`${slug}/${id}`]).toEqual(block);
        }
        for (const kept of loaded.keptAside) {
          expect(kept.to).not.toBeNull();
          expect(storage.getItem(kept.to!)).toBe(storage.getItem(kept.from));
        }
        expect(loaded.keptAside.length).toBeLessThanOrEqual(Object.keys(bad).length);
      }),
      { numRuns: 200 },
    );
  });
});

describe("import preview", () => {
  const mine: Progress = {
    blocks: { "a/p1": { hintsShown: 0, solutionShown: false, draft: { code: "mine", savedAt: 1 } }, "b/p1": { hintsShown: 0, solutionShown: false, passedAt: 3 } },
    visited: { a: 1, b: 1 },
  };
  const file: Progress = { blocks: { "a/p1": { hintsShown: 0, solutionShown: false, draft: { code: "theirs", savedAt: 2 }, passedAt: 9 }, "c/p2": { hintsShown: 0, solutionShown: false, draft: { code: "new", savedAt: 2 } } }, visited: {} };

  it("lists what a merge adds and replaces, and leaves other lessons out", () => {
    expect(describeImport(mine, file, "merge")).toEqual([
      { slug: "a", blocks: [{ id: "p1", changes: ["draft replaced", "pass added"] }], erased: false },
      { slug: "c", blocks: [{ id: "p2", changes: ["draft added"] }], erased: false },
    ]);
  });

  it("says which lessons a replace would erase", () => {
    expect(describeImport(mine, file, "replace").find((l) => l.slug === "b")).toEqual({ slug: "b", blocks: [{ id: "p1", changes: ["pass removed"] }], erased: true });
  });

  it("finds nothing to change when the file holds what is here", () => {
    expect(describeImport(mine, mine, "merge")).toEqual([]);
  });
});
