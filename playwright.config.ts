import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./scripts/chromium-path.mjs";

// LANES_E2E_PORT lets several checkouts test side by side without sharing a server.
const PORT = Number(process.env.LANES_E2E_PORT ?? 4173);

// Specs whose assertions depend on the machine's cores or on how fast the page answers (races
// that need two cores, "within a second", frozen pages, pixel reads after zooms, Pyodide timings):
// they run in the project "alone", one test at a time with nothing else on the machine. All the
// others run in "shared", two at a time. `npm run test:e2e` runs the two one after the other
// (scripts/e2e.mjs, which gives "shared" its two workers); a plain `npx playwright test` runs
// everything one test at a time, which is slower but never puts a timing under company.
const ALONE = [
  "editor-typing", "embed", "failures", "first-visit", "foundation", "leaks", "limits", "no-isolation", "python", "python-twins",
  "runaway", "runtime", "static-host", "stop", "sync", "task-boundaries", "time-limit", "timeline", "timeline-tracks",
].map((name) => `**/${name}.spec.ts`);

// E2E runs against `vite build` + `vite preview`: what is tested is what ships.
export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1, // 2 cores: scripts/e2e.mjs raises it to 2 for the project "shared" only
  projects: [
    { name: "shared", testIgnore: ALONE },
    { name: "alone", testMatch: ALONE, workers: 1 },
  ],
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    // Lanes registers a service worker that precaches the whole build (about 10 MB) on each
    // fresh context: the specs that test it (static-host, offline) allow it; for the others it
    // would only be load on two cores, under timings they measure.
    serviceWorkers: "block",
    baseURL: `http://localhost:${PORT}`,
    browserName: "chromium",
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
