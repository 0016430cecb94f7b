// A runtime error's stack names the module's URL in each frame. Only frames in the student's
// module mean anything to them; their lines are the editor's lines, because the compiler never
// moves a line. V8 (Chromium) writes "    at fetchPage (blob:http://host/uuid:7:11)" or
// "    at blob:http://host/uuid:3:1"; Firefox and Safari write "fetchPage@blob:http://host/uuid:7:11".

const V8_FRAME = /^\s*at (?:(.+?) \()?(.+?):(\d+):(\d+)\)?\s*$/;
const GECKO_FRAME = /^\s*([^@\s]*)@(.+?):(\d+):(\d+)\s*$/;

/** The student's program as named in a rewritten stack. */
export const PROGRAM_FILE = "program.ts";

interface Frame {
  fn: string | undefined;
  url: string;
  line: number;
  column: number;
}

function parseFrame(text: string): Frame | undefined {
  const match = V8_FRAME.exec(text) ?? GECKO_FRAME.exec(text);
  if (!match) return undefined;
  const [, fn, url = "", line, column] = match;
  return { fn: fn || undefined, url, line: Number(line), column: Number(column) };
}

function studentFrames(stack: string, moduleUrl: string): Frame[] {
  if (!moduleUrl) return [];
  return stack
    .split("\n")
    .map(parseFrame)
    .filter((frame): frame is Frame => frame?.url === moduleUrl);
}

/** The innermost place in the student's module on the stack (1-based line and column). */
export function locateInStack(stack: string, moduleUrl: string): { line: number; column: number } | undefined {
  const frame = studentFrames(stack, moduleUrl)[0];
  return frame ? { line: frame.line, column: frame.column } : undefined;
}

/**
 * The student's frames only, in V8's style and named after their program:
 * "    at fetchPage (program.ts:7:11)". Empty when none of the frames are theirs.
 */
export function userStack(stack: string, moduleUrl: string): string {
  return studentFrames(stack, moduleUrl)
    .map((frame) => {
      const place = `${PROGRAM_FILE}:${frame.line}:${frame.column}`;
      // "async main" (V8) and "async*main" (Firefox) mark an awaiting caller: to a student it
      // is just the caller.
      const fn = frame.fn?.replace(/^async[ *]/, "");
      return fn ? `    at ${fn} (${place})` : `    at ${place}`;
    })
    .join("\n");
}
