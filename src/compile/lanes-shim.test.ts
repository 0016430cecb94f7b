import { describe, expect, it } from "vitest";
import { lanesShimSource } from "./lanes-shim";

const KEY = "lanes.shim-test";

/** Node can import data: URLs, so the shim is tested as the module it is. */
async function importSource(source: string): Promise<Record<string, unknown>> {
  return (await import(/* @vite-ignore */ `data:text/javascript,${encodeURIComponent(source)}`)) as Record<string, unknown>;
}

describe("lanesShimSource", () => {
  it("re-exports each runtime name from the realm's global", async () => {
    const sleep = () => undefined;
    (globalThis as Record<symbol, unknown>)[Symbol.for(KEY)] = { sleep, Pool: class {}, hidden: 1 };
    const shim = await importSource(lanesShimSource(["sleep", "Pool"], KEY));
    expect(shim.sleep).toBe(sleep);
    expect(Object.keys(shim).sort()).toEqual(["Pool", "sleep"]);
  });

  it("says so when the realm has no runtime", async () => {
    await expect(importSource(lanesShimSource(["sleep"], "lanes.not-installed"))).rejects.toThrow(/not installed in this realm/);
  });

  it("exports a repeated name once", () => {
    expect(lanesShimSource(["print", "print"], KEY).match(/export const print/g)).toHaveLength(1);
  });

  it("refuses a name that is not an identifier", () => {
    expect(() => lanesShimSource(["a-b"], KEY)).toThrow(/"a-b" cannot be exported by name/);
  });

  it("refuses a reserved word", () => {
    expect(() => lanesShimSource(["default"], KEY)).toThrow(/"default" cannot be exported/);
  });

  it("quotes the key, whatever it contains", () => {
    expect(lanesShimSource([], 'a"b')).toContain('Symbol.for("a\\"b")');
  });
});
