import { useEffect, useRef, useState } from "react";
import type * as Monaco from "monaco-editor";
import type { monaco } from "./monaco-setup";

// What monaco-setup loads: the editor API and the TypeScript service, not all of "monaco-editor".
type MonacoModule = typeof monaco;

export interface CodeEditorProps {
  /** Unique per playground: names the editor model so types and undo history stay apart. */
  path: string;
  value: string;
  onChange(value: string): void;
  label: string;
  /** Ctrl/Cmd+Enter inside the editor. */
  onRun?(): void;
  /** `value` as highlighted HTML (built with the lesson): shown until Monaco is ready, as the static page shows it. */
  staticHtml?: string;
}

let loading: Promise<MonacoModule> | undefined;
function loadMonaco(): Promise<MonacoModule> {
  loading ??= import("./monaco-setup").then((m) => {
    editorTheme = (dark) => (dark ? m.EDITOR_THEME.dark : m.EDITOR_THEME.light);
    return m.monaco;
  });
  return loading;
}

// Monaco's built-in names until monaco-setup (with the higher-contrast themes) has loaded.
let editorTheme: (dark: boolean) => string = (dark) => (dark ? "vs-dark" : "vs");

function prefersDark(): boolean {
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
}

/** Monaco, loaded on first use; until then the code is shown as text (and stays editable if Monaco fails). */
export function CodeEditor({ path, value, onChange, label, onRun, staticHtml }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const latest = useRef({ onChange, onRun });
  useEffect(() => {
    latest.current = { onChange, onRun };
  });
  const [status, setStatus] = useState<"loading" | "ready" | "failed">("loading");

  useEffect(() => {
    let disposed = false;
    const cleanups: (() => void)[] = [];
    loadMonaco().then(
      (monaco) => {
        if (disposed || !host.current) return;
        const uri = monaco.Uri.parse(`file:///playground/${path}.ts`);
        const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(value, "typescript", uri);
        if (model.getValue() !== value) model.setValue(value);
        const instance = monaco.editor.create(host.current, {
          model,
          ariaLabel: label,
          automaticLayout: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          wordWrap: "on",
          fontSize: 14,
          tabSize: 2,
          theme: editorTheme(prefersDark()),
          fixedOverflowWidgets: true,
        });
        instance.addAction({
          id: "lanes.run",
          label: "Run",
          keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
          run: () => latest.current.onRun?.(),
        });
        const sub = model.onDidChangeContent(() => latest.current.onChange(model.getValue()));
        const scheme = window.matchMedia?.("(prefers-color-scheme: dark)");
        const onScheme = () => monaco.editor.setTheme(editorTheme(prefersDark()));
        scheme?.addEventListener("change", onScheme);
        editor.current = instance;
        cleanups.push(() => {
          scheme?.removeEventListener("change", onScheme);
          sub.dispose();
          instance.dispose();
          editor.current = null;
        });
        setStatus("ready");
      },
      (error: unknown) => {
        console.warn("lanes: the code editor failed to load; using a plain text area.", error);
        if (!disposed) setStatus("failed");
      },
    );
    return () => {
      disposed = true;
      cleanups.forEach((f) => f());
    };
    // The editor is created once per path; later value changes flow through the model.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path]);

  // Outside changes (reset, restore) reach the model without recreating the editor.
  useEffect(() => {
    const model = editor.current?.getModel();
    if (model && model.getValue() !== value) model.setValue(value);
  }, [value]);

  const lines = value.split("\n").length;
  return (
    <div className="code-editor" data-status={status} style={{ height: `${Math.min(Math.max(lines, 8), 30) * 20 + 16}px` }}>
      {status === "failed" ? (
        <textarea aria-label={label} className="code-fallback" value={value} spellCheck={false} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <div ref={host} className="code-host" />
      )}
      {status === "loading" &&
        (staticHtml === undefined ? (
          <pre className="code-fallback" aria-busy="true">
            {value}
          </pre>
        ) : (
          <pre className="code-fallback" aria-busy="true" dangerouslySetInnerHTML={{ __html: staticHtml }} />
        ))}
    </div>
  );
}
