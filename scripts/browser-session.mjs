// A built Lanes app served by `vite preview` on a free port, with headless Chromium on its home
// page: what lessons:check (and, later, the benchmarks) drive through window.__lanes. Whatever
// happens, the browser and the server are closed: use withBrowserSession() where you can.
import { createServer } from "node:net";
import { resolve } from "node:path";
import { chromium } from "@playwright/test";
import { build, preview } from "vite";
import { CHROMIUM_ARGS, chromiumPath } from "./chromium-path.mjs";

/** A port nobody listens on right now (the OS picks it). */
export function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? done(address.port) : fail(new Error("no port"))));
    });
  });
}

/**
 * Build (unless `build: false`), serve and open the app. Resolves to { url, page, browser,
 * pageErrors, close }; close() is idempotent. On a failure half-way, what was started is closed.
 */
export async function startBrowserSession(options = {}) {
  const root = resolve(options.root ?? process.cwd());
  const outDir = resolve(root, options.outDir ?? "dist");
  const log = options.log ?? ((line) => console.error(line));
  const config = { root, configFile: options.configFile, logLevel: "warn", build: { outDir, emptyOutDir: true } };
  const cleanups = [];
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };
  try {
    if (options.build !== false) {
      log(`Building the app into ${outDir} …`);
      await build(config);
    }
    const port = await freePort();
    const server = await preview({ ...config, preview: { port, strictPort: true, host: "127.0.0.1", open: false } });
    cleanups.push(() => server.close());
    const url = `http://127.0.0.1:${port}/`;
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    cleanups.push(() => browser.close());
    const page = await browser.newPage();
    const pageErrors = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(url);
    await page.waitForFunction(() => window.__lanes !== undefined, undefined, { timeout: 30_000 });
    return { url, browser, page, pageErrors, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Run `fn(session)` and always close the session, also on Ctrl-C. */
export async function withBrowserSession(options, fn) {
  const session = await startBrowserSession(options);
  const onSignal = (signal) => {
    void session.close().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    return await fn(session);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await session.close();
  }
}
