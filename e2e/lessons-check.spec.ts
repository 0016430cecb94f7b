// lessons:check against the build the e2e step has just made (dist/): the fixtures it must
// refuse, and the Blob-URL Worker its `ts check`s run in. (The real lessons are checked by the
// `lessons:check` step of `npm run test:e2e` itself; running them again here would double it.)
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { checkWorkerSource } from "../src/lessons/check-worker.ts";
import { fakeRun } from "../src/lessons/test-runs.ts";
import { transpileCheck } from "../plugins/typecheck-lessons.ts";
import { expect, test } from "./fixtures";

const run = promisify(execFile);

/** `npm run lessons:check -- ...args` on dist/: its exit code and everything it printed. */
async function lessonsCheck(...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run("node", ["scripts/lessons-check.mjs", ...args, "--no-build"], { timeout: 120_000 });
    return { code: 0, output: stdout + stderr };
  } catch (e) {
    const failed = e as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

test("lessons:check fails an exercise whose starter already passes, and one whose solution fails", async () => {
  test.setTimeout(150_000);
  const { code, output } = await lessonsCheck("e2e/fixtures/lessons/unpassable");
  expect(code).toBe(1);
  expect(output).toMatch(/e2e\/fixtures\/lessons\/unpassable\/01-starter-passes\.md:8:1 The starter code of "hello" already passes its check/);
  expect(output).toMatch(/e2e\/fixtures\/lessons\/unpassable\/02-solution-fails\.md:22:1 The solution of "answer" does not pass its check: The output of the main-thread run does not contain "answer = 42"\./);
});

test("a ts check is evaluated in a Worker from a Blob URL on the cross-origin isolated page, without fetch", async ({ page }) => {
  await page.goto("/");
  const source = checkWorkerSource(transpileCheck("export default function check(runs: Run[]): true | string {\n  return typeof fetch === 'undefined' ? `${runs.length} runs` : 'fetch is there';\n}"));
  const verdict = await page.evaluate(
    ([script, runs]) =>
      new Promise((done) => {
        const worker = new Worker(URL.createObjectURL(new Blob([script], { type: "text/javascript" })));
        worker.onmessage = (event) => done(event.data);
        worker.onerror = (event) => done(`error: ${event.message}`);
        worker.postMessage(runs);
      }),
    [source, [fakeRun("main"), fakeRun("workers")]] as const,
  );
  expect(verdict).toBe("2 runs");
});

test("lessons:check passes on a course of one's own (e2e/fixtures/course-small)", async () => {
  test.setTimeout(150_000);
  const { code, output } = await lessonsCheck("--lessons", "e2e/fixtures/course-small");
  expect(output).toContain("lessons:check: 3 lesson(s) in e2e/fixtures/course-small are valid; 1 exercise(s), 2 other playground(s).");
  expect(output).toContain("every playground ends as its lesson says, every solution passes its check and no starter code does");
  expect(code).toBe(0);
});
