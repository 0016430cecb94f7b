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
  /** The helper file the frame is in; undefined: the program's own module. */
  file?: string;
}

/** A helper file's module, as loaded for a run: its name and the URL its frames show. */
export interface ModuleRef {
  file: string;
  url: string;
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
function studentFrames(stack: string, moduleUrl: string, first = false, files: readonly ModuleRef[] = []): Frame[] {
  if (files.length === 0) return framesOf(stack, moduleUrl, first).map((f) => f.frame);
  // A program in several files: each module's frames, put back in stack order by where they were.
  const found: { at: number; frame: Frame }[] = [];
  for (const { url, file } of [{ url: moduleUrl, file: undefined }, ...files]) {
    for (const { at, frame } of framesOf(stack, url, first)) found.push({ at, frame: file === undefined ? frame : { ...frame, file } });
  }
  found.sort((a, b) => a.at - b.at);
  return (first ? found.slice(0, 1) : found).map((f) => f.frame);
}

/** The frames in one module, each with its offset in the stack. */
function framesOf(stack: string, moduleUrl: string, first: boolean): { at: number; frame: Frame }[] {
  const frames: { at: number; frame: Frame }[] = [];
  if (!moduleUrl) return frames;
  for (let at = stack.indexOf(moduleUrl); at >= 0; ) {
    const start = stack.lastIndexOf("\n", at) + 1;
    const newline = stack.indexOf("\n", at);
    const end = newline < 0 ? stack.length : newline;
    const frame = parseFrame(stack.slice(start, end));
    if (frame?.url === moduleUrl) {
      frames.push({ at: start, frame });
      if (first) break;
    }
    if (newline < 0) break;
    at = stack.indexOf(moduleUrl, end);
  }
  return frames;
}

/** A place in the compiled module: 1-based line and column; `file`: a helper file's (else the program's own module). */
export interface StackPlace {
  line: number;
  column: number;
  file?: string;
}

/** The innermost place in the student's modules on the stack (1-based line and column). */
export function locateInStack(stack: string, moduleUrl: string, files: readonly ModuleRef[] = []): StackPlace | undefined {
  const frame = studentFrames(stack, moduleUrl, true, files)[0];
  return frame ? placeOf(frame) : undefined;
}

function placeOf(frame: Frame): StackPlace {
  return frame.file === undefined ? { line: frame.line, column: frame.column } : { line: frame.line, column: frame.column, file: frame.file };
}

/**
 * The student's frames only, in V8's style and named after their program:
 * "    at fetchPage (program.ts:7:11)". Empty when none of the frames are theirs.
 */
export function userStack(stack: string, moduleUrl: string, files: readonly ModuleRef[] = []): string {
  return formatFrames(studentFrames(stack, moduleUrl, false, files));
}

/**
 * Both at once, from one reading of the stack (a worker sends both for every failing task):
 * the innermost place and the student's frames as userStack writes them.
 */
export function placeAndUserStack(stack: string, moduleUrl: string, files: readonly ModuleRef[] = []): { place?: StackPlace; stack: string } {
  const frames = studentFrames(stack, moduleUrl, false, files);
  const first = frames[0];
  return { ...(first ? { place: placeOf(first) } : {}), stack: formatFrames(frames) };
}

function formatFrames(frames: readonly Frame[]): string {
  return frames
    .map((frame) => {
      const place = `${frame.file ?? PROGRAM_FILE}:${frame.line}:${frame.column}`;
      // "async main" (V8) and "async*main" (Firefox) mark an awaiting caller: to a student it
      // is just the caller.
      const fn = frame.fn?.replace(/^async[ *]/, "");
      return fn ? `    at ${fn} (${place})` : `    at ${place}`;
    })
    .join("\n");
}
