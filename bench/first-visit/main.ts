/// <reference types="vite/client" />
// The floor of the first-visit suite: a page with nothing but the Monaco Lanes ships (the same
// monaco-setup: editor, TypeScript service and worker, lanes types), opening the code in the
// URL's hash with the playground's editor options. No app, no lesson, no React.
import { monaco } from "../../src/ui/editor/monaco-setup";

const code = decodeURIComponent(location.hash.slice(1));
const host = document.getElementById("host") as HTMLElement;
const model = monaco.editor.createModel(code, "typescript", monaco.Uri.parse("file:///playground/floor.ts"));
monaco.editor.create(host, { model, automaticLayout: true, minimap: { enabled: false }, scrollBeyondLastLine: false, wordWrap: "on", fontSize: 14, tabSize: 2, fixedOverflowWidgets: true });
