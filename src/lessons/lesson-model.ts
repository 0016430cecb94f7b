// The lesson model: what a lesson file becomes before anything renders it.
// Pure data, no React: the UI, lessons:check and the build plugin all read it.

export interface LessonMeta {
  slug: string;
  title: string;
  summary: string;
  order: number;
}

export interface PlaygroundBlock {
  /** Stable within the lesson: the author's `id=` or `p1`, `p2`, … in file order. */
  id: string;
  code: string;
  /** 1-based line of the opening fence in the lesson file. */
  line: number;
}

/** A playground with the prose that leads up to it and the prose that discusses it. */
export interface LessonSection {
  before: string;
  playground?: PlaygroundBlock;
  after: string;
}

export interface Lesson {
  meta: LessonMeta;
  sections: LessonSection[];
}
