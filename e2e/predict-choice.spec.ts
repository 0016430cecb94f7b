import { editorReady, expect, pickRunner, runFinished, test } from "./fixtures";

// Issue 12: a "what will happen" question is judged by the run itself, and the lesson's
// explanation waits until then.
test("a choice prediction on the deadlock lesson is judged from the run: Lanes stopped it as a deadlock", async ({ page }) => {
  await page.goto("/lessons/deadlock");
  const playground = page.getByTestId("playground-two-orders");
  await editorReady(page, playground);
  const explanation = page.locator("details.reveal", { hasText: "That is a deadlock" });
  await expect(explanation).not.toHaveAttribute("open");

  await playground.getByRole("radio", { name: /it never finishes on its own/ }).check();
  await playground.getByRole("button", { name: "Lock in my prediction" }).click();
  await pickRunner(playground, "Workers");
  await playground.getByRole("button", { name: "Run", exact: true }).click();
  await runFinished(page, playground);
  const answer = playground.locator(".predict-answer");
  await expect(answer).toHaveText("You predicted “it never finishes on its own, each transfer waiting for the other”, and so it went: Lanes stopped the run as a deadlock.");
  await expect(playground.locator(".predict")).toHaveAttribute("data-state", "right");
});
