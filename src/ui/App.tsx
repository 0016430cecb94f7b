import { useEffect } from "react";
import { allLessons, findLesson, theCourse } from "../lessons/catalog";
import type { LessonSummary } from "../lessons/lesson-model";
import { CourseHeader, CourseTheme } from "./CourseBrand";
import { HomePage } from "./HomePage";
import { Link } from "./Link";
import { MissingPage } from "./MissingPage";
import { UpdateNotice } from "./UpdateNotice";
import { pageTitle } from "./page-title";
import { hrefFor, useRoute } from "./router";
import { useLesson } from "./use-lesson";

export function App() {
  // The app has replaced the prerendered page (tests and scripts wait for this, not for load).
  useEffect(() => {
    document.documentElement.dataset.app = "ready";
  }, []);
  return (
    <>
      <Page />
      <UpdateNotice />
    </>
  );
}

function Page() {
  const route = useRoute();
  const lesson = route.page === "lesson" ? findLesson(route.slug) : undefined;
  const course = theCourse();
  const title = pageTitle(course.title, route.page === "home" ? { kind: "home" } : lesson ? { kind: "lesson", title: lesson.meta.title } : { kind: "missing" });
  useEffect(() => {
    document.title = title;
  }, [title]);

  if (route.page === "home") return <HomePage lessons={allLessons()} course={course} />;
  if (lesson) return <LessonRoute key={lesson.meta.slug} summary={lesson} />;
  return <MissingPage />;
}

/** A lesson's page once its chunk and the page's code are here; its title meanwhile (only after a link inside the app). */
function LessonRoute({ summary }: { summary: LessonSummary }) {
  const state = useLesson(summary.meta.slug);
  const lessons = allLessons();
  const at = lessons.indexOf(summary);
  const course = theCourse();
  if (state.status === "ready") return <state.LessonPage lesson={state.lesson} course={course} previous={lessons[at - 1]} next={lessons[at + 1]} />;
  return (
    <main className="lesson" aria-busy={state.status === "loading"}>
      <CourseTheme course={course} />
      <CourseHeader course={course} />
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link href={hrefFor({ page: "home" })}>All lessons</Link>
      </nav>
      <h1 className="lesson-heading">{summary.meta.title}</h1>
      {state.status === "failed" && (
        <p role="alert">
          This lesson could not be loaded ({state.message}). Check your connection and <a href={hrefFor({ page: "lesson", slug: summary.meta.slug })}>reload the page</a>.
        </p>
      )}
    </main>
  );
}
