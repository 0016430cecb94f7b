import { useCallback, useEffect, useRef, useState } from "react";
import type { Finished } from "../session";
import { Playground, type PlaygroundControl } from "../ui/playground/Playground";
import { fingerprint } from "../ui/playground/fingerprint";
import { progressStore } from "../store/progress-store";
import { blockKey } from "../store/progress-schema";
import { hostBlock, lessonBlock, STARTER_CODE, type EmbedBlock } from "./embed-block";
import type { EmbedOptions } from "./embed-options";
import type { EmbedMessage, HostMessage } from "./protocol";
import { openInLanesUrl } from "./open-in-lanes";
import { theCourse } from "../lessons/catalog";
import { CourseBrand, CourseTheme } from "../ui/CourseBrand";
import { pageTitle } from "../ui/page-title";

interface EmbedAppProps {
  options: EmbedOptions;
  /** Code from the URL's fragment: the host's <pre>, or what "Open in Lanes" carried. */
  fragmentCode?: string;
  /** Inside a host's page (not a tab of its own). */
  embedded: boolean;
  post(message: EmbedMessage): void;
  /** The bridge hands the host's messages here once the playground can take them. */
  onHostMessages(handler: (message: HostMessage) => void): void;
  setTheme(theme: "light" | "dark" | "auto"): void;
}

type Loaded = { status: "loading" } | { status: "ready"; embed: EmbedBlock } | { status: "failed"; message: string };

/** The embed page: one playground, a line naming it, and "Open in Lanes". */
export function EmbedApp({ options, fragmentCode, embedded, post, onHostMessages, setTheme }: EmbedAppProps) {
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  const control = useRef<PlaygroundControl>(null);
  const [needsIsolation, setNeedsIsolation] = useState(false);

  useEffect(() => {
    const load = options.lesson ? lessonBlock(options) : Promise.resolve(hostBlock(fragmentCode ?? STARTER_CODE, options));
    load.then(
      (embed) => {
        // Code carried by "Open in Lanes" into a lesson's playground: its draft is its own, so
        // the reader's saved draft of that playground (in this tab's storage) is never replaced.
        if (options.lesson && fragmentCode !== undefined) {
          embed = { ...embed, lessonSlug: "embed", block: { ...embed.block, id: fingerprint(fragmentCode), code: fragmentCode } };
        }
        setLoaded({ status: "ready", embed });
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        setLoaded({ status: "failed", message });
        post({ type: "lanes:error", message });
      },
    );
  }, [options, fragmentCode, post]);

  const embed = loaded.status === "ready" ? loaded.embed : undefined;
  const course = theCourse();
  const title = pageTitle(course.title, { kind: "lesson", title: embed?.lessonTitle ?? "Playground" });
  useEffect(() => {
    document.title = title;
  }, [title]);

  // Once the playground is there: take the host's messages, say so, and autorun if asked.
  useEffect(() => {
    if (!embed) return;
    onHostMessages((message) => {
      const playground = control.current;
      if (!playground) return;
      if (message.type === "lanes:run") {
        if (message.runners?.includes("python") && message.runners.length > 1) {
          post({ type: "lanes:error", message: `The run ${String(message.id)}: "python" runs Python source, the other runners TypeScript: ask for them in separate runs.` });
          return;
        }
        playground.run({ code: message.code, runners: message.runners, tag: message.id }).catch((error: unknown) => {
          post({ type: "lanes:error", message: `The run ${String(message.id)} failed: ${error instanceof Error ? error.message : String(error)}` });
        });
      } else if (message.type === "lanes:set-code") playground.setCode(message.code);
      else if (message.type === "lanes:stop") playground.stop();
      else setTheme(message.theme);
    });
    post({ type: "lanes:ready" });
    // Never a stored draft: only the lesson's or the host's own code runs by itself.
    const key = blockKey(embed.lessonSlug, embed.block.id);
    const hasDraft = progressStore().getState().blocks[key]?.draft !== undefined;
    if (options.autorun && !hasDraft) void control.current?.run({});
  }, [embed, onHostMessages, post, options.autorun, setTheme]);

  const onFinished = useCallback(
    (finished: Finished) => {
      const id = finished.tag;
      post(id === undefined ? { type: "lanes:result", runs: finished.runs } : { type: "lanes:result", id, runs: finished.runs });
      if (finished.check && options.lesson && options.playground) {
        post({ type: "lanes:exercise", lesson: options.lesson, exercise: options.playground, passed: finished.check.passed });
      }
      const sharedMemoryMissing = !globalThis.crossOriginIsolated && finished.runs.some((run) => run.error?.message.includes("SharedArrayBuffer"));
      setNeedsIsolation(sharedMemoryMissing);
    },
    [post, options.lesson, options.playground],
  );

  const openInLanes = () => {
    const code = control.current?.code() ?? embed?.block.code ?? "";
    window.open(openInLanesUrl(options, code), "_blank", "noopener");
  };

  return (
    <main className="embed" data-embedded={embedded ? "yes" : "no"}>
      <CourseTheme course={course} />
      <header className="embed-bar">
        <span className="embed-title">
          <CourseBrand course={course} size="small" />
          {embed?.lessonTitle && <span className="embed-lesson"> · {embed.lessonTitle}</span>}
        </span>
        {embedded && (
          <button type="button" className="secondary embed-open" onClick={openInLanes} title="A tab of its own, with the code now in the editor (work saved here stays with this site)">
            Open in Lanes ↗
          </button>
        )}
      </header>
      {needsIsolation && (
        <p className="embed-isolation" role="alert">
          This browser does not isolate an embedded playground, so it has no shared memory (SharedArrayBuffer) for this program.{" "}
          <button type="button" className="secondary" onClick={openInLanes}>
            Open in Lanes
          </button>{" "}
          runs it in a tab of its own, where it has.
        </p>
      )}
      {loaded.status === "loading" && <p aria-busy="true">Loading the playground…</p>}
      {loaded.status === "failed" && <p role="alert">{loaded.message}</p>}
      {embed && (
        <Playground
          key={`${embed.lessonSlug}/${embed.block.id}`}
          lessonSlug={embed.lessonSlug}
          block={embed.block}
          highlighted={embed.highlighted}
          readOnly={options.readOnly}
          control={control}
          onFinished={onFinished}
          clearable
          shareable={false}
        />
      )}
    </main>
  );
}
