// Builds Lanes' service worker (src/service-worker/sw.ts) into <outDir>/sw.js, after the site
// itself: its precache list is every file of the build (hashed assets, prerendered pages, the
// manifest and icons) but Pyodide's, which is cached on first use, and its version is a hash
// of their contents, so any change to the site is a new worker, and a new cache.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { Plugin, ResolvedConfig } from "vite";
import { buildOneScript } from "./build-one-script.ts";
import type { HeaderRule, ServiceWorkerConfig } from "../src/service-worker/config.ts";

export const SERVICE_WORKER_FILE = "sw.js";
/** Files for the host, not for pages (Netlify / Cloudflare Pages read _headers). */
const NOT_FOR_PAGES = new Set(["_headers", SERVICE_WORKER_FILE]);

export interface ServiceWorkerOptions {
  /** Files below this prefix are cached on first use, not precached. */
  onFirstUse: string;
  headers: HeaderRule[];
}

export function serviceWorkerPlugin(options: ServiceWorkerOptions): Plugin {
  let config: ResolvedConfig;
  return {
    name: "lanes-service-worker",
    apply: "build",
    configResolved(resolved) {
      config = resolved;
    },
    // After every other plugin's writeBundle: the prerender plugin writes the pages there.
    writeBundle: {
      order: "post",
      sequential: true,
      async handler(outputOptions) {
        const outDir = outputOptions.dir ?? resolve(config.root, config.build.outDir);
        const files = filesUnder(outDir).filter((file) => !NOT_FOR_PAGES.has(file) && !file.endsWith(".map"));
        const precache = files.filter((file) => !file.startsWith(options.onFirstUse));
        const onFirstUse = files.filter((file) => file.startsWith(options.onFirstUse));
        const swConfig: ServiceWorkerConfig = {
          base: config.base,
          version: contentHash(outDir, precache),
          precache,
          onFirstUse: { prefix: options.onFirstUse, version: contentHash(outDir, onFirstUse) },
          headers: options.headers,
        };
        writeFileSync(join(outDir, SERVICE_WORKER_FILE), await bundleWorker(config.root, swConfig));
      },
    },
  };
}

/** sw.ts and its imports as one classic script (every browser with service workers runs it). */
async function bundleWorker(root: string, swConfig: ServiceWorkerConfig): Promise<string> {
  const code = await buildOneScript(root, "src/service-worker/sw.ts", { minify: true, output: { format: "iife", entryFileNames: SERVICE_WORKER_FILE }, who: "plugins/service-worker-plugin.ts" });
  // The config as a plain global before the script (a `define` of a large object is not kept as written).
  return `var __LANES_SW_CONFIG__ = ${JSON.stringify(swConfig)};\n${code}`;
}

export function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(root, path) : [relative(root, path).split("\\").join("/")];
    })
    .sort();
}

/** 12 hex digits of a SHA-256 over the files' names and bytes. */
export function contentHash(root: string, files: readonly string[]): string {
  const hash = createHash("sha256");
  for (const file of files) hash.update(file).update("\0").update(readFileSync(join(root, file))).update("\0");
  return hash.digest("hex").slice(0, 12);
}
