// What the build tells the service worker (plugins/service-worker-plugin.ts writes it into sw.js).
// Types only: the worker and the plugin share them.

/** Headers for the files whose path (below the base) starts with `prefix`; the longest prefix wins over "". */
export interface HeaderRule {
  prefix: string;
  headers: Record<string, string>;
}

export interface ServiceWorkerConfig {
  /** The site's base path, with a trailing slash: "/" or "/course/lanes/". */
  base: string;
  /** Changes with any file of the build: names the precache, so a new build installs beside the old. */
  version: string;
  /** Every file a page of this build can load, below the base ("index.html", "assets/x-1a2b.js"). */
  precache: string[];
  /** Files below the base that are cached on first use instead (Pyodide: 13 MB only Python runs need). */
  onFirstUse: { prefix: string; version: string };
  /** What a static host cannot send: COOP/COEP, the Content-Security-Policy, per path. */
  headers: HeaderRule[];
}
