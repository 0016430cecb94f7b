// Builds the timeline frame benchmark's page (bench/timeline/) into bench/results/timeline-dist.
// Separate from the app's config and build: the bench page never enters the app's bundle.
// bench/suites/5-timeline-frames.mjs builds with it; by hand: npx vite build -c bench/timeline/vite.config.ts
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: "./",
  publicDir: false,
  logLevel: "warn",
  build: {
    outDir: path.resolve(here, "../results/timeline-dist"),
    emptyOutDir: true,
    target: "es2022",
  },
});
