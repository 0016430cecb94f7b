import type { RunError, RunErrorPhase } from "../trace/run";

/** A problem in the student's code found before main() runs: message, and where (1-based). */
export class CompileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
    /** "compile": the compiler refused it; "load": its top-level code failed as it loaded. */
    readonly phase: RunErrorPhase = "compile",
    /** The helper file the place is in; undefined: the program's own code. */
    readonly file?: string,
  ) {
    super(message);
    this.name = "CompileError";
  }

  toRunError(): RunError {
    const error: RunError = { message: this.message, phase: this.phase };
    if (this.line !== undefined) error.line = this.line;
    if (this.column !== undefined) error.column = this.column;
    if (this.file !== undefined) error.file = this.file;
    return error;
  }
}

/** 1-based line and column of a character offset. */
export function positionOf(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, Math.max(0, offset));
  const lastBreak = before.lastIndexOf("\n");
  return { line: before.split("\n").length, column: offset - lastBreak };
}

/** The same error, placed in a helper file (its line and column are that file's). */
export function inFile(error: CompileError, file: string): CompileError {
  return new CompileError(error.message, error.line, error.column, error.phase, file);
}
