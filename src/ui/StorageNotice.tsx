import { findLesson } from "../lessons/catalog";
import { RECORD_PREFIX } from "../store/lesson-records";
import type { KeptAside } from "../store/progress-persistence";
import { useProgress } from "./use-progress";

/** "Lesson title: what was wrong", or just what was wrong for the old single-key store. */
function describe(kept: KeptAside): string {
  if (!kept.from.startsWith(RECORD_PREFIX)) return kept.problem;
  const slug = kept.from.slice(RECORD_PREFIX.length);
  return `${findLesson(slug)?.meta.title ?? slug}: ${kept.problem}`;
}

/** Says when work cannot be saved, or when saved work could not be read (and where its copy is). */
export function StorageNotice() {
  const health = useProgress((state) => state.health);
  const keptAside = useProgress((state) => state.keptAside);
  const unsaved = useProgress((state) => state.unsaved);
  const locked = Object.entries(unsaved).filter(([, why]) => why === "kept-aside-failed");
  return (
    <>
      {health !== "ok" && (
        <p className="storage-notice" role="alert">
          {health === "full"
            ? "This browser’s storage is full: your latest work is not saved. Export your progress from the home page to keep it, or free some space for this site."
            : "This browser does not let Lanes store anything here (private mode?): everything works, but your work will not be saved when you leave."}
        </p>
      )}
      {keptAside.length > 0 && (
        <div className="storage-notice" role="status">
          <p>
            Some saved work could not be read ({keptAside.map(describe).join("; ")}). Everything else loaded.{" "}
            {keptAside.every((k) => k.to)
              ? "A copy of what could not be read was kept in this browser, so nothing is lost; an export of your progress from the home page also keeps the rest."
              : "There was no room to keep a copy, so it was left as it was and Lanes will not save over it."}
          </p>
          <details>
            <summary>Where the copies are</summary>
            <ul>
              {keptAside.map((k) => (
                <li key={k.from}>
                  <code>{k.from}</code> → {k.to ? <code>{k.to}</code> : "not copied (no room)"}
                </li>
              ))}
            </ul>
          </details>
        </div>
      )}
      {locked.length > 0 && (
        <p className="storage-notice" role="alert">
          Changes to {locked.map(([slug]) => slug).join(", ")} are not saved: the saved work there could not be read, and there is no room to keep a copy of it first.
        </p>
      )}
    </>
  );
}
