import { editorReady, expect, pickRunner, runFinished, test, typeProgram } from "./fixtures";

// Issue 13, point 5: errors found before the run are said once, as what they are; a program with
// type errors still runs and says so at the top of its output.
test("a syntax error and a refused import are said once as 'Did not compile'; type errors run and are counted", async ({ page }) => {
  await page.goto("/lessons/01-waiting-is-not-working");
  const playground = page.getByTestId("playground-p1");
  await editorReady(page, playground);
  const output = playground.getByRole("log", { name: "Program output" });
  const run = async (code: string) => {
    await typeProgram(page, playground, code);
    await playground.getByRole("button", { name: "Run", exact: true }).click();
    await runFinished(page, playground);
  };

  // All three runners chosen (the default): the error still appears once, without a runner's heading.
  await run('import { sleep } from "lanes";\nexport default async function main() {\n  await sleep(100;\n}\n');
  await expect(output.locator("h4")).toHaveText(["Did not compile"]);
  await expect(output.locator(".output-error")).toHaveCount(1);
  await expect(output.locator(".output-error")).toContainText("line 3:");
  await expect(output).not.toContainText("main thread");

  await run('import { x } from "nope";\nimport { sleep } from "lanes";\nexport default async function main() {\n  await sleep(x);\n}\n');
  await expect(output.locator("h4")).toHaveText(["Did not compile"]);
  await expect(output.locator(".output-error")).toHaveText(/^line 1:19: A playground can import only from "lanes", not from "nope"\. "lanes" offers: sleep, work, print, Pool, /);

  await run('import { sleep, slep } from "lanes";\nexport default async function main() {\n  await sleep(1);\n}\n');
  await expect(output.locator(".output-error")).toHaveText(/^line 1:17: "lanes" has no export named "slep" \(did you mean "sleep"\?\)\. It offers: /);
  // The compile error is not said a second time as a type error.
  await expect(output.locator(".type-errors")).toHaveCount(0);

  await pickRunner(playground, "Main thread");
  await run('import { print } from "lanes";\nexport default async function main() {\n  const n: number = "x";\n  const s: string = 4;\n  print(n, s);\n}\n');
  await expect(output.locator(".type-errors")).toHaveText(/^2 type errors at lines 3 and 4: it ran anyway/);
  await expect(output.locator(".output-lines")).toContainText("x 4");
  await expect(output.locator("h4")).toHaveText([/^main thread/]);
});
