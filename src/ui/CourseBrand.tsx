import type { Course } from "../lessons/course-schema";
import { accentCss } from "./accent-css";
import { Link } from "./Link";
import { hrefFor } from "./router";

/** The course's accent colour over Lanes' own, for the page it is rendered in (prerendered too). */
export function CourseTheme({ course }: { course: Course }) {
  const css = course.accent ? accentCss(course.accent) : "";
  return css ? <style>{css}</style> : null;
}

/** The logo's address in the site (the build serves it under the site's base). */
export const logoSrc = (logo: string): string => `${import.meta.env.BASE_URL}${logo}`;

/**
 * The course's logo (if any) and title. The logo is decorative: the title beside it says what it
 * would, so it has an empty alt and a screen reader reads the title once.
 */
export function CourseBrand({ course, size }: { course: Course; size: "large" | "small" }) {
  return (
    <span className={`course-brand ${size}`}>
      {course.logo && <img className="course-logo" src={logoSrc(course.logo)} alt="" />}
      <span className="course-name">{course.title}</span>
    </span>
  );
}

/** A lesson page's top line: the course's logo and title, a link to its home page. */
export function CourseHeader({ course }: { course: Course }) {
  return (
    <header className="course-header">
      <Link href={hrefFor({ page: "home" })} className="course-home">
        <CourseBrand course={course} size="small" />
      </Link>
    </header>
  );
}
