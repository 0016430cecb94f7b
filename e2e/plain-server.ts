// A static host as most course sites are: files from dist/ with an SPA fallback and nothing
// else, in particular no COOP/COEP headers, so the page is not cross-origin isolated.
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ttf": "font/ttf",
  ".woff2": "font/woff2",
  ".zip": "application/zip",
};

export interface PlainServerOptions {
  /** The sub-path the site is served under ("/course/lanes/"); other paths are 404. Default "/". */
  base?: string;
  /** Change a file's bytes as they are served (`file` below root, "sw.js"): a new deployment, cheaply. */
  rewrite?: (file: string, body: Buffer) => Buffer;
}

/**
 * Serve `root` on 127.0.0.1:`port`; resolves once listening. `/x` is `x`, else `x.html` (as GitHub
 * Pages and Netlify do), else index.html.
 */
export function startPlainServer(root: string, port: number, options: PlainServerOptions = {}): Promise<Server> {
  const base = options.base ?? "/";
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    if (!pathname.startsWith(base)) {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    const path = normalize(pathname.slice(base.length - 1)).replace(/^(\.\.[/\\])+/, "");
    const isFile = (file: string) => file.startsWith(root) && existsSync(file) && !statSync(file).isDirectory();
    const file = [join(root, path), join(root, `${path}.html`)].find(isFile) ?? join(root, "index.html");
    response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    if (options.rewrite) response.end(options.rewrite(file.slice(root.length + 1), readFileSync(file)));
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}
