import { useState } from "react";
import type { Predict, Prediction } from "../../lessons/lesson-model";
import { comparePrediction } from "../../lessons/compare-prediction";
import type { Run } from "../../trace/run";

const RUNNER_NAME = { main: "Main thread", async: "Async", workers: "Workers", python: "Python" } as const;

interface PredictPanelProps {
  predict: Predict;
  /** The saved prediction (a runner name, or a number of ms). */
  saved: string | number | undefined;
  onPredict(value: string | number): void;
  runs: Run[];
  /** Runs are complete (comparison makes sense). */
  finished: boolean;
}

function asPrediction(predict: Predict, saved: string | number | undefined): Prediction | null {
  if (saved === undefined) return null;
  if (predict.kind === "wall") return typeof saved === "number" ? { kind: "wall", ms: saved } : null;
  const runner = predict.choices.find((choice) => choice === saved);
  return runner ? { kind: "fastest", runner } : null;
}

/** Ask before the first run; after it, set the guess beside what was measured. */
export function PredictPanel({ predict, saved, onPredict, runs, finished }: PredictPanelProps) {
  const [draft, setDraft] = useState<string>("");
  const prediction = asPrediction(predict, saved);
  if (prediction) {
    const result = finished && runs.length > 0 ? comparePrediction(predict, prediction, runs) : null;
    return (
      <div className="predict" data-state={result ? (result.right ? "right" : "off") : "waiting"}>
        <p className="predict-question">{predict.question}</p>
        <p className="predict-answer">
          {result ? result.text : `Your prediction: ${prediction.kind === "wall" ? `${prediction.ms} ms` : RUNNER_NAME[prediction.runner]}. Now run it.`}
        </p>
      </div>
    );
  }
  return (
    <form
      className="predict"
      onSubmit={(event) => {
        event.preventDefault();
        if (predict.kind === "wall") {
          const ms = Number(draft);
          if (Number.isFinite(ms) && ms >= 0) onPredict(ms);
        } else if (draft) onPredict(draft);
      }}
    >
      <p className="predict-question">
        <strong>Predict first:</strong> {predict.question}
      </p>
      {predict.kind === "wall" ? (
        <label className="predict-input">
          <input type="number" min={0} step={10} inputMode="numeric" value={draft} onChange={(e) => setDraft(e.target.value)} aria-label="Your prediction in milliseconds" />
          ms
        </label>
      ) : (
        <div className="predict-choices" role="radiogroup" aria-label="Your prediction">
          {predict.choices.map((runner) => (
            <label key={runner}>
              <input type="radio" name={`predict-${predict.line}`} value={runner} checked={draft === runner} onChange={() => setDraft(runner)} />
              {RUNNER_NAME[runner]}
            </label>
          ))}
        </div>
      )}
      <button type="submit" disabled={!draft}>
        Lock in my prediction
      </button>
    </form>
  );
}
