import { expect, test } from "./fixtures";
import { byRunner, runCode, texts } from "./lanes";
import type { Run } from "../src/trace/run";

// Failures as Python has them (docs/runtime.md, "When a task fails"). Generous bounds: 2 noisy cores.

test.beforeEach(async ({ page }) => {
  await page.goto("/");
});

/** Lesson 2's first playground, with crunch(3) broken at line 5. */
const LESSON_2_BROKEN = [
  'import { Pool, print, work } from "lanes";',
  "",
  "export function crunch(n: number) {",
  "  const checksum = work(200); // 200 ms of computing on one core",
  '  if (n === 3) throw new Error("chunk 3 is broken");',
  "  return `chunk ${n}: ${checksum}`;",
  "}",
  "",
  "export default async function main() {",
  "  const pool = new Pool({ workers: 2 });",
  "  const results = await pool.map(crunch, [1, 2, 3, 4]);",
  "  results.forEach((line) => print(line));",
  "}",
].join("\n");

const failedSpans = (run: Run) => run.spans.filter((s) => s.state === "failed" && s.task !== "main");

test("a task that throws inside pool.map fails main() with its own error and line, at once, under every runner", async ({ page }) => {
  const runs = byRunner(await runCode(page, LESSON_2_BROKEN));
  expect(JSON.stringify(runs)).not.toContain("Deadlock");
  for (const run of Object.values(runs)) {
    expect(run.ok, run.runner).toBe(false);
    expect(run.error?.message.split("\n")[0], run.runner).toBe("chunk 3 is broken");
    expect(run.error?.line, run.runner).toBe(5);
    // Like a traceback: the task's place, and the line of main() it reached.
    expect(run.error?.message, run.runner).toContain("raised in task crunch(3) at line 5; it reached main() at line 11");
    // The run ends within a second of the throw (the tasks still running finish; none is started).
    const thrown = failedSpans(run)[0];
    expect(thrown, run.runner).toBeDefined();
    expect(run.wallMs - thrown!.end, run.runner).toBeLessThan(1000);
    expect(run.tasks?.find((t) => t.id === thrown!.task)?.failed?.message).toBe("chunk 3 is broken");
  }
  // Under main, crunch(4) had not started when crunch(3) threw: cancelled, as executor.map does.
  const fourth = runs.main.tasks?.find((t) => t.args === "4");
  expect(fourth?.cancelled).toBe(true);
  expect(runs.main.spans.some((s) => s.task === fourth?.id)).toBe(false);
});

test("a map's items not started when one fails never start under workers", async ({ page }) => {
  const code = LESSON_2_BROKEN.replace("work(200)", "work(100)").replace("[1, 2, 3, 4]", "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]");
  const [run] = await runCode(page, code, ["workers"]);
  const cancelled = run!.tasks?.filter((t) => t.cancelled) ?? [];
  expect(cancelled.length).toBeGreaterThanOrEqual(4); // 3 fails; at most 4 and 5 are running or sent
  for (const task of cancelled) expect(run!.spans.some((s) => s.task === task.id)).toBe(false);
  expect(run!.error?.message).toContain("chunk 3 is broken");
});

test("allSettled over 4 futures of which 2 fail is ok under every runner, with 2 failed spans", async ({ page }) => {
  const code = [
    'import { Pool, print, work } from "lanes";',
    "export function crunch(n: number) {",
    "  work(30);",
    "  if (n % 2 === 0) throw new Error(`chunk ${n} is broken`);",
    "  return n;",
    "}",
    "export default async function main() {",
    "  const pool = new Pool({ workers: 2 });",
    "  const settled = await Promise.allSettled([1, 2, 3, 4].map((n) => pool.submit(crunch, n)));",
    '  print(settled.map((s) => s.status).join(","));',
    "}",
  ].join("\n");
  const runs = await runCode(page, code);
  expect(runs).toHaveLength(3);
  for (const run of runs) {
    expect(run.ok, `${run.runner}: ${JSON.stringify(run.error)}`).toBe(true);
    expect(texts(run)).toEqual(["fulfilled,rejected,fulfilled,rejected"]);
    expect(failedSpans(run), run.runner).toHaveLength(2);
    expect(run.tasks?.filter((t) => t.failed).map((t) => t.failed?.line)).toEqual([4, 4]);
  }
});

