import { Fragment, useEffect, useState } from "react";
import type { Course } from "../lessons/course-schema";
import type { LessonSummary, RenderedLesson } from "../lessons/lesson-model";
import { afterFirstScreen } from "../first-screen";
import { warmUp } from "../runners/warm-up";
import { prepareStage } from "../stage/stage-pool";
import { blockKey, fileDraftKey } from "../store/progress-schema";
import { progressStore } from "../store/progress-store";
import { CourseHeader, CourseTheme } from "./CourseBrand";
import { LessonFacts } from "./LessonFacts";
import { Link } from "./Link";
import { Playground } from "./playground/Playground";
import { AfterPass } from "./AfterPass";
import { Prose } from "./Prose";
import { hrefFor } from "./router";
import { StorageNotice } from "./StorageNotice";
import { arrivalFor } from "./share/arrival";

function anchorOf(hash: string): string | null {
  if (/^#code[=%]/i.test(hash)) return null;
  try {
    return decodeURIComponent(hash.slice(1)) || null;
  } catch {
    return null;
  }
}

interface LessonPageProps {
  lesson: RenderedLesson;
  /** The course it belongs to: its logo, title and accent head the page. */
  course: Course;
  previous?: LessonSummary;
  next?: LessonSummary;
}

export function LessonPage({ lesson, course, previous, next }: LessonPageProps) {
  const { meta, sections, headings } = lesson;
  // Read once: the playground a share link is for starts with its code (see share/arrival.ts).
  const [arrival] = useState(() => arrivalFor(sections.flatMap((s) => (s.playground ? [s.playground.id] : []))));

  useEffect(() => {
    progressStore().getState().visit(meta.slug);
    // A link to a heading or a playground: scroll there once the page has rendered.
    // (A share link's fragment is no anchor, and a mangled fragment must not break the page.)
    const id = anchorOf(window.location.hash);
    if (id) document.getElementById(id)?.scrollIntoView();
  }, [meta.slug]);

  // Once the first screen is up and the page idle, get the first playground's Run ready: a
  // stage booted with its code compiled and its workers started (or, on a host that can give
  // no stage, the runners on this page).
  const first = sections.find((s) => s.playground)?.playground;
  useEffect(() => {
    if (!first) return;
    let left = false;
    void afterFirstScreen().then(async () => {
      if (left) return;
      const draft = progressStore().getState().blocks[blockKey(meta.slug, first.id)]?.draft?.code;
      const source = draft ?? first.code;
      // Its helper files as the student left them, so the precompile is of what Run will run.
      const files = (first.files ?? []).map((f) => ({ name: f.name, code: progressStore().getState().blocks[fileDraftKey(blockKey(meta.slug, first.id), f.name)]?.draft?.code ?? f.code }));
      const workers = first.runners.includes("workers") ? (first.workers ?? navigator.hardwareConcurrency ?? 2) : 0;
      if (!(await prepareStage(source, workers, files)) && !left) void warmUp(source, first.runners, first.workers, files);
    });
    return () => {
      left = true;
    };
  }, [meta.slug, first]);

  const toc = headings.filter((h) => h.depth <= 3);
  return (
    <main className="lesson">
      <CourseTheme course={course} />
      <CourseHeader course={course} />
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link href={hrefFor({ page: "home" })}>All lessons</Link>
      </nav>
      <StorageNotice />
      <h1 className="lesson-heading">{meta.title}</h1>
      {(meta.level !== undefined || meta.minutes !== undefined || meta.tags.length > 0) && (
        <p className="lesson-header-facts">
          <LessonFacts meta={meta} />
        </p>
      )}
      {toc.length > 0 && (
        <nav className="toc" aria-label="On this page">
          <details>
            <summary>On this page</summary>
            <ol>
              {toc.map((h) => (
                <li key={h.slug} className={`toc-depth-${h.depth}`}>
                  <a href={`#${h.slug}`}>{h.text}</a>
                </li>
              ))}
            </ol>
          </details>
        </nav>
      )}
      {sections.map((section, i) => {
        const playground = section.playground;
        const key = playground?.id ?? `prose-${i}`;
        // The build split the prose: the playground sits beside its own heading ("Your turn: …"),
        // earlier prose goes full width before it, and an exercise's after-pass prose waits.
        return (
          <Fragment key={key}>
            {section.earlierHtml && (
              <section className="step">
                <div className="step-before">
                  <Prose html={section.earlierHtml} />
                </div>
              </section>
            )}
            <section className={playground ? "step with-playground" : "step"}>
              <div className="step-before">
                <Prose html={section.besideHtml} />
              </div>
              {playground && (
                <div className="step-playground" id={`playground-${playground.id}`}>
                  <Playground lessonSlug={meta.slug} block={playground} highlighted={section.highlighted} arrival={arrival?.target === playground.id ? arrival : null} />
                </div>
              )}
              <div className="step-after">
                {playground?.predict && section.afterHtml ? (
                  // Predict, then watch: the explanation would give the answer away, so it waits.
                  <details className="reveal">
                    <summary>What happened, and why (open it after your run)</summary>
                    <Prose html={section.afterHtml} />
                  </details>
                ) : (
                  <Prose html={section.afterHtml} />
                )}
                {playground && section.afterPassHtml !== undefined && <AfterPass html={section.afterPassHtml} lessonSlug={meta.slug} blockId={playground.id} />}
              </div>
            </section>
          </Fragment>
        );
      })}
      <nav className="pager" aria-label="Lessons">
        {previous ? (
          <Link href={hrefFor({ page: "lesson", slug: previous.meta.slug })} rel="prev">
            ← {previous.meta.title}
          </Link>
        ) : (
          <span />
        )}
        {next && (
          <Link href={hrefFor({ page: "lesson", slug: next.meta.slug })} rel="next">
            {next.meta.title} →
          </Link>
        )}
      </nav>
    </main>
  );
}
