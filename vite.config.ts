/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { lessonsPlugin } from "./plugins/lessons-plugin.ts";

// Cross-origin isolation gives SharedArrayBuffer, Atomics.wait in workers and
// 5 µs timers: the runtime needs all three. Every asset must be same-origin.
const isolation = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

export default defineConfig({
  plugins: [react(), lessonsPlugin()],
  server: { headers: isolation },
  preview: { headers: isolation },
  worker: { format: "es" },
  build: { target: "es2022", chunkSizeWarningLimit: 4096 },
  test: {
    include: ["src/**/*.test.ts", "plugins/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
  },
});
