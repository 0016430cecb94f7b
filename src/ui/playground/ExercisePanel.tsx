import { useEffect, useRef, useState } from "react";
import type { Exercise } from "../../lessons/lesson-model";

export type CheckState = { status: "idle" } | { status: "checking" } | { status: "done"; passed: boolean; messages: string[] };

interface ExercisePanelProps {
  exercise: Exercise;
  check: CheckState;
  passedBefore: boolean;
  hintsShown: number;
  onHint(): void;
  solutionShown: boolean;
  onShowSolution(): void;
  hasSolution: boolean;
}

/** The goal, whether the last run met it, hints one at a time, and the way to the solution. */
export function ExercisePanel(props: ExercisePanelProps) {
  const { exercise, check, passedBefore, hintsShown, onHint, solutionShown, onShowSolution, hasSolution } = props;
  const passedNow = check.status === "done" && check.passed;
  const hints = exercise.hints.slice(0, hintsShown);
  // A hint asked for takes the focus: it is read out, and Tab goes on to the next hint's button
  // (the last hint's button disappears, which would drop the focus on the page's body).
  const newest = useRef<HTMLLIElement>(null);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    if (asked > 0) newest.current?.focus();
  }, [asked, hintsShown]);
  return (
    <section className="exercise" aria-label="Exercise" data-passed={passedNow || passedBefore ? "yes" : "no"}>
      <p className="exercise-goal">
        <strong>Goal:</strong> {exercise.goal}
      </p>
      <div className="exercise-status" role="status" aria-live="polite">
        {check.status === "checking" && <span>Checking…</span>}
        {passedNow && <span className="pass">✓ Passed: the goal is met.</span>}
        {check.status === "done" && !check.passed && (
          <div className="fail">
            <span>Not yet:</span>
            <ul>
              {check.messages.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          </div>
        )}
        {check.status === "idle" && passedBefore && <span className="pass">✓ You passed this exercise before.</span>}
      </div>
      {hints.length > 0 && (
        <ol className="exercise-hints" aria-label="Hints">
          {hints.map((hint, i) => (
            <li key={i} ref={i === hints.length - 1 ? newest : undefined} tabIndex={i === hints.length - 1 ? -1 : undefined}>
              {hint}
            </li>
          ))}
        </ol>
      )}
      <div className="exercise-actions">
        {hintsShown < exercise.hints.length && (
          <button
            type="button"
            onClick={() => {
              onHint();
              setAsked((n) => n + 1);
            }}
          >
            Show a hint ({hintsShown + 1} of {exercise.hints.length})
          </button>
        )}
        {hasSolution && !solutionShown && (
          <button type="button" onClick={onShowSolution}>
            {passedNow || passedBefore ? "Compare with the solution" : "Show the solution"}
          </button>
        )}
      </div>
    </section>
  );
}
