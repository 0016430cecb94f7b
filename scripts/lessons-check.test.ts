import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkWorkerSource } from "../src/lessons/check-worker.ts";
import { fakeRun } from "../src/lessons/test-runs.ts";
import { transpileCheck } from "../plugins/typecheck-lessons.ts";
import { startBrowserSession, type BrowserSession } from "./browser-session.mjs";
import { chromiumPath, hasPlaywrightChromium } from "./chromium-path.mjs";

const run = promisify(execFile);

/** `npm run lessons:check -- ...args`: its exit code and everything it printed. */
async function lessonsCheck(...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run("node", ["scripts/lessons-check.mjs", ...args], { timeout: 290_000 });
    return { code: 0, output: stdout + stderr };
  } catch (e) {
    const failed = e as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

describe("lessons:check without a browser", () => {
  it("fails on the broken fixtures with a file:line:column line for each", async () => {
    const { code, output } = await lessonsCheck("e2e/fixtures/lessons/broken");
    expect(code).toBe(1);
    for (const place of ["01-unknown-field.md:5:1", "02-wrong-type.md:4:8", "03-unknown-role.md:7:7", "04-type-error.md:11:14", "05-duplicate-id.md:13:18", "06-orphan-solution.md:7:1", "07-unknown-assertion.md:19:5", "08-unknown-option.md:7:18"]) {
      expect(output).toContain(`e2e/fixtures/lessons/broken/${place} `);
    }
    expect(output).toContain("nothing was run");
  }, 60_000);

  it("checks one lesson file alone", async () => {
    const { code, output } = await lessonsCheck("e2e/fixtures/lessons/broken/02-wrong-type.md");
    expect(code).toBe(1);
    expect(output).toContain("e2e/fixtures/lessons/broken/02-wrong-type.md:4:8 ");
    expect(output).not.toContain("01-unknown-field.md");
  }, 60_000);

  it("takes the folder from --lessons, and validates a good one", async () => {
    const { code, output } = await lessonsCheck("--lessons", "e2e/fixtures/lessons/good", "--validate-only");
    expect([code, output]).toEqual([0, expect.stringContaining("lessons:check: 2 lesson(s) in e2e/fixtures/lessons/good are valid")]);
  }, 60_000);

  it("says what to name for a path that does not exist", async () => {
    expect(await lessonsCheck("lessons/04-nope.md")).toEqual({ code: 2, output: expect.stringContaining("There is no folder or file lessons/04-nope.md") });
  }, 60_000);

  it("refuses an unknown option", async () => {
    expect(await lessonsCheck("--fast")).toEqual({ code: 2, output: expect.stringContaining("Unknown option --fast") });
  }, 60_000);
});

// The rest drives the built app in Chromium, as `npm test` does: one build, shared.
describe.skipIf(!chromiumPath() && !hasPlaywrightChromium())("lessons:check in Chromium", () => {
  const outDir = mkdtempSync(join(tmpdir(), "lanes-lessons-check-"));
  let session: BrowserSession | undefined;

  beforeAll(async () => {
    await run("npx", ["vite", "build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "warn"], { timeout: 170_000 });
    session = await startBrowserSession({ build: false, outDir });
  }, 180_000);

  afterAll(async () => {
    await session?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it("fails an exercise whose starter already passes, and one whose solution fails", async () => {
    const { code, output } = await lessonsCheck("e2e/fixtures/lessons/unpassable", "--no-build", "--out-dir", outDir);
    expect(code).toBe(1);
    expect(output).toMatch(/e2e\/fixtures\/lessons\/unpassable\/01-starter-passes\.md:8:1 The starter code of "hello" already passes its check/);
    expect(output).toMatch(/e2e\/fixtures\/lessons\/unpassable\/02-solution-fails\.md:22:1 The solution of "answer" does not pass its check: The output of the main-thread run does not contain "answer = 42"\./);
  }, 120_000);

  it("passes on the real lessons", async () => {
    const { code, output } = await lessonsCheck("--no-build", "--out-dir", outDir);
    expect(output).toContain("every playground ends as its lesson says, every solution passes its check and no starter code does");
    expect(output).toMatch(/running lessons\/processes-are-isolated\.md:\d+ playground "by-name" under main, async, workers/);
    expect(code).toBe(0);
  }, 300_000); // about twenty playgrounds and exercises, run one after another

  it("evaluates a ts check in a Worker from a Blob URL on the cross-origin isolated page", async () => {
    const source = checkWorkerSource(transpileCheck("export default function check(runs: Run[]): true | string {\n  return typeof fetch === 'undefined' ? `${runs.length} runs` : 'fetch is there';\n}"));
    const verdict = await session?.page.evaluate(
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
  }, 30_000);
});
