import type { Course } from "./course-schema.ts";
import type { LessonSummary, RenderedLesson } from "./lesson-model.ts";
import summaries, { course, loaders } from "virtual:lanes/lessons";
import { onLessonUpdate } from "./lesson-updates.ts";

// Every lessons/*.md, validated, type-checked and rendered at build time (plugins/lessons-plugin.ts).
// Every page knows each lesson's summary; a lesson's prose and code are in its own chunk, loaded
// with its page, so the entry chunk does not grow with the course.

/** All lessons, in course order (frontmatter `order`, else the file name's number, then title). */
export function allLessons(): LessonSummary[] {
  return summaries;
}

export function findLesson(slug: string): LessonSummary | undefined {
  return summaries.find((lesson) => lesson.meta.slug === slug);
}

const loaded = new Map<string, RenderedLesson>();
const loading = new Map<string, Promise<RenderedLesson>>();

/** Loads a lesson's chunk once; rejects for a slug that is not a lesson. */
export function loadLesson(slug: string): Promise<RenderedLesson> {
  let promise = loading.get(slug);
  if (!promise) {
    const load = Object.hasOwn(loaders, slug) ? loaders[slug] : undefined;
    if (!load) return Promise.reject(new Error(`There is no lesson "${slug}".`));
    promise = load().then(({ default: lesson }) => {
      loaded.set(slug, lesson);
      return lesson;
    });
    // A failed load (a new deployment removed the chunk, the network dropped) may be retried.
    promise.catch(() => loading.delete(slug));
    loading.set(slug, promise);
  }
  return promise;
}

// In the dev server a saved lesson file arrives as a new version of its module: later visits get it too.
onLessonUpdate((lesson) => {
  const slug = lesson.meta.slug;
  if (loaded.get(slug) === lesson) return;
  loaded.set(slug, lesson);
  loading.set(slug, Promise.resolve(lesson));
});

/** The lesson if its chunk has loaded already, so a page can render it without waiting. */
export function loadedLesson(slug: string): RenderedLesson | undefined {
  return loaded.get(slug);
}

/** The course's title, introduction and parts (lessons/course.yaml; without it, one part of all lessons). */
export function theCourse(): Course {
  return course;
}
