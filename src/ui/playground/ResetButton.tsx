import { useState } from "react";

/** "Reset to original" asks first; the reset itself is then undoable (see UndoNotice). */
export function ResetButton({ edited, onReset }: { edited: boolean; onReset(): void }) {
  const [confirming, setConfirming] = useState(false);
  if (confirming) {
    return (
      <span className="confirm" role="group" aria-label="Reset to the original code?">
        <span>Replace your code with the lesson’s?</span>
        <button
          type="button"
          className="danger"
          onClick={() => {
            setConfirming(false);
            onReset();
          }}
        >
          Reset
        </button>
        <button type="button" className="secondary" onClick={() => setConfirming(false)}>
          Keep mine
        </button>
      </span>
    );
  }
  if (!edited) return null;
  return (
    <button type="button" className="secondary" onClick={() => setConfirming(true)}>
      Reset to original
    </button>
  );
}
