import { useEffect, useRef, useState } from "react";
import { comparePrediction } from "../../lessons/compare-prediction";
import type { Predict, Prediction } from "../../lessons/lesson-model";
import type { BlockProgress } from "../../store/progress-schema";
import type { Run } from "../../trace/run";
import { PredictForm, RUNNER_NAME } from "./PredictForm";

interface PredictPanelProps {
  predict: Predict;
  saved: BlockProgress | undefined;
  /** The program now in the editor has been run here before. */
  seen: boolean;
  runs: Run[];
  /** Runs are complete (comparison makes sense). */
  finished: boolean;
  /** When the runs shown were started (ms since epoch); null before any run. */
  runStartedAt: number | null;
  onPredict(value: string | number, afterRun: boolean): void;
  onClear(): void;
  onSkip(): void;
}

function asPrediction(predict: Predict, saved: string | number | undefined): Prediction | null {
  if (saved === undefined) return null;
  if (predict.kind === "wall") return typeof saved === "number" && saved > 0 ? { kind: "wall", ms: saved } : null;
  // A choice is saved as its answer's text: an answer the lesson no longer has is no prediction.
  if (predict.kind === "choice") return predict.options.some((o) => o.answer === saved) ? { kind: "choice", answer: String(saved) } : null;
  const runner = predict.choices.find((choice) => choice === saved);
  return runner ? { kind: "fastest", runner } : null;
}

const guessText = (p: Prediction) => (p.kind === "wall" ? `${p.ms} ms` : p.kind === "choice" ? `“${p.answer}”` : RUNNER_NAME[p.runner]);

/**
 * Predict, then run: the guess is judged only against a run started after it was locked, and
 * not at all if this program had been seen running before (hindsight is not a prediction).
 */
export function PredictPanel({ predict, saved, seen, runs, finished, runStartedAt, onPredict, onClear, onSkip }: PredictPanelProps) {
  const prediction = asPrediction(predict, saved?.prediction);
  // Where focus goes after the student acts here (Enter must not drop it on the page body).
  const [focusNext, setFocusNext] = useState<"form" | "change" | "resume" | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusNext === "change" || focusNext === "resume") button.current?.focus();
  }, [focusNext, prediction, saved?.predictionSkipped]);

  if (prediction) {
    const comparable = finished && runs.length > 0 && runStartedAt !== null && runStartedAt >= (saved?.predictedAt ?? Infinity);
    const result = comparable ? comparePrediction(predict, prediction, runs) : null;
    const judged = result?.measured && !saved?.predictionAfterRun;
    const state = !result?.measured ? "waiting" : !judged ? "unjudged" : result.right ? "right" : "off";
    return (
      <div className="predict" data-state={state}>
        <p className="predict-question">{predict.question}</p>
        <p className="predict-answer" role="status">
          {result?.measured
            ? `${result.text}${judged ? "" : " Not judged: you made this guess after seeing this program run."}`
            : `Your prediction: ${guessText(prediction)}.${saved?.predictionAfterRun ? " You had seen this program run, so it will not be judged." : ""} ${result ? result.text : "Now run it."}`}
        </p>
        {!result?.measured && (
          <button
            ref={button}
            type="button"
            className="secondary"
            onClick={() => {
              onClear();
              setFocusNext("form");
            }}
          >
            Change my guess
          </button>
        )}
      </div>
    );
  }
  if (saved?.predictionSkipped) {
    return (
      <div className="predict" data-state="skipped">
        <p className="predict-answer">
          You skipped the prediction: {predict.question}
        </p>
        <button
          ref={button}
          type="button"
          className="secondary"
          onClick={() => {
            onClear();
            setFocusNext("form");
          }}
        >
          Predict after all
        </button>
      </div>
    );
  }
  return (
    <PredictForm
      predict={predict}
      initial={undefined}
      seen={seen}
      focusOnMount={focusNext === "form"}
      onPredict={(value) => {
        onPredict(value, seen);
        setFocusNext("change");
      }}
      onSkip={() => {
        onSkip();
        setFocusNext("resume");
      }}
    />
  );
}
