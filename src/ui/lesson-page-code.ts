// The lesson page's code (the playground, the editor's frame, the timeline, the output, the
// checks) is a chunk of its own, loaded with a lesson (boot.tsx loads it beside the lesson's chunk,
// and a lesson's prerendered page preloads it): the home page and every other page do without it.
import type { LessonPage } from "./LessonPage";

export type LessonPageComponent = typeof LessonPage;

let loaded: LessonPageComponent | undefined;
let loading: Promise<LessonPageComponent> | undefined;

export function loadLessonPage(): Promise<LessonPageComponent> {
  if (!loading) {
    const promise = import("./LessonPage").then((m) => (loaded = m.LessonPage));
    // A failed load (a new deployment removed the chunk, the network dropped) may be retried.
    promise.catch(() => {
      if (loading === promise) loading = undefined;
    });
    loading = promise;
  }
  return loading;
}

/** The component if its chunk has loaded already, so a page can render at once. */
export function loadedLessonPage(): LessonPageComponent | undefined {
  return loaded;
}
