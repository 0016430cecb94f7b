import { useState } from "react";
import { CodeDiff } from "../editor/CodeDiff";

interface StarterChangedNoticeProps {
  /** Names the comparison for tests and the editor probe (the playground's editor path). */
  path: string;
  /** The student's code now. */
  mine: string;
  /** The lesson's code now. */
  lessons: string;
  onReset(): void;
  onKeep(): void;
}

/**
 * The lesson's code changed after the student edited theirs: said once, above the editor,
 * without blocking it. Their draft stays until they choose: compare the two, take the new code
 * (undoable, like every replacement), or keep theirs (the notice then goes).
 */
export function StarterChangedNotice({ path, mine, lessons, onReset, onKeep }: StarterChangedNoticeProps) {
  const [comparing, setComparing] = useState(false);
  return (
    <div className="starter-notice">
      <p role="status">
        <span>The lesson’s code has changed since you edited it.</span>
        <span className="starter-notice-buttons">
          <button type="button" className="secondary" aria-expanded={comparing} onClick={() => setComparing(!comparing)}>
            {comparing ? "Hide the comparison" : "Compare"}
          </button>
          <button type="button" className="secondary" onClick={onReset}>
            Reset to the new code
          </button>
          <button type="button" className="secondary" onClick={onKeep}>
            Keep mine
          </button>
        </span>
      </p>
      {comparing && <CodeDiff path={`${path}-compare`} original={mine} modified={lessons} originalLabel="Your code" modifiedLabel="The lesson’s new code" />}
    </div>
  );
}
