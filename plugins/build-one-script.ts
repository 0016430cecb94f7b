// One entry and everything it imports, built in memory into a single script: what the stage's
// code (stage-code-plugin.ts) and the service worker (service-worker-plugin.ts) each need from
// a second, separate Vite build. `output` says the script's format.
import { resolve } from "node:path";
import { build, type Rolldown } from "vite";

export interface OneScriptOptions {
  minify: boolean;
  output: Rolldown.OutputOptions;
  /** Keep the entry's exports as written (an ES module others import). */
  preserveEntrySignatures?: "strict";
  /** Which plugin asked, for the error. */
  who: string;
}

export async function buildOneScript(root: string, entry: string, options: OneScriptOptions): Promise<string> {
  const result = await build({
    root,
    configFile: false,
    logLevel: "warn",
    publicDir: false,
    build: {
      write: false,
      target: "es2022",
      minify: options.minify,
      rolldownOptions: { input: resolve(root, entry), preserveEntrySignatures: options.preserveEntrySignatures, output: options.output },
    },
    worker: { format: "es" },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunks = outputs.flatMap((output) => ("output" in output ? output.output : [])).filter((file) => file.type === "chunk");
  if (chunks.length !== 1 || chunks[0]?.type !== "chunk") throw new Error(`${options.who}: ${entry} did not build into one self-contained script (${chunks.length} chunks).`);
  return chunks[0].code;
}
