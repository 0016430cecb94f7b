import type { ImportMode, LessonChange } from "../store/progress-merge";

interface ImportPreviewProps {
  fileName: string;
  changes: Record<ImportMode, LessonChange[]>;
  mode: ImportMode;
  titleOf(slug: string): string;
  onMode(mode: ImportMode): void;
  onApply(): void;
  onCancel(): void;
}

/** What an import would change, lesson by lesson, before anything changes; merge is the default. */
export function ImportPreview({ fileName, changes, mode, titleOf, onMode, onApply, onCancel }: ImportPreviewProps) {
  const shown = changes[mode];
  return (
    <div className="import-preview" role="region" aria-label="Import preview">
      <p>
        <strong>{fileName}</strong>: {shown.length === 0 ? "nothing would change." : "this is what the import would change."}
      </p>
      <fieldset className="import-mode">
        <legend className="visually-hidden">How to import</legend>
        <label>
          <input type="radio" name="import-mode" checked={mode === "merge"} onChange={() => onMode("merge")} /> Merge with my progress (lessons not in the file stay as they are)
        </label>
        <label>
          <input type="radio" name="import-mode" checked={mode === "replace"} onChange={() => onMode("replace")} /> Replace all my progress with the file
        </label>
      </fieldset>
      {shown.length > 0 && (
        <ul className="import-changes">
          {shown.map((lesson) => (
            <li key={lesson.slug}>
              <span className="import-lesson">{titleOf(lesson.slug)}</span>
              {lesson.erased && <span className="import-erased"> — erased (not in the file)</span>}
              {lesson.blocks.length > 0 && !lesson.erased && (
                <span>: {lesson.blocks.map((b) => `${b.id}: ${b.changes.join(", ")}`).join("; ")}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="import-actions">
        <button type="button" className="primary" onClick={onApply} disabled={shown.length === 0}>
          {mode === "merge" ? "Merge" : "Replace everything"}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
