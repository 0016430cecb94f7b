// Serves Pyodide's runtime from the site itself (no CDN): in dev from node_modules, in the build
// as files under `pyodide/`. Nothing of it loads until the first Python run (the worker that
// fetches it starts then). Only the files a stdlib-only run needs: package wheels are not shipped.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Connect, Plugin } from "vite";

/** Where the files are served, below the site's base. */
export const PYODIDE_DIR = "pyodide/";

/** What `loadPyodide` fetches or imports for Python with its standard library. */
export const PYODIDE_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"] as const;

const TYPES: Record<string, string> = { mjs: "text/javascript", wasm: "application/wasm", zip: "application/zip", json: "application/json" };

function pyodideRoot(): string {
  return dirname(createRequire(import.meta.url).resolve("pyodide/package.json"));
}

/** Serves PYODIDE_FILES at `<base>pyodide/<file>` from node_modules (dev, and any server with middlewares). */
function serveFromNodeModules(base: string): Connect.NextHandleFunction {
  const root = pyodideRoot();
  return (req, res, next) => {
    const path = (req.url ?? "").split("?")[0] ?? "";
    const name = path.startsWith(base + PYODIDE_DIR) ? path.slice(base.length + PYODIDE_DIR.length) : "";
    if (!(PYODIDE_FILES as readonly string[]).includes(name)) return next();
    res.setHeader("Content-Type", TYPES[name.split(".").pop() ?? ""] ?? "application/octet-stream");
    res.end(readFileSync(join(root, name)));
  };
}

/** The Python worker's script: its name in the build (Vite names a worker chunk after its file). */
export const PYTHON_WORKER_PATH = "assets/python-worker-";

/**
 * Sends the Content-Security-Policy with every file `vite preview` serves: `byPrefix[prefix]`
 * with the files below the base whose path starts with `prefix` (the Python worker's script:
 * a worker's policy is the one its script came with; the service worker), `policy` with
 * everything else. public/_headers says the same for static hosts.
 */
export function pythonWorkerCsp(policy: string, byPrefix: Record<string, string>): Plugin {
  let base = "/";
  return {
    name: "lanes-csp",
    configResolved(config) {
      base = config.base;
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? "").split("?")[0] ?? "";
        const prefix = Object.keys(byPrefix).find((p) => path.startsWith(base + p));
        res.setHeader("Content-Security-Policy", prefix === undefined ? policy : (byPrefix[prefix] ?? policy));
        next();
      });
    },
  };
}

export function pyodideAssets(): Plugin {
  let base = "/";
  return {
    name: "lanes-pyodide-assets",
    configResolved(config) {
      base = config.base;
    },
    configureServer(server) {
      server.middlewares.use(serveFromNodeModules(base));
    },
    generateBundle() {
      const root = pyodideRoot();
      for (const name of PYODIDE_FILES) {
        this.emitFile({ type: "asset", fileName: PYODIDE_DIR + name, source: readFileSync(join(root, name)) });
      }
    },
  };
}