const SUBMIT_BAD = [
  'import { Pool, print } from "lanes";',
  "export function bad(n: number) {",
  "  if (n > 0) {",
  "    throw new Error(`bad ${n}`);",
  "  }",
  "  return n;",
  "}",
  "export default async function main() {",
  "  const pool = new Pool({ workers: 2 });",
  "  try {",
  "    await pool.submit(bad, 5);",
  "  } catch (e) {",
  "    print(`caught ${(e as Error).message}`);",
  "  }",
  "}",
].join("\n");

test("a caught await pool.submit(bad) leaves the run ok; an uncaught one fails main() with both lines", async ({ page }) => {
  for (const run of await runCode(page, SUBMIT_BAD)) {
    expect(run.ok, `${run.runner}: ${JSON.stringify(run.error)}`).toBe(true);
    expect(texts(run)).toEqual(["caught bad 5"]);
    expect(run.tasks?.[0]?.failed).toMatchObject({ message: "bad 5", line: 4 });
  }
  const uncaught = SUBMIT_BAD.replace("  try {", "  {").replace("  } catch (e) {", "  } {").replace("print(`caught ${(e as Error).message}`);", 'print("never");');
  for (const run of await runCode(page, uncaught)) {
    expect(run.ok, run.runner).toBe(false);
    expect(run.error?.line, run.runner).toBe(4); // where the task threw
    expect(run.error?.message, run.runner).toBe("bad 5\n(raised in task bad(5) at line 4; it reached main() at line 11, where nothing caught it)");
    expect(texts(run)).toEqual([]);
  }
});

test("a spawned task that fails and is never joined prints an Exception in task line; the run is ok", async ({ page }) => {
  const code = [
    'import { print, sleep, spawn } from "lanes";',
    "export async function crunch(n: number) {",
    "  await sleep(20);",
    "  if (n === 3) {",
    "    throw new Error(`chunk ${n} is broken`);",
    "  }",
    "  return n;",
    "}",
    "export default async function main() {",
    "  spawn(crunch, 3);",
    "  const late = spawn(crunch, 4);",
    "  await sleep(100);",
    "  print(`joined ${await late.join()}`);",
    "}",
  ].join("\n");
  for (const run of await runCode(page, code)) {
    expect(run.ok, `${run.runner}: ${JSON.stringify(run.error)}`).toBe(true);
    expect(texts(run)).toEqual(["Exception in task crunch(3): chunk 3 is broken (line 5)", "joined 4"]);
    const line = run.output[0]!;
    expect(line.stream).toBe("stderr");
    // On the failed task's lane, at the moment it failed.
    const failed = failedSpans(run)[0]!;
    expect(line.lane).toBe(failed.lane);
    // (under workers, when the page learned of it: a reply later; generous for a loaded machine)
    expect(Math.abs(line.t - failed.end)).toBeLessThan(200);
  }
  // Joined after it had already failed: main() asked for it, so it is main()'s error, not an excepthook line.
  const joinedLate = code.replace("  spawn(crunch, 3);\n", "  const early = spawn(crunch, 3);\n").replace("  await sleep(100);\n", "  await sleep(100);\n  try { await early.join(); } catch { print('caught'); }\n");
  for (const run of await runCode(page, joinedLate)) {
    expect(run.ok).toBe(true);
    expect(texts(run)).toEqual(["caught", "joined 4"]);
  }
});

const NORMAL = [
  'import { Pool, print, work } from "lanes";',
  "export function crunch(n: number) {",
  "  work(20);",
  "  return n * 10;",
  "}",
  "export default async function main() {",
  "  const pool = new Pool({ workers: 2 });",
  '  print((await pool.map(crunch, [1, 2, 3, 4])).join(","));',
  "}",
].join("\n");

async function nextRunIsNormal(page: import("@playwright/test").Page) {
  const [run] = await runCode(page, NORMAL, ["workers"]);
  expect(run!.ok, JSON.stringify(run!.error)).toBe(true);
  expect(texts(run!)).toEqual(["10,20,30,40"]);
}

