import type { monaco } from "./monaco-setup";

/** What monaco-setup loads: the editor API and the TypeScript service, not all of "monaco-editor". */
export type MonacoModule = typeof monaco;

let loading: Promise<MonacoModule> | undefined;
// Monaco's built-in names until monaco-setup (with the higher-contrast themes) has loaded.
let theme: (dark: boolean) => string = (dark) => (dark ? "vs-dark" : "vs");

/** Monaco and its workers, loaded once, on first use: the lesson text never waits for it. */
export function loadMonaco(): Promise<MonacoModule> {
  loading ??= import("./monaco-setup").then((m) => {
    theme = (dark) => (dark ? m.EDITOR_THEME.dark : m.EDITOR_THEME.light);
    return m.monaco;
  });
  return loading;
}

/** The editor theme for a colour scheme: Lanes' own once Monaco has loaded. */
export function editorTheme(dark: boolean): string {
  return theme(dark);
}
