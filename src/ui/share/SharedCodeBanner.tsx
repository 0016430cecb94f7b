interface SharedCodeBannerProps {
  /** "ok": shared code is in the editor; "bad": the link could not be read. */
  kind: "ok" | "bad";
  message?: string;
  /** The student has a saved draft the shared code would replace if kept. */
  hasOwnDraft: boolean;
  /** The shared code was edited since it arrived (held, unsaved, when there is saved code of the student's own). */
  changed: boolean;
  onKeep(): void;
  onBack(): void;
  onDismiss(): void;
}

/** Says the code came from a link, that it has not run, and what happens to the student's own draft. */
export function SharedCodeBanner({ kind, message, hasOwnDraft, changed, onKeep, onBack, onDismiss }: SharedCodeBannerProps) {
  if (kind === "bad") {
    return (
      <div className="shared-banner bad" role="alert">
        <p>{message}</p>
        <button type="button" className="secondary" onClick={onDismiss}>
          OK
        </button>
      </div>
    );
  }
  return (
    <div className="shared-banner" role="region" aria-label="Shared code">
      <p>
        <strong>This code came from a shared link.</strong> It has not run: read it, then press Run if you want to.{" "}
        {hasOwnDraft ? "Your own saved code for this playground is kept until you choose." : "It is not saved as your code until you choose."}
        {changed && (hasOwnDraft ? <strong> Your changes to it are not saved yet: keep it to save them.</strong> : " Your changes are saved as your code.")}
      </p>
      <div className="shared-actions">
        <button type="button" className="primary" onClick={onKeep}>
          {hasOwnDraft ? "Keep it (replaces my saved code)" : "Keep it as my code"}
        </button>
        <button type="button" className="secondary" onClick={onBack}>
          {hasOwnDraft ? "Back to my code" : "Back to the lesson’s code"}
        </button>
      </div>
    </div>
  );
}
