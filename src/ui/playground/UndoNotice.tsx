import { useEffect } from "react";
import type { Replacement } from "./use-replacement";

const OFFER_MS = 30_000;

/** "Reset to the lesson’s code. [Undo reset]": shown for a while after a replacement. */
export function UndoNotice({ offer, onUndo, onDismiss }: { offer: Replacement | null; onUndo(): void; onDismiss(): void }) {
  useEffect(() => {
    if (!offer) return;
    const timer = setTimeout(onDismiss, OFFER_MS);
    return () => clearTimeout(timer);
  }, [offer, onDismiss]);
  if (!offer) return null;
  return (
    <p className="undo-notice" role="status">
      <span>{offer.message} Ctrl+Z in the editor also takes it back.</span>
      <button type="button" className="secondary" onClick={onUndo}>
        {offer.undoLabel}
      </button>
    </p>
  );
}
