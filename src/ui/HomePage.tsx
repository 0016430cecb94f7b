import type { Lesson } from "../lessons/lesson-model";
import { Link } from "./Link";
import { hrefFor } from "./router";

export function HomePage({ lessons }: { lessons: Lesson[] }) {
  return (
    <main className="home">
      <header className="home-intro">
        <h1>Lanes</h1>
        <p>
          Learn concurrency by watching it. Every lesson runs the same program on the page’s main thread, as async
          tasks and in Web Workers, and draws what happened side by side.
        </p>
      </header>
      <h2 id="lessons-heading">Lessons</h2>
      <ol className="lesson-list" aria-labelledby="lessons-heading">
        {lessons.map(({ meta }) => (
          <li key={meta.slug}>
            <Link href={hrefFor({ page: "lesson", slug: meta.slug })} className="lesson-card">
              <span className="lesson-title">{meta.title}</span>
              {meta.summary && <span className="lesson-summary">{meta.summary}</span>}
            </Link>
          </li>
        ))}
      </ol>
      {lessons.length === 0 && <p>No lessons found in lessons/*.md.</p>}
    </main>
  );
}
