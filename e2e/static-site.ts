// The built site under a sub-path, served by a plain static server: no COOP/COEP, no CSP, no
// headers at all, as GitHub Pages serves a project site. `npm run build:subpath` builds it
// (npm run test:e2e does, once, before the specs).
import { existsSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import { resolve } from "node:path";
import { expect, type Page } from "@playwright/test";
import { startPlainServer, type PlainServerOptions } from "./plain-server";

export const SUBPATH_BASE = "/course/lanes/";
export const SUBPATH_DIST = resolve("dist-subpath");
export const STATIC_PORT = Number(process.env.LANES_STATIC_PORT ?? 4212);
export const STATIC_ORIGIN = `http://127.0.0.1:${STATIC_PORT}`;

export interface StaticSite {
  server: Server;
  /** Requests the server has answered, by path: an offline page must add none. */
  requests: string[];
  close(): Promise<void>;
}

export async function startStaticSite(options: Omit<PlainServerOptions, "base"> = {}): Promise<StaticSite> {
  if (!existsSync(resolve(SUBPATH_DIST, "sw.js"))) throw new Error("dist-subpath/ has no build: run `npm run build:subpath` first (npm run test:e2e does).");
  const server = await startPlainServer(SUBPATH_DIST, STATIC_PORT, { ...options, base: SUBPATH_BASE });
  const requests: string[] = [];
  server.on("request", (request: { url?: string }) => requests.push(request.url ?? ""));
  return { server, requests, close: () => new Promise((done) => server.close(() => done())) };
}

/** The precache list the build wrote into sw.js (its first line is the config). */
export function precacheList(): string[] {
  const firstLine = readFileSync(resolve(SUBPATH_DIST, "sw.js"), "utf8").split("\n", 1)[0] ?? "";
  const json = /^var __LANES_SW_CONFIG__ = (.*);$/.exec(firstLine)?.[1];
  if (!json) throw new Error("dist-subpath/sw.js does not start with its config");
  return (JSON.parse(json) as { precache: string[] }).precache;
}

/** Counts the page's own loads (the first one and every reload or navigation of the top frame). */
export function countLoads(page: Page): { readonly count: number } {
  const counter = { count: 0 };
  page.on("load", () => (counter.count += 1));
  return counter;
}

/** Waits until the page is controlled by the service worker and cross-origin isolated (it reloads once on the way). */
export async function waitUntilIsolated(page: Page): Promise<void> {
  // An evaluation that a reload interrupts throws: that is "not yet".
  const isolated = () => page.evaluate(() => navigator.serviceWorker.controller !== null && crossOriginIsolated).catch(() => false);
  await expect.poll(isolated, { timeout: 30_000, intervals: [100] }).toBe(true);
  await page.waitForLoadState("load");
}
