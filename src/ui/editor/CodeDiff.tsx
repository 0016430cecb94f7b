import { useEffect, useRef, useState } from "react";
import type * as Monaco from "monaco-editor";
import { registerDiffEditor } from "./editor-probe";
import { editorTheme, loadMonaco } from "./load-monaco";

const LINE_PX = 20;

function prefersDark(): boolean {
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false;
}

/**
 * Two versions of a program, read-only, their differences marked: Monaco's diff editor (side by
 * side, or inline where the playground is narrow), or the two texts one above the other if Monaco
 * cannot load. Its models are its own and go with it, so the playground's editor is untouched.
 */
export function CodeDiff({ path, original, modified, originalLabel, modifiedLabel }: { path: string; original: string; modified: string; originalLabel: string; modifiedLabel: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<"loading" | "ready" | "failed">("loading");
  const lines = Math.min(30, Math.max(original.split("\n").length, modified.split("\n").length));
  const models = useRef<{ original: Monaco.editor.ITextModel; modified: Monaco.editor.ITextModel } | null>(null);

  useEffect(() => {
    let disposed = false;
    const cleanups: (() => void)[] = [];
    loadMonaco().then(
      (monaco) => {
        if (disposed || !host.current) return;
        const made = { original: monaco.editor.createModel(original, "typescript"), modified: monaco.editor.createModel(modified, "typescript") };
        const diff = monaco.editor.createDiffEditor(host.current, {
          readOnly: true,
          originalEditable: false,
          automaticLayout: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          renderOverviewRuler: false,
          fontSize: 14,
          lineHeight: LINE_PX,
          theme: editorTheme(prefersDark()),
          ariaLabel: `${originalLabel} and ${modifiedLabel}, compared`,
        });
        diff.setModel(made);
        models.current = made;
        const forget = registerDiffEditor(path, diff);
        cleanups.push(() => {
          forget();
          diff.dispose();
          made.original.dispose();
          made.modified.dispose();
          models.current = null;
        });
        setStatus("ready");
      },
      () => !disposed && setStatus("failed"),
    );
    return () => {
      disposed = true;
      cleanups.forEach((f) => f());
    };
    // Made once per comparison with the texts of then; the effect below follows them (the student
    // may type while comparing) once it is ready.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path]);

  useEffect(() => {
    const made = models.current;
    if (!made) return;
    if (made.original.getValue() !== original) made.original.setValue(original);
    if (made.modified.getValue() !== modified) made.modified.setValue(modified);
  }, [original, modified, status]);

  return (
    <figure className="code-diff" data-status={status}>
      {/* Side by side or inline (Monaco picks by width): the − and + marks say which is which in both. */}
      <figcaption>
        {originalLabel} (−) and {modifiedLabel.charAt(0).toLowerCase() + modifiedLabel.slice(1)} (+)
      </figcaption>
      {status === "failed" ? (
        <div className="code-diff-plain">
          {[
            [originalLabel, original],
            [modifiedLabel, modified],
          ].map(([label, text]) => (
            <figure key={label}>
              <figcaption>{label}</figcaption>
              <pre>{text}</pre>
            </figure>
          ))}
        </div>
      ) : (
        <div ref={host} className="code-diff-host" style={{ height: `${lines * LINE_PX + 16}px` }} aria-busy={status === "loading"} />
      )}
    </figure>
  );
}
