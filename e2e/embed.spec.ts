import type { Server } from "node:http";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Frame, type FrameLocator, type Page } from "@playwright/test";
import { embedMessageSchema } from "../src/embed/protocol";
import { startPlainServer } from "./plain-server";

// Two origins on loopback: the app on LANES_E2E_PORT (vite preview of dist/), and a plain
// static "course page" on another port, with no COOP/COEP (not cross-origin isolated), that
// includes the app's embed.js. Blocks are 3000 px apart, so only the first is near at load.
const APP = `http://localhost:${Number(process.env.LANES_E2E_PORT ?? 4173)}`;
const COURSE_PORT = Number(process.env.LANES_COURSE_PORT ?? 4193);
const COURSE = `http://127.0.0.1:${COURSE_PORT}`;

const FIRST = `import { print, sleep } from "lanes";
export default async function main() {
  for (let i = 1; i <= 12; i++) { print("line " + i); await sleep(5); }
}`;
const SECOND = `import { Pool, print } from "lanes";
export function square(n: number) { return n * n; }
export default async function main() {
  const pool = new Pool({ workers: 2 });
  print((await pool.map(square, [1, 2, 3])).join(","));
}`;
const SHARED = `import { Pool, print, shared, Lock } from "lanes";
export async function add(counter: Int32Array, lock: Lock, n: number) {
  for (let i = 0; i < n; i++) { await lock.acquire(); counter[0] = counter[0] + 1; lock.release(); }
}
export default async function main() {
  const pool = new Pool({ workers: 2 });
  const counter = shared.int32(1);
  const lock = new Lock();
  await Promise.all([pool.submit(add, counter, lock, 2000), pool.submit(add, counter, lock, 2000)]);
  print("total " + counter[0]);
}`;

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const COURSE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A course page</title></head>
<body>
  <h1>Concurrency, week 3</h1>
  <pre data-lanes id="first">${escape(FIRST)}</pre>
  <iframe id="bystander" title="another frame on the page" srcdoc="<script>window.seen=[];addEventListener('message',e=>String(e.data&&e.data.type).startsWith('lanes:')&&seen.push(e.data))</script>"></iframe>
  <div style="height: 3000px">Reading…</div>
  <pre data-lanes data-runners="workers" id="second">${escape(SECOND)}</pre>
  <div style="height: 3000px">More reading…</div>
  <pre data-lanes id="third">${escape(FIRST)}</pre>
  <script>
    window.heard = [];
    addEventListener("message", (e) => {
      const frames = [...document.querySelectorAll("iframe[data-lanes-frame]")];
      heard.push({ from: frames.findIndex((f) => f.contentWindow === e.source), origin: e.origin, data: e.data });
    });
  </script>
  <script type="module" src="${APP}/embed.js"></script>
