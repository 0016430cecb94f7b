// Which precached page answers a navigation. The build prerenders index.html,
// lessons/<slug>.html and 404.html; hosts serve /lessons/<slug> from lessons/<slug>.html (GitHub
// Pages, Netlify, Cloudflare Pages do; the nginx and Caddy recipes in docs/deploying.md too).

/** `pathname` (a URL's path) below `base`, or undefined when it is outside the site. */
export function pathBelowBase(pathname: string, base: string): string | undefined {
  if (pathname.startsWith(base)) return pathname.slice(base.length);
  if (pathname === base.replace(/\/$/, "")) return "";
  return undefined;
}

/** The precached page for a navigation to `path` (below the base): the lesson's, the home page, else 404.html. */
export function pageFor(path: string, precached: ReadonlySet<string>): string {
  const clean = path.replace(/\/+$/, "");
  if (clean === "" || clean === "index.html") return "index.html";
  const candidates = [clean, `${clean}.html`, `${clean}/index.html`];
  return candidates.find((file) => file.endsWith(".html") && precached.has(file)) ?? "404.html";
}
