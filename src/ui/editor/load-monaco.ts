import type * as Monaco from "monaco-editor";

let loading: Promise<typeof Monaco> | undefined;

/** Monaco and its workers, loaded once, on first use: the lesson text never waits for it. */
export function loadMonaco(): Promise<typeof Monaco> {
  loading ??= import("./monaco-setup").then((m) => m.monaco);
  return loading;
}
