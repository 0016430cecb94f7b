// The stage's code, for the app to hand to each stage (src/stage/stage-frame.ts). The stage is
// a sandboxed frame with an opaque origin: it bypasses the service worker (for its document and
// every request it makes), so on a host whose headers come from the service worker, and
// offline, it could load nothing of the site. So it loads nothing: its document is a `srcdoc`,
// and its code (the stage entry and the workers' entry, each one self-contained ES module, no
// chunks, no URLs to resolve) comes through the app, as the strings of one lazy module of the
// app's own build — fetched, precached and served offline like any other asset.
import { build, type Plugin } from "vite";
import { resolve } from "node:path";

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
async function bundle(root: string, entry: string, minify: boolean): Promise<string> {
  const result = await build({
    root,
    configFile: false,
    logLevel: "warn",
    publicDir: false,
    build: {
      write: false,
      target: "es2022",
      minify,
      rolldownOptions: {
        input: resolve(root, entry),
        preserveEntrySignatures: "strict",
        output: { format: "es", inlineDynamicImports: true },
      },
    },
    worker: { format: "es" },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunks = outputs.flatMap((output) => ("output" in output ? output.output : [])).filter((file) => file.type === "chunk");
  if (chunks.length !== 1 || chunks[0]?.type !== "chunk") throw new Error(`plugins/stage-code-plugin.ts: ${entry} did not build into one self-contained module (${chunks.length} chunks).`);
  return chunks[0].code;
}
