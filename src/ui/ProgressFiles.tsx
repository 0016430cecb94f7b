import { useRef, useState } from "react";
import { findLesson } from "../lessons/catalog";
import { describeImport, type ImportMode, type LessonChange } from "../store/progress-merge";
import { progressFile, readProgressFile, type Progress } from "../store/progress-schema";
import { progressStore } from "../store/progress-store";
import { ImportPreview } from "./ImportPreview";

interface Pending {
  fileName: string;
  progress: Progress;
  changes: Record<ImportMode, LessonChange[]>;
}

const titleOf = (slug: string) => findLesson(slug)?.meta.title ?? slug;

/** Export progress to a file and import it back: validated, previewed, merged unless asked to replace. */
export function ProgressFiles() {
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [mode, setMode] = useState<ImportMode>("merge");

  const exportFile = () => {
    const { blocks, visited } = progressStore().getState();
    const blob = new Blob([progressFile({ blocks, visited })], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = `lanes-progress-${new Date().toISOString().slice(0, 10)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setPending(null);
    if (file.size > 5_000_000) return setMessage({ tone: "error", text: "This file is too large to be a Lanes progress file; nothing was changed." });
    const read = readProgressFile(await file.text());
    if (!read.ok) return setMessage({ tone: "error", text: read.message });
    const current = progressStore().getState();
    setMessage(null);
    setMode("merge");
    setPending({
      fileName: file.name,
      progress: read.progress,
      changes: { merge: describeImport(current, read.progress, "merge"), replace: describeImport(current, read.progress, "replace") },
    });
  };

  const apply = () => {
    if (!pending) return;
    progressStore().getState().importProgress(pending.progress, mode);
    const lessons = pending.changes[mode].length;
    setMessage({ tone: "ok", text: `Progress ${mode === "merge" ? "merged" : "replaced"} from ${pending.fileName} (${lessons} lesson${lessons === 1 ? "" : "s"} changed).` });
    setPending(null);
  };

  return (
    <section className="progress-files" aria-label="Your progress">
      <button type="button" className="secondary" onClick={exportFile}>
        Export progress
      </button>
      <button type="button" className="secondary" onClick={() => input.current?.click()}>
        Import progress…
      </button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label="Progress file to import"
        onChange={(event) => {
          void importFile(event.target.files?.[0]);
          event.target.value = "";
        }}
      />
      {pending && (
        <ImportPreview
          fileName={pending.fileName}
          changes={pending.changes}
          mode={mode}
          titleOf={titleOf}
          onMode={setMode}
          onApply={apply}
          onCancel={() => {
            setPending(null);
            setMessage({ tone: "ok", text: "Import cancelled; nothing was changed." });
          }}
        />
      )}
      {message && (
        <p role={message.tone === "error" ? "alert" : "status"} className={`progress-message ${message.tone}`}>
          {message.text}
        </p>
      )}
    </section>
  );
}
