import type { Browser, Page } from "@playwright/test";

export interface BrowserSessionOptions {
  /** The project to build and serve (default: the working directory). */
  root?: string;
  /** Where the build goes and what is served (default: dist). */
  outDir?: string;
  /** false: serve what is already built. */
  build?: boolean;
  /** A Vite config file other than the project's, or false for none. */
  configFile?: string | false;
  log?: (line: string) => void;
}

export interface BrowserSession {
  url: string;
  browser: Browser;
  /** On the app's home page, with window.__lanes ready. */
  page: Page;
  /** Uncaught errors of the page so far. */
  pageErrors: string[];
  close(): Promise<void>;
}

export function freePort(): Promise<number>;
export function startBrowserSession(options?: BrowserSessionOptions): Promise<BrowserSession>;
export function withBrowserSession<T>(options: BrowserSessionOptions, fn: (session: BrowserSession) => Promise<T>): Promise<T>;
