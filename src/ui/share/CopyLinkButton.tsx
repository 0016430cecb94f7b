import { useState } from "react";
import { encodeShare, type SharedProgram } from "../../share/share-link";

type Outcome = { kind: "copied"; link: string } | { kind: "shown"; link: string } | { kind: "refused"; message: string };

/** "Copy link": the program in the URL fragment (never sent to a server), to the clipboard. */
export function CopyLinkButton({ program }: { program: () => SharedProgram }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const copy = async () => {
    const encoded = await encodeShare(program());
    if (!encoded.ok) return setOutcome({ kind: "refused", message: encoded.message });
    const link = `${window.location.origin}${window.location.pathname}#${encoded.fragment}`;
    try {
      await navigator.clipboard.writeText(link);
      setOutcome({ kind: "copied", link });
    } catch {
      // No clipboard here (permission, an insecure origin): the link is shown to copy by hand.
      setOutcome({ kind: "shown", link });
    }
  };

  return (
    <>
      <button type="button" className="secondary" onClick={() => void copy()}>
        Copy link
      </button>
      {outcome && (
        <span className="share-outcome" role={outcome.kind === "refused" ? "alert" : "status"} data-link={outcome.kind === "refused" ? undefined : outcome.link}>
          {outcome.kind === "copied" && <>Link copied. The code is in the link itself: nothing is uploaded.</>}
          {outcome.kind === "shown" && (
            <>
              Copy this link: <input readOnly value={outcome.link} aria-label="Share link" onFocus={(e) => e.currentTarget.select()} />
            </>
          )}
          {outcome.kind === "refused" && outcome.message}
          <button type="button" className="link-button" aria-label="Dismiss" onClick={() => setOutcome(null)}>
            ×
          </button>
        </span>
      )}
    </>
  );
}
