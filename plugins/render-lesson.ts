// A lesson model to what its page loads: the prose of every section rendered to HTML here, at
// build time, with heading ids from the model; and the summary every page knows of it.
import type { Lesson, LessonSummary, RenderedLesson } from "../src/lessons/lesson-model.ts";
import { highlightCode } from "./highlight-code.ts";
import { headingIds, renderProse } from "./render-prose.ts";

export function renderLesson(lesson: Lesson): RenderedLesson {
  const idFor = headingIds(lesson.headings);
  return {
    meta: lesson.meta,
    headings: lesson.headings,
    sections: lesson.sections.map(({ before, playground, after }) => {
      // In page order: the prose before a playground, then after it, so repeated headings get ids in order.
      const beforeHtml = renderProse(before, idFor);
      if (!playground) return { beforeHtml, afterHtml: renderProse(after, idFor) };
      const highlighted = { code: highlightCode(playground.code, "typescript"), ...(playground.python ? { python: highlightCode(playground.python.code, "python") } : {}) };
      return { beforeHtml, playground, highlighted, afterHtml: renderProse(after, idFor) };
    }),
  };
}

export function summaryOf(lesson: Lesson): LessonSummary {
  return { meta: lesson.meta, exercises: lesson.playgrounds.filter((p) => p.exercise).map((p) => p.id) };
}
