// The embed: embed.js at a stable address (<base>embed.js, not hashed: course pages link to it),
// and the headers that let the embed page work inside any course page. public/_headers says
// the same for static hosts (a test keeps them equal).
import { resolve } from "node:path";
import { build, type Connect, type Plugin, type Rolldown } from "vite";

export const EMBED_SCRIPT_SOURCE = "src/embed/embed-script.ts";
export const EMBED_SCRIPT_FILE = "embed.js";

/**
 * Headers by path below the site's base. The embed page isolates itself
 * (Document-Isolation-Policy: Chromium 137+ makes the frame cross-origin isolated whatever page
 * embeds it, so shared memory works there), and every file may be loaded by another site
 * (Cross-Origin-Resource-Policy: a course page that is itself isolated needs that for embed.js;
 * a public static site has nothing to hide). embed.js is a module script from another origin to
 * the course page, so it needs CORS.
 */
// The embed page (the stage it runs programs in is a srcdoc frame inside it, and keeps its isolation).
const ISOLATES_ITSELF = new Set(["embed", "embed.html"]);

export function embedHeaders(path: string, base: string): Record<string, string> {
  const local = path.startsWith(base) ? path.slice(base.length) : path;
  const headers: Record<string, string> = { "Cross-Origin-Resource-Policy": "cross-origin" };
  if (ISOLATES_ITSELF.has(local)) headers["Document-Isolation-Policy"] = "isolate-and-require-corp";
  if (local === EMBED_SCRIPT_FILE) headers["Access-Control-Allow-Origin"] = "*";
  return headers;
}

function headerMiddleware(base: () => string): Connect.NextHandleFunction {
  return (req, res, next) => {
    const path = (req.url ?? "").split(/[?#]/)[0] ?? "";
    for (const [name, value] of Object.entries(embedHeaders(path, base()))) res.setHeader(name, value);
    next();
  };
}

export function embedPlugin(): Plugin {
  let base = "/";
  let root = process.cwd();
  return {
    name: "lanes-embed",
    configResolved(config) {
      base = config.base;
      root = config.root;
    },
    async generateBundle() {
      // Only the client build (not the workers' or the prerender's) carries embed.js. It is
      // built on its own, so it shares no chunk with the app: one file, no further imports.
      if (this.environment?.name !== "client") return;
      this.emitFile({ type: "asset", fileName: EMBED_SCRIPT_FILE, source: await buildEmbedScript(root) });
    },
    configureServer(server) {
      server.middlewares.use(headerMiddleware(() => base));
      // In dev, embed.js is its source, compiled on request.
      server.middlewares.use(async (req, res, next) => {
        if ((req.url ?? "").split("?")[0] !== base + EMBED_SCRIPT_FILE) return next();
        const result = await server.transformRequest(`/${EMBED_SCRIPT_SOURCE}`);
        if (!result) return next();
        res.setHeader("Content-Type", "text/javascript");
        res.end(result.code);
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use(headerMiddleware(() => base));
    },
  };
}

async function buildEmbedScript(root: string): Promise<string> {
  const output = await build({
    configFile: false,
    root,
    logLevel: "warn",
    build: {
      write: false,
      target: "es2022",
      minify: true,
      lib: { entry: resolve(root, EMBED_SCRIPT_SOURCE), formats: ["es"], fileName: () => EMBED_SCRIPT_FILE },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => ("output" in o ? o.output : [])) as (Rolldown.OutputChunk | Rolldown.OutputAsset)[];
  const chunk = chunks.find((c): c is Rolldown.OutputChunk => c.type === "chunk" && c.isEntry);
  if (!chunk) throw new Error("embed.js: the build produced no entry chunk");
  return chunk.code;
}
