import { useCallback, useEffect, useRef, useState } from "react";
import type { PlaygroundBlock } from "../lessons/lesson-model";
import { runProgram } from "../runners/run-program";
import type { Run } from "../trace/run";
import { CodeEditor } from "./editor/CodeEditor";
import { RunResults, type RunProgress } from "./RunResults";
import { RunnerPicker, runnersOf, type RunnerChoice } from "./RunnerPicker";

interface PlaygroundProps {
  lessonSlug: string;
  block: PlaygroundBlock;
}

/** One runnable block: editor, runner choice, Run/Stop and what the run produced. */
export function Playground({ lessonSlug, block }: PlaygroundProps) {
  const [code, setCode] = useState(block.code);
  const [choice, setChoice] = useState<RunnerChoice>("all");
  const [runs, setRuns] = useState<Run[]>([]);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(async () => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setRunning(true);
    setRuns([]);
    setProgress(null);
    try {
      await runProgram(code, runnersOf(choice), {
        signal: abort.signal,
        onUpdate: (live, taskProgress) => {
          setRuns(live);
          setProgress(taskProgress ?? null);
        },
      });
    } finally {
      if (controller.current === abort) {
        controller.current = null;
        setRunning(false);
      }
    }
  }, [code, choice]);

  const stop = () => controller.current?.abort();
  const id = `${lessonSlug}-${block.id}`;

  return (
    <div className="playground" data-testid={`playground-${block.id}`} data-state={running ? "running" : "idle"}>
      <div className="playground-bar">
        <RunnerPicker name={`runner-${id}`} value={choice} onChange={setChoice} />
        {running ? (
          <button type="button" className="stop" onClick={stop}>
            Stop
          </button>
        ) : (
          <button type="button" className="run" onClick={() => void run()}>
            Run
          </button>
        )}
      </div>
      <CodeEditor path={id} value={code} onChange={setCode} label={`Code of playground ${block.id}`} onRun={() => void run()} />
      <RunResults runs={runs} live={running} progress={progress} />
    </div>
  );
}
