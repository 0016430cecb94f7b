// What the build's prerender (src/ui/prerender.tsx) hands plugins/prerender-plugin.ts per page.

export interface PrerenderedPage {
  /** Where it is written, relative to dist/: `index.html`, `lessons/<slug>.html`, `404.html`. */
  file: string;
  title: string;
  /** For link previews (`<meta name="description">`, Open Graph). */
  description: string;
  /** What goes inside #root. */
  html: string;
  /** The lesson the page shows: its chunk is preloaded. */
  lessonSlug?: string;
}
