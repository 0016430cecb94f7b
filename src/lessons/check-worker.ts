// A `ts check` in the browser runs in a Worker made from a Blob URL: it sees the runs it is sent
// and nothing of the page (no DOM, no storage of the app's, no network), and it is terminated
// when it answers or when its time is up, so a check that loops forever costs one timeout.
import type { Run } from "../trace/run.ts";
import { guardedCheckSource, isBrokenCheck, timedOut, type BrokenCheck } from "./check-script.ts";

// Globals a check has no business using; removed before the author's code runs.
const WITHHELD = ["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "importScripts", "indexedDB", "caches", "BroadcastChannel"];

/** The Worker's whole script for a compiled check: it answers one message of runs. */
export function checkWorkerSource(js: string): string {
  return `"use strict";
for (const name of ${JSON.stringify(WITHHELD)}) { try { Object.defineProperty(self, name, { value: undefined }); } catch (e) {} }
const check = ${guardedCheckSource(js)};
self.onmessage = function (event) { self.postMessage(check(event.data)); };`;
}

/** Run a compiled check over `runs` in a throw-away Worker; resolves to true, what failed, or how the check broke. */
export function runCheckInWorker(js: string, runs: readonly Run[], timeoutMs: number): Promise<true | string | BrokenCheck> {
  const url = URL.createObjectURL(new Blob([checkWorkerSource(js)], { type: "text/javascript" }));
  let worker: Worker;
  try {
    worker = new Worker(url, { name: "lanes-check" });
  } catch (e) {
    URL.revokeObjectURL(url);
    return Promise.resolve({ broken: `could not start: ${e instanceof Error ? e.message : String(e)}` });
  }
  return new Promise((resolve) => {
    const finish = (verdict: true | string | BrokenCheck) => {
      clearTimeout(timer);
      worker.terminate();
      URL.revokeObjectURL(url);
      resolve(verdict);
    };
    const timer = setTimeout(() => finish(timedOut(timeoutMs)), timeoutMs);
    worker.onmessage = (event: MessageEvent<unknown>) => finish(event.data === true ? true : isBrokenCheck(event.data) ? { broken: event.data.broken } : String(event.data));
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ broken: `threw an error: ${event.message}` });
    };
    worker.postMessage(runs);
  });
}
