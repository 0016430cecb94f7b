import { describe, expect, it } from "vitest";
import type { HeaderRule } from "./config";
import { headersFor, withHeaders } from "./site-headers";

const RULES: HeaderRule[] = [
  { prefix: "", headers: { "Cross-Origin-Embedder-Policy": "require-corp", "Content-Security-Policy": "connect-src 'none'" } },
  { prefix: "assets/python-worker-", headers: { "Content-Security-Policy": "connect-src 'self'" } },
];

describe("headersFor", () => {
  it("gives every file the site's headers", () => {
    expect(headersFor("index.html", RULES)).toEqual(RULES[0]!.headers);
  });

  it("lets a longer prefix override a header and keeps the others", () => {
    expect(headersFor("assets/python-worker-1a2b.js", RULES)).toEqual({ "Cross-Origin-Embedder-Policy": "require-corp", "Content-Security-Policy": "connect-src 'self'" });
  });

  it("applies the longer rule last whatever the order of the rules", () => {
    expect(headersFor("assets/python-worker-1a2b.js", [...RULES].reverse())["Content-Security-Policy"]).toBe("connect-src 'self'");
  });
});

describe("withHeaders", () => {
  it("adds headers, replaces those of the same name and keeps the rest, status and body", async () => {
    const response = new Response("body", { status: 201, statusText: "Made", headers: { "Content-Type": "text/html", "Content-Security-Policy": "default-src *" } });
    const served = withHeaders(response, { "Content-Security-Policy": "default-src 'self'", "Cross-Origin-Opener-Policy": "same-origin" });
    expect(served.status).toBe(201);
    expect(served.statusText).toBe("Made");
    expect(served.headers.get("Content-Type")).toBe("text/html");
    expect(served.headers.get("Content-Security-Policy")).toBe("default-src 'self'");
    expect(served.headers.get("Cross-Origin-Opener-Policy")).toBe("same-origin");
    expect(await served.text()).toBe("body");
  });

  it("rebuilds a bodiless 304 without a body", () => {
    const served = withHeaders(new Response(null, { status: 304 }), { "X-A": "1" });
    expect(served.status).toBe(304);
    expect(served.headers.get("X-A")).toBe("1");
  });

  it("returns an opaque response as it is (it cannot be rebuilt)", () => {
    const opaque = { type: "opaque", status: 0, headers: new Headers() } as unknown as Response;
    expect(withHeaders(opaque, { "X-A": "1" })).toBe(opaque);
  });
});
