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

export { monaco };
