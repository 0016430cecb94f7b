// The stage's code, for the app to hand to each stage (src/stage/stage-frame.ts). The stage is
// a sandboxed frame with an opaque origin: it bypasses the service worker (for its document and
// every request it makes), so on a host whose headers come from the service worker, and
// offline, it could load nothing of the site. So it loads nothing: its document is a `srcdoc`,
// and its code (the stage entry and the workers' entry, each one self-contained ES module, no
// chunks, no URLs to resolve) comes through the app, as the strings of one lazy module of the
// app's own build — fetched, precached and served offline like any other asset.
import type { Plugin } from "vite";
import { buildOneScript } from "./build-one-script.ts";

export const STAGE_CODE_MODULE = "virtual:lanes-stage-code";
const RESOLVED = `\0${STAGE_CODE_MODULE}`;

export function stageCodePlugin(): Plugin {
  let root = process.cwd();
  let minify = true;
  return {
    name: "lanes-stage-code",
    configResolved(config) {
      root = config.root;
      minify = config.command === "build";
    },
    resolveId(id) {
      return id === STAGE_CODE_MODULE ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const [stageCode, workerCode] = await Promise.all([
        bundle(root, "src/stage/stage-main.ts", minify),
        bundle(root, "src/runners/workers/worker-entry.ts", minify),
      ]);
      return `export const stageCode = ${JSON.stringify(stageCode)};\nexport const workerCode = ${JSON.stringify(workerCode)};\n`;
    },
  };
}

/** `entry` and everything it imports as one ES module (dynamic imports inlined: nothing left to fetch). */
function bundle(root: string, entry: string, minify: boolean): Promise<string> {
  return buildOneScript(root, entry, { minify, preserveEntrySignatures: "strict", output: { format: "es", inlineDynamicImports: true }, who: "plugins/stage-code-plugin.ts" });
}
