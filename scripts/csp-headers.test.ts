import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY, PYTHON_WORKER_CSP, SERVICE_WORKER_CSP } from "../vite.config";

describe("the Content-Security-Policy", () => {
  it("is the same in public/_headers (static hosts) as in vite preview (tests, npm run preview)", () => {
    const headers = readFileSync(new URL("../public/_headers", import.meta.url), "utf8");
    const line = /^\s*Content-Security-Policy: (.+)$/m.exec(headers)?.[1];
    expect(line).toBe(CONTENT_SECURITY_POLICY);
  });

  it("gives the Python worker's script its own policy in public/_headers, as vite preview does", () => {
    const headers = readFileSync(new URL("../public/_headers", import.meta.url), "utf8");
    const rule = /^\/assets\/python-worker-\*\n((?:[ \t]+.+\n?)+)/m.exec(headers)?.[1] ?? "";
    expect(rule).toContain("! Content-Security-Policy");
    expect(/Content-Security-Policy: (.+)$/m.exec(rule)?.[1]).toBe(PYTHON_WORKER_CSP);
  });

  it("gives the service worker a policy that lets it fetch the site's files, in public/_headers as in vite preview", () => {
    const headers = readFileSync(new URL("../public/_headers", import.meta.url), "utf8");
    const rule = /^\/sw\.js\n((?:[ \t]+.+\n?)+)/m.exec(headers)?.[1] ?? "";
    expect(rule).toContain("! Content-Security-Policy");
    expect(/Content-Security-Policy: (.+)$/m.exec(rule)?.[1]).toBe(SERVICE_WORKER_CSP);
    expect(SERVICE_WORKER_CSP).toContain("connect-src 'self'");
  });

  it("is spelled out in docs/deploying.md's recipes exactly as here", () => {
    const doc = readFileSync(new URL("../docs/deploying.md", import.meta.url), "utf8");
    const policies = [...doc.matchAll(/Content-Security-Policy "([^"]+)"/g)].map((m) => m[1]);
    expect(policies.length).toBeGreaterThanOrEqual(4);
    for (const policy of policies) expect([CONTENT_SECURITY_POLICY, SERVICE_WORKER_CSP]).toContain(policy);
  });

  it("lets the Python worker connect to its own site only, and changes nothing else", () => {
    expect(PYTHON_WORKER_CSP).toBe(CONTENT_SECURITY_POLICY.replace("connect-src 'none'", "connect-src 'self'"));
    expect(PYTHON_WORKER_CSP).not.toMatch(/'unsafe-eval'|https?:|\*/);
  });

  it("lets nothing reach the network, and scripts come only from the site and Lanes' Blob URLs", () => {
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' blob: 'wasm-unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'|https?:|\*/);
  });
});
