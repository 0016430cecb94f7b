// The pages `vite build` writes as static HTML (plugins/prerender-plugin.ts loads this in Node):
// the home page, every lesson and the "not found" page, rendered by the same components the app
// renders, so the app replaces each with the same markup when its JavaScript arrives.
import { renderToString } from "react-dom/server";
import rendered from "virtual:lanes/all-lessons";
import { allLessons, theCourse } from "../lessons/catalog";
import { HomePage } from "./HomePage";
import { LessonPage } from "./LessonPage";
import { MissingPage } from "./MissingPage";
import { pageTitle } from "./page-title";
import type { PrerenderedPage } from "./prerendered-page";

export const SITE_DESCRIPTION = "Lanes: a browser playground for learning concurrency.";

/**
 * Rendered in one synchronous pass: the progress store, made here without localStorage, would
 * report "storage unavailable" on its next microtask, and that notice belongs to a browser.
 */
export function prerenderPages(): PrerenderedPage[] {
  const summaries = allLessons();
  const course = theCourse();
  const lessons = new Map(rendered.map((lesson) => [lesson.meta.slug, lesson]));
  const pages: PrerenderedPage[] = [{ file: "index.html", title: pageTitle(course.title, { kind: "home" }), description: SITE_DESCRIPTION, html: renderToString(<HomePage lessons={summaries} course={course} />) }];
  summaries.forEach((summary, at) => {
    const lesson = lessons.get(summary.meta.slug);
    if (!lesson) throw new Error(`prerender: lesson "${summary.meta.slug}" is in the catalog but was not rendered.`);
    pages.push({
      file: `lessons/${summary.meta.slug}.html`,
      title: pageTitle(course.title, { kind: "lesson", title: summary.meta.title }),
      description: summary.meta.summary || SITE_DESCRIPTION,
      html: renderToString(<LessonPage lesson={lesson} course={course} previous={summaries[at - 1]} next={summaries[at + 1]} />),
      lessonSlug: summary.meta.slug,
    });
  });
  pages.push({ file: "404.html", title: pageTitle(course.title, { kind: "missing" }), description: SITE_DESCRIPTION, html: renderToString(<MissingPage />) });
  return pages;
}
