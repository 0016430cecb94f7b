// Loaded lazily (dynamic import) so the lesson text never waits for the editor.
// Everything here is bundled by Vite: no request leaves the page's origin.
import * as monaco from "monaco-editor";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import TsWorker from "monaco-editor/languages/features/typescript/ts.worker?worker";
import { LANES_TYPES } from "../../runtime/lanes-types";

self.MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    return label === "typescript" || label === "javascript" ? new TsWorker() : new EditorWorker();
  },
};

const ts = monaco.typescript;
ts.typescriptDefaults.setCompilerOptions({
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.NodeJs,
  strict: true,
  noEmit: true,
  lib: ["es2023"],
  allowNonTsExtensions: true,
});
// Student programs have no DOM: leaving lib.dom out keeps IntelliSense honest.
ts.typescriptDefaults.addExtraLib(LANES_TYPES, "file:///node_modules/@types/lanes/index.d.ts");

// Monaco's own themes, with the colours that fell short of WCAG AA contrast (axe-core: the dimmed
// last line number in light, 1.75:1; comments in dark, 4.2:1) raised to 4.5:1 or more.
export const EDITOR_THEME = { light: "lanes-light", dark: "lanes-dark" } as const;
monaco.editor.defineTheme(EDITOR_THEME.light, {
  base: "vs",
  inherit: true,
  rules: [],
  colors: { "editorLineNumber.dimmedForeground": "#5b616b" },
});
monaco.editor.defineTheme(EDITOR_THEME.dark, {
  base: "vs-dark",
  inherit: true,
  rules: [{ token: "comment", foreground: "6a9955" }],
  colors: { "editorLineNumber.dimmedForeground": "#a0a6b0" },
});

export { monaco };
