// A problem found in a lesson file, placed where the author has to look. The build plugin, the
// dev overlay and lessons:check all print these; the message always says what to do.

export type Severity = "error" | "warning";

/** 1-based line and column in the lesson file. */
export interface Position {
  line: number;
  column: number;
}

export interface LessonProblem extends Position {
  /** The lesson file as the author knows it, e.g. `lessons/02-computing-needs-cores.md`. */
  file: string;
  message: string;
  severity: Severity;
}

/** `file:line:column message`, the form editors and terminals turn into links. */
export function formatProblem(problem: LessonProblem): string {
  const prefix = problem.severity === "warning" ? "warning: " : "";
  return `${problem.file}:${problem.line}:${problem.column} ${prefix}${problem.message}`;
}

export function hasErrors(problems: readonly LessonProblem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

/** Problems found while reading one file, before the file name is known to the reader. */
export class ProblemList {
  readonly items: LessonProblem[] = [];

  constructor(readonly file: string) {}

  error(at: Position, message: string): void {
    this.items.push({ file: this.file, line: at.line, column: at.column, message, severity: "error" });
  }

  warn(at: Position, message: string): void {
    this.items.push({ file: this.file, line: at.line, column: at.column, message, severity: "warning" });
  }
}

/** Thrown when a lesson cannot be turned into a model; carries every problem, not just the first. */
export class LessonError extends Error {
  constructor(readonly problems: LessonProblem[]) {
    super(problems.filter((p) => p.severity === "error").map(formatProblem).join("\n"));
    this.name = "LessonError";
  }
}
