import type { Lesson } from "../lessons/lesson-model";
import { blockKey } from "../store/progress-schema";
import { Link } from "./Link";
import { ProgressFiles } from "./ProgressFiles";
import { hrefFor } from "./router";
import { StorageNotice } from "./StorageNotice";
import { useProgress } from "./use-progress";

function LessonMark({ lesson }: { lesson: Lesson }) {
  const exercises = lesson.playgrounds.filter((p) => p.exercise);
  const passed = useProgress((state) => exercises.filter((p) => state.blocks[blockKey(lesson.meta.slug, p.id)]?.passedAt !== undefined).length);
  const visited = useProgress((state) => state.visited[lesson.meta.slug] !== undefined);
  const predictions = lesson.playgrounds.filter((p) => p.predict);
  const predicted = useProgress((state) => predictions.filter((p) => state.blocks[blockKey(lesson.meta.slug, p.id)]?.prediction !== undefined).length);
  if (exercises.length > 0) {
    const done = passed === exercises.length;
    return (
      <span className={`lesson-mark${done ? " done" : ""}`} aria-label={`${passed} of ${exercises.length} exercises passed`}>
        {done ? "✓ " : ""}
        {passed}/{exercises.length} exercises
      </span>
    );
  }
  // A lesson with predictions and no exercise (lesson 1) still shows how far the student got.
  if (predictions.length > 0 && (visited || predicted > 0)) {
    const text = `${predicted} of ${predictions.length} ${predictions.length === 1 ? "prediction" : "predictions"} made`;
    return (
      <span className={`lesson-mark${predicted === predictions.length ? " done" : ""}`} aria-label={text}>
        {predicted === predictions.length ? "✓ " : ""}
        {text}
      </span>
    );
  }
  return visited ? <span className="lesson-mark" aria-label="visited">visited</span> : null;
}

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
      <StorageNotice />
      <h2 id="lessons-heading">Lessons</h2>
      <ol className="lesson-list" aria-labelledby="lessons-heading">
        {lessons.map((lesson) => (
          <li key={lesson.meta.slug}>
            <Link href={hrefFor({ page: "lesson", slug: lesson.meta.slug })} className="lesson-card">
              <span className="lesson-title">{lesson.meta.title}</span>
              {lesson.meta.summary && <span className="lesson-summary">{lesson.meta.summary}</span>}
              <LessonMark lesson={lesson} />
            </Link>
          </li>
        ))}
      </ol>
      {lessons.length === 0 && <p>No lessons found in lessons/*.md.</p>}
      <ProgressFiles />
    </main>
  );
}
