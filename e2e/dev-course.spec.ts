import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { createServer, type ViteDevServer } from "vite";
import { freePort } from "../scripts/browser-session.mjs";

// A course of one's own in the dev server, as `npm start -- --lessons <dir>` serves it: a copy
// of the fixture course outside the repository (so Vite's own watcher does not see it), and a
// lesson added while the server runs appears without a restart.
const LESSON = `---
title: A lesson written just now
summary: Added while the server ran.
---

Prose.
`;

let dir: string;
let server: ViteDevServer;
let url: string;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "lanes-dev-course-"));
  cpSync("e2e/fixtures/course-small", dir, { recursive: true });
  process.env.LANES_LESSONS_DIR = dir;
  try {
    const port = await freePort();
    server = await createServer({ logLevel: "warn", server: { port, strictPort: true, host: "127.0.0.1" } });
    await server.listen();
  } finally {
    delete process.env.LANES_LESSONS_DIR;
  }
  url = server.resolvedUrls?.local[0] ?? "";
});

test.afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

test("the dev server serves a course folder and picks up a new lesson without a restart", async ({ page }) => {
  test.setTimeout(90_000); // the first dev load pre-bundles React
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: "Pools in a weekend" })).toBeVisible({ timeout: 45_000 });
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(["Waiting", "Computing"]);
  await expect(page.getByRole("link", { name: /A lesson written just now/ })).toHaveCount(0);

  // The lesson file first, then its place in course.yaml, as an author would add both.
  writeFileSync(join(dir, "written-now.md"), LESSON);
  const course = "title: Pools in a weekend\nintro: Three lessons, and one more.\nparts:\n  - title: Waiting\n    lessons: [sleepers, a-pool-of-waiters, written-now]\n  - title: Computing\n    lessons: [cores]\n";
  writeFileSync(join(dir, "course.yaml"), course);
  // No reload by hand: the server reloads the page.
  await expect(page.getByRole("link", { name: /A lesson written just now/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Three lessons, and one more.")).toBeVisible();
});
