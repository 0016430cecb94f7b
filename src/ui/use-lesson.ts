import { useEffect, useState } from "react";
import { loadedLesson, loadLesson } from "../lessons/catalog";
import { onLessonUpdate } from "../lessons/lesson-updates";
import type { RenderedLesson } from "../lessons/lesson-model";

export type LessonState = { status: "loading" } | { status: "ready"; lesson: RenderedLesson } | { status: "failed"; message: string };

/**
 * A lesson's chunk: at once when it has loaded before (main.tsx loads the first page's before
 * rendering); in the dev server, each new version as its file is saved.
 */
export function useLesson(slug: string): LessonState {
  const [state, setState] = useState<{ slug: string; state: LessonState }>(() => initial(slug));
  const current = state.slug === slug ? state.state : initial(slug).state;

  useEffect(() => {
    if (current.status !== "loading") return;
    let live = true;
    loadLesson(slug).then(
      (lesson) => live && setState({ slug, state: { status: "ready", lesson } }),
      (error: unknown) => live && setState({ slug, state: { status: "failed", message: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      live = false;
    };
  }, [slug, current.status]);

  useEffect(
    () =>
      onLessonUpdate((lesson) => {
        if (lesson.meta.slug !== slug) return;
        setState((was) => (was.slug === slug && was.state.status === "ready" && was.state.lesson === lesson ? was : { slug, state: { status: "ready", lesson } }));
      }),
    [slug],
  );

  return current;
}

function initial(slug: string): { slug: string; state: LessonState } {
  const lesson = loadedLesson(slug);
  return { slug, state: lesson ? { status: "ready", lesson } : { status: "loading" } };
}
