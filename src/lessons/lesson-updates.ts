// The dev server's new versions of a lesson, as its author saves the file: each lesson module is
// self-accepting there (plugins/lessons-plugin.ts), and its new version announces itself here, so
// an open page re-renders the lesson in place (its editors, drafts and runs kept) instead of
// reloading. In a production build no lesson announces anything.
import type { RenderedLesson } from "./lesson-model.ts";

type Listener = (lesson: RenderedLesson) => void;
const listeners = new Set<Listener>();

/** Called by a lesson module as it is evaluated (its first version too: listeners ignore the same lesson). */
export function lessonUpdated(lesson: RenderedLesson): void {
  for (const listener of listeners) listener(lesson);
}

/** Every new version of any lesson; returns the way to stop listening. */
export function onLessonUpdate(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
