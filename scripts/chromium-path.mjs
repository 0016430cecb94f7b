// Where the e2e tests and benchmarks find Chromium: CHROMIUM_PATH, then the system's
// (Debian's /usr/bin/chromium), else undefined, meaning Playwright's own download.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const SYSTEM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function chromiumPath() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return SYSTEM_PATHS.find((p) => existsSync(p));
}

/** True when Playwright's own Chromium is installed (npx playwright install chromium). */
export function hasPlaywrightChromium() {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require("@playwright/test");
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

/** Flags that keep headless Chromium quiet on a closed network (PITFALLS.md). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
