// Driving window.__lanes from a suite. Everything here runs in Node; code passed to
// page.evaluate runs in the page.

/** @typedef {import("../../src/trace/run.ts").Run} Run */
/** @typedef {"main" | "async" | "workers"} Runner */

export class LanesRunError extends Error {}

/**
 * Run `code` through the page's automation entry point and fail loudly when a run is not ok
 * (a failed run would make every number after it meaningless).
 * @param {import("@playwright/test").Page} page
 * @param {string} code
 * @param {Runner[]} runners
 * @param {{ trace?: boolean }} [options]
 * @returns {Promise<Run[]>}
 */
export async function runLanes(page, code, runners, options = {}) {
  const runs = await page.evaluate(([c, r, o]) => window.__lanes.run(c, r, o), [code, runners, options]);
  assertOk(runs);
  return runs;
}

/**
 * The same, but only a summary of each run crosses to Node: a Run of 10,000 tasks takes
 * Playwright longer to serialise than the run itself took, and loads the page with garbage.
 * @returns {Promise<{ runner: Runner, ok: boolean, error?: Run["error"], wallMs: number, spanCount: number, taskSpanCount: number, taskCount: number }[]>}
 */
export async function runLanesSlim(page, code, runners, options = {}) {
  const runs = await page.evaluate(async ([c, r, o]) => {
    const full = await window.__lanes.run(c, r, o);
    return full.map((run) => ({
      runner: run.runner,
      ok: run.ok,
      error: run.error,
      wallMs: run.wallMs,
      spanCount: run.spans.length,
      taskSpanCount: run.spans.filter((s) => s.task !== "main").length,
      taskCount: run.tasks?.length ?? 0,
    }));
  }, [code, runners, options]);
  assertOk(runs);
  return runs;
}

/** @param {Run[]} runs */
export function assertOk(runs) {
  const failed = runs.filter((run) => !run.ok);
  if (failed.length === 0) return;
  const text = failed
    .map((run) => `${run.runner}: ${run.error?.message ?? "failed"}${run.error?.line ? ` (line ${run.error.line})` : ""}`)
    .join("; ");
  throw new LanesRunError(`Lanes run failed: ${text}`);
}

/**
 * Start of the first span of any task that is not main() (ms since main() was called).
 * @param {Run} run
 */
export function firstTaskStart(run) {
  let first = Infinity;
  for (const span of run.spans) if (span.task !== "main" && span.start < first) first = span.start;
  return first;
}

/** Spans that are not main()'s. @param {Run} run */
export function taskSpans(run) {
  return run.spans.filter((span) => span.task !== "main");
}
