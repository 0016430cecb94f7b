import { useCallback, useEffect, useRef, useState } from "react";
import type { LoadingProgress } from "../../runners/runner";
import { runProgram } from "../../stage/run-in-stage";
import type { Run } from "../../trace/run";
import { CodeEditor, type CodeEditorHandle } from "../editor/CodeEditor";
import { ResetButton } from "./ResetButton";
import { UndoNotice } from "./UndoNotice";
import type { DraftState } from "./use-draft";
import { useReplacement } from "./use-replacement";

interface PythonPanelProps {
  /** Unique per playground: names the editor model. */
  path: string;
  /** The lesson's Python twin. */
  code: string;
  /** The student's copy of it, saved as the TypeScript code's draft is (never run by itself). */
  draft: DraftState;
  /** `code` as the build's highlighted HTML: shown until Monaco is ready while the code is unedited. */
  staticHtml?: string;
  /** The Python run, live and then finished (null when a new one starts). */
  onRun(run: Run | null, live: boolean): void;
}

const noop = () => undefined;

function loadingText(p: LoadingProgress): string {
  if (p.phase === "download") return `Loading Python: ${(p.loaded / 1e6).toFixed(1)} of ${(p.total / 1e6).toFixed(1)} MB`;
  return p.phase === "start" ? "Starting Python…" : "Python is ready.";
}

/** The Python twin as an editor, with Run Python: Pyodide in a worker, loaded on first use. */
export function PythonPanel({ path, code, draft, staticHtml, onRun }: PythonPanelProps) {
  const source = draft.code;
  const editor = useRef<CodeEditorHandle>(null);
  // The Python tab is the one showing whenever its Reset is pressed: nothing to switch to.
  const replacement = useReplacement(draft.flush, noop, editor);
  const [running, setRunning] = useState(false);
  const [loading, setLoading] = useState<LoadingProgress | null>(null);
  const [error, setError] = useState<{ line: number; message: string } | null>(null);
  const controller = useRef<AbortController | null>(null);
  const report = useRef(onRun);
  useEffect(() => {
    report.current = onRun;
  });
  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(async () => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setRunning(true);
    setError(null);
    report.current(null, true);
    try {
      const [finished] = await runProgram(source, ["python"], {
        signal: abort.signal,
        onLoading: (p) => setLoading(p.phase === "ready" ? null : p),
        onUpdate: ([live]) => {
          setLoading(null);
          if (live) report.current(live, true);
        },
      });
      if (finished) report.current(finished, false);
      if (finished?.error?.line) setError({ line: finished.error.line, message: finished.error.message });
    } finally {
      setLoading(null);
      if (controller.current === abort) {
        controller.current = null;
        setRunning(false);
      }
    }
  }, [source]);

  return (
    <div className="python-panel" data-state={running ? "running" : "idle"}>
      <div className="python-bar">
        <p className="python-model">
          Python threads here take turns on one core, switching every 5 ms as CPython does (its GIL and{" "}
          <code>sys.getswitchinterval()</code>): waiting threads overlap, CPU-bound ones do not speed up. Processes are real workers, in parallel.
        </p>
        <div className="playground-buttons">
          <ResetButton edited={draft.edited} onReset={() => replacement.replace(code, "Reset to the lesson’s Python.", "Undo reset")} />
          {running ? (
            <button type="button" className="stop" onClick={() => controller.current?.abort()}>
              Stop
            </button>
          ) : (
            <button type="button" className="run" onClick={() => void run()}>
              Run Python
            </button>
          )}
        </div>
      </div>
      <UndoNotice offer={replacement.offer} onUndo={replacement.undo} onDismiss={replacement.dismiss} />
      {loading && (
        <p className="python-loading" role="status">
          {loadingText(loading)}
          {loading.phase === "download" && <progress max={loading.total} value={loading.loaded} />}
        </p>
      )}
      <CodeEditor
        path={path}
        initialValue={source}
        staticHtml={draft.edited ? undefined : staticHtml}
        onChange={draft.edit}
        notice={draft.notice}
        handle={editor}
        label="Python code"
        language="python"
        onRun={() => void run()}
        markers={error ? [error] : undefined}
      />
    </div>
  );
}
