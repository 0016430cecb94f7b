import { useEffect, useState } from "react";
import { loadedLesson, loadLesson } from "../lessons/catalog";
import { onLessonUpdate } from "../lessons/lesson-updates";
import type { RenderedLesson } from "../lessons/lesson-model";
import { loadedLessonPage, loadLessonPage, type LessonPageComponent } from "./lesson-page-code";

export type LessonState =
  | { status: "loading" }
  | { status: "ready"; lesson: RenderedLesson; LessonPage: LessonPageComponent }
  | { status: "failed"; message: string };

/**
 * A lesson's chunk and the lesson page's code: at once when both have loaded before (boot.tsx
 * loads the first page's before rendering); in the dev server, each new version as its file is saved.
 */
export function useLesson(slug: string): LessonState {
  const [state, setState] = useState<{ slug: string; state: LessonState }>(() => initial(slug));
  const current = state.slug === slug ? state.state : initial(slug).state;

  useEffect(() => {
    if (current.status !== "loading") return;
    let live = true;
    Promise.all([loadLesson(slug), loadLessonPage()]).then(
      ([lesson, LessonPage]) => live && setState({ slug, state: { status: "ready", lesson, LessonPage } }),
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
        const LessonPage = loadedLessonPage();
        if (!LessonPage) return; // the page's code is still loading: it will show the newest lesson
        setState((was) => (was.slug === slug && was.state.status === "ready" && was.state.lesson === lesson ? was : { slug, state: { status: "ready", lesson, LessonPage } }));
      }),
    [slug],
  );

  return current;
}

function initial(slug: string): { slug: string; state: LessonState } {
  const lesson = loadedLesson(slug);
  const LessonPage = loadedLessonPage();
  return { slug, state: lesson && LessonPage ? { status: "ready", lesson, LessonPage } : { status: "loading" } };
}
