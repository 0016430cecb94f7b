// Loads Pyodide from the site (never a CDN), reporting progress: its files are megabytes.
// The big files are fetched here, with progress, and handed to loadPyodide through a fetch
// that answers from them, so they are downloaded once.
import type { loadPyodide, PyodideInterface } from "pyodide";
import type { LoadProgress } from "./protocol";

/** Where the pyodide-assets Vite plugin serves Pyodide's files. */
const PYODIDE_URL = new URL(`${import.meta.env.BASE_URL}pyodide/`, self.location.origin).href;

const BIG_FILES: { name: string; type: string; size: number }[] = [
  // Sizes of pyodide 314.0.8, for progress before a response says its length.
  { name: "pyodide.asm.wasm", type: "application/wasm", size: 9_597_892 },
  { name: "python_stdlib.zip", type: "application/zip", size: 2_545_550 },
];

async function download(url: string, onBytes: (n: number) => void): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url} answered ${response.status}: the site must serve Pyodide's files under pyodide/.`);
  const chunks: Uint8Array[] = [];
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    onBytes(value.byteLength);
  }
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

/** Pyodide's memory snapshots (private options of 314.0.8's loadPyodide: `_makeSnapshot` lets
 *  the instance make one, `_loadSnapshot` starts from one instead of initialising Python). */
export interface SnapshotOptions {
  makeSnapshot?: boolean;
  snapshot?: Uint8Array;
}

/** The snapshot's bytes (about 30 MB) as an awaitable that gives them up once taken: Pyodide
 *  keeps its options for the instance's life, and would keep the bytes with them, after they
 *  have been copied into its memory. */
function handOver(bytes: Uint8Array): PromiseLike<Uint8Array> {
  let held: Uint8Array | undefined = bytes;
  return {
    then(onTaken) {
      const taken = held ?? new Uint8Array();
      held = undefined;
      return Promise.resolve(taken).then(onTaken);
    },
  };
}

export async function loadPyodideWithProgress(onProgress: (p: LoadProgress) => void, snapshots: SnapshotOptions = {}): Promise<PyodideInterface> {
  const total = BIG_FILES.reduce((n, f) => n + f.size, 0);
  let loaded = 0;
  let last = 0;
  const report = (n: number) => {
    loaded += n;
    const now = performance.now();
    if (now - last > 100) {
      last = now;
      onProgress({ phase: "download", loaded, total });
    }
  };
  onProgress({ phase: "download", loaded: 0, total });
  const [files, module] = await Promise.all([
    Promise.all(BIG_FILES.map(async (f) => [PYODIDE_URL + f.name, { bytes: await download(PYODIDE_URL + f.name, report), type: f.type }] as const)),
    import(/* @vite-ignore */ `${PYODIDE_URL}pyodide.mjs`) as Promise<{ loadPyodide: typeof loadPyodide }>,
  ]);
  onProgress({ phase: "start", loaded: total, total });
  const cached = new Map(files);
  const realFetch = self.fetch.bind(self);
  self.fetch = (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const file = cached.get(new URL(url, PYODIDE_URL).href);
    if (!file) return realFetch(input, init);
    cached.delete(url);
    return Promise.resolve(new Response(file.bytes as Uint8Array<ArrayBuffer>, { headers: { "Content-Type": file.type } }));
  };
  try {
    const pyodide = await module.loadPyodide({
      indexURL: PYODIDE_URL,
      fullStdLib: false,
      ...(snapshots.makeSnapshot ? { _makeSnapshot: true } : {}),
      ...(snapshots.snapshot ? { _loadSnapshot: handOver(snapshots.snapshot) } : {}),
    });
    onProgress({ phase: "ready", loaded: total, total });
    return pyodide;
  } finally {
    self.fetch = realFetch;
  }
}
