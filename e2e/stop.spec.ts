import { editorReady, expect, pickRunner, runFinished, test, typeProgram } from "./fixtures";
import { runCode } from "./lanes";

const LONG = `import { Pool, print, sleep } from "lanes";
export async function slow(n: number) { await sleep(20000); return n; }
export default async function main() {
  const pool = new Pool({ workers: 2 });
  print("started");
  await pool.map(slow, [1, 2, 3]);
  print("never printed");
}
`;

for (const runner of ["Workers", "Async"] as const) {
  test(`Stop ends a ${runner.toLowerCase()} run at once, and the next run works`, async ({ page }) => {
    await page.goto("/lessons/01-waiting-is-not-working");
    const playground = page.getByTestId("playground-p1");
    await editorReady(page, playground);
    await typeProgram(page, playground, LONG);
    await pickRunner(playground, runner);
    await playground.getByRole("button", { name: "Run" }).click();
    await expect(playground.getByRole("log", { name: "Program output" })).toContainText("started");
    const stoppedAt = Date.now();
    await playground.getByRole("button", { name: "Stop" }).click();
    await runFinished(page, playground);
    expect(Date.now() - stoppedAt).toBeLessThan(3000);
    const output = playground.getByRole("log", { name: "Program output" });
    await expect(output).toContainText("Stopped before the program finished.");
    await expect(output).not.toContainText("never printed");

    // The pool is whole again: a quick program runs to the end.
    const [run] = await runCode(page, LONG.replace("sleep(20000)", "sleep(10)"), [runner === "Workers" ? "workers" : "async"]);
    expect(run?.ok, JSON.stringify(run?.error)).toBe(true);
    expect(run?.output.map((o) => o.text)).toEqual(["started", "never printed"]);
  });
}
