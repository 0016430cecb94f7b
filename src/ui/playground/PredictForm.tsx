import { useEffect, useRef, useState } from "react";
import type { Predict } from "../../lessons/lesson-model";

export const RUNNER_NAME = { main: "Main thread", async: "Async", workers: "Workers", python: "Python" } as const;

interface PredictFormProps {
  predict: Predict;
  /** The guess being changed, if any: the form starts from it. */
  initial?: string | number;
  /** This exact program has been run here already: a guess now is hindsight. */
  seen: boolean;
  onPredict(value: string | number): void;
  onSkip(): void;
  /** Move focus into the form when it appears (after "Change my guess"). */
  focusOnMount: boolean;
}

/** The question, an answer, and two ways on: lock it in, or skip predicting this time. */
export function PredictForm({ predict, initial, seen, onPredict, onSkip, focusOnMount }: PredictFormProps) {
  const [draft, setDraft] = useState<string>(initial === undefined ? "" : String(initial));
  const [problem, setProblem] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (focusOnMount) form.current?.querySelector<HTMLInputElement>("input")?.focus();
  }, [focusOnMount]);

  const submit = () => {
    if (predict.kind === "fastest") {
      if (draft) onPredict(draft);
      else setProblem("Pick the runner you think finishes first.");
      return;
    }
    const ms = Number(draft);
    if (draft.trim() === "" || !Number.isFinite(ms) || ms <= 0) {
      setProblem(`${draft.trim() === "" ? "Nothing entered" : `“${draft}” is not a time`}: enter a number of milliseconds above 0, for example 500.`);
      return;
    }
    onPredict(ms);
  };

  return (
    <form
      ref={form}
      className="predict"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <p className="predict-question">
        <strong>Predict first:</strong> {predict.question}
      </p>
      {seen && <p className="predict-note">You have already seen this program run, so a guess now will not be judged. Change the program to predict afresh.</p>}
      {predict.kind === "wall" ? (
        <label className="predict-input">
          <input
            type="number"
            min={1}
            step={10}
            inputMode="numeric"
            value={draft}
            aria-invalid={problem !== null}
            aria-describedby={problem ? `predict-problem-${predict.line}` : undefined}
            onChange={(e) => {
              setDraft(e.target.value);
              setProblem(null);
            }}
            aria-label="Your prediction in milliseconds"
          />
          ms
        </label>
      ) : (
        <div className="predict-choices" role="radiogroup" aria-label="Your prediction">
          {predict.choices.map((runner) => (
            <label key={runner}>
              <input
                type="radio"
                name={`predict-${predict.line}`}
                value={runner}
                checked={draft === runner}
                onChange={() => {
                  setDraft(runner);
                  setProblem(null);
                }}
              />
              {RUNNER_NAME[runner]}
            </label>
          ))}
        </div>
      )}
      {problem && (
        <p className="predict-problem" id={`predict-problem-${predict.line}`} role="alert">
          {problem}
        </p>
      )}
      <div className="predict-actions">
        <button type="submit" disabled={!draft} aria-disabled={!draft}>
          Lock in my prediction
        </button>
        <button type="button" className="link-button" onClick={onSkip}>
          Skip predicting
        </button>
      </div>
    </form>
  );
}
