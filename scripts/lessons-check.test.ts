import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

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

// What needs the built app in Chromium is in e2e/lessons-check.spec.ts, against the e2e step's build.
