import { useCallback, useEffect, useRef, useState } from "react";
import { evaluateCheck } from "../../lessons/evaluate-check";
import type { PlaygroundBlock } from "../../lessons/lesson-model";
import { runProgram } from "../../stage/run-in-stage";
import { blockKey } from "../../store/progress-schema";
import { progressStore } from "../../store/progress-store";
import type { Run } from "../../trace/run";
import { CodeEditor } from "../editor/CodeEditor";
import { HighlightedCode } from "../editor/HighlightedCode";
import { useProgress } from "../use-progress";
import { CodeTabs, type CodeTab } from "./CodeTabs";
import { ExercisePanel, type CheckState } from "./ExercisePanel";
import { PredictPanel } from "./PredictPanel";
import { PythonPanel } from "./PythonPanel";
import { ResetButton } from "./ResetButton";
import { UndoNotice } from "./UndoNotice";
import { useReplacement } from "./use-replacement";
import { RunResults, type RunProgress } from "./RunResults";
import { StageView } from "./StageView";
import { RunnerPicker, runnersOf, type RunnerChoice } from "./RunnerPicker";
import { fingerprint } from "./fingerprint";
import { useDraft } from "./use-draft";
import type { Arrival } from "../share/arrival";
import { CopyLinkButton } from "../share/CopyLinkButton";
import { SharedCodeBanner } from "../share/SharedCodeBanner";
import { sharedRunner, useSharedCode } from "../share/use-shared-code";

interface PlaygroundProps {
  lessonSlug: string;
  block: PlaygroundBlock;
  /** The build's highlighted HTML of the code and its Python twin (what the prerendered page shows). */
  highlighted?: { code: string; python?: string };
  /** What a share link brought to this playground (shown, never run, never saved unasked). */
  arrival?: Arrival | null;
}

