import { useState, useSyncExternalStore } from "react";
import { pendingUpdate, subscribeToUpdates } from "../offline/update-ready";

/**
 * Says, quietly, that a new version of Lanes has been downloaded. Nothing changes until the
 * student asks; asked during a run, the switch waits for the run to end.
 */
export function UpdateNotice() {
  const apply = useSyncExternalStore(subscribeToUpdates, pendingUpdate, () => undefined);
  const [asked, setAsked] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  if (!apply || dismissed) return null;
  return (
    <aside className="update-notice" role="status" aria-label="New version">
      <span>{asked ? "Switching to the new version when this run ends…" : "A new version is ready."}</span>
      {!asked && (
        <>
          <button type="button" onClick={() => (setAsked(true), apply())}>
            Reload
          </button>
          <button type="button" className="quiet" onClick={() => setDismissed(true)}>
            Later
          </button>
        </>
      )}
    </aside>
  );
}
