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

// The failure path reads every failing task's stack (1,000 failures, 1,000 stacks of ten
// lines or so, most of them Lanes' own frames): only lines that contain the module's URL are
// parsed, found with indexOf, so a lookup costs one or two regular-expression matches.
function studentFrames(stack: string, moduleUrl: string, first = false): Frame[] {
  const frames: Frame[] = [];
  if (!moduleUrl) return frames;
  for (let at = stack.indexOf(moduleUrl); at >= 0; ) {
    const start = stack.lastIndexOf("\n", at) + 1;
    const newline = stack.indexOf("\n", at);
    const end = newline < 0 ? stack.length : newline;
    const frame = parseFrame(stack.slice(start, end));
    if (frame?.url === moduleUrl) {
      frames.push(frame);
      if (first) break;
    }
    if (newline < 0) break;
    at = stack.indexOf(moduleUrl, end);
  }
  return frames;
}

/** The innermost place in the student's module on the stack (1-based line and column). */
export function locateInStack(stack: string, moduleUrl: string): { line: number; column: number } | undefined {
  const frame = studentFrames(stack, moduleUrl, true)[0];
  return frame ? { line: frame.line, column: frame.column } : undefined;
}

/**
 * The student's frames only, in V8's style and named after their program:
 * "    at fetchPage (program.ts:7:11)". Empty when none of the frames are theirs.
 */
export function userStack(stack: string, moduleUrl: string): string {
  return formatFrames(studentFrames(stack, moduleUrl));
}

/**
 * Both at once, from one reading of the stack (a worker sends both for every failing task):
 * the innermost place and the student's frames as userStack writes them.
 */
export function placeAndUserStack(stack: string, moduleUrl: string): { place?: { line: number; column: number }; stack: string } {
  const frames = studentFrames(stack, moduleUrl);
  const first = frames[0];
  return { ...(first ? { place: { line: first.line, column: first.column } } : {}), stack: formatFrames(frames) };
}

function formatFrames(frames: readonly Frame[]): string {
  return frames
    .map((frame) => {
      const place = `${PROGRAM_FILE}:${frame.line}:${frame.column}`;
      // "async main" (V8) and "async*main" (Firefox) mark an awaiting caller: to a student it
      // is just the caller.
      const fn = frame.fn?.replace(/^async[ *]/, "");
      return fn ? `    at ${fn} (${place})` : `    at ${place}`;
    })
    .join("\n");
}
