import { locateInStack, type ModuleRef } from "../compile/stack-location";
import type { LineMap } from "../compile/transpile";
import { formatValues } from "../runtime/format-value";
import type { RunError } from "../trace/run";

/** An error from a worker, rebuilt on the page with the place in the student's code it came from. */
export class RemoteError extends Error {
  readonly line?: number;
  readonly column?: number;
  /** The helper file the place is in (undefined: the program's own module). */
  file?: string;

  constructor(message: string, name: string, line?: number, column?: number, stack?: string) {
    // With the worker's stack in hand, the page's own (a reply handler's frames, replaced at
    // once) is not captured: a thousand failing tasks made a thousand of them for nothing.
    const v8 = Error as { stackTraceLimit?: number }; // V8's; elsewhere setting it does nothing
    const limit = v8.stackTraceLimit;
    const skip = stack !== undefined && stack !== "" && typeof limit === "number";
    if (skip) v8.stackTraceLimit = 0;
    try {
      super(message);
    } finally {
      if (skip) v8.stackTraceLimit = limit;
    }
    this.name = name;
    this.line = line;
    this.column = column;
    if (stack) this.stack = stack;
  }
}

/**
 * Whatever was thrown, as a RunError: message first, then the place in the student's source
 * when known (stack columns are the compiled module's; types removed earlier on a line move
 * them). A lookup in the program's line map: the failure path compiles nothing.
 */
export function locateError(error: unknown, moduleUrl: string, lines: Pick<LineMap, "position">, helpers: readonly HelperLines[] = []): RunError {
  if (!(error instanceof Error)) return { message: `A value that is not an Error was thrown: ${formatValues([error])}` };
  const place = error instanceof RemoteError ? error : error.stack ? locateInStack(error.stack, moduleUrl, helpers) : undefined;
  const helper = place?.file === undefined ? undefined : helpers.find((h) => h.file === place.file);
  // A place in a helper file is that file's line map's to translate, and the error says which file.
  const map = helper?.lineMap ?? lines;
  const located = place?.line === undefined || place.column === undefined ? withPlace(describe(error), place?.line) : withPlace(describe(error), ...at(map.position(place.line, place.column)));
  if (helper) located.file = helper.file;
  return located;
}

/** A helper file's module and its line map, as the run loaded them. */
export interface HelperLines extends ModuleRef {
  lineMap: Pick<LineMap, "position">;
}

function at(place: { line: number; column: number }): [number, number] {
  return [place.line, place.column];
}

function describe(error: Error): string {
  return error.name && error.name !== "Error" ? `${error.name}: ${error.message}` : error.message;
}

function withPlace(message: string, line?: number, column?: number): RunError {
  const result: RunError = { message };
  if (line !== undefined) result.line = line;
  if (column !== undefined) result.column = column;
  return result;
}
