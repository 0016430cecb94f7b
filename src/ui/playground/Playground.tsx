import { useCallback, useEffect, useImperativeHandle, useRef, useState, type Ref } from "react";
import { useStore } from "zustand";
import { MAIN_FILE_NAME } from "../../lessons/helper-file-name";
import type { PlaygroundBlock } from "../../lessons/lesson-model";
import { createSession, type Finished } from "../../session";
import { blockKey, pythonBlockKey } from "../../store/progress-schema";
import { progressStore } from "../../store/progress-store";
import type { Run, Runner } from "../../trace/run";
import { CodeEditor, type CodeEditorHandle } from "../editor/CodeEditor";
import { HighlightedCode } from "../editor/HighlightedCode";
import { useProgress } from "../use-progress";
import { CodeTabs, type CodeTab } from "./CodeTabs";
import { ExercisePanel } from "./ExercisePanel";
import { PredictPanel } from "./PredictPanel";
import { PythonPanel } from "./PythonPanel";
import { ResetButton } from "./ResetButton";
import { UndoNotice } from "./UndoNotice";
import { StarterChangedNotice } from "./StarterChangedNotice";
import { useFollowLesson } from "./use-follow-lesson";
import { useReplacement } from "./use-replacement";
import { RunResults } from "./RunResults";
import { StageView } from "./StageView";
import { RunnerPicker, runnersOf, type RunnerChoice } from "./RunnerPicker";
import { fingerprint } from "./fingerprint";
import { useDraft } from "./use-draft";
import { usePlaygroundFiles } from "./use-playground-files";
import type { Arrival } from "../share/arrival";
import { CopyLinkButton } from "../share/CopyLinkButton";
import { SharedCodeBanner } from "../share/SharedCodeBanner";
import { sharedRunner, useSharedCode } from "../share/use-shared-code";

interface PlaygroundProps {
  lessonSlug: string;
  block: PlaygroundBlock;
  /** The build's highlighted HTML of the code and its Python twin (what the prerendered page shows). */
  highlighted?: { code: string; python?: string };
  /** Shown and runnable, not editable (an embed's `readonly=1`). */
  readOnly?: boolean;
  /** For a page that drives the playground from outside (the embed's message bridge). */
  control?: Ref<PlaygroundControl>;
  /** Every run once over (finished, failed or stopped), with its exercise check if any. */
  onFinished?(finished: Finished): void;
  /** Offer "Clear" (the runs and output go): an embed, whose frame then shrinks back. */
  clearable?: boolean;
  /** Offer "Copy link" (default); an embed has "Open in Lanes" instead. */
  shareable?: boolean;
  /** What a share link brought to this playground (shown, never run, never saved unasked). */
  arrival?: Arrival | null;
}

/** What an embedding page may do to a playground: what its host's messages ask for. */
export interface PlaygroundControl {
  /** Put `code` in the editor (one undoable edit), or keep the editor's text; then run it. */
  run(request: { code?: string; runners?: readonly Runner[]; tag?: string | number }): Promise<Run[]>;
  setCode(code: string): void;
  stop(): void;
  code(): string;
  /** The runners the picker stands for now. */
  runners(): Runner[];
}

