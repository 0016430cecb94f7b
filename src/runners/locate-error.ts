import { locateInStack } from "../compile/stack-location";
import { formatValues } from "../runtime/format-value";
import type { RunError } from "../trace/run";

/** An error from a worker, rebuilt on the page with the place in the student's code it came from. */
export class RemoteError extends Error {
  constructor(
    message: string,
    name: string,
    readonly line?: number,
    readonly column?: number,
    stack?: string,
  ) {
    super(message);
    this.name = name;
    if (stack) this.stack = stack;
  }
}

/** Whatever was thrown, as a RunError: message first, then the student's line when known. */
export function locateError(error: unknown, moduleUrl: string): RunError {
  if (error instanceof RemoteError) return withPlace(describe(error), error.line, error.column);
  if (error instanceof Error) {
    const place = error.stack ? locateInStack(error.stack, moduleUrl) : undefined;
    return withPlace(describe(error), place?.line, place?.column);
  }
  return { message: `A value that is not an Error was thrown: ${formatValues([error])}` };
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
