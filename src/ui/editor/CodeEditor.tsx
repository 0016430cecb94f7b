import { useEffect, useImperativeHandle, useRef, useState, type Ref } from "react";
import type * as Monaco from "monaco-editor";
import { registerEditor } from "./editor-probe";
import { editorMade } from "./first-editor";
import { minimalEdit } from "./minimal-edit";
import { leaveWithEscape } from "./leave-with-escape";
import { editorTheme, loadMonaco, type MonacoModule } from "./load-monaco";

/** What a playground may do to the text besides the student's typing: always as an undoable edit. */
export interface CodeEditorHandle {
  /** Replace the whole text in one edit on the editor's undo stack (Ctrl+Z brings the old text back). */
  replace(text: string): void;
  /**
   * Take back a replacement: Monaco's own undo while the text is still `replaced` (so the undo
   * stack stays whole), else `previous` put back as one more undoable edit.
   */
  undoReplace(previous: string, replaced: string): void;
  /**
   * Take a new version of the text that is not the student's (the lesson file changed): only the
   * part that differs is edited, so the cursor and the scroll stay where the student was.
   */
  follow(text: string): void;
  /** The text now in the editor. */
  text(): string;
  focus(): void;
  /**
   * The line (1-based) of each TypeScript error in the text now in the editor, asked of the
   * language service itself (its squiggles lag the text by half a second); null where nothing
   * checks types (Monaco not loaded, a Python model, the service failed).
   */
  typeErrors(): Promise<number[] | null>;
}

export interface CodeEditorProps {
  /**
   * Unique per playground: names the editor model so types and undo history stay apart. A path
   * ending in `.ts` is the file's own name (`race/helpers.ts`): the files of one folder import
   * each other, as the program does ("./helpers").
   */
  path: string;
  /**
   * The text the editor starts with: read when it mounts (pass the latest text, so a remount
   * starts from it), never after. The editor owns its text (typing is never overwritten by a
   * render), and others change it only through `handle.replace`.
   */
  initialValue: string;
  /** Every change of the text, typed or replaced: the store follows the editor. */
  onChange(value: string): void;
  label: string;
  /** Ctrl/Cmd+Enter inside the editor. */
  onRun?(): void;
  /** Larger than this the text is not saved; the editor says so (the text itself stays). */
  notice?: string;
  handle?: Ref<CodeEditorHandle>;
  /** `initialValue` as highlighted HTML (built with the lesson): shown until Monaco is ready, as the static page shows it. */
  staticHtml?: string;
  /** The model's language: TypeScript (default) or the Python twin's. */
  language?: "typescript" | "python";
  /** Errors to mark in the code (a Python traceback's line), by 1-based line. */
  markers?: { line: number; message: string }[];
  /** Shown and runnable, not editable (an embed's `readonly=1`); replacements still apply. */
  readOnly?: boolean;
}

function modelPath(path: string, language: "typescript" | "python"): string {
  if (language === "typescript" && path.endsWith(".ts")) return path;
  return `${path}.${language === "python" ? "py" : "ts"}`;
}

function prefersDark(): boolean {
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
}

const lineCount = (text: string) => text.split("\n").length;
const LINE_PX = 20; // Monaco's lineHeight and the preview's, so nothing jumps when Monaco arrives
/** Between 8 and 40 lines high; beyond that the editor scrolls (a pasted file must not take the page). */
const editorHeight = (content: number) => Math.min(Math.max(content, 8 * LINE_PX + 16), 40 * LINE_PX + 16);