</body></html>`;

let server: Server;
let page: Page;
const foreign: string[] = [];
const warnings: string[] = [];

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  const root = mkdtempSync(join(tmpdir(), "lanes-course-"));
  writeFileSync(join(root, "index.html"), COURSE_PAGE);
  server = await startPlainServer(root, COURSE_PORT);
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("data:") || url.startsWith("about:")) return;
    if (url.startsWith("blob:")) {
      // blob:null: the stage's own (a sandboxed, opaque-origin page inside the embed).
      if (!url.startsWith(`blob:${APP}`) && !url.startsWith("blob:null/")) foreign.push(url);
      return;
    }
    const origin = new URL(url).origin;
    if (origin !== APP && origin !== COURSE) foreign.push(url);
  });
  page.on("console", (message) => {
    if (message.type() === "warning") warnings.push(message.text());
  });
  await page.goto(COURSE);
});

test.afterAll(async () => {
  await page?.close();
  await new Promise((done) => server.close(done));
  expect(foreign, "requests to neither origin").toEqual([]);
});

const frames = () => page.locator("iframe[data-lanes-frame]");
const embedFrame = (i: number): FrameLocator => frames().nth(i).contentFrame();
async function frameOf(i: number): Promise<Frame> {
  const frame = await frames().nth(i).elementHandle().then((h) => h?.contentFrame());
  if (!frame) throw new Error(`no frame ${i}`);
  return frame;
}
const heightOf = (i: number) => frames().nth(i).evaluate((f) => f.getBoundingClientRect().height);

/** Post `message` to embed `i` from the course page; resolve with the lanes:result that has its id. */
function hostRun(i: number, message: Record<string, unknown>) {
  return page.evaluate(
    ([index, msg, app]) =>
      new Promise<unknown>((resolve, reject) => {
        const frame = document.querySelectorAll<HTMLIFrameElement>("iframe[data-lanes-frame]")[index]!;
        const timer = setTimeout(() => reject(new Error("no lanes:result within 45 s")), 45_000);
        addEventListener("message", function answer(e) {
          if (e.source === frame.contentWindow && e.data?.type === "lanes:result" && e.data.id === msg.id) {
            clearTimeout(timer);
            removeEventListener("message", answer);
            resolve(e.data);
          }
        });
        frame.contentWindow!.postMessage(msg, app);
      }),
    [i, message, APP] as const,
  );
}

test("each block becomes a playground as it scrolls near, and not before", async () => {
  await expect(frames()).toHaveCount(1);
  await expect(page.locator("#first")).toBeHidden({ timeout: 30_000 }); // its playground said lanes:ready
  await expect(embedFrame(0).getByRole("button", { name: "Run", exact: true })).toBeVisible();
  await page.waitForTimeout(1000);
  await expect(frames()).toHaveCount(1);
  await expect(page.locator("#second")).toBeVisible();
  expect(await frames().first().getAttribute("title")).toMatch(/Lanes playground/);
  expect(await frames().first().getAttribute("allow")).toBe("cross-origin-isolated");

  await page.locator("#second").scrollIntoViewIfNeeded();
  await expect(frames()).toHaveCount(2);
  await expect(page.locator("#second")).toBeHidden({ timeout: 30_000 });
  await expect(page.locator("#third")).toBeVisible();
  await expect(frames()).toHaveCount(2);
  // It works: its own Run button runs the block's code under the block's runner.
  await embedFrame(1).getByRole("button", { name: "Run", exact: true }).click();
  await expect(embedFrame(1).locator(".playground")).toHaveAttribute("data-state", "idle", { timeout: 30_000 });
  await expect(embedFrame(1).getByText("1,4,9").first()).toBeVisible();
});

test("an embed's height grows after a run and shrinks after clearing", async () => {
  await page.locator("#first").evaluate((e) => (e.nextElementSibling as HTMLElement).scrollIntoView());
  const before = await heightOf(0);
  expect(before).toBeGreaterThan(200);
  await embedFrame(0).getByRole("button", { name: "Run", exact: true }).click();
  await expect(embedFrame(0).locator(".playground")).toHaveAttribute("data-state", "idle", { timeout: 45_000 });
  await expect.poll(() => heightOf(0)).toBeGreaterThan(before + 150);
  // The frame shows all of its content: no scrolling inside it.
  const inner = await (await frameOf(0)).evaluate(() => document.getElementById("root")!.getBoundingClientRect().height);
  expect(Math.abs(inner - (await heightOf(0)))).toBeLessThan(3);
  await embedFrame(0).getByRole("button", { name: "Clear", exact: true }).click();
  await expect.poll(() => heightOf(0)).toBeLessThan(before + 5);
});

test("the host drives a run with lanes:run and gets lanes:result with the same id and well-formed runs; only its parent hears it", async () => {
  const second = await frameOf(1);
  await second.evaluate(() => {
    (window as unknown as { seen: unknown[] }).seen = [];
    // Lanes' messages only: Monaco posts to its own window (its setImmediate).
    addEventListener("message", (e) => String(e.data?.type).startsWith("lanes:") && (window as unknown as { seen: unknown[] }).seen.push(e.data));
  });
  await page.evaluate(() => ((window as unknown as { heard: unknown[] }).heard.length = 0));
  const code = FIRST.replace("line ", "host line ");
  const answer = await hostRun(0, { type: "lanes:run", id: "host-1", code, runners: ["main", "async"] });
  const message = embedMessageSchema.parse(answer);
  expect(message.type).toBe("lanes:result");
  if (message.type !== "lanes:result") return;
  expect(message.id).toBe("host-1");
  expect(message.runs.map((r) => r.runner)).toEqual(["main", "async"]);
  for (const run of message.runs) {
    expect(run.ok).toBe(true);
    expect(run.output.map((o) => o.text)).toContain("host line 12");
    expect(run.spans.length).toBeGreaterThan(0);
  }
  // The code the host sent is now in the editor.
  await expect(embedFrame(0).locator(".monaco-editor")).toContainText("host line");

  type Heard = { from: number; origin: string; data: { type: string } };
  const heard = (await page.evaluate(() => (window as unknown as { heard: unknown[] }).heard)) as Heard[];
  expect(heard.filter((h) => h.data.type === "lanes:result").map((h) => h.from)).toEqual([0]);
  expect(heard.every((h) => h.origin === APP && h.from === 0)).toBe(true);
  // Neither the other embed nor another frame of the page heard any of it.
  expect(await second.evaluate(() => (window as unknown as { seen: unknown[] }).seen)).toEqual([]);
  const bystander = page.frameLocator("#bystander");
  expect(await bystander.locator("html").evaluate(() => (window as unknown as { seen: unknown[] }).seen)).toEqual([]);
});

test("a host-sent program that uses shared.int32 under workers runs in an embed on a page that is not isolated", async () => {
  expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(false);
  expect(await (await frameOf(1)).evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
  const answer = embedMessageSchema.parse(await hostRun(1, { type: "lanes:run", id: 7, code: SHARED, runners: ["workers"] }));
  if (answer.type !== "lanes:result") throw new Error(answer.type);
  expect(answer.id).toBe(7);
  const [run] = answer.runs;
  expect(run?.error?.message).toBeUndefined();
  expect(run?.ok).toBe(true);
  expect(run?.output.map((o) => o.text)).toEqual(["total 4000"]);
  // It ran in a stage (the sandboxed page for student code) inside the embed, not on the embed's own page.
  expect(((run?.notes ?? []) as string[]).filter((note) => note.includes("page of its own"))).toEqual([]);
  expect(await (await frameOf(1)).locator("iframe[sandbox]").count()).toBeGreaterThan(0);
});

test("a malformed message is ignored with one console warning", async () => {
  warnings.length = 0;
  await page.evaluate((app) => {
    const frame = document.querySelector<HTMLIFrameElement>("iframe[data-lanes-frame]")!;
    frame.contentWindow!.postMessage({ type: "lanes:run", code: "x" }, app);
    frame.contentWindow!.postMessage({ type: "somebody-else" }, app);
  }, APP);
  await expect.poll(() => warnings.filter((w) => w.includes("malformed")).length).toBe(1);
  await page.waitForTimeout(500);
  expect(warnings.filter((w) => w.startsWith("lanes:"))).toHaveLength(1);
  expect(warnings[0]).toMatch(/lanes:run.*id/);
});

test("lanes:set-theme switches the playground's colours whatever the reader's system says", async () => {
  const frame = await frameOf(0);
  const background = () => frame.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const light = await background();
  await page.evaluate((app) => document.querySelector<HTMLIFrameElement>("iframe[data-lanes-frame]")!.contentWindow!.postMessage({ type: "lanes:set-theme", theme: "dark" }, app), APP);
  await expect.poll(() => frame.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
  await expect.poll(background).not.toBe(light);
  const [r, g, b] = (await background()).match(/\d+/g)!.map(Number);
  expect(r! + g! + b!).toBeLessThan(200);
});

test("a block added to the page after it loaded becomes a playground as it comes near", async () => {
  const before = await frames().count();
  await page.evaluate((code) => {
    // Nested in a new section, as a course page's own script would add it.
    const section = document.createElement("section");
    section.innerHTML = `<div style="height: 3000px">Added later…</div><pre data-lanes id="added"></pre>`;
    section.querySelector("pre")!.textContent = code;
    document.body.append(section);
  }, FIRST);
  await page.waitForTimeout(500);
  expect(await frames().count(), "not before it comes near").toBe(before);
  await page.locator("#added").scrollIntoViewIfNeeded();
  await expect(frames()).toHaveCount(before + 1);
  await expect(page.locator("#added"), "its playground is ready").toBeHidden({ timeout: 30_000 });
  await expect(embedFrame(before).getByRole("button", { name: "Run" })).toBeVisible();
});
