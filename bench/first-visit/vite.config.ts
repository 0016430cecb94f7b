// Builds the first-visit suite's floor page (bench/first-visit/: Monaco alone) into
// bench/results/first-visit-dist, with the app's Monaco worker plugins, so the floor loads the
// same editor and TypeScript worker the app does. The app's build is not touched.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { monacoLibsPlugin } from "../../plugins/monaco-libs-plugin.ts";

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: "/__floor/",
  publicDir: false,
  logLevel: "warn",
  worker: { format: "es", plugins: () => [monacoLibsPlugin()] },
  build: {
    outDir: path.resolve(here, "../results/first-visit-dist"),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 8192,
  },
});
