// Loaded lazily (dynamic import) so the lesson text never waits for the editor.
// Everything here is bundled by Vite: no request leaves the page's origin.
// Only what Lanes uses: the editor API with its features, TypeScript/JavaScript (their
// language service in ts.worker) and Python highlighting. `import "monaco-editor"` would bring
// 80 more languages, the CSS/HTML/JSON workers (2.2 MB) and an LSP client into dist/.
import * as api from "monaco-editor/editor/editor.api";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import * as typescript from "monaco-editor/languages/features/typescript/register";
import TsWorker from "monaco-editor/languages/features/typescript/ts.worker?worker";
import "monaco-editor/languages/definitions/javascript/register";
import "monaco-editor/languages/definitions/python/register";
import "monaco-editor/languages/definitions/typescript/register";
import "./monaco-features";
import { LANES_TYPES } from "../../runtime/lanes-types";

self.MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    return label === "typescript" || label === "javascript" ? new TsWorker() : new EditorWorker();
  },
};

const ts = typescript;
ts.typescriptDefaults.setCompilerOptions({
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.NodeJs,
  strict: true,
  noEmit: true,
  lib: ["es2023"],
  allowNonTsExtensions: true,
  // A program imports its helper file as "./helpers" or "./helpers.ts" (noEmit allows the latter).
  allowImportingTsExtensions: true,
});
// Student programs have no DOM: leaving lib.dom out keeps IntelliSense honest.
ts.typescriptDefaults.addExtraLib(LANES_TYPES, "file:///node_modules/@types/lanes/index.d.ts");

/** The parts of `monaco-editor` that Lanes loads, under the names the full build gives them. */
export const monaco = { ...api, typescript };

// Monaco's own themes, with the colours that fell short of WCAG AA contrast (axe-core: the dimmed
// last line number in light, 1.75:1; comments in dark, 4.2:1) raised to 4.5:1 or more.
export const EDITOR_THEME = { light: "lanes-light", dark: "lanes-dark" } as const;
api.editor.defineTheme(EDITOR_THEME.light, {
  base: "vs",
  inherit: true,
  rules: [],
  colors: { "editorLineNumber.dimmedForeground": "#5b616b" },
});
api.editor.defineTheme(EDITOR_THEME.dark, {
  base: "vs-dark",
  inherit: true,
  rules: [{ token: "comment", foreground: "6a9955" }],
  colors: { "editorLineNumber.dimmedForeground": "#a0a6b0" },
});

