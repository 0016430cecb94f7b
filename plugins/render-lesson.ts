// A lesson model to what its page loads: the prose of every section rendered to HTML here, at
// build time, with heading ids from the model; and the summary every page knows of it.
import type { Lesson, LessonSummary, RenderedLesson } from "../src/lessons/lesson-model.ts";
import { splitAfterPass, splitAtLastHeading } from "../src/lessons/section-parts.ts";
import { highlightCode } from "./highlight-code.ts";
import { headingIds, renderProse } from "./render-prose.ts";

export function renderLesson(lesson: Lesson): RenderedLesson {
  const idFor = headingIds(lesson.headings);
  return {
    meta: lesson.meta,
    headings: lesson.headings,
    sections: lesson.sections.map(({ before, playground, after }) => {
      // In page order (earlier, beside, after, after the pass), so repeated headings get ids in order.
      if (!playground) return { earlierHtml: "", besideHtml: renderProse(before, idFor), afterHtml: renderProse(after, idFor) };
      // The playground sits beside its own heading ("Your turn: …"), not beside earlier sections.
      const { earlier, beside } = splitAtLastHeading(before);
      const earlierHtml = renderProse(earlier, idFor);
      const besideHtml = renderProse(beside, idFor);
      // Only an exercise can pass: elsewhere the marker is an invisible comment, like any other.
      const { always, afterPass } = playground.exercise ? splitAfterPass(after) : { always: after, afterPass: null };
      const afterHtml = renderProse(always, idFor);
      const highlighted = { code: highlightCode(playground.code, "typescript"), ...(playground.python ? { python: highlightCode(playground.python.code, "python") } : {}) };
      return {
        earlierHtml,
        besideHtml,
        playground,
        highlighted,
        afterHtml,
        ...(afterPass === null ? {} : { afterPassHtml: renderProse(afterPass, idFor) }),
      };
    }),
  };
}

export function summaryOf(lesson: Lesson): LessonSummary {
  return {
    meta: lesson.meta,
    exercises: lesson.playgrounds.filter((p) => p.exercise).map((p) => p.id),
    predictions: lesson.playgrounds.filter((p) => p.predict).map((p) => p.id),
  };
}
