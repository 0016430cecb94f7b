import { describe, expect, it } from "vitest";
import { AWAIT_SITES_NAME, AWAIT_SITE_NAME, arrivalLine, awaitSite, awaitSiteIterable } from "../runtime/await-site";
import { LOOP_GUARD_NAME } from "../runtime/loop-guard";
import { lanesShimSource } from "./lanes-shim";
import { locateInStack, userStack } from "./stack-location";
import { compileProgram, sourcePosition } from "./transpile";

// The browser loads programs from Blob URLs (load-module.ts); Node cannot import those, but it
// can import data: URLs, which exercise the same path: shim -> compiled program -> V8 stacks.

const KEY = "lanes.end-to-end-test";

function dataUrl(js: string): string {
  return `data:text/javascript,${encodeURIComponent(js)}`;
}

const printed: string[] = [];
const loopLines: number[] = [];
(globalThis as Record<symbol, unknown>)[Symbol.for(KEY)] = {
  sleep: (ms: number) => new Promise((resolve) => setTimeout(resolve, ms)),
  print: (...values: unknown[]) => printed.push(values.join(" ")),
  [LOOP_GUARD_NAME]: (line: number) => loopLines.push(line),
  [AWAIT_SITE_NAME]: awaitSite,
  [AWAIT_SITES_NAME]: awaitSiteIterable,
};
const lanesUrl = dataUrl(lanesShimSource(["sleep", "print", LOOP_GUARD_NAME, AWAIT_SITE_NAME, AWAIT_SITES_NAME], KEY));

const source = [
  'import { sleep, print } from "lanes";',
  "interface Page { n: number }",
  "export async function fetchPage(n: number): Promise<string> {",
  "  await sleep(1);",
  "  if ((n as number) === 3) throw new Error(`no page ${n}`);",
  "  return `page ${n}`;",
  "}",
  "export default async function main(): Promise<void> {",
  "  for (const n of [1, 2]) print(await fetchPage(n));",
  "  await fetchPage(3);",
  "}",
].join("\n");

async function load(): Promise<{ url: string; module: Record<string, unknown> }> {
  const url = dataUrl(compileProgram(source, lanesUrl).js);
  return { url, module: (await import(/* @vite-ignore */ url)) as Record<string, unknown> };
}

async function failure(): Promise<{ url: string; error: Error }> {
  const { url, module } = await load();
  printed.length = 0;
  // Called detached, as the runners do: a call through the namespace would be "Proxy.main".
  const main = module.default as () => Promise<void>;
  const error = await main().then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof Error)) throw new Error("expected main() to fail");
  return { url, error };
}

describe("a compiled program, imported as a module", () => {
  it("runs main against the realm's runtime", async () => {
    await failure();
    expect(printed).toEqual(["page 1", "page 2"]);
  });

  it("exports its functions by name, for workers to import", async () => {
    const { module } = await load();
    expect(await (module.fetchPage as (n: number) => Promise<string>)(7)).toBe("page 7");
  });

  it("throws at the student's line, as a real V8 stack shows", async () => {
    const { url, error } = await failure();
    const place = locateInStack(error.stack ?? "", url);
    expect(place?.line).toBe(5);
  });

  it("maps the stack's column back to the column the student wrote", async () => {
    const { url, error } = await failure();
    const place = locateInStack(error.stack ?? "", url);
    if (!place) throw new Error("no frame in the program");
    const column = (source.split("\n")[4] ?? "").indexOf("new Error") + 1;
    expect(sourcePosition(source, place.line, place.column)).toEqual({ line: 5, column });
  });

  it("shows the student only their own frames", async () => {
    const { url, error } = await failure();
    expect(userStack(error.stack ?? "", url).split("\n")).toEqual([
      expect.stringMatching(/^ {4}at fetchPage \(program\.ts:5:\d+\)$/),
      expect.stringMatching(/^ {4}at main \(program\.ts:10:\d+\)$/),
    ]);
  });

  it("remembers the line of main() that an error reached, through the await sites", async () => {
    const { error } = await failure();
    expect(arrivalLine(error)).toBe(10);
  });

  it("remembers the line of a for await that an error reached", async () => {
    const looped = [
      'import { sleep } from "lanes";',
      "async function* pages(): AsyncGenerator<number> { yield 1; await sleep(1); throw new Error('gone'); }",
      "export default async function main(): Promise<void> {",
      "  for await (const p of pages()) {",
      "    void p;",
      "  }",
      "}",
    ].join("\n");
    const module = (await import(/* @vite-ignore */ dataUrl(compileProgram(looped, lanesUrl).js))) as Record<string, unknown>;
    const error = await (module.default as () => Promise<void>)().then(() => undefined, (reason: unknown) => reason);
    expect((error as Error).message).toBe("gone");
    expect(arrivalLine(error)).toBe(4);
  });

  it("calls the loop guard from every loop, with the loop's line", async () => {
    loopLines.length = 0;
    await failure();
    expect(loopLines).toEqual([9, 9]);
  });

  it("maps a column after a guard call on the same line back to what the student wrote", async () => {
    const looped = ['import { print } from "lanes";', "export default function main(): void {", '  for (let i: number = 0; i < 1; i++) { print(i); throw new RangeError("late"); }', "}"].join("\n");
    const url = dataUrl(compileProgram(looped, lanesUrl).js);
    const module = (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
    let error: unknown;
    try {
      (module.default as () => void)();
    } catch (caught) {
      error = caught;
    }
    const place = locateInStack((error as Error).stack ?? "", url);
    if (!place) throw new Error("no frame in the program");
    const column = (looped.split("\n")[2] ?? "").indexOf("new RangeError") + 1;
    expect(sourcePosition(looped, place.line, place.column)).toEqual({ line: 3, column });
  });
});
