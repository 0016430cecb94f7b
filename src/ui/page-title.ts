/** Which page a title is for. */
export type TitledPage = { kind: "home" } | { kind: "lesson"; title: string } | { kind: "missing" };

/**
 * A page's <title>, the same in the app, the prerendered HTML and the embed: the course's title
 * on its home page, "Lesson · Course" on a lesson's (a tab or a bookmark shows the lesson
 * first), "Page not found · Course" elsewhere.
 */
export function pageTitle(courseTitle: string, page: TitledPage): string {
  if (page.kind === "home") return courseTitle;
  return `${page.kind === "lesson" ? page.title : "Page not found"} · ${courseTitle}`;
}
