import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toBase64url } from "./base64url";
import { deflateRaw } from "./deflate";
import { MAX_FRAGMENT_CHARS, MAX_SHARED_BYTES, decodeShare, encodeShare, type SharedProgram } from "./share-link";

async function linkFor(program: SharedProgram): Promise<string> {
  const encoded = await encodeShare(program);
  if (!encoded.ok) throw new Error(encoded.message);
  return encoded.fragment;
}

/** A well-formed link around any payload bytes, to test what the decoder does with them. */
async function linkAround(json: string): Promise<string> {
  const data = toBase64url(await deflateRaw(new TextEncoder().encode(json)));
  return `code=1.${data.length}.${data}`;
}

const programs = fc.record(
  {
    code: fc.oneof(fc.string({ unit: "grapheme", maxLength: 400 }), fc.string({ unit: "binary", maxLength: 400 }), fc.lorem({ maxCount: 200 })),
    runner: fc.constantFrom("all", "main", "async", "workers"),
    playground: fc.stringMatching(/^[a-z0-9-]{1,20}$/),
    files: fc.array(fc.record({ name: fc.stringMatching(/^[a-z]{1,10}\.ts$/), code: fc.string({ maxLength: 200 }) }), { maxLength: 3 }),
  },
  { requiredKeys: ["code"] },
);

