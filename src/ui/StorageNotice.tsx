import { useProgress } from "./use-progress";

/** Says, once, when work cannot be saved: the app still works, from memory. */
export function StorageNotice() {
  const health = useProgress((state) => state.health);
  if (health === "ok") return null;
  return (
    <p className="storage-notice" role="status">
      {health === "full"
        ? "This browser’s storage is full: your latest work will not be saved. Export your progress from the home page to keep it."
        : "This browser does not let Lanes store anything here (private mode?): everything works, but your work will not be saved when you leave."}
    </p>
  );
}
