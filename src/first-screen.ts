// What a first visit needs first is the lesson readable and its editor usable; the rest of what
// Lanes starts on its own (the program's spare page and its workers, the service worker's
// precache of the whole site) competes with that for two cores and the network. Those wait for
// `afterFirstScreen()`: the page loaded, what the screen is waiting for (Monaco, on a lesson)
// arrived, then a moment in which the page is idle.

const held: Promise<unknown>[] = [];
let settled: Promise<void> | undefined;

/** The first screen waits for `work` (e.g. the editor's code loading) before anything optional starts. */
export function holdFirstScreen(work: Promise<unknown>): void {
  held.push(work.catch(() => undefined)); // a failure settles it too: nothing waits for ever
}

/** Resolves once the page has loaded, every held promise has settled, and the page is idle (or 3 s have passed). */
export function afterFirstScreen(): Promise<void> {
  settled ??= loaded()
    .then(() => Promise.all(held))
    .then(idle);
  return settled;
}

function loaded(): Promise<void> {
  if (document.readyState === "complete") return Promise.resolve();
  return new Promise((resolve) => window.addEventListener("load", () => resolve(), { once: true }));
}

function idle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(() => resolve(), { timeout: 3000 });
    else setTimeout(resolve, 200);
  });
}
