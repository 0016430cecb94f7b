import { useEffect } from "react";
import { allLessons, findLesson, theCourse } from "../lessons/catalog";
import { HomePage } from "./HomePage";
import { LessonPage } from "./LessonPage";
import { Link } from "./Link";
import { hrefFor, useRoute } from "./router";

export function App() {
  const route = useRoute();
  const lesson = route.page === "lesson" ? findLesson(route.slug) : undefined;
  const title = lesson ? `${lesson.meta.title} · Lanes` : "Lanes";
  useEffect(() => {
    document.title = title;
  }, [title]);

  if (route.page === "home") return <HomePage lessons={allLessons()} course={theCourse()} />;
  if (lesson) {
    const lessons = allLessons();
    const at = lessons.indexOf(lesson);
    return <LessonPage key={lesson.meta.slug} lesson={lesson} previous={lessons[at - 1]} next={lessons[at + 1]} />;
  }
  return (
    <main className="missing">
      <h1>Page not found</h1>
      <p>There is no lesson at this address. It may have been renamed.</p>
      <Link href={hrefFor({ page: "home" })}>See all lessons</Link>
    </main>
  );
}
