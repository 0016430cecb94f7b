import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { embedHeaders } from "./embed-plugin";
import { headersFor } from "../src/service-worker/site-headers";
import { SITE_HEADERS } from "../vite.config";

/** The headers public/_headers gives `path` (Netlify / Cloudflare Pages rules: a path, then indented headers; `*` matches anything). */
function staticHostHeaders(path: string): Record<string, string> {
  const text = readFileSync(new URL("../public/_headers", import.meta.url), "utf8");
  const headers: Record<string, string> = {};
  let applies = false;
  for (const line of text.split("\n")) {
    if (line.startsWith("#") || line.trim() === "") continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(`^${line.trim().replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
      applies = pattern.test(path);
    } else if (applies && !line.trim().startsWith("!")) {
      const [name, ...value] = line.trim().split(": ");
      headers[name!] = value.join(": ");
    }
  }
  return headers;
}

// Access-Control-Allow-Origin is the stage's too, sent with every file (vite.config.ts); checked below for embed.js.
const EMBED_HEADERS = ["Cross-Origin-Resource-Policy", "Document-Isolation-Policy"];
const pick = (headers: Record<string, string>) => Object.fromEntries(EMBED_HEADERS.filter((h) => h in headers).map((h) => [h, headers[h]]));

describe("the embed's headers", () => {
  for (const path of ["/embed", "/embed.html", "/embed.js", "/assets/embed-abc.js", "/lessons/locks", "/"]) {
    it(`are the same in public/_headers as in vite preview for ${path}`, () => {
      expect(pick(staticHostHeaders(path))).toEqual(pick(embedHeaders(path, "/")));
    });
  }

  it("isolate the embed page, and only it", () => {
    expect(embedHeaders("/embed", "/")["Document-Isolation-Policy"]).toBe("isolate-and-require-corp");
    expect(embedHeaders("/course/lanes/embed", "/course/lanes/")["Document-Isolation-Policy"]).toBe("isolate-and-require-corp");
    expect(embedHeaders("/lessons/locks", "/")["Document-Isolation-Policy"]).toBeUndefined();
  });

  it("let another site load embed.js as a module script", () => {
    expect(staticHostHeaders("/embed.js")).toMatchObject({ "Access-Control-Allow-Origin": "*" });
    expect(embedHeaders("/embed.js", "/")).toMatchObject({ "Access-Control-Allow-Origin": "*", "Cross-Origin-Resource-Policy": "cross-origin" });
  });

  // The service worker serves a navigation to /embed from embed.html (src/service-worker/pages.ts).
  for (const file of ["embed.html", "embed.js", "index.html", "lessons/locks.html", "assets/embed-abc.js"]) {
    it(`are added by the service worker on a host without headers as public/_headers sends them, for ${file}`, () => {
      expect(pick(headersFor(file, SITE_HEADERS))).toEqual(pick(staticHostHeaders(`/${file}`)));
    });
  }
});
