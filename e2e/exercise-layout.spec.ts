// Exercises keep their answer back until the pass, sit beside their own "Your turn" heading,
// and a lesson with only a prediction still shows progress on the home page.
import { editorReady, expect, runFinished, test } from "./fixtures";

test.setTimeout(180_000);

test("text marked after the pass waits for the pass", async ({ page }) => {
  await page.goto("/lessons/02-computing-needs-cores");
  const playground = page.getByTestId("playground-both-cores");
  await editorReady(page, playground);
  await expect(page.getByText("Two worker lanes are busy at once now")).toHaveCount(0);
  await expect(page.getByText("More about this once the exercise above passes.")).toBeVisible();
  await playground.getByRole("button", { name: "Show the solution" }).click();
  await playground.getByRole("button", { name: "Put the solution in the editor" }).click();
  await playground.getByRole("button", { name: "Run", exact: true }).click();
  await runFinished(page, playground);
  await expect(playground.getByRole("region", { name: "Exercise" })).toContainText("✓ Passed", { timeout: 15_000 });
  await expect(page.getByText("Two worker lanes are busy at once now")).toBeVisible();
});

test("lesson 3's exercise sits beside its Your turn heading, not beside Futures", async ({ page }) => {
  await page.goto("/lessons/03-results-as-they-come");
  const step = page.locator(".step.with-playground", { has: page.getByTestId("playground-as-they-come") });
  await expect(step.getByRole("heading", { name: /Your turn/ })).toBeVisible();
  await expect(step.getByRole("heading", { name: "Futures" })).toHaveCount(0);
  await expect(page.getByText("Now the first line appears after 100 ms")).toHaveCount(0);
});

test("a prediction on lesson 1 shows as progress on the home page", async ({ page }) => {
  await page.goto("/lessons/01-waiting-is-not-working");
  const input = page.getByTestId("playground-p1").getByLabel("Your prediction in milliseconds");
  await input.fill("500");
  await input.press("Enter");
  await page.goto("/");
  await expect(page.getByRole("link", { name: /Waiting is not working/ }).getByLabel("1 of 1 prediction made")).toBeVisible();
});
