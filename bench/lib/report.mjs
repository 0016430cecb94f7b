// The report: latest.json (machine + results) and latest.md (the same as a table).
import { sig } from "./stats.mjs";

/**
 * @typedef {object} Result
 * @property {string} name       what was measured (with the repetition count, e.g. "… (median of 7)")
 * @property {number} value
 * @property {string} unit       "ms", "µs", "×", "%", …
 * @property {"lower" | "higher"} better
 * @property {number} [target]   met when value ≤ target (better: lower) or ≥ target (better: higher)
 * @property {string} [floor]    the measured floor or expected range this figure compares with
 * @property {number} [reps]     how many timed repetitions the median is of
 * @property {string} [note]
 * @property {string} [suite]    added by the harness
 */

/** Above this many cores used by other processes during a suite, its numbers are flagged. */
export const BUSY = 0.2;

/** @param {Result} r @returns {boolean | undefined} */
export function targetMet(r) {
  if (r.target === undefined) return undefined;
  if (!Number.isFinite(r.value)) return false;
  return r.better === "lower" ? r.value <= r.target : r.value >= r.target;
}

/** @param {Result} r */
function formatTarget(r) {
  if (r.target === undefined) return "";
  return `${r.better === "lower" ? "≤" : "≥"} ${r.target} ${r.unit}`.trim();
}

function cell(text) {
  return String(text ?? "").replaceAll("|", "\\|").replaceAll("\n", " ");
}

/**
 * @param {{ machine: Record<string, unknown>, suites: { name: string, seconds: number, foreignCores: number | null }[], results: Result[], errors: { suite: string, message: string }[] }} report
 */
export function toMarkdown(report) {
  const m = report.machine;
  const lines = [
    "# Lanes benchmarks",
    "",
    `${m.date} · ${m.cores} cores (${m.cpuModel}), hardwareConcurrency ${m.hardwareConcurrency} · Chromium ${m.chromium} · Node ${m.node} · commit ${m.commit}${m.dirty ? " (with uncommitted changes)" : ""} · load average at start ${m.loadAverage}`,
    "",
    "| suite | benchmark | value | target | met | floor / reference | reps |",
    "|---|---|---:|---|:-:|---|---:|",
  ];
  for (const r of report.results) {
    const met = targetMet(r);
    lines.push(
      `| ${cell(r.suite)} | ${cell(r.name)} | ${sig(r.value)} ${cell(r.unit)} | ${cell(formatTarget(r))} | ${met === undefined ? "" : met ? "✅ yes" : "❌ no"} | ${cell(r.floor)} | ${r.reps ?? ""} |`,
    );
  }
  const notes = report.results.filter((r) => r.note);
  if (notes.length) {
    lines.push("", "Notes:", "");
    for (const r of notes) lines.push(`- **${r.name}**: ${r.note}`);
  }
  if (report.errors.length) {
    lines.push("", "## Errors", "");
    for (const e of report.errors) lines.push(`- **${e.suite}**: ${cell(e.message)}`);
  }
  lines.push("", "| suite | seconds | cores kept busy by other processes meanwhile |", "|---|---:|---|");
  for (const s of report.suites) {
    const f = s.foreignCores;
    const text = f === null ? "unknown" : `${f.toFixed(2)}${f > BUSY ? " ⚠ the machine was not idle: these numbers are unreliable" : ""}`;
    lines.push(`| ${cell(s.name)} | ${s.seconds} | ${text} |`);
  }
  const withTarget = report.results.filter((r) => r.target !== undefined);
  const met = withTarget.filter((r) => targetMet(r));
  lines.push("", `Targets met: ${met.length} of ${withTarget.length}.`, "");
  return lines.join("\n");
}
