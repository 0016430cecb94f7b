import { useRef, useState } from "react";
import { progressFile, readProgressFile } from "../store/progress-schema";
import { progressStore } from "../store/progress-store";

/** Export progress to a file and import it back: validated, refused whole with a clear message. */
export function ProgressFiles() {
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

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
    if (file.size > 5_000_000) return setMessage({ tone: "error", text: "This file is too large to be a Lanes progress file; nothing was changed." });
    const read = readProgressFile(await file.text());
    if (!read.ok) return setMessage({ tone: "error", text: read.message });
    progressStore().getState().replaceAll(read.progress);
    setMessage({ tone: "ok", text: `Progress imported from ${file.name}.` });
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
      {message && (
        <p role={message.tone === "error" ? "alert" : "status"} className={`progress-message ${message.tone}`}>
          {message.text}
        </p>
      )}
    </section>
  );
}
