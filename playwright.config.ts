import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./scripts/chromium-path.mjs";

// LANES_E2E_PORT lets several checkouts test side by side without sharing a server.
const PORT = Number(process.env.LANES_E2E_PORT ?? 4173);

// E2E runs against `vite build` + `vite preview`: what is tested is what ships.
export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1, // 2 cores: parallel browsers would distort every timing the tests look at
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
