import { useEffect, useState } from "react";
import { loadMonaco } from "./load-monaco";

/**
 * Read-only code with the editor's own colours (Monaco's tokenizer, loaded lazily like the
 * editor): plain text until it is ready, and plain text for good if it fails.
 */
export function HighlightedCode({ code, language, label }: { code: string; language: "typescript" | "python"; label: string }) {
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    loadMonaco()
      .then((monaco) => monaco.editor.colorize(code, language, { tabSize: 2 }))
      .then(
        (colored) => current && setHtml(colored),
        () => current && setHtml(null),
      );
    return () => {
      current = false;
    };
  }, [code, language]);
  if (html === null) {
    return (
      <pre className="code-static" aria-label={label}>
        {code}
      </pre>
    );
  }
  // colorize() escapes the code and wraps tokens in spans of its own classes: no lesson HTML passes through.
  return <pre className="code-static monaco-colorized" aria-label={label} dangerouslySetInnerHTML={{ __html: html }} />;
}
