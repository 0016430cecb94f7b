// V8 stack frames name the module's URL: "at fetchPage (blob:http://host/uuid:7:11)" or
// "at blob:http://host/uuid:3:1". Only frames in the student's module mean anything to them.

const FRAME = /^\s*at (?:(.*?) \()?(.*?):(\d+):(\d+)\)?\s*$/;

interface Frame {
  fn: string | undefined;
  url: string;
  line: number;
  column: number;
}

function frames(stack: string): Frame[] {
  const result: Frame[] = [];
  for (const text of stack.split("\n")) {
    const m = FRAME.exec(text);
    if (m) result.push({ fn: m[1], url: m[2] ?? "", line: Number(m[3]), column: Number(m[4]) });
  }
  return result;
}

/** The first place in the student's module on the stack. */
export function locateInStack(stack: string, moduleUrl: string): { line: number; column: number } | undefined {
  if (!moduleUrl) return undefined;
  const frame = frames(stack).find((f) => f.url === moduleUrl);
  return frame ? { line: frame.line, column: frame.column } : undefined;
}

/** The student's frames only, named after their program: "at fetchPage (program.ts:7:11)". */
export function userStack(stack: string, moduleUrl: string): string {
  return frames(stack)
    .filter((f) => f.url === moduleUrl)
    .map((f) => `    at ${f.fn ? `${f.fn.replace(/^async /, "")} (program.ts:${f.line}:${f.column})` : `program.ts:${f.line}:${f.column}`}`)
    .join("\n");
}
