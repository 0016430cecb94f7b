// What tests (and course tooling) need to read an editor exactly: Monaco draws only the lines in
// view and reuses their elements, so the page's text is not the file. Read-only by design: it
// reports the model and the cursor, and changes nothing.
import type * as Monaco from "monaco-editor";

export interface EditorProbe {
  /** Paths of the editors on the page (`<lesson>-<playground>`). */
  paths(): string[];
  /** The editor's whole text, from its model. */
  text(path: string): string | null;
  /** The cursor, 1-based, as Monaco reports it. */
  cursor(path: string): { line: number; column: number } | null;
  /** A comparison's two sides (the student's code, the lesson's), from their models. */
  diff(path: string): { original: string; modified: string } | null;
}

declare global {
  interface Window {
    __lanesEditors?: EditorProbe;
  }
}

const editors = new Map<string, Monaco.editor.IStandaloneCodeEditor>();
const diffs = new Map<string, Monaco.editor.IStandaloneDiffEditor>();

/** Make an editor readable through `window.__lanesEditors`; returns the way to forget it. */
export function registerEditor(path: string, editor: Monaco.editor.IStandaloneCodeEditor): () => void {
  editors.set(path, editor);
  installProbe();
  return () => {
    if (editors.get(path) === editor) editors.delete(path);
  };
}

/** The same for a diff editor (a playground's Compare). */
export function registerDiffEditor(path: string, editor: Monaco.editor.IStandaloneDiffEditor): () => void {
  diffs.set(path, editor);
  installProbe();
  return () => {
    if (diffs.get(path) === editor) diffs.delete(path);
  };
}

function installProbe() {
  window.__lanesEditors ??= {
    paths: () => [...editors.keys()],
    text: (p) => editors.get(p)?.getModel()?.getValue() ?? null,
    cursor: (p) => {
      const position = editors.get(p)?.getPosition();
      return position ? { line: position.lineNumber, column: position.column } : null;
    },
    diff: (p) => {
      const model = diffs.get(p)?.getModel();
      return model ? { original: model.original.getValue(), modified: model.modified.getValue() } : null;
    },
  };
}
