import { Fragment, useEffect, useMemo } from "react";
import type { Lesson } from "../lessons/lesson-model";
import { progressStore } from "../store/progress-store";
import { Link } from "./Link";
import { Playground } from "./playground/Playground";
import { splitAfterPass, splitAtLastHeading } from "../lessons/section-parts";
import { AfterPass } from "./AfterPass";
import { Prose } from "./Prose";
import { hrefFor } from "./router";
import { StorageNotice } from "./StorageNotice";

interface LessonPageProps {
  lesson: Lesson;
  previous?: Lesson;
  next?: Lesson;
}

export function LessonPage({ lesson, previous, next }: LessonPageProps) {
  const { meta, sections, headings } = lesson;
  const slugFor = useMemo(() => {
    const byText = new Map<string, string>();
    for (const h of headings) if (!byText.has(h.text)) byText.set(h.text, h.slug);
    return (text: string) => byText.get(text.trim()) ?? "";
  }, [headings]);

  useEffect(() => {
    progressStore().getState().visit(meta.slug);
    // A link to a heading or a playground: scroll there once the page has rendered.
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id) document.getElementById(id)?.scrollIntoView();
  }, [meta.slug]);

  const toc = headings.filter((h) => h.depth <= 3);
  return (
    <main className="lesson">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link href={hrefFor({ page: "home" })}>All lessons</Link>
      </nav>
      <StorageNotice />
      <h1 className="lesson-heading">{meta.title}</h1>
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
        // The playground sits beside its own heading ("Your turn: …"), not beside earlier sections.
        const { earlier, beside } = playground ? splitAtLastHeading(section.before) : { earlier: "", beside: section.before };
        const { always, afterPass } = playground?.exercise ? splitAfterPass(section.after) : { always: section.after, afterPass: null };
        const key = playground?.id ?? `prose-${i}`;
        return (
          <Fragment key={key}>
            {earlier && (
              <section className="step">
                <div className="step-before">
                  <Prose markdown={earlier} slugFor={slugFor} />
                </div>
              </section>
            )}
            <section className={playground ? "step with-playground" : "step"}>
              <div className="step-before">
                <Prose markdown={beside} slugFor={slugFor} />
              </div>
              {playground && (
                <div className="step-playground" id={`playground-${playground.id}`}>
                  <Playground lessonSlug={meta.slug} block={playground} />
                </div>
              )}
              <div className="step-after">
                {playground?.predict && always.trim() ? (
                  // Predict, then watch: the explanation would give the answer away, so it waits.
                  <details className="reveal">
                    <summary>What happened, and why (open it after your run)</summary>
                    <Prose markdown={always} slugFor={slugFor} />
                  </details>
                ) : (
                  <Prose markdown={always} slugFor={slugFor} />
                )}
                {playground && afterPass !== null && <AfterPass markdown={afterPass} lessonSlug={meta.slug} blockId={playground.id} slugFor={slugFor} />}
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