describe("share links", () => {
  it("round-trip any program, with or without the #", async () => {
    await fc.assert(
      fc.asyncProperty(programs, fc.boolean(), async (program, withHash) => {
        const fragment = await linkFor(program);
        expect(fragment).toMatch(/^code=1\.\d+\.[A-Za-z0-9_-]*$/);
        expect(await decodeShare(withHash ? `#${fragment}` : fragment)).toEqual({ kind: "ok", program });
      }),
      { numRuns: 200 },
    );
  });

  it("read a link whose # and = a chat app percent-encoded, once or twice", async () => {
    const program = { code: 'print("hi")', runner: "workers" };
    const fragment = await linkFor(program);
    expect(await decodeShare(encodeURIComponent(`#${fragment}`))).toEqual({ kind: "ok", program });
    expect(await decodeShare(`#${encodeURIComponent(encodeURIComponent(fragment))}`)).toEqual({ kind: "ok", program });
  });

  it("ignore punctuation that stuck to the end of a link in a sentence", async () => {
    const fragment = await linkFor({ code: "x" });
    expect(await decodeShare(`${fragment}).`)).toEqual({ kind: "ok", program: { code: "x" } });
  });

  it("compress a typical lesson program", async () => {
    const code = `import { Pool, print } from "lanes";\n\nexport function work(n: number) {\n  let s = 0;\n  for (let i = 0; i < n; i++) s += i;\n  return s;\n}\n\nexport default async function main() {\n  const pool = new Pool(2);\n  print(await Promise.all([1e6, 2e6].map((n) => pool.run(work, n))));\n}\n`.repeat(4);
    const fragment = await linkFor({ code });
    expect(fragment.length).toBeLessThan(code.length / 2);
  });

  it("tell a fragment that is no share link apart (a heading's anchor)", async () => {
    expect(await decodeShare("#how-it-works")).toEqual({ kind: "none" });
    expect(await decodeShare("")).toEqual({ kind: "none" });
    expect(await decodeShare("#100%")).toEqual({ kind: "none" });
  });

  it("call a link cut short at any point truncated or damaged, never a program", async () => {
    const fragment = await linkFor({ code: "export default function main() { print('a fairly long program'); }".repeat(5), runner: "main" });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: "code=".length, max: fragment.length - 1 }), async (cut) => {
        const read = await decodeShare(fragment.slice(0, cut));
        expect(read.kind).toBe("bad");
      }),
      { numRuns: 150 },
    );
    expect(await decodeShare(fragment.slice(0, -10))).toMatchObject({ kind: "bad", problem: "truncated", message: expect.stringContaining("cut short") });
  });

  it("call a link with a changed character damaged, or read it only if it still holds a whole program", async () => {
    const fragment = await linkFor({ code: "let x = 1;\n".repeat(30) });
    const head = fragment.indexOf(".", "code=1.".length) + 1;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: head, max: fragment.length - 1 }), fc.constantFrom(..."AZaz09-_!%~ "), async (at, char) => {
        const read = await decodeShare(fragment.slice(0, at) + char + fragment.slice(at + 1));
        if (read.kind === "ok") expect(typeof read.program.code).toBe("string");
        else expect(read).toMatchObject({ kind: "bad", message: expect.stringMatching(/^This share link/) });
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    ["a stray character", "code=1.4.ab*d"],
    ["an impossible base64 length", "code=1.5.abcde"],
    ["junk after the data", "code=1.4.abcdEFGH"],
    ["no length", "code=1.abcd"],
    ["a bad percent escape", "code%3D1.4.%E0%A4%A"],
    ["bytes that do not inflate", "code=1.8.AAAAAAAA"],
  ])("refuse %s as damaged", async (_name, fragment) => {
    expect(await decodeShare(fragment)).toMatchObject({ kind: "bad", problem: "corrupt", message: expect.stringContaining("damaged") });
  });

  it.each([
    ["not JSON", "print('hi')"],
    ["JSON without code", '{"runner":"main"}'],
    ["code that is not text", '{"code":42}'],
    ["a runner that is not a name", `{"code":"x","runner":"${"w".repeat(40)}"}`],
  ])("refuse a payload that is %s as damaged", async (_name, json) => {
    expect(await decodeShare(await linkAround(json))).toMatchObject({ kind: "bad", problem: "corrupt" });
  });

  it("refuse to make a link for a program over the cap, and say the cap", async () => {
    const encoded = await encodeShare({ code: "x".repeat(MAX_SHARED_BYTES) });
    expect(encoded).toMatchObject({ ok: false, message: expect.stringContaining("at most 64 KiB") });
  });

  it("refuse a link that inflates past the cap (it stops inflating there)", async () => {
    const fragment = await linkAround(JSON.stringify({ code: "x".repeat(50 * MAX_SHARED_BYTES) }));
    expect(fragment.length).toBeLessThan(10_000); // tiny link, huge program: the zip-bomb shape
    expect(await decodeShare(fragment)).toMatchObject({ kind: "bad", problem: "too-large", message: expect.stringContaining("at most 64 KiB") });
  });

  it("refuse a fragment longer than the cap without decoding it", async () => {
    const data = "A".repeat(MAX_FRAGMENT_CHARS + 4);
    expect(await decodeShare(`code=1.${data.length}.${data}`)).toMatchObject({ kind: "bad", problem: "too-large" });
    expect(await decodeShare(`code=1.${"A".repeat(4 * MAX_FRAGMENT_CHARS)}`)).toMatchObject({ kind: "bad", problem: "too-large" });
  });

  it("say so when a link comes from a newer format", async () => {
    expect(await decodeShare("code=2.4.abcd")).toMatchObject({ kind: "bad", problem: "newer-version", message: expect.stringContaining("newer version") });
  });

  it("never throw, whatever the fragment", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.string().map((s) => `code=${s}`), fc.string().map((s) => `code=1.${s.length}.${s}`), fc.string().map((s) => `%23code%3D${s}`)), async (fragment) => {
        const read = await decodeShare(fragment);
        if (read.kind === "bad") expect(read.message.length).toBeGreaterThan(20);
      }),
      { numRuns: 300 },
    );
  });

  it("carry a playground's helper files", async () => {
    const program = { code: 'import { f } from "./helpers";', files: [{ name: "helpers.ts", code: "export const f = 1;" }] };
    expect(await decodeShare(await linkFor(program))).toEqual({ kind: "ok", program });
  });

  it("read a link made before helper files as one without them", async () => {
    expect(await decodeShare(await linkAround(JSON.stringify({ code: "x", runner: "main" })))).toEqual({ kind: "ok", program: { code: "x", runner: "main" } });
  });

  it("call a link whose files are not a list of names and code damaged", async () => {
    for (const files of [{}, [1], [{ name: "a.ts" }], [{ name: 3, code: "" }], Array.from({ length: 21 }, () => ({ name: "a.ts", code: "" }))]) {
      expect(await decodeShare(await linkAround(JSON.stringify({ code: "x", files })))).toMatchObject({ kind: "bad", problem: "corrupt" });
    }
  });
});
