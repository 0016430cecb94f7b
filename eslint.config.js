import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const UI_LIBS = ["react", "react-dom", "react-dom/*", "react-markdown", "monaco-editor", "monaco-editor/*", "zustand/react", "@monaco-editor/*"];

// Layers (DESIGN.md): src/trace and src/lessons are pure (no React, no DOM);
// src/runtime and src/runners never reach into src/ui.
const pure = {
  "no-restricted-imports": [
    "error",
    {
      paths: UI_LIBS.filter((p) => !p.includes("*")).map((name) => ({ name, message: "src/trace and src/lessons stay free of React and the DOM." })),
      patterns: [
        { group: UI_LIBS.filter((p) => p.includes("*")), message: "src/trace and src/lessons stay free of React and the DOM." },
        { group: ["**/ui/**", "**/ui", "**/store/**", "**/runners/**", "**/runtime/**", "**/compile/**"], message: "a pure layer imports only pure layers." },
      ],
    },
  ],
  "no-restricted-globals": [
    "error",
    ...["document", "window", "navigator", "localStorage", "HTMLElement", "requestAnimationFrame"].map((name) => ({ name, message: "pure layers do not touch the DOM." })),
  ],
};

export default tseslint.config(
  { ignores: ["dist", "dist-subpath", "node_modules", "test-results", "playwright-report", "bench/results", ".scratch"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  { files: ["src/trace/**/*.ts", "src/lessons/**/*.ts"], rules: pure },
  {
    files: ["src/runtime/**/*.ts", "src/runners/**/*.ts", "src/compile/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/ui/**", "**/ui", "react", "react-dom"], message: "the runtime, runners and compiler never depend on the UI." }] },
      ],
    },
  },
  {
    files: ["*.{js,ts,mjs}", "scripts/**", "e2e/**", "bench/**", "plugins/**"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
