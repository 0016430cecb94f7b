import type { Page } from "@playwright/test";

// What the browser itself says about a page, through the DevTools protocol: no hook in the app
// can be asked, because the workers live in the stages (other processes, opaque origins).

/** Workers alive in the browser for this page (its stages' included), as the DevTools protocol lists them. */
export async function liveWorkers(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const { targetInfos } = await cdp.send("Target.getTargets");
  await cdp.detach();
  return targetInfos.filter((t) => t.type === "worker").length;
}

/** The app's own JavaScript heap in use (its page's realm, not the stages'), after a full garbage collection. */
export async function appHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage"); // a second pass frees what finalizers of the first released
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  await cdp.detach();
  return usedSize;
}

/** The warm set a stage keeps (one worker per core, at most 16) and its alarm worker. */
export async function warmWorkers(page: Page): Promise<number> {
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  return Math.min(cores, 16) + 1;
}
