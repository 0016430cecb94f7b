import type { Server } from "node:http";
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { expect, test } from "./fixtures";
import { runCode, texts } from "./lanes";
import { startPlainServer } from "./plain-server";
import { RUNNERS } from "../src/trace/run";

// The app on a plain static host (no COOP/COEP): the page is not cross-origin isolated, so
// there is no SharedArrayBuffer, on the page or in workers. Every runner must still work.
const PORT = Number(process.env.LANES_PLAIN_PORT ?? 4211);
let server: Server;

test.use({ baseURL: `http://127.0.0.1:${PORT}` });

test.beforeAll(async () => {
  server = await startPlainServer(resolve("dist"), PORT);
});

test.afterAll(async () => {
  await new Promise((done) => server.close(done));
});

/** Lessons 1–3: every runnable program in them (playgrounds and solutions), in file order. */
function lessonPrograms(): { lesson: string; code: string }[] {
  const dir = resolve("lessons");
  return readdirSync(dir)
    .filter((name) => /^0[1-3]-.*\.md$/.test(name))
    .sort()
    .flatMap((name) =>
      [...readFileSync(join(dir, name), "utf8").matchAll(/^```ts (?:playground|solution)[^\n]*\n([\s\S]*?)^```/gm)].map((m) => ({ lesson: name, code: m[1] ?? "" })),
    );
}

/**
 * A run's lines, work()'s checksums masked: they depend on the page's calibration of work(),
 * which differs from page to page (the same on one page, under every runner).
 */
const lines = (run: Parameters<typeof texts>[0]) => texts(run).map((text) => text.replace(/\d{6,}/g, "#"));

test("the page is not isolated, and lessons 1–3 run under all three runners with the output of an isolated page", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await page.goto("/");
  expect(await page.evaluate(() => [crossOriginIsolated, typeof SharedArrayBuffer])).toEqual([false, "undefined"]);
  // The reference: the same programs on the isolated preview server of the other specs.
  const isolated = await browser.newPage({ baseURL: `http://localhost:${process.env.LANES_E2E_PORT ?? 4173}` });
  await isolated.goto("/");
  expect(await isolated.evaluate(() => crossOriginIsolated)).toBe(true);
  const programs = lessonPrograms();
  expect(programs.length).toBeGreaterThanOrEqual(5);
  for (const { lesson, code } of programs) {
    const plain = await runCode(page, code, [...RUNNERS]);
    const reference = await runCode(isolated, code, [...RUNNERS]);
    for (const [i, run] of plain.entries()) {
      const where = `${lesson} under ${run.runner}`;
      expect(run.ok, `${where}: ${JSON.stringify(run.error)}`).toBe(true);
      // The same lines; their order is compared only where timing cannot change it (lesson 3
      // prints results as they complete, and workers that start late on a loaded machine swap
      // two of them, on either page).
      if (lesson.startsWith("03-")) expect([...lines(run)].sort(), where).toEqual([...lines(reference[i]!)].sort());
      else expect(lines(run), where).toEqual(lines(reference[i]!));
      expect(lines(run).length, where).toBeGreaterThan(0);
      // The stage's code comes through the app (a srcdoc frame), so even a plain server gives the
      // program a stage: no "page of its own" note; workers say what no isolation changes.
      if (run.runner === "workers") expect(run.notes, where).toEqual([expect.stringContaining("not cross-origin isolated")]);
      else expect(run.notes, where).toBeUndefined();
      expect(reference[i]!.notes, where).toBeUndefined();
    }
  }
  await isolated.close();
});

test("sleep in a worker waits on a timer without isolation: sleeps overlap across workers, one task at a time per worker", async ({ page }) => {
  await page.goto("/");
  const code = `
    import { Pool, print, sleep } from "lanes";
    export async function download(n: number) { await sleep(100); return n; }
    export default async function main() {
      const pool = new Pool({ workers: 3 });
      print((await pool.map(download, [1, 2, 3, 4, 5, 6])).join(","));
    }`;
  await runCode(page, code, ["workers"]); // warm workers
  const [run] = await runCode(page, code, ["workers"]);
  expect(run!.ok, JSON.stringify(run!.error)).toBe(true);
  expect(texts(run!)).toEqual(["1,2,3,4,5,6"]);
  // Two rounds of 100 ms on three workers, not six.
  expect(run!.wallMs).toBeGreaterThanOrEqual(195);
  expect(run!.wallMs).toBeLessThan(550);
  // Per worker lane, waiting spans never overlap: one task at a time.
  // (Usually two each; on a loaded machine a worker that started late may take fewer.)
  let total = 0;
  for (const lane of run!.lanes.filter((l) => l.id.startsWith("worker:"))) {
    const waits = run!.spans.filter((s) => s.lane === lane.id && s.state === "waiting").sort((a, b) => a.start - b.start);
    total += waits.length;
    for (let i = 1; i < waits.length; i++) expect(waits[i - 1]!.end).toBeLessThanOrEqual(waits[i]!.start + 0.2); // 0.1 ms clocks
  }
  expect(total).toBe(6);
});
