// A program with type errors still runs (sucrase strips types, it does not check them), as
// `tsc`'s emit would: the errors are the student's first clue when the run then misbehaves, so
// the output says so at its top instead of leaving them to the squiggles alone.

/** Lines listed by name before "and N more": a long list would bury the output. */
const LINES_LISTED = 5;

/** "2 type errors at lines 3 and 7": `lines` has one entry per error (1-based; repeats allowed). */
export function typeErrorSentence(lines: readonly number[]): string | null {
  if (lines.length === 0) return null;
  const distinct = [...new Set(lines)].sort((a, b) => a - b);
  const count = `${lines.length} type ${lines.length === 1 ? "error" : "errors"}`;
  const listed = distinct.slice(0, LINES_LISTED).map(String);
  const rest = distinct.length - listed.length;
  if (rest > 0) listed.push(`${rest} more`);
  const where = listed.length === 1 ? listed[0] : `${listed.slice(0, -1).join(", ")} and ${listed.at(-1)}`;
  return `${count} at ${distinct.length === 1 ? "line" : "lines"} ${where}: it ran anyway (types are checked in the editor, not when the program runs).`;
}
