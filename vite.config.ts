/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { embedPlugin } from "./plugins/embed-plugin.ts";
import { lessonsPlugin } from "./plugins/lessons-plugin.ts";
import { monacoLibsPlugin } from "./plugins/monaco-libs-plugin.ts";
import { prerenderPlugin } from "./plugins/prerender-plugin.ts";
import { PYODIDE_DIR, PYTHON_WORKER_PATH, pyodideAssets, pythonWorkerCsp } from "./plugins/pyodide-assets.ts";
import { SERVICE_WORKER_FILE, serviceWorkerPlugin } from "./plugins/service-worker-plugin.ts";
import { stageCodePlugin } from "./plugins/stage-code-plugin.ts";
import type { HeaderRule } from "./src/service-worker/config.ts";
import { STAGE_BOOT_HASH } from "./src/stage/stage-document.ts";

// Where the site lives on its host: "/" by default, "/course/lanes/" for a GitHub Pages project
// site or a course under a sub-path (docs/deploying.md). Every URL the app makes honours it.
const base = process.env.LANES_BASE ?? "/";

// Cross-origin isolation gives SharedArrayBuffer, Atomics.wait in workers and
// 5 µs timers: the runtime needs all three. Every asset must be same-origin.
const isolation = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

// Student code is untrusted: it may run only scripts from this origin and the Blob URLs Lanes
// makes for it (plus the work() kernel's WebAssembly), and reach no network at all. The one
// inline script allowed, by its hash, is the stage's boot (src/stage/stage-document.ts): the
// stage is a srcdoc frame, which keeps this policy. Served with
// every file, so workers get it too. Not on the dev server, whose client and React Refresh need
// an inline script and a WebSocket. public/_headers says the same (a test keeps them equal).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' blob: 'wasm-unsafe-eval' ${STAGE_BOOT_HASH}`,
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'none'",
  // The stage (a sandboxed frame) can navigate itself, and nothing inside it can stop that:
  // this keeps every such navigation on the site (it carries nothing: the stage has no storage).
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

// embed.js is a module script of a course page on another site, so it loads in CORS mode:
// every file is served with `Access-Control-Allow-Origin: *` (a public static site has nothing
// to hide; no cookies or credentials exist). The stage needs none: it fetches nothing, its
// code comes through the app (plugins/stage-code-plugin.ts).
const crossOrigin = { "Access-Control-Allow-Origin": "*" };

// The Python worker fetches Pyodide's own files from the site (9.6 MB of WebAssembly and the
// standard library: more than a script import can carry), so its policy alone lets it connect
// to the site itself; it takes fetch and its kin away before any student code runs
// (src/python/python-worker.ts). Nothing may connect to another origin, here either.
export const PYTHON_WORKER_CSP = CONTENT_SECURITY_POLICY.replace("connect-src 'none'", "connect-src 'self'");

// The service worker fetches the site's files to precache and serve them, so it connects to
// the site itself; it runs no student code.
export const SERVICE_WORKER_CSP = PYTHON_WORKER_CSP;

/** What the service worker adds to every file it serves, for hosts that cannot send headers (public/_headers says the same). */
export const SITE_HEADERS: HeaderRule[] = [
  { prefix: "", headers: { ...isolation, ...crossOrigin, "Cross-Origin-Resource-Policy": "cross-origin", "Content-Security-Policy": CONTENT_SECURITY_POLICY } },
  { prefix: PYTHON_WORKER_PATH, headers: { "Content-Security-Policy": PYTHON_WORKER_CSP } },
  // The embed page isolates itself inside a course page that is not isolated (measured,
  // Chromium 150: Document-Isolation-Policy from a service worker's response is honoured).
  // Only an embed the worker controls gets it: the embed page registers no worker itself.
  { prefix: "embed.html", headers: { "Document-Isolation-Policy": "isolate-and-require-corp" } },
];

export default defineConfig({
  base,
  plugins: [
    react(),
    lessonsPlugin(),
    prerenderPlugin(),
    pyodideAssets(),
    pythonWorkerCsp(CONTENT_SECURITY_POLICY, { [PYTHON_WORKER_PATH]: PYTHON_WORKER_CSP, [SERVICE_WORKER_FILE]: SERVICE_WORKER_CSP }),
    serviceWorkerPlugin({ onFirstUse: PYODIDE_DIR, headers: SITE_HEADERS }),
    embedPlugin(),
    stageCodePlugin(),
  ],
  server: { headers: isolation, cors: { origin: [/^https?:\/\/(?:(?:[^:]+\.)?localhost|127\.0\.0\.1|\[::1\])(?::\d+)?$/, "null"] } },
  // The Content-Security-Policy comes from pythonWorkerCsp: the Python worker's script has its own.
  preview: { headers: { ...isolation, ...crossOrigin } },
  // Pyodide is not bundled: its worker imports it from the files pyodideAssets serves.
  optimizeDeps: { exclude: ["pyodide"] },
  // Workers are bundled with their own plugin list: the TypeScript worker needs the lib pruning.
  worker: { format: "es", plugins: () => [monacoLibsPlugin()] },
  build: {
    target: "es2022",
    chunkSizeWarningLimit: 4096,
    // embed.html: one playground for a course page's iframe (src/embed/); embed.js is emitted by embedPlugin.
    rolldownOptions: { input: { index: "index.html", embed: "embed.html" } },
  },
  test: {
    include: ["src/**/*.test.ts", "plugins/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
  },
});
