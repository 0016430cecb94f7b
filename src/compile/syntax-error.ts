import { CompileError } from "./compile-error";
import type { MapPosition } from "./source-map";

/** What sucrase and acorn throw: a SyntaxError with an offset and a "(line:column)" suffix. */
export interface ParserError {
  message: string;
  /** 0-based offset into the text that was parsed. */
  pos: number;
}

export function isParserError(error: unknown): error is ParserError {
  return error instanceof SyntaxError && typeof (error as Partial<ParserError>).pos === "number";
}

/**
 * A parser's error as a CompileError at `place` in the student's source (1-based line, 0-based
 * column). "Unexpected token" alone does not tell a beginner which one, so say it.
 */
export function syntaxErrorAt(error: ParserError, source: string, place: MapPosition): CompileError {
  // The suffix counts in the parsed text, which may be sucrase's output: the place is the truth.
  const reason = error.message.replace(/\s*\(\d+:\d+\)$/, "");
  const offset = offsetOf(source, place);
  return new CompileError(`Syntax error: ${describe(reason, source, offset)}`, place.line, place.column + 1);
}

function describe(reason: string, source: string, offset: number): string {
  if (reason !== "Unexpected token") return reason;
  const rest = source.slice(offset);
  if (rest.trim() === "") return "the program ends too early: is a closing } or ) missing?";
  const token = /^(?:[\p{L}\p{N}_$]+|\S)/u.exec(rest)?.[0] ?? "";
  return `unexpected ${JSON.stringify(token)} here.`;
}

/** The offset of a 1-based line, 0-based column; clamped to the text. */
export function offsetOf(text: string, place: MapPosition): number {
  let offset = 0;
  for (let line = 1; line < place.line; line++) {
    const next = text.indexOf("\n", offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + place.column, text.length);
}