/** Monaco, loaded on first use; until then the code is shown as text (and stays editable if Monaco fails). */
export function CodeEditor({ path, initialValue, onChange, label, onRun, notice, handle, staticHtml, language = "typescript", markers, readOnly = false }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const monacoRef = useRef<MonacoModule | null>(null);
  // The text outside Monaco (before it loads, or in the fallback): Monaco's model is the truth once it exists.
  const text = useRef(initialValue);
  const latest = useRef({ onChange, onRun });
  useEffect(() => {
    latest.current = { onChange, onRun };
  });
  const [status, setStatus] = useState<"loading" | "ready" | "failed">("loading");
  const [shown, setShown] = useState(initialValue);
  const [lines, setLines] = useState(() => lineCount(initialValue));
  const [focused, setFocused] = useState(false);
  // Once Monaco runs, its content height (wrapped lines included) sizes the box: no scroll
  // inside the editor hides the line an exercise asks to change, and clicks land where they aim.
  const [contentHeight, setContentHeight] = useState<number | null>(null);

  const changed = (next: string) => {
    text.current = next;
    setLines(lineCount(next));
    latest.current.onChange(next);
  };

  const replace = (next: string) => {
    const instance = editor.current;
    const model = instance?.getModel();
    if (!instance || !model) {
      setShown(next);
      changed(next);
      return;
    }
    if (model.getValue() === next) return;
    // Undo stops around the edit make it one step of its own: Ctrl+Z undoes exactly it.
    // A read-only editor refuses edits, its owner's (an embed host's set-code) included.
    if (readOnly) instance.updateOptions({ readOnly: false });
    instance.pushUndoStop();
    instance.executeEdits("lanes", [{ range: model.getFullModelRange(), text: next, forceMoveMarkers: true }]);
    instance.pushUndoStop();
    if (readOnly) instance.updateOptions({ readOnly: true });
  };

  const follow = (next: string) => {
    const instance = editor.current;
    const model = instance?.getModel();
    const edit = model ? minimalEdit(model.getValue(), next) : null;
    if (!instance || !model || !edit) return replace(next);
    const range = { start: model.getPositionAt(edit.start), end: model.getPositionAt(edit.end) };
    if (readOnly) instance.updateOptions({ readOnly: false });
    instance.pushUndoStop();
    instance.executeEdits("lanes-lesson", [
      { range: { startLineNumber: range.start.lineNumber, startColumn: range.start.column, endLineNumber: range.end.lineNumber, endColumn: range.end.column }, text: edit.text },
    ]);
    instance.pushUndoStop();
    if (readOnly) instance.updateOptions({ readOnly: true });
  };

  useImperativeHandle(handle, () => ({
    replace,
    follow,
    undoReplace(previous, replaced) {
      const model = editor.current?.getModel();
      if (model && model.getValue() === replaced && model.canUndo()) {
        editor.current?.trigger("lanes", "undo", null);
        if (model.getValue() === previous) return;
      }
      replace(previous);
    },
    text: () => editor.current?.getModel()?.getValue() ?? text.current,
    focus: () => editor.current?.focus(),
    typeErrors: async () => {
      const monaco = monacoRef.current;
      const model = editor.current?.getModel();
      if (!monaco || !model || language !== "typescript") return null;
      try {
        const worker = await (await monaco.typescript.getTypeScriptWorker())(model.uri);
        const file = model.uri.toString();
        const found = [...(await worker.getSyntacticDiagnostics(file)), ...(await worker.getSemanticDiagnostics(file))];
        return found.filter((d) => d.category === 1).map((d) => model.getPositionAt(d.start ?? 0).lineNumber);
      } catch {
        return null; // the squiggles (if any) still say it; the run is not held up by this
      }
    },
  }));

  useEffect(() => {
    let disposed = false;
    const cleanups: (() => void)[] = [];
    loadMonaco().then(
      (monaco) => {
        if (disposed || !host.current) return;
        const uri = monaco.Uri.parse(`file:///playground/${modelPath(path, language)}`);
        const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(text.current, language, uri);
        monacoRef.current = monaco;
        // Nobody can be typing yet: the model may be left from an earlier visit to this page.
        if (model.getValue() !== text.current) model.setValue(text.current);
        const instance = monaco.editor.create(host.current, {
          model,
          ariaLabel: `${label}. Press Escape, then Tab, to leave the editor.`,
          automaticLayout: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          wordWrap: "on",
          fontSize: 14,
          lineHeight: LINE_PX,
          padding: { top: 8, bottom: 8 },
          tabSize: 2,
          theme: editorTheme(prefersDark()),
          fixedOverflowWidgets: true,
          readOnly,
        });
        instance.addAction({
          id: "lanes.run",
          label: "Run",
          keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
          run: () => latest.current.onRun?.(),
        });
        const subs = [
          model.onDidChangeContent(() => changed(model.getValue())),
          instance.onDidFocusEditorText(() => setFocused(true)),
          instance.onDidBlurEditorText(() => setFocused(false)),
          instance.onDidContentSizeChange((e) => e.contentHeightChanged && setContentHeight(e.contentHeight)),
          leaveWithEscape(host.current, instance),
          { dispose: registerEditor(path, instance) },
        ];
        const scheme = window.matchMedia?.("(prefers-color-scheme: dark)");
        const onScheme = () => monaco.editor.setTheme(editorTheme(prefersDark()));
        scheme?.addEventListener("change", onScheme);
        editor.current = instance;
        setContentHeight(instance.getContentHeight());
        cleanups.push(() => {
          scheme?.removeEventListener("change", onScheme);
          subs.forEach((s) => s.dispose());
          instance.dispose();
          editor.current = null;
        });
        setStatus("ready");
        editorMade();
      },
      (error: unknown) => {
        editorMade();
        console.warn("lanes: the code editor failed to load; using a plain text area.", error);
        if (!disposed) {
          setShown(text.current);
          setStatus("failed");
        }
      },
    );
    return () => {
      disposed = true;
      cleanups.forEach((f) => f());
    };
    // The editor is created once per path; afterwards it owns its text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path]);

  // Run errors (Python's, whose lines no type-checker marks) as markers on their lines.
  useEffect(() => {
    const monaco = monacoRef.current;
    const model = editor.current?.getModel();
    if (!monaco || !model) return;
    monaco.editor.setModelMarkers(
      model,
      "lanes-run",
      (markers ?? [])
        .filter((m) => m.line >= 1 && m.line <= model.getLineCount())
        .map((m) => ({
          severity: monaco.MarkerSeverity.Error,
          message: m.message,
          startLineNumber: m.line,
          endLineNumber: m.line,
          startColumn: model.getLineFirstNonWhitespaceColumn(m.line) || 1,
          endColumn: model.getLineMaxColumn(m.line),
        })),
    );
  }, [markers, status]);

  return (
    <div className="code-editor" data-status={status} style={{ height: `${editorHeight(contentHeight ?? lines * LINE_PX + 16)}px` }}>
      {status === "failed" ? (
        <textarea
          aria-label={label}
          className="code-fallback"
          value={shown}
          readOnly={readOnly}
          spellCheck={false}
          onChange={(e) => {
            setShown(e.target.value);
            changed(e.target.value);
          }}
        />
      ) : (
        <div ref={host} className="code-host" />
      )}
      {status === "loading" &&
        (staticHtml === undefined ? (
          <pre className="code-fallback" aria-busy="true">
            {shown}
          </pre>
        ) : (
          <pre className="code-fallback" aria-busy="true" dangerouslySetInnerHTML={{ __html: staticHtml }} />
        ))}
      {(focused || notice) && (
        <p className={notice ? "editor-note warn" : "editor-note"} role={notice ? "alert" : undefined}>
          {notice ?? "Esc then Tab leaves the editor · Ctrl+Enter runs"}
        </p>
      )}
    </div>
  );
}
