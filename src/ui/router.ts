import { useSyncExternalStore } from "react";

// A router of two routes does not need a library: the History API and one event.

export type Route = { page: "home" } | { page: "lesson"; slug: string } | { page: "missing"; path: string };

const base = import.meta.env.BASE_URL.replace(/\/$/, "");

export function parseRoute(pathname: string): Route {
  const path = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  if (path === "" || path === "/" || path === "/index.html") return { page: "home" };
  // `.html`: the file the build prerendered for the lesson, if a host shows its name.
  const lesson = /^\/lessons\/([\w-]+)(?:\/|\.html)?$/.exec(path);
  if (lesson?.[1]) return { page: "lesson", slug: lesson[1] };
  return { page: "missing", path };
}

export function hrefFor(route: Route): string {
  if (route.page === "lesson") return `${base}/lessons/${route.slug}`;
  return `${base}/`;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener("popstate", onChange);
  return () => window.removeEventListener("popstate", onChange);
}

export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname);
  return parseRoute(pathname);
}

export function navigate(href: string): void {
  window.history.pushState(null, "", href);
  window.dispatchEvent(new PopStateEvent("popstate"));
  window.scrollTo(0, 0);
}