/** One runnable block: editor (with its Python twin), runner choice, Run/Stop, results, exercise. */
export function Playground({ lessonSlug, block, highlighted, arrival = null }: PlaygroundProps) {
  const key = blockKey(lessonSlug, block.id);
  const draft = useDraft(key, block.code, arrival?.kind === "ok" ? arrival.program.code : undefined);
  const saved = useProgress((state) => state.blocks[key]);
  const [choice, setChoice] = useState<RunnerChoice>(() => sharedRunner(arrival, block) ?? (block.runners.length > 1 ? "all" : (block.runners[0] ?? "all")));
  const [runs, setRuns] = useState<Run[]>([]);
  const [running, setRunning] = useState(false);
  const [runStartedAt, setRunStartedAt] = useState<number | null>(null);
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [check, setCheck] = useState<CheckState>({ status: "idle" });
  const controller = useRef<AbortController | null>(null);
  const stageSlot = useRef<HTMLDivElement | null>(null);
  // The Python twin's run (Run Python), drawn after the TypeScript runs on the same axis.
  const [python, setPython] = useState<{ run: Run | null; live: boolean }>({ run: null, live: false });
  const [tab, setTab] = useState("ts");
  // The Python editor (a second Monaco) is made when its tab is first opened, then kept: until
  // then the tab shows the build's highlighted code, as the static page does.
  const [pythonOpened, setPythonOpened] = useState(false);
  const selectTab = useCallback((next: string) => {
    setTab(next);
    if (next === "python") setPythonOpened(true);
  }, []);
  const showCode = useCallback(() => setTab("ts"), []);
  const replacement = useReplacement(draft.flush, showCode);
  const shared = useSharedCode(arrival, key, block.code, draft, replacement.replace);

  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(async () => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setRunning(true);
    setRunStartedAt(Date.now());
    progressStore().getState().markRan(key, fingerprint(draft.code));
    setRuns([]);
    setPython({ run: null, live: false });
    setProgress(null);
    setCheck({ status: "idle" });
    try {
      const finished = await runProgram(draft.code, runnersOf(choice, block.runners), {
        signal: abort.signal,
        timeLimitMs: block.timeLimitMs,
        showIn: stageSlot.current,
        onUpdate: (live, taskProgress) => {
          setRuns(live);
          setProgress(taskProgress ?? null);
        },
      });
      if (block.exercise && !abort.signal.aborted) {
        setCheck({ status: "checking" });
        const result = await evaluateCheck(block.exercise.check, finished);
        setCheck({ status: "done", ...result });
        if (result.passed) progressStore().getState().markPassed(key);
      }
    } finally {
      if (controller.current === abort) {
        controller.current = null;
        setRunning(false);
      }
    }
  }, [draft.code, choice, block, key]);

  const id = `${lessonSlug}-${block.id}`;
  const showSolution = block.solution && saved?.solutionShown;
  const tabs: CodeTab[] = [
    {
      id: "ts",
      label: "TypeScript",
      content: (
        <CodeEditor
          path={id}
          initialValue={draft.code}
          staticHtml={draft.edited ? undefined : highlighted?.code}
          onChange={draft.edit}
          label={`Code of playground ${block.id}`}
          onRun={() => void run()}
          notice={draft.notice}
          handle={replacement.editor}
        />
      ),
    },
  ];
  if (block.python) {
    tabs.push({
      id: "python",
      label: "Python",
      content: pythonOpened ? (
        <PythonPanel path={`${id}-python`} code={block.python.code} staticHtml={highlighted?.python} onRun={(run, live) => setPython({ run, live })} />
      ) : highlighted?.python ? (
        <pre className="code-static" dangerouslySetInnerHTML={{ __html: highlighted.python }} />
      ) : (
        <pre className="code-static">{block.python.code}</pre>
      ),
    });
  }
  if (showSolution && block.solution) {
    tabs.push({
      id: "solution",
      label: "Solution",
      content: (
        <div>
          <HighlightedCode code={block.solution.code} language="typescript" label="The solution" />
          <button type="button" className="secondary" onClick={() => replacement.replace(block.solution!.code, "The solution is in the editor.", "Undo: bring my code back")}>
            Put the solution in the editor
          </button>
        </div>
      ),
    });
  }

  return (
    <div className="playground" data-testid={`playground-${block.id}`} data-state={running ? "running" : "idle"}>
      {block.predict && (
        <PredictPanel
          predict={block.predict}
          saved={saved}
          seen={saved?.ran?.includes(fingerprint(draft.code)) ?? false}
          runs={runs}
          finished={!running && runs.length > 0}
          runStartedAt={runStartedAt}
          onPredict={(value, afterRun) => progressStore().getState().predict(key, value, afterRun)}
          onClear={() => progressStore().getState().clearPrediction(key)}
          onSkip={() => progressStore().getState().skipPrediction(key)}
        />
      )}
      <div className="playground-bar">
        <RunnerPicker name={`runner-${id}`} value={choice} onChange={setChoice} offered={block.runners} />
        <div className="playground-buttons">
          <CopyLinkButton program={() => ({ code: draft.code, runner: choice, playground: block.id })} />
          <ResetButton edited={draft.edited} onReset={() => replacement.replace(block.code, "Reset to the lesson’s code.", "Undo reset")} />
          {running ? (
            <button type="button" className="stop" onClick={() => controller.current?.abort()}>
              Stop
            </button>
          ) : (
            <button type="button" className="run" onClick={() => void run()}>
              Run
            </button>
          )}
        </div>
      </div>
      {shared && <SharedCodeBanner {...shared} />}
      <UndoNotice offer={replacement.offer} onUndo={replacement.undo} onDismiss={replacement.dismiss} />
      <CodeTabs tabs={tabs} label={`Playground ${block.id}`} selected={tab} onSelect={selectTab} />
      <StageView slot={stageSlot} running={running} />
      {block.exercise && (
        <ExercisePanel
          exercise={block.exercise}
          check={check}
          passedBefore={saved?.passedAt !== undefined}
          hintsShown={saved?.hintsShown ?? 0}
          onHint={() => progressStore().getState().revealHint(key)}
          solutionShown={Boolean(saved?.solutionShown)}
          onShowSolution={() => {
            progressStore().getState().showSolution(key);
            setTab("solution");
          }}
          hasSolution={Boolean(block.solution)}
        />
      )}
      <RunResults runs={python.run ? [...runs, python.run] : runs} live={running || python.live} progress={running ? progress : null} />
    </div>
  );
}
