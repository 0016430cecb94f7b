// Sucrase keeps every line where it was, but not every column: removing `: number` moves the
// rest of the line to the left. Its source map has one segment per token, so a column in the
// output can be traced back to the column the student sees in the editor. Decoding is only
// done on the error path, so a tiny VLQ reader beats a dependency.

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGITS = new Map<string, number>([...BASE64].map((char, index) => [char, index]));

/** The signed numbers of one Base64 VLQ segment: "AAAA" -> [0, 0, 0, 0], "D" -> [-1]. */
export function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGITS.get(char);
    if (digit === undefined) throw new Error(`source map: "${char}" is not a Base64 digit.`);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    // The lowest bit is the sign; the rest is the magnitude.
    values.push(value % 2 === 1 ? -Math.floor(value / 2) : value / 2);
    value = 0;
    shift = 0;
  }
  return values;
}

/** A place in a file: 1-based line, 0-based column (as source maps and acorn count). */
export interface MapPosition {
  line: number;
  column: number;
}

/**
 * Where a position of the generated code came from, given the map's `mappings`. A column
 * inside a token keeps its distance from the token's start; a line without segments (or past
 * the map) maps to itself.
 */
export function originalPosition(mappings: string, generated: MapPosition): MapPosition {
  // Source line and column are deltas across the whole map, so every earlier segment counts.
  let sourceLine = 0;
  let sourceColumn = 0;
  let best: { generatedColumn: number; line: number; column: number } | undefined;
  const lines = mappings.split(";");
  for (let index = 0; index < generated.line && index < lines.length; index++) {
    let generatedColumn = 0;
    for (const segment of (lines[index] ?? "").split(",")) {
      if (!segment) continue;
      const [columnDelta = 0, , lineDelta, columnDeltaInSource] = decodeSegment(segment);
      generatedColumn += columnDelta;
      if (lineDelta === undefined || columnDeltaInSource === undefined) continue;
      sourceLine += lineDelta;
      sourceColumn += columnDeltaInSource;
      const onTargetLine = index === generated.line - 1;
      if (onTargetLine && generatedColumn <= generated.column) {
        best = { generatedColumn, line: sourceLine + 1, column: sourceColumn };
      }
    }
  }
  if (!best) return generated;
  return { line: best.line, column: best.column + (generated.column - best.generatedColumn) };
}
