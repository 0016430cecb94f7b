import type { Lesson } from "../lessons/lesson-model";
import { Link } from "./Link";
import { Playground } from "./Playground";
import { Prose } from "./Prose";
import { hrefFor } from "./router";

export function LessonPage({ lesson }: { lesson: Lesson }) {
  const { meta, sections } = lesson;
  return (
    <main className="lesson">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link href={hrefFor({ page: "home" })}>All lessons</Link>
      </nav>
      <h1 className="lesson-heading">{meta.title}</h1>
      {sections.map((section, i) => (
        <section key={section.playground?.id ?? `prose-${i}`} className={section.playground ? "step with-playground" : "step"}>
          <div className="step-before">
            <Prose markdown={section.before} />
          </div>
          {section.playground && (
            <div className="step-playground" id={`playground-${section.playground.id}`}>
              <Playground lessonSlug={meta.slug} block={section.playground} />
            </div>
          )}
          <div className="step-after">
            <Prose markdown={section.after} />
          </div>
        </section>
      ))}
    </main>
  );
}
