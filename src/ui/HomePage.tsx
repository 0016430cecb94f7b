import type { Course } from "../lessons/course-schema";
import type { LessonSummary } from "../lessons/lesson-model";
import { blockKey } from "../store/progress-schema";
import { CourseBrand, CourseTheme } from "./CourseBrand";
import { LessonFacts } from "./LessonFacts";
import { Link } from "./Link";
import { ProgressFiles } from "./ProgressFiles";
import { hrefFor } from "./router";
import { StorageNotice } from "./StorageNotice";
import { useProgress } from "./use-progress";

function LessonMark({ lesson }: { lesson: LessonSummary }) {
  const { exercises } = lesson;
  const passed = useProgress((state) => exercises.filter((id) => state.blocks[blockKey(lesson.meta.slug, id)]?.passedAt !== undefined).length);
  const visited = useProgress((state) => state.visited[lesson.meta.slug] !== undefined);
  const { predictions } = lesson;
  const predicted = useProgress((state) => predictions.filter((id) => state.blocks[blockKey(lesson.meta.slug, id)]?.prediction !== undefined).length);
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

function LessonCard({ lesson }: { lesson: LessonSummary }) {
  return (
    <Link href={hrefFor({ page: "lesson", slug: lesson.meta.slug })} className="lesson-card">
      <span className="lesson-title">{lesson.meta.title}</span>
      {lesson.meta.summary && <span className="lesson-summary">{lesson.meta.summary}</span>}
      <span className="lesson-foot">
        <LessonFacts meta={lesson.meta} />
        <LessonMark lesson={lesson} />
      </span>
    </Link>
  );
}

const DEFAULT_INTRO =
  "Learn concurrency by watching it. Every lesson runs the same program on the page’s main thread, as async tasks and in Web Workers, and draws what happened side by side.";

export function HomePage({ lessons, course }: { lessons: LessonSummary[]; course: Course }) {
  const bySlug = new Map(lessons.map((l) => [l.meta.slug, l]));
  return (
    <main className="home">
      <CourseTheme course={course} />
      <header className="home-intro">
        <h1>
          <CourseBrand course={course} size="large" />
        </h1>
        <p>{course.intro || DEFAULT_INTRO}</p>
      </header>
      <StorageNotice />
      <div className="course-parts">
        {course.parts.map((part, i) => {
          const id = `part-${i + 1}`;
          const inPart = part.lessons.flatMap((slug) => bySlug.get(slug) ?? []);
          return (
            <section key={id} className="course-part" aria-labelledby={id}>
              <h2 id={id}>{part.title}</h2>
              {part.summary && <p className="part-summary">{part.summary}</p>}
              {inPart.length > 0 ? (
                <ol className="lesson-list" aria-labelledby={id}>
                  {inPart.map((lesson) => (
                    <li key={lesson.meta.slug}>
                      <LessonCard lesson={lesson} />
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="part-empty">No lessons here yet.</p>
              )}
            </section>
          );
        })}
      </div>
      {lessons.length === 0 && <p>No lessons found in lessons/*.md.</p>}
      <ProgressFiles />
    </main>
  );
}
