import { useEffect, useState } from "react";

/** "Reset to original" asks first, then offers Undo for a while: work is never lost by a slip. */
export function ResetButton({ edited, onReset }: { edited: boolean; onReset(): () => void }) {
  const [stage, setStage] = useState<"idle" | "confirm" | { undo: () => void }>("idle");

  useEffect(() => {
    if (typeof stage !== "object") return;
    const timer = setTimeout(() => setStage("idle"), 15_000);
    return () => clearTimeout(timer);
  }, [stage]);

  if (typeof stage === "object") {
    return (
      <button
        type="button"
        className="secondary"
        onClick={() => {
          stage.undo();
          setStage("idle");
        }}
      >
        Undo reset
      </button>
    );
  }
  if (stage === "confirm") {
    return (
      <span className="confirm" role="group" aria-label="Reset to the original code?">
        <span>Replace your code with the lesson’s?</span>
        <button type="button" className="danger" onClick={() => setStage({ undo: onReset() })}>
          Reset
        </button>
        <button type="button" className="secondary" onClick={() => setStage("idle")}>
          Keep mine
        </button>
      </span>
    );
  }
  if (!edited) return null;
  return (
    <button type="button" className="secondary" onClick={() => setStage("confirm")}>
      Reset to original
    </button>
  );
}