/** One runnable block: editor (with its Python twin), runner choice, Run/Stop, results, exercise. */
export function Playground({ lessonSlug, block, highlighted, readOnly, control, onFinished, clearable, shareable = true, arrival = null }: PlaygroundProps) {
  const key = blockKey(lessonSlug, block.id);
  const draft = useDraft(key, block.code, arrival?.kind === "ok" ? arrival.program.code : undefined);
  // The helper files (```ts file=helpers.ts): a tab, an editor and a draft each, run with the code.
  const { files, fileDrafts, handleFor, originalFiles, ownFiles, filesEditor, currentFiles } = usePlaygroundFiles(key, block, arrival);
  const releaseFiles = fileDrafts.release;
  const saved = useProgress((state) => state.blocks[key]);
  // The Python twin's own draft (a playground without one never edits it, so never saves it).
  const pythonDraft = useDraft(pythonBlockKey(lessonSlug, block.id), block.python?.code ?? "");
  const [choice, setChoice] = useState<RunnerChoice>(() => sharedRunner(arrival, block) ?? (block.runners.length > 1 ? "all" : (block.runners[0] ?? "all")));
  // One session per playground: it stops the previous run, keeps the live runs, checks the
  // exercise and records a pass; this component only shows its state.
  const [session] = useState(() =>
    createSession({
      check: block.exercise?.check,
      timeLimitMs: block.timeLimitMs,
      onStart: (code) => progressStore().getState().markRan(key, fingerprint(code)),
      onPassed: () => progressStore().getState().markPassed(key),
    }),
  );
  const { runs, running, startedAt: runStartedAt, progress, check } = useStore(session.store);
  // Where the stage (the sandboxed page student code runs in) is shown while it runs.
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
  // "Show the solution" disappears as it is pressed: the focus goes to the Solution tab it opened.
  const root = useRef<HTMLDivElement>(null);
  const focusTab = useRef<string | null>(null);
  useEffect(() => {
    if (focusTab.current !== tab) return;
    root.current?.querySelector<HTMLElement>(`[role=tab][data-tab="${tab}"]`)?.focus();
    focusTab.current = null;
  }, [tab]);
  const editorHandle = useRef<CodeEditorHandle>(null);
  const replacement = useReplacement(draft.flush, showCode, editorHandle, filesEditor);
  const { release: releaseMain } = draft;
  const releaseAll = useCallback(() => {
    releaseMain();
    releaseFiles();
  }, [releaseMain, releaseFiles]);
  const { replace: replaceCode } = replacement;
  // A share link's Back brings the student's own files back with their code.
  const replaceWithOwn = useCallback((code: string, message: string, undoLabel: string) => replaceCode(code, message, undoLabel, files.length > 0 ? ownFiles : undefined), [replaceCode, files.length, ownFiles]);
  const shared = useSharedCode(arrival, key, block.code, { code: draft.code, release: releaseAll }, replaceWithOwn);
  useFollowLesson(block.code, editorHandle, draft.code);

  useEffect(() => () => session.dispose(), [session]);
  useEffect(() => (onFinished ? session.onFinished(onFinished) : undefined), [session, onFinished]);

  // The type errors of the code last run (null: none known), asked of the editor as the run
  // starts and shown when they come; a newer run's answer replaces an older one's.
  const [typeErrors, setTypeErrors] = useState<number[] | null>(null);
  const typeCheck = useRef(0);
  const runCode = useCallback(
    (code: string, runners: readonly Runner[], tag?: string | number) => {
      setPython({ run: null, live: false });
      setTypeErrors(null);
      const asked = ++typeCheck.current;
      void editorHandle.current?.typeErrors().then((lines) => {
        if (typeCheck.current === asked) setTypeErrors(lines);
      });
      return session.run(code, runners, { tag, showIn: stageSlot.current, files: currentFiles() });
    },
    [session, editorHandle, currentFiles],
  );
  const run = useCallback(() => runCode(draft.code, runnersOf(choice, block.runners)), [runCode, draft.code, choice, block.runners]);

  useImperativeHandle(control, () => ({
    run: ({ code, runners, tag }) => {
      if (code !== undefined) replacement.editor.current?.replace(code);
      return runCode(code ?? replacement.editor.current?.text() ?? draft.code, runners ?? runnersOf(choice, block.runners), tag);
    },
    setCode: (code) => replacement.editor.current?.replace(code),
    stop: () => session.stop(),
    code: () => replacement.editor.current?.text() ?? draft.code,
    runners: () => runnersOf(choice, block.runners),
  }));

  const id = `${lessonSlug}-${block.id}`;
  const showSolution = block.solution && saved?.solutionShown;
  // With helper files, each file is a tab named as the program imports it; their models share a folder.
  const tabs: CodeTab[] = [
    {
      id: "ts",
      label: files.length > 0 ? MAIN_FILE_NAME : "TypeScript",
      content: (
        <CodeEditor
          path={files.length > 0 ? `${id}/${MAIN_FILE_NAME}` : id}
          initialValue={draft.code}
          staticHtml={draft.edited ? undefined : highlighted?.code}
          onChange={draft.edit}
          label={`Code of playground ${block.id}`}
          onRun={() => void run()}
          notice={draft.notice}
          handle={replacement.editor}
          readOnly={readOnly}
        />
      ),
    },
  ];
  for (const file of files) {
    tabs.push({
      id: `file-${file.name}`,
      label: file.name,
      content: (
        <CodeEditor
          path={`${id}/${file.name}`}
          initialValue={fileDrafts.codes[file.name] ?? file.code}
          onChange={(code) => fileDrafts.edit(file.name, code)}
          label={`File ${file.name} of playground ${block.id}`}
          onRun={() => void run()}
          notice={fileDrafts.tooLargeFile === file.name ? fileDrafts.notice : undefined}
          handle={handleFor(file.name)}
          readOnly={readOnly}
        />
      ),
    });
  }
  if (block.python) {
    tabs.push({
      id: "python",
      label: "Python",
      content: pythonOpened ? (
        <PythonPanel path={`${id}-python`} code={block.python.code} draft={pythonDraft} staticHtml={highlighted?.python} onRun={(run, live) => setPython({ run, live })} />
      ) : pythonDraft.edited ? (
        <pre className="code-static">{pythonDraft.code}</pre>
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
    <div ref={root} className="playground" data-testid={`playground-${block.id}`} data-state={running ? "running" : "idle"}>
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
          {shareable && <CopyLinkButton program={() => ({ code: draft.code, runner: choice, playground: block.id, ...(files.length > 0 ? { files: currentFiles() } : {}) })} />}
          <ResetButton edited={draft.edited || fileDrafts.edited} onReset={() => replacement.replace(block.code, "Reset to the lesson’s code.", "Undo reset", files.length > 0 ? originalFiles : undefined)} />
          {clearable && !running && runs.length > 0 && (
            <button type="button" className="secondary" onClick={() => session.clear()}>
              Clear
            </button>
          )}
          {running ? (
            <button type="button" className="stop" onClick={() => session.stop()}>
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
      {draft.starterChanged && !shared && (
        <StarterChangedNotice
          path={id}
          mine={draft.code}
          lessons={block.code}
          onReset={() => replacement.replace(block.code, "Reset to the lesson’s new code.", "Undo reset")}
          onKeep={draft.keep}
        />
      )}
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
            focusTab.current = "solution";
            setTab("solution");
          }}
          hasSolution={Boolean(block.solution)}
        />
      )}
      <RunResults runs={python.run ? [...runs, python.run] : runs} live={running || python.live} progress={running ? progress : null} typeErrors={typeErrors} />
    </div>
  );
}
