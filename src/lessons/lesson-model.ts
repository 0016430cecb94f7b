// The lesson model: what a lesson file becomes before anything renders it.
// Pure data, no React, JSON-serialisable: the build plugin produces it, the UI and lessons:check
// read it. Fields are only ever added, so older readers keep working.
import type { Runner } from "../trace/run.ts";
import type { Level } from "./frontmatter-schema.ts";

export interface LessonMeta {
  /** The file name without `.md`: the lesson's URL is /lessons/<slug>. */
  slug: string;
  title: string;
  summary: string;
  order: number;
  /** Runners a playground offers unless it says otherwise: frontmatter `runners`, else all three. */
  runners: Runner[];
  level?: Level;
  /** About how long the lesson takes, in minutes (frontmatter `minutes`). */
  minutes?: number;
  tags: string[];
  timeLimitMs?: number;
}

/** A fenced block's code and the 1-based line of its opening fence in the lesson file. */
export interface CodeBlock {
  code: string;
  line: number;
}

/** A second file of a playground (```ts file=helpers.ts): the program imports it as "./helpers". */
export interface HelperFile extends CodeBlock {
  /** `<identifier>.ts`, unique in its playground; never "main.ts" (the playground's own code). */
  name: string;
}

export interface PlaygroundBlock extends CodeBlock {
  /** Stable within the lesson: the author's `id=` or `p1`, `p2`, … in file order. Anchor: `#playground-<id>`. */
  id: string;
  /** Resolved: the block's `runners=`, else the lesson's. */
  runners: Runner[];
  /** The pool size the block suggests (`workers=`), if any. */
  workers?: number;
  /** Resolved: the block's `timeLimitMs=`, else the lesson's, else none (the app's default). */
  timeLimitMs?: number;
  /**
   * The `ts file=<name>.ts` blocks after the playground, in file order: modules its code (and
   * its solution) may import as "./<name>". Absent when it has none.
   */
  files?: HelperFile[];
  /** The `python` block right after the playground: the same program in Python. */
  python?: CodeBlock;
  /** A `ts solution` block after it: revealed on request and after a pass. */
  solution?: CodeBlock;
  /** Present when a `yaml check` block follows: the playground is an exercise. */
  exercise?: Exercise;
  /** A `yaml predict` block after it: asked before the first run. */
  predict?: Predict;
  /** A `yaml outcome` block after it: the runners it fails under on purpose (else it must end ok). */
  outcome?: Outcome;
}

/** A playground that fails on purpose: per runner, a text its run's error message contains. */
export interface Outcome {
  fails: Partial<Record<Runner, string>>;
  /** The Python twin must print the same lines as the TypeScript program (under its first runner), in order or in any order. */
  pythonOutput?: "same" | "same-any-order";
  /** Line of the `yaml outcome` fence. */
  line: number;
}

export interface Exercise {
  /** What the student must achieve, in words. */
  goal: string;
  /** Revealed one at a time, in this order. */
  hints: string[];
  check: Check;
  /** Line of the `yaml check` fence. */
  line: number;
}

export interface Check {
  /** Declarative assertions from `expect:`; all must hold. */
  assertions: Assertion[];
  /** A `ts check` block: `export default (runs: Run[]) => true | string`. */
  fn?: CheckFunction;
}

export interface CheckFunction {
  /** The TypeScript the author wrote. */
  source: string;
  /** The same compiled to a CommonJS-style script at build time; evaluated away from the page. */
  js: string;
  line: number;
}

/** "all": every run the student made must satisfy it. */
export type RunnerScope = Runner | "all";

export type Assertion =
  | { kind: "ok"; runner: RunnerScope }
  | { kind: "noFailedTasks"; runner: RunnerScope }
  | { kind: "output"; runner: RunnerScope; contains?: string; matches?: string }
  | { kind: "speedUp"; runner: Runner; over: Runner; atLeast: number }
  | { kind: "wallMs"; runner: Runner; below?: number; above?: number }
  | { kind: "peakRunning"; runner: Runner; atLeast: number };

export type Predict =
  | { kind: "fastest"; question: string; choices: Runner[]; line: number }
  | { kind: "wall"; question: string; runner: Runner; tolerance: number; line: number }
  | { kind: "choice"; question: string; runner: Runner; options: ChoiceOption[]; line: number };

/** How a run ends, for a choice: ok; stopped as a deadlock; failed with another error. */
export type RunEnding = "ok" | "deadlock" | "error";

/** What must be true of the run for a choice's answer to be what happened (exactly one key). */
export type ChoiceWhen =
  | { printed: string }
  | { value: { matches: string; below?: number; above?: number; equals?: number } }
  | { ends: RunEnding };

/** One answer of a `kind: choice` prediction, and how the run shows it is the one. */
export interface ChoiceOption {
  answer: string;
  when: ChoiceWhen;
}

/** What a student predicted, for comparePrediction(). */
export type Prediction = { kind: "fastest"; runner: Runner } | { kind: "wall"; ms: number } | { kind: "choice"; answer: string };

/** A playground with the prose that leads up to it and the prose that discusses it. */
export interface LessonSection {
  before: string;
  playground?: PlaygroundBlock;
  after: string;
}

/** A heading of the lesson body, for the table of contents. `slug` is unique in the lesson. */
export interface Heading {
  depth: number;
  /** Plain text (inline markdown removed): what the rendered heading's textContent is. */
  text: string;
  slug: string;
  line: number;
}

export interface Lesson {
  meta: LessonMeta;
  sections: LessonSection[];
  /** Headings in file order, the title heading left out. */
  headings: Heading[];
  /** Every playground in file order: the same objects as in `sections`. */
  playgrounds: PlaygroundBlock[];
}

/** A section as the page receives it: its prose already rendered to sanitised HTML at build time. */
export interface RenderedSection {
  /**
   * With a playground: the prose before its own last heading (earlier sections, shown full
   * width); the rest, from that heading on ("Your turn: …"), is `besideHtml`. Empty without one.
   */
  earlierHtml: string;
  /** The prose the playground sits beside (all the prose before it, when it has no heading of its own). */
  besideHtml: string;
  playground?: PlaygroundBlock;
  /** The playground's code and its Python twin as highlighted HTML, shown until the editor is ready. */
  highlighted?: { code: string; python?: string };
  /** The prose after the playground, up to an exercise's after-pass marker (section-parts.ts). */
  afterHtml: string;
  /** An exercise's prose after its `<!-- after the pass -->` marker: shown once it passes. Absent without a marker. */
  afterPassHtml?: string;
}

/**
 * A lesson as its page loads it (one chunk per lesson): the model with the prose rendered, so
 * the page ships no markdown parser. Playgrounds appear once, in their sections.
 */
export interface RenderedLesson {
  meta: LessonMeta;
  sections: RenderedSection[];
  headings: Heading[];
}

/** What the home page and the router know of every lesson without loading it. */
export interface LessonSummary {
  meta: LessonMeta;
  /** Ids of the playgrounds that are exercises, for the home page's progress marks. */
  exercises: string[];
  /** Ids of the playgrounds that ask for a prediction: progress for a lesson without exercises. */
  predictions: string[];
}
