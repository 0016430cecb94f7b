import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { STAGE_BOOT_HASH, STAGE_BOOT_SCRIPT, STAGE_CSP, stageDocument } from "./stage-document";
import { CONTENT_SECURITY_POLICY } from "../../vite.config";

const bootHash = `'sha256-${createHash("sha256").update(STAGE_BOOT_SCRIPT).digest("base64")}'`;

describe("the stage's document", () => {
  it("names the boot script's own hash (else every policy refuses it)", () => {
    expect(STAGE_BOOT_HASH, "set STAGE_BOOT_HASH to this").toBe(bootHash);
  });

  it("holds the boot script exactly as hashed, once, and no other script", () => {
    const html = stageDocument();
    expect(html.split("<script>")).toHaveLength(2);
    expect(html).toContain(`<script>${STAGE_BOOT_SCRIPT}</script>`);
  });

  it("allows the boot in the stage's policy and in the site's, which the stage inherits", () => {
    expect(STAGE_CSP).toContain(bootHash);
    expect(CONTENT_SECURITY_POLICY).toContain(bootHash);
  });

  it("lets the stage reach nothing: no connections, frames or script URLs but Blob ones", () => {
    expect(STAGE_CSP).toContain("connect-src 'none'");
    expect(STAGE_CSP).toContain("frame-src 'none'");
    expect(STAGE_CSP).not.toContain("'self'");
    expect(STAGE_CSP).toMatch(/script-src blob: 'wasm-unsafe-eval' 'sha256-[^']+'; /);
  });
});
