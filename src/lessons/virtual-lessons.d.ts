// The lessons, compiled from lessons/*.md at build time by plugins/lessons-plugin.ts.
declare module "virtual:lanes/lessons" {
  // An ambient module cannot `import type` a relative path; an import() type can.
  /* eslint-disable @typescript-eslint/consistent-type-imports */
  /** Every lesson's summary, in course order. */
  const lessons: import("./lesson-model.ts").LessonSummary[];
  export default lessons;
  /** The course's title, introduction and parts (lessons/course.yaml, or one part of all lessons). */
  export const course: import("./course-schema.ts").Course;
  /** By slug: loads that lesson's own chunk (its rendered prose and playgrounds). */
  export const loaders: Record<string, () => Promise<{ default: import("./lesson-model.ts").RenderedLesson }>>;
  /* eslint-enable @typescript-eslint/consistent-type-imports */
}

declare module "virtual:lanes/all-lessons" {
  /** Every lesson rendered, in course order: for the build's prerender only (pages load one lesson each). */
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const lessons: import("./lesson-model.ts").RenderedLesson[];
  export default lessons;
}
