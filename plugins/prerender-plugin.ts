// After `vite build`, writes a static HTML page for the home page, every lesson and "not found"
// (src/ui/prerender.tsx renders them in Node): readable before, and without, JavaScript, with
// the right title and description for link previews. The app then replaces each page with the
// same markup. Every page preloads the app's chunks and a lesson's page the lesson page's code and its lesson chunk, so they
// arrive with the page, although the entry imports them only after the first paint.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { runnerImport, type Plugin, type ResolvedConfig, type Rolldown } from "vite";
import type { PrerenderedPage } from "../src/ui/prerendered-page.ts";
import { LESSON_ID_PREFIX, lessonsPlugin } from "./lessons-plugin.ts";

export function prerenderPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: "lanes-prerender",
    apply: "build",
    configResolved(resolved) {
      config = resolved;
    },
    async writeBundle(options, bundle) {
      const outDir = options.dir ?? resolve(config.root, config.build.outDir);
      const template = readFileSync(join(outDir, "index.html"), "utf8");
      const { module } = await runnerImport<{ prerenderPages(): PrerenderedPage[] }>(resolve(config.root, "src/ui/prerender.tsx"), {
        root: config.root,
        // The pages' links honour the site's base, as the app's do (import.meta.env.BASE_URL).
        base: config.base,
        configFile: false,
        logLevel: "error",
        // The client build has just validated and type-checked the lessons.
        plugins: [lessonsPlugin({ typecheck: false }), noStylesheets()],
      });
      // The app itself: the entry imports it only after the first paint (src/main.tsx). Monaco is
      // not preloaded: measured (bench first-visit), its preload held the first paint back by
      // about 70 ms while the browser took in megabytes of script, and the editor was ready no
      // sooner (the app imports it the moment the page is painted).
      const app = chunkWithImports(bundle, (c) => c.facadeModuleId?.endsWith("/src/boot.tsx") === true);
      const lessonPage = chunkWithImports(bundle, (c) => c.facadeModuleId?.endsWith("/src/ui/LessonPage.tsx") === true);
      for (const page of module.prerenderPages()) {
        const chunk = page.lessonSlug === undefined ? undefined : lessonChunk(bundle, page.lessonSlug);
        const preloads = [...new Set(chunk === undefined ? app : [...app, ...lessonPage, chunk])].map((file) => `${config.base}${file}`);
        const path = join(outDir, page.file);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, fillTemplate(template, page, preloads));
      }
    },
  };
}

/** Stylesheets are the client build's business; in Node a component's CSS import is empty. */
function noStylesheets(): Plugin {
  const EMPTY = "\0lanes-prerender-empty-css";
  return {
    name: "lanes-prerender-no-css",
    enforce: "pre",
    resolveId: (source) => (/\.css(?:\?|$)/.test(source) ? EMPTY : undefined),
    load: (id) => (id === EMPTY ? "export default {};" : undefined),
  };
}

function lessonChunk(bundle: Rolldown.OutputBundle, slug: string): string | undefined {
  const id = `\0${LESSON_ID_PREFIX}${encodeURIComponent(slug)}`;
  return Object.values(bundle).find((c) => c.type === "chunk" && c.facadeModuleId === id)?.fileName;
}

/** The file of the chunk `is` picks and of every chunk it imports statically (the entry's own are preloaded already, and repeat harmlessly). */
function chunkWithImports(bundle: Rolldown.OutputBundle, is: (chunk: Rolldown.OutputChunk) => boolean): string[] {
  const chunks = new Map(Object.values(bundle).flatMap((c) => (c.type === "chunk" ? [[c.fileName, c] as const] : [])));
  const start = [...chunks.values()].find(is);
  const files: string[] = [];
  const visit = (file: string) => {
    const chunk = chunks.get(file);
    if (!chunk || files.includes(file) || chunk.isEntry) return;
    files.push(file);
    chunk.imports.forEach(visit);
  };
  if (start) visit(start.fileName);
  return files;
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** index.html with the page's head fields and its markup inside #root. */
export function fillTemplate(template: string, page: PrerenderedPage, preloads: readonly string[] = []): string {
  const title = escapeHtml(page.title);
  const description = escapeHtml(page.description);
  const head = [
    `<meta property="og:title" content="${title}" />`,
    `<meta property="og:description" content="${description}" />`,
    `<meta property="og:type" content="${page.lessonSlug ? "article" : "website"}" />`,
    ...preloads.filter((file) => !template.includes(`href="${file}"`)).map((file) => `<link rel="modulepreload" crossorigin href="${escapeHtml(file)}">`),
  ];
  const filled = template
    .replace(/<title>[^<]*<\/title>/, `<title>${title}</title>`)
    .replace(/<meta name="description" content="[^"]*" \/>/, `<meta name="description" content="${description}" />\n    ${head.join("\n    ")}`)
    .replace('<div id="root"></div>', `<div id="root">${page.html}</div>`);
  if (!filled.includes(`<div id="root">${page.html}`) || !filled.includes(`<title>${title}`)) {
    throw new Error("index.html has no <title>, description meta or empty <div id=\"root\"></div> to fill: plugins/prerender-plugin.ts expects all three.");
  }
  return filled;
}