test("a worker that calls self.close() mid-task is reported as such within a second, and the next run is normal", async ({ page }) => {
  const code = [
    'import { Pool, print, work } from "lanes";',
    "export function crunch(n: number) {",
    "  work(100);",
    "  if (n === 3) self.close();",
    "  return n;",
    "}",
    "export default async function main() {",
    "  const pool = new Pool({ workers: 2 });",
    '  print((await pool.map(crunch, [1, 2, 3, 4])).join(","));',
    "}",
  ].join("\n");
  await runCode(page, NORMAL, ["workers"]); // warm workers: start-up is not what is measured
  const [run] = await runCode(page, code, ["workers"]);
  expect(run!.ok).toBe(false);
  expect(run!.error?.message).toMatch(/^BrokenPool: worker \d closed itself \(self\.close\(\)\) while running crunch\(3\)\./);
  expect(run!.error?.message).not.toContain("Deadlock");
  const closedAt = failedSpans(run!).find((s) => s.task === run!.tasks?.find((t) => t.args === "3")?.id);
  expect(closedAt).toBeDefined();
  expect(run!.wallMs - closedAt!.end).toBeLessThan(1000);
  await nextRunIsNormal(page);
});

test("a program whose top-level code throws only in workers is reported as an import failure within a second, and the next run is normal", async ({ page }) => {
  const code = [
    'import { Pool, print } from "lanes";',
    "",
    'if (typeof window === "undefined") throw new Error("no window here");',
    "",
    "export function crunch(n: number) {",
    "  return n;",
    "}",
    "export default async function main() {",
    "  const pool = new Pool({ workers: 2 });",
    '  print((await pool.map(crunch, [1, 2, 3, 4])).join(","));',
    "}",
  ].join("\n");
  await runCode(page, NORMAL, ["workers"]);
  const [run] = await runCode(page, code, ["workers"]);
  expect(run!.ok).toBe(false);
  expect(run!.error?.message).toMatch(/^BrokenPool: worker \d could not import the program: no window here \(line 3\)\./);
  expect(run!.error?.message).not.toContain("Deadlock");
  // The import starts with the run: its failure is known well within a second of it (bound for a loaded machine).
  expect(run!.wallMs).toBeLessThan(1500);
  await nextRunIsNormal(page);
});

/** Task 1 (honest, worker 1) and task 2 (forger, worker 2): the forger posts a trace batch for task `victim` on its own lane. */
function forging(victim: number): string {
  return [
    'import { print, sleep, spawn } from "lanes";',
    "export async function honest() {",
    "  await sleep(400);",
    '  return "honest done";',
    "}",
    "export async function forger(victim: number) {",
    '  const lanesEvents = { strings: ["worker:2", "forged line"], data: new Float64Array([performance.now(), 0, -(victim + 1), -3]) };',
    '  self.postMessage({ type: "lanes:events", lanesEvents });',
    "  await sleep(300);",
    '  return "forger done";',
    "}",
    "export default async function main() {",
    "  const a = spawn(honest);",
    `  const b = spawn(forger, ${victim});`,
    "  try {",
    "    print(await b.join());",
    "  } catch (e) {",
    '    print("forger:", (e as Error).message);',
    "  }",
    "  print(await a.join());",
    "}",
  ].join("\n");
}

test("a task that forges trace events for another worker's task, or for a task no worker was given, fails its own worker's task with the sentence; the app and the next run are fine", async ({ page }) => {
  for (const victim of [1, 99]) {
    const [run] = await runCode(page, forging(victim), ["workers"]);
    const [forger, honest] = texts(run!);
    expect(forger).toBe(
      `forger: worker 2 crashed while running forger(${victim}): The worker sent trace events Lanes does not accept: event 0 is for task ${victim}, which this worker was not given. ` +
        "The pool is broken, as Python's is (BrokenProcessPool): its tasks not finished fail too. The next run gets a fresh worker.",
    );
    expect(honest).toBe("honest done");
    expect(run!.output.map((line) => line.text)).not.toContain("forged line");
    expect(await page.evaluate(() => typeof window.__lanes?.run)).toBe("function");
  }
  await nextRunIsNormal(page);
});
