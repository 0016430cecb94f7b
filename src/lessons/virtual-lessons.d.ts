// The lessons, compiled from lessons/*.md at build time by plugins/lessons-plugin.ts.
declare module "virtual:lanes/lessons" {
  // An ambient module cannot `import type` a relative path; an import() type can.
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const lessons: import("./lesson-model.ts").Lesson[];
  export default lessons;
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  export const course: import("./course-schema.ts").Course;
}
