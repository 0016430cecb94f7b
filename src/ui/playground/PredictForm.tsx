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

/** The radio buttons of a fastest or choice question: what is saved, and what the student reads. */
function choicesOf(predict: Exclude<Predict, { kind: "wall" }>): { value: string; label: string }[] {
  if (predict.kind === "choice") return predict.options.map((o) => ({ value: o.answer, label: o.answer }));
  return predict.choices.map((runner) => ({ value: runner, label: RUNNER_NAME[runner] }));
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
    if (predict.kind !== "wall") {
      if (draft) onPredict(draft);
      else setProblem(predict.kind === "fastest" ? "Pick the runner you think finishes first." : "Pick the answer you expect.");
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
          {choicesOf(predict).map(({ value, label }) => (
            <label key={value}>
              <input
                type="radio"
                name={`predict-${predict.line}`}
                value={value}
                checked={draft === value}
                onChange={() => {
                  setDraft(value);
                  setProblem(null);
                }}
              />
              {label}
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
